using System;
using System.Collections.Generic;
using System.Globalization;

namespace KonbiniApi.Emulator;

/// <summary>Which author an ID names. <see cref="Kind"/> 0: the built-in catalogue, 1: a generated name,
/// 2: any other name (only its hash survives), 3: <c>emu.list.N</c>, 4: <c>emu.page.fail.K</c>.</summary>
internal readonly record struct AuthorCode(int Kind, long Payload)
{
    public const long PayloadLimit = 10_000_000_000;
}

/// <summary>Usernames as numbers and back, so that IDs can carry their author.</summary>
internal static class Authors
{
    // Append-only: an author's position is baked into every ID already handed out.
    private static readonly string[] Catalogue =
    [
        "khaby.lame", "charlidamelio", "any.name", "demo.creator", "mrbeast", "zachking", "bellapoarch", "addisonre",
        "willsmith", "tiktok", "scout2015", "cookingwithlynja",
        "emu.notfound", "emu.invalid", "emu.datanull", "emu.wrongtypes", "emu.missing", "emu.extra", "emu.minimal",
        "emu.full", "emu.private", "emu.verified", "emu.live", "emu.list.empty", "emu.page.repeat", "emu.page.hole",
        "emu.page.hollow", "emu.fault.500", "emu.fault.502", "emu.fault.503", "emu.fault.504", "emu.fault.reset",
        "emu.fault.truncate", "emu.fault.html", "emu.fault.badjson", "emu.fault.hang", "emu.fault.huge",
        "emu.retry.1.a", "emu.retry.2.a", "emu.retry.3.a", "emu.live.demo",
    ];

    private static readonly Dictionary<string, int> CatalogueIndex = BuildIndex();

    // Word lists for generated names; none begins with "emu" so no generated name is ever reserved.
    private static readonly string[] Firsts =
    [
        "luna", "mika", "noah", "sofia", "kai", "yuki", "leo", "nina", "omar", "ivy", "sam", "zara", "theo", "aiko",
        "ravi", "lena", "jin", "maya", "tom", "ines", "ali", "rosa", "finn", "hana", "diego", "ella", "arjun", "mei",
        "oscar", "lea", "kofi", "vera",
    ];

    private static readonly string[] Lasts =
    [
        "rivera", "sato", "bakes", "dance", "vibes", "travel", "kim", "silva", "cooks", "films", "park", "nguyen",
        "moreau", "garcia", "daily", "tanaka", "official", "lopez", "fitness", "style", "rossi", "chen", "art", "music",
        "muller", "khan", "gaming", "tech", "ito", "santos", "pets", "reads",
    ];

