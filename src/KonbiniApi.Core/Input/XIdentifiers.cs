using System;

namespace KonbiniApi.Input;

/// <summary>
/// The values X (Twitter) operations take, read from what people paste: handles with or without '@', profile,
/// post and community addresses on x.com or twitter.com (www., mobile. and query strings included), bare IDs.
/// </summary>
public static class XIdentifiers
{
    /// <summary>X handles are at most 15 characters.</summary>
    public const int MaxUsernameLength = 15;

    /// <summary>X IDs (snowflakes) fit in a signed 64-bit number: at most 19 digits.</summary>
    public const int MaxIdDigits = 19;

    private const string Platform = "X";

    // First path segments that are X's own pages, never a profile: x.com/i/communities/..., x.com/home.
    private static readonly string[] SitePages =
    {
        "i", "home", "explore", "search", "hashtag", "intent", "share", "settings", "messages", "notifications",
        "compose", "login", "logout", "signup", "tos", "privacy", "jobs", "about", "download",
    };

    /// <summary>A handle: name, @name, or a profile URL (https://x.com/name); case-insensitive.</summary>
    public static IdentifierKind Username { get; } = new HandleKind(
        "an X username",
        "an X username (1 to 15 letters, digits and '_'), an @name, or a profile URL such as https://x.com/KhabyLame",
        LooksLikeAddress,
        TryReadAddress,
        SitePages,
        "it is an X address but not a profile address (https://x.com/name)",
        MaxUsernameLength,
        "X handles",
        c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_',
        "X handles use only letters, digits and '_'");

    /// <summary>A post ID, or a post URL (https://x.com/name/status/ID).</summary>
    public static IdentifierKind PostId { get; } = Numeric(
        "an X post ID",
        "a post ID (digits) or a post URL such as https://x.com/KhabyLame/status/2024515585569083437",
        segments => After(segments, "status") ?? After(segments, "statuses"),
        "an X address that is not a post (https://x.com/name/status/ID)");

    /// <summary>A community ID, or a community URL (https://x.com/i/communities/ID).</summary>
    public static IdentifierKind CommunityId { get; } = Numeric(
        "an X community ID",
        "a community ID (digits) or a community URL such as https://x.com/i/communities/1669501013441806336",
        segments => After(segments, "communities"),
        "an X address that is not a community (https://x.com/i/communities/ID)");

    /// <summary>
    /// Reads an address on x.com or twitter.com (or a subdomain such as mobile.twitter.com); the query and
    /// fragment are ignored. False, with the reason, for anything else.
    /// </summary>
    internal static bool TryReadAddress(string text, out string[] segments, out string problem)
    {
        if (InputText.TryReadUrl(text, "x.com", Platform, out segments, out var host, out problem))
        {
            return true;
        }

        if (host.Length > 0 && (host == "twitter.com" || host.EndsWith(".twitter.com", StringComparison.Ordinal)))
        {
            return InputText.TryReadUrl(text, "twitter.com", Platform, out segments, out problem);
        }

        if (host.Length > 0)
        {
            problem = "it is an address on " + host + ", not on x.com or twitter.com";
        }

        return false;
    }

    /// <summary>Whether the text is meant as a web address on X rather than a bare value.</summary>
    internal static bool LooksLikeAddress(string text) =>
        InputText.LooksLikeUrl(text, "x.com") || InputText.LooksLikeUrl(text, "twitter.com");

    private static string? After(string[] segments, string name) => InputText.SegmentAfter(segments, name);

    /// <summary>X's IDs (snowflakes): up to 19 digits, in an x.com or twitter.com address after a known segment.</summary>
    private static NumericIdKind Numeric(string noun, string accepts, Func<string[], string?> fromUrl, string wrongAddress) => new NumericIdKind(
        noun,
        accepts,
        LooksLikeAddress,
        (string text, out string[] segments, out string host, out string problem) =>
        {
            host = string.Empty;
            return TryReadAddress(text, out segments, out problem);
        },
        fromUrl,
        (_, _) => "it is " + wrongAddress,
        MaxIdDigits,
        "X IDs");
}
