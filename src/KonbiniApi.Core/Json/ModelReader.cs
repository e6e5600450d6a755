using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KonbiniApi.Errors;

namespace KonbiniApi.Json;

/// <summary>
/// Maps JSON onto the models through their declarations (<c>[JsonPropertyName]</c>, <c>[JsonRequired]</c>,
/// source-generated metadata). This is the one place that decides how strict the mapping is: unknown
/// members are ignored (the API adds fields over time), a required member that is missing or null, or any
/// known member of the wrong JSON type, is an <see cref="ApiErrorKind.InvalidResponse"/> that names the member.
/// </summary>
public static class ModelReader
{
    private static readonly JsonSerializerOptions Options = new(ModelContext.Default.Options)
    {
        // One source-generated context per platform (ModelContext is TikTok's and the shared models');
        // together they know every model. A new platform adds its context here.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(
            ModelContext.Default,
            XModelContext.Default,
            InstagramModelContext.Default,
            RedditModelContext.Default,
            LinkedInModelContext.Default)
            .WithAddedModifier(ApplyContractRules),
    };

    /// <summary>The metadata for a model type; fails fast for a type the context does not declare.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => Metadata<T>.Info;

    /// <summary>Reads one object.</summary>
    /// <param name="element">The JSON object.</param>
    /// <param name="requestPath">The request it answered, for the error.</param>
    /// <param name="jsonPath">Where the object sits in the answer, e.g. <c>data</c> or <c>data.orderedItems[3]</c>.</param>
    /// <exception cref="KonbiniApiException">The object does not follow the contract.</exception>
    public static T Read<T>(JsonElement element, string requestPath, string jsonPath)
        where T : class
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(requestPath, jsonPath + " is " + Describe(element.ValueKind) + ", not an object");
        }

        try
        {
            return element.Deserialize(TypeInfo<T>())
                ?? throw Invalid(requestPath, jsonPath + " is null");
        }
        catch (JsonException broken)
        {
            throw Invalid(requestPath, Explain(broken, element, jsonPath), broken);
        }
        catch (InvalidOperationException unreadable)
        {
            // Strings that are not valid UTF-8 are accepted by the parser and refused only when read.
            throw Invalid(requestPath, jsonPath + " holds text that is not valid UTF-8", unreadable);
        }
    }

    /// <summary>The failure for an answer that breaks the contract.</summary>
    public static KonbiniApiException Invalid(string requestPath, string detail, Exception? cause = null) =>
        new(ApiErrorKind.InvalidResponse, "The response does not follow the KonbiniAPI contract: " + detail + ".", requestPath: requestPath, innerException: cause);

    /// <summary>
    /// STJ's [JsonRequired] asks only that a member be present (see also <see cref="PresentMayBeNullAttribute"/>); the contract means present and not null,
    /// so the setter of every required member refuses null (value types refuse it already). A list that
    /// is null stays the empty list the model starts with, so scripts never meet a null list.
    /// </summary>
    private static void ApplyContractRules(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        // Source-generated metadata carries no attributes, so the marked members are found by their JSON names.
        var mayBeNull = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var member in type.Type.GetProperties())
        {
            if (member.IsDefined(typeof(PresentMayBeNullAttribute), false) &&
                Attribute.GetCustomAttribute(member, typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute)) is System.Text.Json.Serialization.JsonPropertyNameAttribute named)
            {
                mayBeNull.Add(named.Name);
            }
        }

        foreach (var property in type.Properties)
        {
            if (property.Set is not { } set ||
                (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null))
            {
                continue;
            }

            // A member the contract requires but types as "string or null" must be there, and may be null.
            var required = property.IsRequired && !mayBeNull.Contains(property.Name);
            var isList = typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string);
            if (!required && !isList)
            {
                continue;
            }

            property.Set = (target, value) =>
            {
                if (value is null)
                {
                    if (required)
                    {
                        throw new JsonException(NullMarker);
                    }

                    return;
                }

                set(target, value);
            };
        }
    }

    private const string NullMarker = "konbini:required-null";
    private const string MissingMarker = "missing required properties";
    private const string ConvertMarker = "could not be converted to ";

    private static string Explain(JsonException broken, JsonElement root, string jsonPath)
    {
        var where = broken.Path is { Length: > 0 } path && path != "$" ? jsonPath + path.Substring(1) : jsonPath;
        var message = broken.Message ?? string.Empty;
        if (message == NullMarker)
        {
            return "the required field " + where + " is null";
        }

        if (message.StartsWith(Models.ItemListRules.NullItem, StringComparison.Ordinal))
        {
            // A converter that reads the array itself adds the element's index after the marker.
            return where + message.Substring(Models.ItemListRules.NullItem.Length) + " is null, not an item";
        }

        var missing = message.IndexOf(MissingMarker, StringComparison.Ordinal);
        if (missing >= 0)
        {
            // STJ lists the names after "including" (8.0: "including the following: a, b"; later: "including: 'a'");
            // the first one is enough to find the fault.
            var names = message.Substring(missing + MissingMarker.Length);
            var colon = names.IndexOf(':');
            var first = (colon >= 0 ? names.Substring(colon + 1) : names).Split(',')[0].Trim().TrimEnd('.').Trim('\'', '"');
            return "the required field " + where + "." + first + " is missing";
        }

        var actual = Find(root, broken.Path);
        if (message.StartsWith(UtcDateConverter.Problem, StringComparison.Ordinal))
        {
            return where + " is not a date: '" + Truncate(actual is { ValueKind: JsonValueKind.String } text ? text.GetString() ?? string.Empty : string.Empty) + "'";
        }

        var convert = message.IndexOf(ConvertMarker, StringComparison.Ordinal);
        if (convert >= 0)
        {
            var typeName = message.Substring(convert + ConvertMarker.Length);
            var end = typeName.IndexOf(". Path:", StringComparison.Ordinal);
            typeName = end >= 0 ? typeName.Substring(0, end) : typeName.TrimEnd('.');
            if (actual is { ValueKind: JsonValueKind.String } && broken.InnerException is InvalidOperationException && Expected(typeName) == "a string")
            {
                return where + " holds text that is not valid UTF-8";
            }

            return where + " should be " + Expected(typeName) + " but is " + (actual is JsonElement found ? Describe(found) : "something else");
        }

        return where + " is not what the contract describes (" + message + ")";
    }

    private static string Expected(string clrType) => clrType switch
    {
        _ when clrType.Contains("Int64") || clrType.Contains("Int32") => "a whole number",
        _ when clrType.Contains("Double") || clrType.Contains("Decimal") => "a number",
        _ when clrType.Contains("Boolean") => "a boolean",
        _ when clrType == "System.String" => "a string",
        _ when clrType.Contains("DateTime") => "a date",
        _ when clrType.Contains("List") || clrType.Contains("Collection") || clrType.Contains("[]") => "an array",
        _ => "an object",
    };

    /// <summary>Finds the element a JSON path such as <c>$.tag[2].name</c> or <c>$['odd name']</c> points at.</summary>
    internal static JsonElement? Find(JsonElement root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path![0] != '$')
        {
            return null;
        }

        var current = root;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(path.AsSpan(i + 1, end - i - 1), out current))
                {
                    return null;
                }

                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0 || current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(path.AsSpan(i + 2, end - i - 2), out current))
                {
                    return null;
                }

                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || current.ValueKind != JsonValueKind.Array ||
                    !int.TryParse(path.Substring(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ||
                    index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string Describe(JsonElement element) => element.ValueKind == JsonValueKind.Number && !element.TryGetInt64(out _)
        ? "a number that is not a whole 64-bit number"
        : Describe(element.ValueKind);

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

    /// <summary>Looked up once per model type, not once per item read.</summary>
    private static class Metadata<T>
    {
        public static readonly JsonTypeInfo<T> Info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
    }
}
