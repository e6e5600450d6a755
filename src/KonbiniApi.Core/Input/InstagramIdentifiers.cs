using System;

namespace KonbiniApi.Input;

/// <summary>The values Instagram operations take, each read from what people paste: bare values or instagram.com addresses.</summary>
public static class InstagramIdentifiers
{
    private const string Domain = "instagram.com";
    private const string Platform = "Instagram";

    // First path segments of instagram.com that are pages of the site, not profiles.
    private static readonly string[] SitePages = { "p", "reel", "reels", "tv", "explore", "stories", "accounts", "direct", "about", "legal", "developer" };

    /// <summary>A username: name, @name, or a profile URL (https://www.instagram.com/name/); case-insensitive.</summary>
    public static IdentifierKind Username { get; } = new HandleKind(
        "an Instagram username",
        "an Instagram username (letters, digits, '_' and '.'), an @name, or a profile URL such as https://www.instagram.com/name/",
        text => InputText.LooksLikeUrl(text, Domain),
        (string text, out string[] segments, out string problem) => InputText.TryReadUrl(text, Domain, Platform, out segments, out problem),
        SitePages,
        "it is an Instagram address but not a profile address (https://www.instagram.com/name/)",
        maxLength: 30,
        "Instagram usernames",
        c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.',
        "Instagram usernames use only letters, digits, '_' and '.'",
        UsernameRule);

    /// <summary>A post's shortcode, or a post or reel URL (https://www.instagram.com/p/CODE/, /reel/CODE/).</summary>
    public static IdentifierKind Shortcode { get; } = new ShortcodeKind();

    /// <summary>A location ID (digits), or a location URL (https://www.instagram.com/explore/locations/ID/name/).</summary>
    public static IdentifierKind LocationId { get; } = Numeric(
        "an Instagram location ID",
        "a location ID (digits) or a location URL such as https://www.instagram.com/explore/locations/212999109/los-angeles-california/",
        prefix: null,
        segments => After(segments, "locations"));

    /// <summary>A highlight ID: digits, the <c>highlight:</c> form highlights carry, or a highlight URL (https://www.instagram.com/stories/highlights/ID/).</summary>
    public static IdentifierKind HighlightId { get; } = Numeric(
        "an Instagram highlight ID",
        "a highlight ID (digits, or 'highlight:' and digits, as in a highlight's HighlightId) or a highlight URL such as https://www.instagram.com/stories/highlights/17986596002776443/",
        prefix: "highlight:",
        segments => After(segments, "highlights"));

    /// <summary>Search text: anything printable, up to 500 characters.</summary>
    public static IdentifierKind SearchText { get; } = new SearchTextKind("an Instagram search text");

    private static string? After(string[] segments, string name) => InputText.SegmentAfter(segments, name);

    /// <summary>Instagram's IDs: up to 19 digits, in an instagram.com address after a known segment, some after a prefix.</summary>
    private static NumericIdKind Numeric(string noun, string accepts, string? prefix, Func<string[], string?> fromUrl) => new NumericIdKind(
        noun,
        accepts,
        text => InputText.LooksLikeUrl(text, Domain),
        (string text, out string[] segments, out string host, out string problem) => InputText.TryReadUrl(text, Domain, Platform, out segments, out host, out problem),
        fromUrl,
        (_, _) => "it is an Instagram address that holds no such ID",
        maxDigits: 19,
        "these IDs",
        prefix,
        emptyProblem: "there are no digits");

    /// <summary>Instagram's further username rules: a '.' neither first, last nor doubled, and not all digits.</summary>
    private static string? UsernameRule(string name)
    {
        if (name[name.Length - 1] == '.' || name[0] == '.')
        {
            return "Instagram usernames cannot begin or end with '.'";
        }

        if (name.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return "Instagram usernames cannot have two '.' in a row";
        }

        // Instagram gives every account at least one non-digit; all digits is an account's numeric ID.
        return InputText.IsDigits(name) ? "it is all digits, which is an account's numeric ID rather than its username" : null;
    }

    /// <summary>Shortcodes are Instagram's base64url names for posts: letters, digits, '-' and '_'.</summary>
    private sealed class ShortcodeKind : IdentifierKind
    {
        /// <summary>Public posts have 11 characters (older ones fewer); the longest forms, of private posts, stay under this.</summary>
        private const int MaxLength = 24;

        public ShortcodeKind()
            : base("an Instagram post shortcode", "a post shortcode (letters, digits, '-' and '_', such as DVRYDo-Cjw3) or a post or reel URL such as https://www.instagram.com/p/DVRYDo-Cjw3/ or https://www.instagram.com/reel/DVRYDo-Cjw3/")
        {
        }

        public override bool TryParse(string? input, out string value, out string problem)
        {
            value = string.Empty;
            if (!InputText.TryTrim(input, out var text, out problem))
            {
                return false;
            }

            if (InputText.LooksLikeUrl(text, Domain))
            {
                if (!InputText.TryReadUrl(text, Domain, Platform, out var segments, out problem))
                {
                    return false;
                }

                // instagram.com/p/CODE, /reel/CODE, /reels/CODE, /tv/CODE, and the same after a username.
                var found = After(segments, "p") ?? After(segments, "reel") ?? After(segments, "reels") ?? After(segments, "tv");
                if (found is null)
                {
                    problem = "it is an Instagram address but not a post or reel address (https://www.instagram.com/p/CODE/)";
                    return false;
                }

                text = found;
            }

            if (!InputText.CheckLength(text, MaxLength, "Instagram shortcodes", out problem) ||
                !InputText.CheckCharacters(text, c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-', "shortcodes use only letters, digits, '-' and '_'", out problem))
            {
                return false;
            }

            value = text;
            problem = string.Empty;
            return true;
        }
    }
}
