using System;

namespace KonbiniApi.Emulator;

internal enum ScenarioKind
{
    Generated,
    NotFound,
    Invalid,
    Fault,
    DataNull,
    WrongTypes,
    MissingRequired,
    ExtraFields,
    Minimal,
    Full,
    Private,
    Verified,
    Live,
    Retry,
    ListExact,
    PageRepeat,
    PageHole,
    PageHollow,
    PageFail,
    ItemBroken,
}

/// <param name="Number">N of <c>emu.list.N</c> (0 for <c>emu.list.empty</c>) or K of <c>emu.page.fail.K</c>.</param>
internal readonly record struct Scenario(ScenarioKind Kind, FaultKind Fault = default, int FailuresBeforeSuccess = 0, long Number = 0);

/// <summary>Usernames with scripted behaviour. Any other valid name gets a generated profile, including
/// unlisted names that happen to start with <c>emu.</c>.</summary>
internal static class ReservedNames
{
    public const string RetryPrefix = "emu.retry.";
    public const string ListPrefix = "emu.list.";
    public const string PageFailPrefix = "emu.page.fail.";
    public const long MaxListItems = 10_000_000;
    private const string FaultPrefix = "emu.fault.";
    private const string LivePrefix = "emu.live.";

    /// <param name="username">The validated, lower-cased handle without its '@'.</param>
    public static Scenario Resolve(string username)
    {
        if (!username.StartsWith("emu.", StringComparison.Ordinal))
        {
            return new Scenario(ScenarioKind.Generated);
        }

        if (username.StartsWith(FaultPrefix, StringComparison.Ordinal)
            && FaultNames.TryParse(username[FaultPrefix.Length..], out var fault))
        {
            return new Scenario(ScenarioKind.Fault, fault);
        }

        if (username.Length >= RetryPrefix.Length + 2
            && username.StartsWith(RetryPrefix, StringComparison.Ordinal)
            && username[RetryPrefix.Length] is >= '1' and <= '9'
            && username[RetryPrefix.Length + 1] == '.')
        {
            return new Scenario(ScenarioKind.Retry, FailuresBeforeSuccess: username[RetryPrefix.Length] - '0');
        }

        if (TryParseList(username, out var items))
        {
            return new Scenario(ScenarioKind.ListExact, Number: items);
        }

        if (username.StartsWith(PageFailPrefix, StringComparison.Ordinal)
            && TryParseDigits(username.AsSpan(PageFailPrefix.Length), 10, out var failingPage))
        {
            return new Scenario(ScenarioKind.PageFail, Number: failingPage);
        }

        if (username.StartsWith(LivePrefix, StringComparison.Ordinal))
        {
            return new Scenario(ScenarioKind.Live);
        }

        return username switch
        {
            "emu.list.empty" => new Scenario(ScenarioKind.ListExact, Number: 0),
            "emu.page.repeat" => new Scenario(ScenarioKind.PageRepeat),
            "emu.page.hole" => new Scenario(ScenarioKind.PageHole),
            "emu.page.hollow" => new Scenario(ScenarioKind.PageHollow),
            "emu.notfound" => new Scenario(ScenarioKind.NotFound),
            "emu.invalid" => new Scenario(ScenarioKind.Invalid),
            "emu.datanull" => new Scenario(ScenarioKind.DataNull),
            "emu.wrongtypes" => new Scenario(ScenarioKind.WrongTypes),
            "emu.missing" => new Scenario(ScenarioKind.MissingRequired),
            "emu.extra" => new Scenario(ScenarioKind.ExtraFields),
            "emu.minimal" => new Scenario(ScenarioKind.Minimal),
            "emu.full" => new Scenario(ScenarioKind.Full),
            "emu.private" => new Scenario(ScenarioKind.Private),
            "emu.verified" => new Scenario(ScenarioKind.Verified),
            "emu.live" => new Scenario(ScenarioKind.Live),
            "emu.item.broken" => new Scenario(ScenarioKind.ItemBroken),
            _ => new Scenario(ScenarioKind.Generated),
        };
    }

    /// <summary>Resolves a tag: the username grammar with '_' where the names have '.'.</summary>
    public static Scenario ResolveTag(string tag) =>
        tag.StartsWith("emu_", StringComparison.Ordinal) ? Resolve(tag.Replace('_', '.')) : new Scenario(ScenarioKind.Generated);

    /// <summary>True for the canonical spelling <c>emu.list.N</c> (no leading zeros), the one an author
    /// code can name again.</summary>
    public static bool IsCanonicalList(string username, out long items) =>
        TryParseList(username, out items) && username == ListPrefix + items.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>emu.list.N</c> or <c>emu.list.N.anything</c> with 0 &lt;= N &lt;= 10,000,000.</summary>
    private static bool TryParseList(string username, out long items)
    {
        items = 0;
        if (!username.StartsWith(ListPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = username.AsSpan(ListPrefix.Length);
        var dot = rest.IndexOf('.');
        var digits = dot < 0 ? rest : rest[..dot];
        if (dot >= 0 && dot == rest.Length - 1)
        {
            return false;
        }

        return TryParseDigits(digits, 8, out items) && items <= MaxListItems;
    }

    private static bool TryParseDigits(ReadOnlySpan<char> text, int maxDigits, out long value)
    {
        value = 0;
        if (text.Length is 0 || text.Length > maxDigits)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Applies the contract's username rule after one leading '@' is dropped.</summary>
    /// <returns>The lower-cased handle, or null when the server must answer <c>validation_error</c>.</returns>
    public static string? NormalizeUsername(string decodedSegment) =>
        PathValues.NormalizeHandle(decodedSegment, 24, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
}
