using System;
using System.Collections.Generic;

namespace KonbiniApi.Input;

/// <summary>The values TikTok operations take, each read from what people paste: bare values or TikTok web addresses.</summary>
public static class TikTokIdentifiers
{
    private const string Domain = "tiktok.com";
    private const string Platform = "TikTok";

    /// <summary>A handle: name, @name, or a profile URL; case-insensitive.</summary>
    public static IdentifierKind Username { get; } = new UsernameKind();

    /// <summary>A video ID, or a video URL (https://www.tiktok.com/@name/video/ID).</summary>
    public static IdentifierKind VideoId { get; } = Numeric(
        "a TikTok video ID",
        "a video ID (digits) or a video URL such as https://www.tiktok.com/@name/video/7611615657754381599",
        FromVideoUrl);

    /// <summary>A comment ID, or a comment URL (.../video/ID/comment/ID).</summary>
    public static IdentifierKind CommentId { get; } = Numeric(
        "a TikTok comment ID",
        "a comment ID (digits), as in a comment's CommentId property",
        segments => After(segments, "comment"));

    /// <summary>A collection (mix) ID, or a collection URL (https://www.tiktok.com/@name/collection/title-ID).</summary>
    public static IdentifierKind CollectionId { get; } = Numeric(
        "a TikTok collection ID",
        "a collection ID (digits) or a collection URL such as https://www.tiktok.com/@name/collection/best-of-6966746276732559110",
        segments => TrailingNumber(After(segments, "collection") ?? After(segments, "playlist")));

    /// <summary>An audio (music) ID, or a sound URL (https://www.tiktok.com/music/title-ID).</summary>
    public static IdentifierKind AudioId { get; } = Numeric(
        "a TikTok audio ID",
        "an audio ID (digits) or a sound URL such as https://www.tiktok.com/music/original-sound-6931290927570946049",
        segments => TrailingNumber(After(segments, "music")));

    /// <summary>A hashtag: name, #name, or a tag URL (https://www.tiktok.com/tag/name); case-insensitive.</summary>
    public static IdentifierKind Tag { get; } = new TagKind();

    /// <summary>Search text: anything printable, up to 500 characters.</summary>
    public static IdentifierKind SearchText { get; } = new SearchTextKind("a TikTok search text");

    /// <summary>The languages TikTok transcribes into (BCP 47), and <c>original</c> for the language spoken.</summary>
    public static IReadOnlyList<string> TranscriptLanguages { get; } = new[]
    {
        "original", "ar-SA", "az-AZ", "ca-ES", "ceb-PH", "cs-CZ", "da-DK", "de-DE", "en-US", "es-ES", "et-EE", "fi-FI", "fil-PH", "fr-FR",
        "ga-IE", "he-IL", "hr-HR", "id-ID", "it-IT", "ja-JP", "ko-KR", "lv-LV", "lt-LT", "ms-MY", "nb-NO", "nl-NL", "pl-PL", "pt-PT",
        "ru-RU", "sw-SW", "sv-SE", "th-TH", "uk-UA", "vi-VN", "zh-Hans-CN", "zh-Hant-CN",
    };

    /// <summary>A transcript language: one of <see cref="TranscriptLanguages"/>, in any letter case.</summary>
    public static IdentifierKind TranscriptLanguage { get; } = new ChoiceKind(
        "a TikTok transcript language", TranscriptLanguages);

    private static string? FromVideoUrl(string[] segments) => After(segments, "video") ?? After(segments, "photo") ?? After(segments, "v");

    /// <summary>The segment after <paramref name="name"/>, e.g. the ID after "video"; TikTok's older share pages end it with ".html".</summary>
    private static string? After(string[] segments, string name)
    {
        var next = InputText.SegmentAfter(segments, name);
        return next is not null && next.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? next.Substring(0, next.Length - 5) : next;
    }

    /// <summary>TikTok's IDs: up to 20 digits, at a known place in a tiktok.com address; short links cannot be read.</summary>
    private static NumericIdKind Numeric(string noun, string accepts, Func<string[], string?> fromUrl) => new NumericIdKind(
        noun,
        accepts,
        text => InputText.LooksLikeUrl(text, Domain),
        (string text, out string[] segments, out string host, out string problem) => InputText.TryReadUrl(text, Domain, Platform, out segments, out host, out problem),
        fromUrl,
        (segments, host) => host is "vm.tiktok.com" or "vt.tiktok.com" || (segments.Length > 0 && segments[0] == "t")
            ? "it is a TikTok short link, which only TikTok can expand; open it and copy the full address"
            : "it is a TikTok address that holds no such ID",
        maxDigits: 20,
        "TikTok IDs");

    /// <summary>Titles in TikTok addresses end with the ID: "original-sound-6931290927570946049".</summary>
    private static string? TrailingNumber(string? segment)
    {
        if (segment is null)
        {
            return null;
        }

        var dash = segment.LastIndexOf('-');
        return dash < 0 ? segment : segment.Substring(dash + 1);
    }

    private sealed class UsernameKind : IdentifierKind
    {
        public UsernameKind()
            : base("a TikTok username", "a TikTok username (letters, digits, '_' and '.'), an @name, or a profile URL")
        {
        }

        public override bool TryParse(string? input, out string value, out string problem) => TikTokUsername.TryParse(input, out value, out problem);

        public override string KeyOf(string value) => value.ToLowerInvariant();
    }

    private sealed class TagKind : IdentifierKind
    {
        private const int MaxLength = 100;

        public TagKind()
            : base("a TikTok hashtag", "a hashtag (letters, digits and '_', with or without '#') or a tag URL such as https://www.tiktok.com/tag/learnfromkhaby")
        {
        }

        public override bool IsFreeText => true;

        public override string KeyOf(string value) => value.ToLowerInvariant();

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

                var found = After(segments, "tag");
                if (found is null)
                {
                    problem = "it is a TikTok address but not a tag address (https://www.tiktok.com/tag/name)";
                    return false;
                }

                text = found;
            }
            else
            {
                text = InputText.WithoutMark(text, '#');
            }

            if (text.Length == 0)
            {
                problem = "there is no name after '#'";
                return false;
            }

            if (!InputText.CheckLength(text, MaxLength, "hashtags", out problem) ||
                !InputText.CheckCharacters(text, (t, i) => t[i] == '_' || char.IsLetterOrDigit(t, i), "hashtags use only letters, digits and '_'", out problem))
            {
                return false;
            }

            value = text;
            problem = string.Empty;
            return true;
        }
    }
}
