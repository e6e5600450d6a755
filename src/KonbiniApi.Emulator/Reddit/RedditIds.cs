using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KonbiniApi.Emulator;

/// <summary>A user or subreddit name as a number: <see cref="Kind"/> 0 is the catalogue, 1 a generated
/// name, 2 any other name (only its hash survives, so it decodes to a generated stand-in).</summary>
internal readonly record struct RedditNameCode(int Kind, long Payload)
{
    public const long PayloadLimit = 10_000_000_000;

    /// <summary>Eleven digits: the kind, then the payload.</summary>
    public string Digits => string.Create(CultureInfo.InvariantCulture, $"{Kind}{Payload:D10}");

    public static bool TryParse(ReadOnlySpan<char> digits, out RedditNameCode code)
    {
        code = default;
        if (digits.Length != 11 || digits[0] is < '0' or > '2'
            || !long.TryParse(digits[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var payload))
        {
            return false;
        }

        code = new RedditNameCode(digits[0] - '0', payload);
        return true;
    }
}

/// <summary>
/// Names for Reddit users and subreddits: a catalogue of well-known and reserved names, and generated
/// names (<c>luna_cooks42</c>) that turn back into their numbers, so IDs can carry whose or where they are.
/// </summary>
internal static class RedditNames
{
    // Append-only: a name's position is baked into every ID already handed out.
    private static readonly string[] Catalogue =
    [
        "spez", "kn0thing", "automoderator", "any_name", "demo_user",
        "programming", "askreddit", "worldnews", "pics", "funny", "gaming", "technology", "science", "todayilearned",
        "aww", "music", "movies", "news", "de", "rust", "powershell", "dotnet",
        "emu_notfound", "emu_invalid", "emu_datanull", "emu_full", "emu_minimal", "emu_list_empty", "emu_page_repeat",
        "emu_page_hole", "emu_page_hollow", "emu_fault_500", "emu_fault_502", "emu_fault_503", "emu_fault_504",
        "emu_fault_reset", "emu_fault_truncate", "emu_fault_html", "emu_fault_badjson", "emu_fault_hang", "emu_fault_huge",
        "emu_retry_1_a", "emu_retry_2_a", "emu_retry_3_a",
    ];

    /// <summary>Subreddits that posts from elsewhere (feeds, searches, a user's posts) are spread over.</summary>
    public static readonly string[] Popular =
    [
        "programming", "askreddit", "worldnews", "pics", "funny", "gaming", "technology", "science", "todayilearned",
        "aww", "music", "movies", "news", "rust", "powershell", "dotnet",
    ];

    private static readonly Dictionary<string, int> CatalogueIndex = BuildIndex();

    // Short words, so that first_last plus seven digits stays within Reddit's 20 characters. None begins
    // with "emu", so no generated name is ever reserved.
    private static readonly string[] Firsts =
    [
        "luna", "mika", "noah", "sofia", "kai", "yuki", "leo", "nina", "omar", "ivy", "sam", "zara", "theo", "aiko",
        "ravi", "lena", "jin", "maya", "tom", "ines", "ali", "rosa", "finn", "hana", "diego", "ella", "arjun", "mei",
        "oscar", "lea", "kofi", "vera",
    ];

    private static readonly string[] Lasts =
    [
        "rivera", "sato", "bakes", "dance", "vibes", "travel", "kim", "silva", "cooks", "films", "park", "nguyen",
        "moreau", "garcia", "daily", "tanaka", "codes", "lopez", "fit", "style", "rossi", "chen", "art", "music",
        "muller", "khan", "games", "tech", "ito", "santos", "pets", "reads",
    ];

    public static RedditNameCode Encode(string name)
    {
        if (CatalogueIndex.TryGetValue(name, out var index))
        {
            return new RedditNameCode(0, index);
        }

        if (TryParseGenerated(name, out var number))
        {
            return new RedditNameCode(1, number);
        }

        return new RedditNameCode(2, (long)(StableRandom.Hash("name:" + name) % RedditNameCode.PayloadLimit));
    }

    public static string Decode(RedditNameCode code) => code.Kind switch
    {
        0 when code.Payload < Catalogue.Length => Catalogue[code.Payload],
        _ => Generated(code.Payload % RedditNameCode.PayloadLimit),
    };

    /// <summary>A valid, reversible name for a number below 10^10, such as <c>mika_rivera4127</c>.</summary>
    public static string Generated(long number)
    {
        var first = Firsts[number % Firsts.Length];
        var rest = number / Firsts.Length;
        var last = Lasts[rest % Lasts.Length];
        rest /= Lasts.Length;
        return string.Create(CultureInfo.InvariantCulture, $"{first}_{last}{rest}");
    }

    /// <summary>A generated name picked by a key, e.g. the author of a post.</summary>
    public static string GeneratedFor(string key) => Generated((long)(StableRandom.Hash(key) % RedditNameCode.PayloadLimit));

    public static bool TryParseGenerated(string name, out long number)
    {
        number = 0;
        var digits = name.Length;
        while (digits > 0 && char.IsAsciiDigit(name[digits - 1]))
        {
            digits--;
        }

        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (digits == name.Length || name.Length - digits > 8 || separator <= 0 || separator >= digits
            || !long.TryParse(name.AsSpan(digits), NumberStyles.None, CultureInfo.InvariantCulture, out var rest))
        {
            return false;
        }

        var first = Array.IndexOf(Firsts, name[..separator]);
        var last = Array.IndexOf(Lasts, name[(separator + 1)..digits]);
        if (first < 0 || last < 0)
        {
            return false;
        }

        number = (((rest * Lasts.Length) + last) * Firsts.Length) + first;
        return number < RedditNameCode.PayloadLimit && Generated(number) == name;
    }

    private static Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Catalogue.Length; i++)
        {
            index.Add(Catalogue[i], i);
        }

        return index;
    }
}

