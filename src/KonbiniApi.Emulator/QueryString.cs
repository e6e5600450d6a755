using System;
using System.Collections.Generic;

namespace KonbiniApi.Emulator;

/// <summary>The query of a raw request target, decoded the way form values are: '+' is a space, then
/// percent-decoding. The first occurrence of a name wins; names are case-sensitive, as the API's are.</summary>
internal sealed class QueryString
{
    private readonly Dictionary<string, string> values;

    private QueryString(Dictionary<string, string> values) => this.values = values;

    public static QueryString Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public static QueryString Parse(string rawTarget)
    {
        var start = rawTarget.IndexOf('?', StringComparison.Ordinal);
        if (start < 0 || start == rawTarget.Length - 1)
        {
            return Empty;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawTarget.AsSpan(start + 1).Split('&'))
        {
            var text = rawTarget.AsSpan(start + 1)[pair];
            if (text.IsEmpty)
            {
                continue;
            }

            var equals = text.IndexOf('=');
            var name = Decode(equals < 0 ? text : text[..equals]);
            var value = equals < 0 ? string.Empty : Decode(text[(equals + 1)..]);
            values.TryAdd(name, value);
        }

        return new QueryString(values);
    }

    public string? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    private static string Decode(ReadOnlySpan<char> text) => Uri.UnescapeDataString(text.ToString().Replace('+', ' '));
}
