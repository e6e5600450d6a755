using System;

namespace KonbiniApi.Emulator;

/// <summary>The shape checks the routes make of a decoded path value before anything is generated: each
/// platform differs only in its length limit and its alphabet, so those are the parameters.</summary>
internal static class PathValues
{
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

    /// <summary>A handle after one leading '@' is dropped, lower-cased (handles compare without case), or
    /// null when the route must answer validation_error.</summary>
    public static string? NormalizeHandle(string segment, int maxLength, Func<char, bool> allowed)
    {
        var name = segment.StartsWith('@') ? segment[1..] : segment;
        return IsWord(name, maxLength, allowed) ? name.ToLowerInvariant() : null;
    }
}
