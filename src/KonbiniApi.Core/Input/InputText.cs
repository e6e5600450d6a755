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
