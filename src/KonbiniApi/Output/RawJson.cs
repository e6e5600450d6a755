using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;

namespace KonbiniApi.Output;

/// <summary>
/// Turns a JSON element into the objects ConvertFrom-Json would give (PSCustomObject, object[],
/// long, double, string, bool, null), so that -Raw output converts back to the API's document.
/// </summary>
internal static class RawJson
{
    public static object? ToPowerShell(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (var property in element.EnumerateObject())
                {
                    result.Properties.Add(new PSNoteProperty(property.Name, ToPowerShell(property.Value)));
                }

                return result;
            case JsonValueKind.Array:
                var items = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(ToPowerShell(item));
                }

                return items.ToArray();
            case JsonValueKind.String:
                return element.GetString();
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
}
