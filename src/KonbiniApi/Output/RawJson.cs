using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using KonbiniApi.Json;

namespace KonbiniApi.Output;

/// <summary>
/// Turns a JSON element into the objects ConvertFrom-Json would give (PSCustomObject, object[],
/// long, double, string, bool, null), so that -Raw output converts back to the API's document.
/// </summary>
internal static class RawJson
{
    /// <summary>The element as PowerShell objects; an element that PowerShell objects cannot hold (two
    /// members whose names differ only in case, text that is not UTF-8) is an InvalidResponse naming where.</summary>
    /// <remarks>Has the shape of a <c>ConvertItem</c>, so a cmdlet's -Raw uses it as it is.</remarks>
    public static object ToPowerShell(JsonElement element, string requestPath, string jsonPath)
    {
        try
        {
            return Convert(element)!;
        }
        catch (Unrepresentable failure)
        {
            throw ModelReader.Invalid(requestPath, jsonPath + failure.Path + " " + failure.Message, failure.InnerException);
        }
    }

    private static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (var property in element.EnumerateObject())
                {
                    object? value;
                    try
                    {
                        value = Convert(property.Value);
                    }
                    catch (Unrepresentable inner)
                    {
                        throw inner.Within("." + property.Name);
                    }

                    // PowerShell's member names ignore case, and a second member of the same name replaces the
                    // first without a word (ConvertFrom-Json refuses such objects for that reason).
                    if (result.Properties[property.Name] is { } earlier)
                    {
                        throw new Unrepresentable(string.Equals(earlier.Name, property.Name, StringComparison.Ordinal)
                            ? "holds the member '" + earlier.Name + "' twice, which one PowerShell object cannot hold"
                            : "holds the members '" + earlier.Name + "' and '" + property.Name + "', which one PowerShell object cannot hold apart (its member names ignore case)");
                    }

                    result.Properties.Add(new PSNoteProperty(property.Name, value));
                }

                return result;
            case JsonValueKind.Array:
                var items = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    try
                    {
                        items.Add(Convert(item));
                    }
                    catch (Unrepresentable inner)
                    {
                        throw inner.Within("[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]");
                    }
                }

                return items.ToArray();
            case JsonValueKind.String:
                try
                {
                    return element.GetString();
                }
                catch (InvalidOperationException notText)
                {
                    // The parser lets bytes that are not UTF-8 through inside strings; they fail only when read.
                    throw new Unrepresentable("holds text that is not valid UTF-8", notText);
                }

            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole))
                {
                    return whole;
                }

                if (element.TryGetDecimal(out var exact))
                {
                    return exact;
                }

                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>What could not be converted, and the path to it, built outward as the failure leaves each level
    /// (so the path costs nothing when nothing fails).</summary>
    private sealed class Unrepresentable : Exception
    {
        public Unrepresentable(string problem, Exception? cause = null)
            : base(problem, cause)
        {
        }

        /// <summary>The path from the converted element to the failure, such as <c>.author.tags[1]</c>.</summary>
        public string Path { get; private set; } = string.Empty;

        public Unrepresentable Within(string segment)
        {
            Path = segment + Path;
            return this;
        }
    }
}
