using System;
using System.Collections.Generic;
using System.Globalization;

namespace KonbiniApi.Input;

/// <summary>
/// The values Reddit operations take, each read from what people paste: bare names and IDs, the
/// <c>u/</c> and <c>r/</c> forms Reddit itself writes, the <c>t3_</c>/<c>t1_</c>/<c>t5_</c> "fullname"
/// prefixes of its own API, and reddit.com (www., old., new.) and redd.it addresses.
/// </summary>
public static class RedditIdentifiers
{
    private const string Domain = "reddit.com";
    private const string ShortDomain = "redd.it";
    private const string Platform = "Reddit";

    /// <summary>Reddit's IDs are base36; 13 characters hold any 64-bit number, the emulator's reach 20.</summary>
    public const int MaxIdLength = 20;

    /// <summary>A username: name, u/name, /u/name, /user/name, or a profile URL; case-insensitive.</summary>
    public static IdentifierKind Username { get; } = new NameKind(
        "a Reddit username",
        "a Reddit username (3 to 20 letters, digits, '_' or '-'), u/name, or a profile URL such as https://www.reddit.com/user/spez/",
        3,
        20,
        allowDash: true,
        prefixes: new[] { "u", "user" });

    /// <summary>A subreddit: name, r/name, /r/name, or a subreddit URL; case-insensitive.</summary>
    public static IdentifierKind Subreddit { get; } = new NameKind(
        "a subreddit name",
        "a subreddit name (2 to 21 letters, digits or '_'), r/name, or a subreddit URL such as https://www.reddit.com/r/programming/",
        2,
        21,
        allowDash: false,
        prefixes: new[] { "r" });

    /// <summary>A post ID: base36, with or without <c>t3_</c>, or a post or comment URL (…/comments/ID/…, redd.it/ID).</summary>
    public static IdentifierKind PostId { get; } = new IdKind(
        "a Reddit post ID",
        "a post ID such as 1tlh5aj or t3_1tlh5aj, or a post URL such as https://www.reddit.com/r/programming/comments/1tlh5aj/title/",
        "t3_",
        PostFromUrl);

    /// <summary>A comment ID: base36, with or without <c>t1_</c>, or a comment URL (…/comments/POST/slug/ID/).</summary>
    public static IdentifierKind CommentId { get; } = new IdKind(
        "a Reddit comment ID",
        "a comment ID such as onflihe or t1_onflihe, or a comment URL such as https://www.reddit.com/r/programming/comments/1tlh5aj/title/onflihe/",
        "t1_",
        CommentFromUrl);

    /// <summary>A subreddit ID: base36, with or without <c>t5_</c> (Reddit addresses name subreddits, never their IDs).</summary>
    public static IdentifierKind SubredditId { get; } = new IdKind(
        "a subreddit ID",
        "a subreddit ID such as 2qh0y or t5_2qh0y (a subreddit's SubredditId property); for a name, use -Name",
        "t5_",
        (_, _) => null);

    /// <summary>Reddit's front-page feeds.</summary>
    public static IReadOnlyList<string> Feeds { get; } = new[] { "best", "hot", "new", "top", "rising", "controversial" };

    /// <summary>A feed: one of <see cref="Feeds"/>, in any letter case.</summary>
    public static IdentifierKind Feed { get; } = new ChoiceKind("a Reddit feed", Feeds, "the feeds the service serves");

    /// <summary>Search text: anything printable, up to 500 characters.</summary>
    public static IdentifierKind SearchText { get; } = new SearchTextKind("a Reddit search text");

    /// <summary>The post of a Reddit address: /comments/ID/… (with or without /r/sub before it), or redd.it/ID.</summary>
    private static string? PostFromUrl(string[] segments, string host)
    {
        if (host == ShortDomain)
        {
            return segments.Length == 1 ? segments[0] : null;
        }

        return After(segments, "comments");
    }

    /// <summary>The comment of a Reddit address: /comments/POST/slug/ID/ or the newer /comments/POST/comment/ID/.</summary>
    private static string? CommentFromUrl(string[] segments, string host)
    {
        if (host == ShortDomain)
        {
            return null;
        }

        for (var i = 0; i + 3 < segments.Length; i++)
        {
            if (string.Equals(segments[i], "comments", StringComparison.OrdinalIgnoreCase))
            {
                return segments[i + 3];
            }
        }

        return null;
    }