internal enum RedditIdKind
{
    /// <summary>Not one of ours (a real Reddit ID, or anything else that fits the pattern).</summary>
    Foreign,

    /// <summary>Post number <c>Index</c> of subreddit <c>Owner</c>.</summary>
    SubredditPost,

    /// <summary>Post number <c>Index</c> of user <c>Owner</c>.</summary>
    UserPost,

    /// <summary>A comment on post <c>Post</c> at <c>Path</c> (top-level index, then reply indexes).</summary>
    ThreadComment,

    /// <summary>Comment number <c>Index</c> of user <c>Owner</c>.</summary>
    UserComment,

    /// <summary>The subreddit <c>Owner</c>.</summary>
    Subreddit,
}

/// <summary>
/// The emulator's Reddit IDs: decimal fields (what the ID is, whose or where, which one) read as one number
/// and written in base36, as Reddit writes its IDs. A post names its subreddit or author; a comment names its
/// post and its place in the thread; so every route rebuilds the same object from the ID alone.
/// </summary>
internal readonly record struct RedditId(RedditIdKind Kind, RedditNameCode Owner, long Index, string PostDigits, int[] Path)
{
    public const long PostIndexLimit = 1_000_000;
    public const long UserCommentIndexLimit = 10_000_000;
    public const int MaxDepth = 3;

    /// <summary>The limit of each level of a thread path: 5, 3 and 2 digits.</summary>
    private static readonly int[] PathLimits = [100_000, 1_000, 100];

    public static string SubredditPost(string subreddit, long index) =>
        Text(string.Create(CultureInfo.InvariantCulture, $"1{RedditNames.Encode(subreddit).Digits}{index % PostIndexLimit:D6}"));

    public static string UserPost(string user, long index) =>
        Text(string.Create(CultureInfo.InvariantCulture, $"2{RedditNames.Encode(user).Digits}{index % PostIndexLimit:D6}"));

    public static string UserComment(string user, long index) =>
        Text(string.Create(CultureInfo.InvariantCulture, $"4{RedditNames.Encode(user).Digits}{index % UserCommentIndexLimit:D7}"));

    public static string Subreddit(string name) => Text("5" + RedditNames.Encode(name).Digits);

    public static string User(string name) => Text("6" + RedditNames.Encode(name).Digits);

    /// <summary>A comment in the thread of <paramref name="postId"/> (one of ours) at <paramref name="path"/>.</summary>
    public static string ThreadComment(string postId, IReadOnlyList<int> path)
    {
        var digits = new StringBuilder(30).Append('3').Append(DigitsOf(postId) ?? throw new ArgumentException("Not an emulator post.", nameof(postId)));
        digits.Append(path.Count.ToString(CultureInfo.InvariantCulture));
        for (var level = 0; level < MaxDepth; level++)
        {
            var width = level switch { 0 => 5, 1 => 3, _ => 2 };
            var value = level < path.Count ? path[level] % PathLimits[level] : 0;
            digits.Append(value.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }

        return Text(digits.ToString());
    }

    public static RedditId Parse(string id)
    {
        var foreign = new RedditId(RedditIdKind.Foreign, default, 0, string.Empty, []);
        if (IdScenario.Parse(id).Kind != IdScenarioKind.None || !TryDecimal(id, out var digits))
        {
            return foreign;
        }

        switch (digits[0])
        {
            case '1' or '2' when digits.Length == 18 && RedditNameCode.TryParse(digits.AsSpan(1, 11), out var owner):
                return new RedditId(digits[0] == '1' ? RedditIdKind.SubredditPost : RedditIdKind.UserPost, owner, long.Parse(digits.AsSpan(12), CultureInfo.InvariantCulture), digits, []);
            case '4' when digits.Length == 19 && RedditNameCode.TryParse(digits.AsSpan(1, 11), out var author):
                return new RedditId(RedditIdKind.UserComment, author, long.Parse(digits.AsSpan(12), CultureInfo.InvariantCulture), string.Empty, []);
            case '5' when digits.Length == 12 && RedditNameCode.TryParse(digits.AsSpan(1, 11), out var subreddit):
                return new RedditId(RedditIdKind.Subreddit, subreddit, 0, string.Empty, []);
            case '3' when digits.Length == 30 && digits[19] is >= '1' and <= '3' && digits[1] is '1' or '2':
                {
                    var depth = digits[19] - '0';
                    var path = new int[depth];
                    var at = 20;
                    for (var level = 0; level < MaxDepth; level++)
                    {
                        var width = level switch { 0 => 5, 1 => 3, _ => 2 };
                        var value = int.Parse(digits.AsSpan(at, width), CultureInfo.InvariantCulture);
                        if (level < depth)
                        {
                            path[level] = value;
                        }
                        else if (value != 0)
                        {
                            return foreign;
                        }

                        at += width;
                    }

                    return new RedditId(RedditIdKind.ThreadComment, default, 0, digits.Substring(1, 18), path);
                }

            default:
                return foreign;
        }
    }

    /// <summary>The post a thread comment belongs to, in base36.</summary>
    public string PostId => Text(PostDigits);

    private static string? DigitsOf(string postId)
    {
        var parsed = Parse(postId);
        return parsed.Kind is RedditIdKind.SubredditPost or RedditIdKind.UserPost ? parsed.PostDigits : null;
    }

    private static string Text(string digits)
    {
        var value = UInt128.Parse(digits, CultureInfo.InvariantCulture);
        Span<char> buffer = stackalloc char[26];
        var at = buffer.Length;
        do
        {
            var digit = (int)(value % 36);
            buffer[--at] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            value /= 36;
        }
        while (value != 0);
        return new string(buffer[at..]);
    }

    private static bool TryDecimal(string id, out string digits)
    {
        digits = string.Empty;
        if (id.Length is 0 or > 20)
        {
            return false;
        }

        UInt128 value = 0;
        foreach (var c in id)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                _ => -1,
            };
            if (digit < 0 || value > (UInt128.MaxValue - (UInt128)digit) / 36)
            {
                return false;
            }

            value = (value * 36) + (UInt128)digit;
        }

        digits = value.ToString(CultureInfo.InvariantCulture);

        // The canonical spelling only: the same number written with leading zeros is another ID.
        return Text(digits) == id;
    }
}
