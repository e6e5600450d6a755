using System;
using System.Globalization;
using System.Text.Json;
using KonbiniApi.Errors;

namespace KonbiniApi.Json;

/// <summary>
/// Typed, contract-checking access to the properties of one JSON object. Every failure names the
/// field path so that a broken response is reported precisely instead of crashing a cmdlet.
/// </summary>
internal readonly struct FieldReader
{
    private readonly JsonElement element;
    private readonly string path;
    private readonly string requestPath;

    public FieldReader(JsonElement element, string requestPath, string path = "data")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(requestPath, path + " is " + Describe(element.ValueKind) + ", not an object");
        }

        this.element = element;
        this.requestPath = requestPath;
        this.path = path;
    }

    public FieldReader Nested(JsonElement child, string name) => new(child, requestPath, path + "." + name);

    public string RequiredString(string name) => OptionalString(name) ?? throw Missing(name);

    public string? OptionalString(string name)
    {
        if (Get(name, JsonValueKind.String) is not JsonElement value)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // JsonDocument accepts strings that are not valid UTF-8 and only GetString notices.
            throw Invalid(requestPath, path + "." + name + " is not valid UTF-8 text");
        }
    }

    public bool RequiredBoolean(string name) => OptionalBoolean(name) ?? throw Missing(name);

    public bool? OptionalBoolean(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, "a boolean", value.ValueKind),
        };
    }

    public long RequiredInt64(string name) => OptionalInt64(name) ?? throw Missing(name);

    public long? OptionalInt64(string name)
    {
        if (Get(name, JsonValueKind.Number) is not JsonElement value)
        {
            return null;
        }

        if (value.TryGetInt64(out var whole))
        {
            return whole;
        }

        throw WrongType(name, "a whole number", JsonValueKind.Number);
    }

    public int? OptionalInt32(string name)
    {
        if (Get(name, JsonValueKind.Number) is not JsonElement value)
        {
            return null;
        }

        if (value.TryGetInt32(out var whole))
        {
            return whole;
        }

        throw WrongType(name, "a whole number", JsonValueKind.Number);
    }

    public DateTime? OptionalDate(string name)
    {
        if (OptionalString(name) is not string text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            return when.UtcDateTime;
        }

        throw Invalid(requestPath, path + "." + name + " is not a date: '" + Truncate(text) + "'");
    }

    public JsonElement? OptionalArray(string name) => Get(name, JsonValueKind.Array);

    public JsonElement? OptionalObject(string name) => Get(name, JsonValueKind.Object);

    private JsonElement? Get(string name, JsonValueKind expected)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != expected)
        {
            throw WrongType(name, Describe(expected), value.ValueKind);
        }

        return value;
    }

    private KonbiniApiException Missing(string name) =>
        Invalid(requestPath, "the required field " + path + "." + name + " is missing");

    private KonbiniApiException WrongType(string name, string expected, JsonValueKind actual) =>
        Invalid(requestPath, path + "." + name + " should be " + expected + " but is " + Describe(actual));

    internal static KonbiniApiException Invalid(string requestPath, string detail) =>
        new(ApiErrorKind.InvalidResponse, "The response does not follow the KonbiniAPI contract: " + detail + ".", requestPath: requestPath);

    private static string Describe(JsonValueKind kind) => kind switch
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
}