    private static string? After(string[] segments, string name)
    {
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (string.Equals(segments[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return segments[i + 1];
            }
        }

        return null;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    /// <summary>Reads a reddit.com or redd.it address into its path segments and host.</summary>
    private static bool TryReadAddress(string text, out string[] segments, out string host, out string problem)
    {
        if (InputText.LooksLikeUrl(text, ShortDomain) && text.IndexOf(Domain, StringComparison.OrdinalIgnoreCase) < 0)
        {
            return InputText.TryReadUrl(text, ShortDomain, Platform, out segments, out host, out problem);
        }

        return InputText.TryReadUrl(text, Domain, Platform, out segments, out host, out problem);
    }

    private static bool LooksLikeAddress(string text) => InputText.LooksLikeUrl(text, Domain) || InputText.LooksLikeUrl(text, ShortDomain);

    /// <summary>Usernames and subreddit names: a short ASCII name, after an optional u/, /u/, /user/ or r/ prefix.</summary>
    private sealed class NameKind : IdentifierKind
    {
        private readonly int minimum;
        private readonly int maximum;
        private readonly bool allowDash;
        private readonly string[] prefixes;

        public NameKind(string noun, string accepts, int minimum, int maximum, bool allowDash, string[] prefixes)
            : base(noun, accepts)
        {
            this.minimum = minimum;
            this.maximum = maximum;
            this.allowDash = allowDash;
            this.prefixes = prefixes;
        }

        public override string KeyOf(string value) => value.ToLowerInvariant();

        public override bool TryParse(string? input, out string value, out string problem)
        {
            value = string.Empty;
            var text = input?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                problem = "it is empty";
                return false;
            }

            if (LooksLikeAddress(text!))
            {
                if (!TryReadAddress(text!, out var segments, out _, out problem))
                {
                    return false;
                }

                string? found = null;
                foreach (var prefix in prefixes)
                {
                    found ??= After(segments, prefix);
                }

                if (found is null)
                {
                    problem = "it is a Reddit address that names no " + (prefixes[0] == "r" ? "subreddit (https://www.reddit.com/r/name/)" : "user (https://www.reddit.com/user/name/)");
                    return false;
                }

                text = found;
            }
            else
            {
                text = StripPrefix(text!);
            }

            if (text.Length == 0)
            {
                problem = "there is no name after the prefix";
                return false;
            }

            if (text.Length < minimum || text.Length > maximum)
            {
                problem = "it is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters long; Reddit allows " +
                    minimum.ToString(CultureInfo.InvariantCulture) + " to " + maximum.ToString(CultureInfo.InvariantCulture);
                return false;
            }

            foreach (var c in text)
            {
                if (!IsAsciiLetterOrDigit(c) && c != '_' && !(allowDash && c == '-'))
                {
                    problem = "it contains " + InputText.DescribeCharacter(c) + "; Reddit allows only letters, digits" + (allowDash ? ", '_' and '-'" : " and '_'");
                    return false;
                }
            }

            value = text;
            problem = string.Empty;
            return true;
        }

        /// <summary>Drops one leading u/, /u/, /user/ or r/ (the forms Reddit writes names in), in any letter case.</summary>
        private string StripPrefix(string text)
        {
            var rest = text.StartsWith("/", StringComparison.Ordinal) ? text.Substring(1) : text;
            foreach (var prefix in prefixes)
            {
                if (rest.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase))
                {
                    rest = rest.Substring(prefix.Length + 1);
                    return rest.EndsWith("/", StringComparison.Ordinal) ? rest.Substring(0, rest.Length - 1) : rest;
                }
            }

            return text;
        }
    }

    /// <summary>Base36 IDs with an optional type prefix (t3_, t1_, t5_), or the ID an address holds.</summary>
    private sealed class IdKind : IdentifierKind
    {
        private readonly string typePrefix;
        private readonly Func<string[], string, string?> fromUrl;

        public IdKind(string noun, string accepts, string typePrefix, Func<string[], string, string?> fromUrl)
            : base(noun, accepts)
        {
            this.typePrefix = typePrefix;
            this.fromUrl = fromUrl;
        }

        public override bool TryParse(string? input, out string value, out string problem)
        {
            value = string.Empty;
            var text = input?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                problem = "it is empty";
                return false;
            }

            if (LooksLikeAddress(text!))
            {
                if (!TryReadAddress(text!, out var segments, out var host, out problem))
                {
                    return false;
                }

                var found = fromUrl(segments, host);
                if (found is null)
                {
                    // Share links (/r/name/s/CODE) redirect to the post; only Reddit knows where.
                    problem = segments.Length > 1 && string.Equals(segments[segments.Length - 2], "s", StringComparison.Ordinal)
                        ? "it is a Reddit share link, which only Reddit can expand; open it and copy the full address"
                        : "it is a Reddit address that holds no such ID";
                    return false;
                }

                text = found;
            }
            else if (text!.StartsWith(typePrefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(typePrefix.Length);
            }
            else if (text.Length > 3 && text[0] is 't' or 'T' && text[1] is >= '0' and <= '9' && text[2] == '_')
            {
                problem = "it has the prefix " + text.Substring(0, 3) + ", which marks another kind of Reddit object; this parameter takes " + typePrefix + " IDs";
                return false;
            }

            if (text.Length == 0)
            {
                problem = "there is no ID after " + typePrefix;
                return false;
            }

            if (text.Length > MaxIdLength)
            {
                problem = "it is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters long; Reddit IDs have at most " + MaxIdLength.ToString(CultureInfo.InvariantCulture);
                return false;
            }

            foreach (var c in text)
            {
                if (!IsAsciiLetterOrDigit(c))
                {
                    problem = "it contains " + InputText.DescribeCharacter(c) + "; Reddit IDs are letters and digits only (base36)";
                    return false;
                }
            }

            value = text;
            problem = string.Empty;
            return true;
        }
    }
}
