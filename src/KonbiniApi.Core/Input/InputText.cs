using System;
using System.Globalization;
using System.Text;

namespace KonbiniApi.Input;

/// <summary>Helpers every identifier kind shares: echoing hostile input safely, and reading platform web addresses.</summary>
public static class InputText
{
    private const int MaxEchoedLength = 40;
    private static readonly char[] PathSeparators = { '/' };

    /// <summary>
    /// A printable, bounded copy of the input for messages: control, format (bidirectional overrides,
    /// zero-width), line-separator and unpaired surrogate characters shown as escapes, and a
    /// surrogate pair never cut in half.
    /// </summary>
    public static string Echo(string? input)
    {
        if (input is null)
        {
            return "$null";
        }

        var builder = new StringBuilder(Math.Min(input.Length, MaxEchoedLength) + 8);
        for (var i = 0; i < input.Length; i++)
        {
            if (builder.Length >= MaxEchoedLength)
            {
                builder.Append("… (").Append(input.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
                break;
            }

            var c = input[i];
            if (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]))
            {
                builder.Append(c).Append(input[++i]);
            }
            else if (IsUnprintable(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Describes one offending character for a message.</summary>
    public static string DescribeCharacter(char c)
    {
        if (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c > '\u007e')
        {
            return "the character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }

        return "'" + c + "'";
    }

    /// <summary>Whether the text is meant as a web address on <paramref name="domain"/> (with or without a scheme).</summary>
    public static bool LooksLikeUrl(string text, string domain)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return text.IndexOf("://", StringComparison.Ordinal) >= 0 ||
            text.StartsWith(domain + "/", StringComparison.OrdinalIgnoreCase) ||
            (text.IndexOf('/') > 0 && text.Substring(0, text.IndexOf('/')).EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Reads a web address on <paramref name="domain"/> or one of its subdomains, and returns its decoded
    /// path segments; says why when it is not one.
    /// </summary>
    public static bool TryReadUrl(string text, string domain, string platform, out string[] segments, out string problem) =>
        TryReadUrl(text, domain, platform, out segments, out _, out problem);

    /// <summary>As <see cref="TryReadUrl(string, string, string, out string[], out string)"/>, also giving the host (lower case).</summary>
    public static bool TryReadUrl(string text, string domain, string platform, out string[] segments, out string host, out string problem)
    {
        host = string.Empty;
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        segments = Array.Empty<string>();
        if (text.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problem = "it is not a valid web address";
            return false;
        }

        host = uri.Host.ToLowerInvariant();
        if (host != domain && !host.EndsWith("." + domain, StringComparison.Ordinal))
        {
            problem = "it is an address on " + uri.Host + ", not on " + platform;
            return false;
        }

        var raw = uri.AbsolutePath.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries);
        segments = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            segments[i] = Uri.UnescapeDataString(raw[i]);
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>The input without surrounding white space; false, "it is empty", when nothing is left.</summary>
    public static bool TryTrim(string? input, out string text, out string problem)
    {
        text = input?.Trim() ?? string.Empty;
        problem = text.Length == 0 ? "it is empty" : string.Empty;
        return text.Length > 0;
    }

    /// <summary>The path segment after <paramref name="name"/> (any letter case), e.g. the ID after "status"; null when there is none.</summary>
    public static string? SegmentAfter(string[] segments, string name)
    {
        if (segments is null)
        {
            throw new ArgumentNullException(nameof(segments));
        }

        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (string.Equals(segments[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return segments[i + 1];
            }
        }

        return null;
    }

    /// <summary>Drops one leading <paramref name="mark"/>: the '@' people type before a handle, the '#' before a tag.</summary>
    public static string WithoutMark(string text, char mark) =>
        text is { Length: > 0 } && text[0] == mark ? text.Substring(1) : text;

    /// <summary>False, "it is N characters long; <paramref name="names"/> have at most M", when the text is too long.</summary>
    public static bool CheckLength(string text, int maxLength, string names, out string problem)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        problem = text.Length > maxLength
            ? "it is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters long; " + names + " have at most " + maxLength.ToString(CultureInfo.InvariantCulture)
            : string.Empty;
        return problem.Length == 0;
    }

    /// <summary>False, "it contains C; <paramref name="rule"/>", naming the first character <paramref name="allowed"/> refuses.</summary>
    public static bool CheckCharacters(string text, Func<char, bool> allowed, string rule, out string problem)
    {
        if (text is null || allowed is null)
        {
            throw new ArgumentNullException(text is null ? nameof(text) : nameof(allowed));
        }

        foreach (var c in text)
        {
            if (!allowed(c))
            {
                problem = "it contains " + DescribeCharacter(c) + "; " + rule;
                return false;
            }
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>
    /// As <see cref="CheckCharacters(string, Func{char, bool}, string, out string)"/> for names in any script:
    /// <paramref name="allowed"/> judges the character at an index, so a surrogate pair is judged as one
    /// character, and a lone surrogate is always refused.
    /// </summary>
    public static bool CheckCharacters(string text, Func<string, int, bool> allowed, string rule, out string problem)
    {
        if (text is null || allowed is null)
        {
            throw new ArgumentNullException(text is null ? nameof(text) : nameof(allowed));
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && allowed(text, i))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(text[i]) || !allowed(text, i))
            {
                problem = "it contains " + DescribeCharacter(text[i]) + "; " + rule;
                return false;
            }
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>
    /// False when the text is not digits only ("it contains C; <paramref name="ids"/> are digits only") or
    /// has more than <paramref name="maxDigits"/> ("it has N digits; <paramref name="ids"/> have at most M").
    /// </summary>
    public static bool CheckDigits(string text, int maxDigits, string ids, out string problem)
    {
        if (!CheckCharacters(text, c => c is >= '0' and <= '9', ids + " are digits only", out problem))
        {
            return false;
        }

        if (text.Length > maxDigits)
        {
            problem = "it has " + text.Length.ToString(CultureInfo.InvariantCulture) + " digits; " + ids + " have at most " + maxDigits.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        return true;
    }

    /// <summary>Whether every character is an ASCII digit (and there is at least one).</summary>
    public static bool IsDigits(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnprintable(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is
            UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
