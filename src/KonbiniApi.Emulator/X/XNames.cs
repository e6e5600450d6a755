using System;
using System.Collections.Concurrent;
using System.Globalization;

namespace KonbiniApi.Emulator.X;

/// <summary>
/// X handles as numbers and back, so that a post ID can carry its author and GET /posts/{id} names the same
/// account that listed it. Kind 0: a short handle (1-7 characters) spelled out exactly; 1: a generated handle;
/// 2: any other handle (by its hash, remembered once served); 3: <c>emu_list_N</c>;
/// 4: <c>emu_page_fail_K</c>; 5: the catalogue of longer handles the tests and docs use.
/// </summary>
internal static class XNames
{
    /// <summary>Author payloads have 11 digits.</summary>
    public const long PayloadLimit = 100_000_000_000;

    public const string ListPrefix = "emu_list_";
    public const string PageFailPrefix = "emu_page_fail_";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";
    private const int ShortLimit = 7;

    // Append-only: a handle's position is baked into every post ID already handed out.
    private static readonly string[] Catalogue =
    [
        "khabylame", "elonmusk", "demo_creator", "nasa_webb", "emu_full", "emu_minimal", "emu_private", "emu_verified",
        "emu_extra", "emu_page_repeat", "emu_page_hole", "emu_page_hollow", "emu_list_empty",
    ];

    // Short words, so that a generated handle (word, word, up to 4 digits) never passes 15 characters,
    // and none begins with "emu", so no generated handle is ever reserved.
    private static readonly string[] Firsts =
    [
        "luna", "mika", "noah", "sofi", "kai", "yuki", "leo", "nina", "omar", "ivy", "sam", "zara", "theo", "aiko",
        "ravi", "lena", "jin", "maya", "tom", "ines", "ali", "rosa", "finn", "hana", "diego", "ella", "arjun", "mei",
        "oscar", "lea", "kofi", "vera",
    ];

    private static readonly string[] Lasts =
    [
        "_riv", "sato", "_bakes", "dance", "_vibes", "trips", "kim", "silva", "_cooks", "films", "park", "_ngu",
        "_news", "garcia", "daily", "tanaka", "_hq", "lopez", "fit", "style", "rossi", "chen", "art", "music",
        "_tech", "khan", "plays", "_ito", "santos", "pets", "reads", "_dev",
    ];

    public const long GeneratedLimit = 32L * 32 * 10_000;

    /// <param name="username">A validated, lower-cased handle.</param>
    public static (int Kind, long Payload) Encode(string username)
    {
        if (username.Length <= ShortLimit)
        {
            return (0, SpellOut(username));
        }

        if (TryParseGenerated(username, out var number))
        {
            return (1, number);
        }

        if (TryNumberAfter(username, ListPrefix, out var items))
        {
            return (3, items);
        }

        if (TryNumberAfter(username, PageFailPrefix, out var page))
        {
            return (4, page);
        }

        var index = Array.IndexOf(Catalogue, username);
        if (index >= 0)
        {
            return (5, index);
        }

        var hash = (long)(StableRandom.Hash("x-name:" + username) % PayloadLimit);
        Remember(hash, username);
        return (2, hash);
    }

    public static string Decode(int kind, long payload) => kind switch
    {
        0 => SpellIn(payload),
        3 => ListPrefix + payload.ToString(CultureInfo.InvariantCulture),
        4 => PageFailPrefix + payload.ToString(CultureInfo.InvariantCulture),
        5 when payload < Catalogue.Length => Catalogue[payload],
        2 when Seen.TryGetValue(payload, out var seen) => seen,
        _ => Generated(payload % GeneratedLimit),
    };

    // Handles too long to spell out keep only a hash in the ID. The emulator remembers every such handle
    // it has served, so a post listed for @someone_else is still @someone_else's when fetched by ID; an ID
    // whose handle it never served names a generated stand-in, as it would after a restart.
    private static readonly ConcurrentDictionary<long, string> Seen = new();

    private static void Remember(long hash, string username)
    {
        if (Seen.Count >= 100_000)
        {
            Seen.Clear();
        }

        Seen.TryAdd(hash, username);
    }

    /// <summary>A valid, reversible X handle for a number below 10,240,000, such as <c>mika_vibes417</c>.</summary>
    public static string Generated(long number)
    {
        var first = Firsts[number % Firsts.Length];
        var last = Lasts[number / Firsts.Length % Lasts.Length];
        var rest = number / Firsts.Length / Lasts.Length;
        return string.Create(CultureInfo.InvariantCulture, $"{first}{last}{rest}");
    }

    /// <summary>A generated handle picked by a key, for the other people a list shows.</summary>
    public static string GeneratedFor(string key) => Generated((long)(StableRandom.Hash("x-person:" + key) % GeneratedLimit));

    private static bool TryParseGenerated(string username, out long number)
    {
        number = 0;
        if (!PathValues.TrySplitTrailingNumber(username, 4, out var digits, out var rest))
        {
            return false;
        }

        for (var f = 0; f < Firsts.Length; f++)
        {
            if (!username.StartsWith(Firsts[f], StringComparison.Ordinal))
            {
                continue;
            }

            var last = Array.IndexOf(Lasts, username[Firsts[f].Length..digits]);
            if (last < 0)
            {
                continue;
            }

            number = (((rest * Lasts.Length) + last) * Firsts.Length) + f;
            if (number < GeneratedLimit && Generated(number) == username)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryNumberAfter(string username, string prefix, out long value)
    {
        value = 0;
        return username.StartsWith(prefix, StringComparison.Ordinal)
            && long.TryParse(username.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && username == prefix + value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Bijective base 37: every string of 1 to 7 characters has one number below 10^11 and back.</summary>
    private static long SpellOut(string username)
    {
        long value = 0;
        foreach (var c in username)
        {
            value = (value * Alphabet.Length) + Alphabet.IndexOf(c, StringComparison.Ordinal) + 1;
        }

        return value;
    }

    private static string SpellIn(long value)
    {
        var chars = new System.Text.StringBuilder();
        while (value > 0)
        {
            value--;
            chars.Insert(0, Alphabet[(int)(value % Alphabet.Length)]);
            value /= Alphabet.Length;
        }

        return chars.Length == 0 ? "x" : chars.ToString();
    }
}

/// <summary>
/// Post IDs of 19 digits that name their author: <c>1</c>, the author kind (one digit), the author payload
/// (11 digits) and the post's place in the author's timeline (6 digits, 0 the newest).
/// </summary>
internal readonly record struct XPostId(int Kind, long Payload, long Index)
{
    public const long IndexLimit = 1_000_000;

    public static XPostId For(string author, long index)
    {
        var (kind, payload) = XNames.Encode(author);
        return new XPostId(kind, payload, index % IndexLimit);
    }

    public string Text => string.Create(CultureInfo.InvariantCulture, $"1{Kind}{Payload:D11}{Index:D6}");

    public string Author => XNames.Decode(Kind, Payload);

    /// <summary>Reads one of the emulator's own IDs; any other ID still names a post, by a stand-in author.</summary>
    public static XPostId Parse(string id)
    {
        if (id.Length == 19 && id[0] == '1' && id[1] is >= '0' and <= '5'
            && long.TryParse(id.AsSpan(2, 11), NumberStyles.None, CultureInfo.InvariantCulture, out var payload)
            && long.TryParse(id.AsSpan(13), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new XPostId(id[1] - '0', payload, index);
        }

        var hash = StableRandom.Hash("x-post-author:" + id);
        return new XPostId(1, (long)(hash % XNames.GeneratedLimit), (long)(hash / XNames.GeneratedLimit % 500));
    }
}
