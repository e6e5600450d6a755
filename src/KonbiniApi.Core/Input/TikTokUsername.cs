using System;
using KonbiniApi.Errors;

namespace KonbiniApi.Input;

/// <summary>
/// Turns what a user typed (<c>name</c>, <c>@name</c>, a profile URL) into a handle that is safe to
/// put in a URL path, or says precisely why it cannot be one. Everything is decided locally, so a
/// refused input costs neither a request nor a credit.
/// </summary>
public static class TikTokUsername
{
    /// <summary>TikTok handles are at most 24 characters.</summary>
    public const int MaxLength = 24;

    private static readonly char[] PathSeparators = { '/' };

    /// <summary>
    /// Normalises one input. Returns the handle (without <c>@</c>, case kept) or throws an
    /// <see cref="ApiErrorKind.InvalidInput"/> exception whose message names the input.
    /// </summary>
    public static string Parse(string? input)
    {
        if (TryParse(input, out var handle, out var problem))
        {
            return handle;
        }

        throw new KonbiniApiException(ApiErrorKind.InvalidInput, "'" + Echo(input) + "' is not a TikTok username: " + problem + ".");
    }

    /// <summary>Normalises one input without throwing.</summary>
    public static bool TryParse(string? input, out string handle, out string problem)
    {
        handle = string.Empty;
        if (!InputText.TryTrim(input, out var text, out problem))
        {
            return false;
        }

        if (LooksLikeUrl(text))
        {
            if (!TryHandleFromUrl(text, out text, out problem))
            {
                return false;
            }
        }
        else
        {
            text = InputText.WithoutMark(text, '@');
        }

        if (text.Length == 0)
        {
            problem = "there is no name after '@'";
            return false;
        }

        if (!InputText.CheckLength(text, MaxLength, "TikTok handles", out problem) ||
            !InputText.CheckCharacters(text, IsHandleCharacter, "TikTok handles use only letters, digits, '_' and '.'", out problem))
        {
            return false;
        }

        if (text[text.Length - 1] == '.')
        {
            problem = "TikTok handles cannot end with '.'";
            return false;
        }

        handle = text;
        problem = string.Empty;
        return true;
    }

    /// <summary>The path segment to send: the handle, percent-encoded, always exactly one segment.</summary>
    /// <exception cref="ArgumentException">The handle is empty, <c>.</c> or <c>..</c>, which no escaping keeps in place.</exception>
    public static string ToPathSegment(string handle)
    {
        // '.' is unreserved, so escaping leaves a dot segment as it is and the request would climb
        // out of its route. Parse never yields one; this guards any other caller.
        if (string.IsNullOrEmpty(handle) || handle == "." || handle == "..")
        {
            throw new ArgumentException("'" + Echo(handle) + "' cannot be a path segment.", nameof(handle));
        }

        return Uri.EscapeDataString(handle);
    }

    private static bool IsHandleCharacter(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.';

    private static bool LooksLikeUrl(string text) =>
        text.IndexOf("://", StringComparison.Ordinal) >= 0 ||
        text.StartsWith("www.tiktok.com/", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("tiktok.com/", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("m.tiktok.com/", StringComparison.OrdinalIgnoreCase);

    private static bool TryHandleFromUrl(string text, out string handle, out string problem)
    {
        handle = string.Empty;
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

        var host = uri.Host.ToLowerInvariant();
        if (host != "tiktok.com" && !host.EndsWith(".tiktok.com", StringComparison.Ordinal))
        {
            problem = "it is an address on " + uri.Host + ", not a TikTok profile";
            return false;
        }

        // The profile is the first segment, "@name"; anything after it (a video, a query) is ignored.
        var segments = uri.AbsolutePath.Split(PathSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments[0].Length < 2 || segments[0][0] != '@')
        {
            problem = "it is a TikTok address but not a profile address (https://www.tiktok.com/@name)";
            return false;
        }

        handle = Uri.UnescapeDataString(segments[0].Substring(1));
        problem = string.Empty;
        return true;
    }

    /// <summary>A printable, bounded copy of the input for messages (see <see cref="InputText.Echo"/>).</summary>
    public static string Echo(string? input) => InputText.Echo(input);
}
