using System;
using System.Globalization;

namespace KonbiniApi.Emulator;

/// <summary>The shape checks the routes make of a decoded path value before anything is generated: each
/// platform differs only in its length limit and its alphabet, so those are the parameters.</summary>
internal static class PathValues
{
    /// <summary>Fills <paramref name="digits"/> with <paramref name="value"/>, zero-padded on the left: IDs and
    /// times are spelled this way on every item, where a format string would be parsed each time.</summary>
    public static void FillDigits(Span<char> digits, long value)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>1 to <paramref name="maxDigits"/> ASCII digits; 19 digits hold any 64-bit ID.</summary>
    public static bool IsId(string text, int maxDigits = 19) => IsWord(text, maxDigits, char.IsAsciiDigit);

    /// <summary>1 to <paramref name="maxLength"/> characters, every one <paramref name="allowed"/>.</summary>
    public static bool IsWord(string text, int maxLength, Func<char, bool> allowed)
    {
        if (text.Length == 0 || text.Length > maxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!allowed(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits a generated name's trailing number (1 to <paramref name="maxDigits"/> digits) from the
    /// rest: <paramref name="at"/> is where the digits start. False when there are none, or too many.</summary>
    public static bool TrySplitTrailingNumber(string name, int maxDigits, out int at, out long number)
    {
        number = 0;
        at = name.Length;
        while (at > 0 && char.IsAsciiDigit(name[at - 1]))
        {
            at--;
        }

        return at < name.Length && name.Length - at <= maxDigits
            && long.TryParse(name.AsSpan(at), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A handle after one leading '@' is dropped, lower-cased (handles compare without case), or
    /// null when the route must answer validation_error.</summary>
    public static string? NormalizeHandle(string segment, int maxLength, Func<char, bool> allowed)
    {
        var name = segment.StartsWith('@') ? segment[1..] : segment;
        return IsWord(name, maxLength, allowed) ? name.ToLowerInvariant() : null;
    }
}