    public static AuthorCode Encode(string username)
    {
        if (CatalogueIndex.TryGetValue(username, out var index))
        {
            return new AuthorCode(0, index);
        }

        if (TryParseGenerated(username, out var number))
        {
            return new AuthorCode(1, number);
        }

        if (ReservedNames.IsCanonicalList(username, out var items))
        {
            return new AuthorCode(3, items);
        }

        if (username.StartsWith(ReservedNames.PageFailPrefix, StringComparison.Ordinal)
            && long.TryParse(username.AsSpan(ReservedNames.PageFailPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            && username == ReservedNames.PageFailPrefix + page.ToString(CultureInfo.InvariantCulture))
        {
            return new AuthorCode(4, page);
        }

        return new AuthorCode(2, (long)(StableRandom.Hash(username) % AuthorCode.PayloadLimit));
    }

    /// <summary>The author an ID names. Kind 2 kept only a hash, so it names a generated stand-in.</summary>
    public static string Decode(AuthorCode code) => code.Kind switch
    {
        0 when code.Payload < Catalogue.Length => Catalogue[code.Payload],
        3 when code.Payload <= ReservedNames.MaxListItems => ReservedNames.ListPrefix + code.Payload.ToString(CultureInfo.InvariantCulture),
        4 => ReservedNames.PageFailPrefix + code.Payload.ToString(CultureInfo.InvariantCulture),
        _ => GeneratedName(code.Payload % AuthorCode.PayloadLimit),
    };

    /// <summary>A valid, reversible username for a number below 10^10, such as <c>mika.rivera4127</c>.</summary>
    public static string GeneratedName(long number)
    {
        var separator = (number & 1) == 0 ? '.' : '_';
        var rest = number >> 1;
        var first = Firsts[rest % Firsts.Length];
        rest /= Firsts.Length;
        var last = Lasts[rest % Lasts.Length];
        rest /= Lasts.Length;
        return string.Create(CultureInfo.InvariantCulture, $"{first}{separator}{last}{rest}");
    }

    public static bool TryParseGenerated(string username, out long number)
    {
        number = 0;
        if (!PathValues.TrySplitTrailingNumber(username, 8, out var digits, out var rest))
        {
            return false;
        }

        var separator = username.IndexOfAny(['.', '_']);
        if (separator <= 0)
        {
            return false;
        }

        var first = Array.IndexOf(Firsts, username[..separator]);
        var last = Array.IndexOf(Lasts, username[(separator + 1)..digits]);
        if (first < 0 || last < 0)
        {
            return false;
        }

        number = (((((rest * Lasts.Length) + last) * Firsts.Length) + first) << 1) | (username[separator] == '.' ? 0L : 1L);
        return number < AuthorCode.PayloadLimit && GeneratedName(number) == username;
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

/// <summary>A 19-digit ID that names its author: type digit, author kind, 10-digit author payload,
/// 7-digit index. Type 7 is a video, 4 a story, 5 a collection, 6 an original sound.</summary>
internal readonly record struct AuthoredId(int Type, AuthorCode Author, long Index)
{
    public const int VideoType = 7;
    public const int StoryType = 4;
    public const int CollectionType = 5;
    public const int AudioType = 6;
    public const long IndexLimit = 10_000_000;

    public static AuthoredId For(int type, string author, long index) => For(type, Authors.Encode(author), index);

    public static AuthoredId For(int type, AuthorCode author, long index) => new(type, author, index % IndexLimit);

    /// <summary>The 19 digits; written digit by digit, as every item on a page spells one.</summary>
    public string Text => string.Create(19, this, static (digits, id) =>
    {
        digits[0] = (char)('0' + id.Type);
        digits[1] = (char)('0' + id.Author.Kind);
        PathValues.FillDigits(digits.Slice(2, 10), id.Author.Payload);
        PathValues.FillDigits(digits.Slice(12, 7), id.Index);
    });

    public static bool TryParse(string id, int type, out AuthoredId parsed)
    {
        parsed = default;
        if (id.Length != 19 || id[0] - '0' != type || id[1] is < '0' or > '4'
            || !long.TryParse(id.AsSpan(2, 10), NumberStyles.None, CultureInfo.InvariantCulture, out var payload)
            || !long.TryParse(id.AsSpan(12), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        parsed = new AuthoredId(type, new AuthorCode(id[1] - '0', payload), index);
        return true;
    }

    /// <summary>The author of any numeric ID: decoded when the ID is one of ours, otherwise a generated
    /// name taken from the ID's hash.</summary>
    public static string AuthorOf(string id, params ReadOnlySpan<int> types)
    {
        foreach (var type in types)
        {
            if (TryParse(id, type, out var parsed))
            {
                return Authors.Decode(parsed.Author);
            }
        }

        return Authors.GeneratedName((long)(StableRandom.Hash("author:" + id) % AuthorCode.PayloadLimit));
    }

    public AuthoredId WithType(int type) => this with { Type = type };
}

/// <summary>Comment IDs: <c>8</c>, 0 for a comment or 1 for a reply, a 6-digit check of the parent (the
/// video or the comment), an 11-digit index. The route always names the parent, so the check suffices.</summary>
internal static class CommentIds
{
    private const long IndexLimit = 100_000_000_000;

    public static string Format(bool reply, string parent, long index) =>
        string.Create(CultureInfo.InvariantCulture, $"8{(reply ? 1 : 0)}{ParentCheck(parent):D6}{index % IndexLimit:D11}");

    /// <summary>True when <paramref name="id"/> is a top-level comment this emulator listed under <paramref name="video"/>.</summary>
    public static bool TryParseComment(string id, string video, out long index)
    {
        index = 0;
        return id.Length == 19 && id[0] == '8' && id[1] == '0'
            && long.TryParse(id.AsSpan(2, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var check) && check == ParentCheck(video)
            && long.TryParse(id.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    private static long ParentCheck(string parent) => (long)(StableRandom.Hash("parent:" + parent) % 1_000_000);
}

internal enum IdScenarioKind
{
    None,
    ListExact,
    ListEmpty,
    PageRepeat,
    PageHole,
    PageHollow,
    PageFail,
    NotFound,
    NoTranscript,
    ExpiredFirstDownload,
}

/// <summary>Numeric IDs of exactly 19 digits starting <c>99</c>: digits 3-4 pick the scenario, digits
/// 5-19 are its number P.</summary>
internal readonly record struct IdScenario(IdScenarioKind Kind, long Number)
{
    public static IdScenario Parse(string id)
    {
        if (id.Length != 19 || !id.StartsWith("99", StringComparison.Ordinal)
            || !int.TryParse(id.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || !long.TryParse(id.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return default;
        }

        var kind = code switch
        {
            0 => IdScenarioKind.ListExact,
            1 => IdScenarioKind.ListEmpty,
            2 => IdScenarioKind.PageRepeat,
            3 => IdScenarioKind.PageHole,
            4 => IdScenarioKind.PageHollow,
            5 => IdScenarioKind.PageFail,
            6 => IdScenarioKind.NotFound,
            7 => IdScenarioKind.NoTranscript,
            8 => IdScenarioKind.ExpiredFirstDownload,
            _ => IdScenarioKind.None,
        };
        return new IdScenario(kind, number);
    }

    public ListPlan Plan(long natural) => Kind switch
    {
        IdScenarioKind.ListExact => ListPlan.Exactly(Number),
        IdScenarioKind.ListEmpty => ListPlan.Exactly(0),
        IdScenarioKind.PageRepeat => new ListPlan(ListMode.Repeat, 0),
        IdScenarioKind.PageHole => new ListPlan(ListMode.Hole, 0),
        IdScenarioKind.PageHollow => new ListPlan(ListMode.Hollow, 0),
        IdScenarioKind.PageFail => new ListPlan(ListMode.FailOnPage, 0, Number),
        _ => ListPlan.Exactly(natural),
    };

    /// <summary>The length a list-shaping scenario fixes, for the counts that describe the list.</summary>
    public long? FixedLength => Kind switch
    {
        IdScenarioKind.ListExact => Number,
        IdScenarioKind.ListEmpty => 0,
        _ => null,
    };
}
