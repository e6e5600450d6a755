using System;
using System.Collections.Generic;
using System.Globalization;

namespace KonbiniApi.Emulator;

/// <summary>An Instagram account as every route sees it, derived from its name alone.</summary>
internal sealed record InstagramProfile(
    string Username, string DisplayName, string UserId, string? Bio, string[] Links, bool IsPrivate, bool IsVerified, bool IsPaidVerified,
    bool IsBusiness, bool IsProfessional, string? Category, string[]? Pronouns, bool HasChannel, bool HasThreads,
    long FollowerCount, long FollowingCount, long MediaCount, long VideoCount, long HighlightCount, bool WithAvatar)
{
    public string ProfileUrl => $"https://www.instagram.com/{Username}/";

    public string AvatarUrl => $"https://{InstagramContent.MediaHost}/avatars/{UserId}.jpg";
}

/// <summary>What a post is made of. Everything comes from the shortcode, so every route that shows the post agrees.</summary>
internal sealed record InstagramPostModel(
    string Code, string Type, string ContentFormat, string AuthorName, string? Collaborator, DateTimeOffset Published, string Caption,
    string[] Hashtags, string? TaggedUser, long LikeCount, long CommentCount, long? ViewCount, double? Duration, string Language, bool IsEdited,
    bool IsSponsored, InstagramPlaceModel? Place, int Slides, bool WithAudio, string? AltText)
{
    public string Url => $"https://www.instagram.com/p/{Code}/";
}

internal sealed record InstagramPlaceModel(string Id, string Name, double Latitude, double Longitude);

internal sealed record InstagramCommentModel(string Id, string AuthorName, string Text, DateTimeOffset Published, long LikeCount, long ReplyCount);

internal sealed record InstagramHighlightModel(string Id, string AuthorName, string Title, long StoryCount);

internal sealed record InstagramStoryModel(string Id, bool IsVideo, DateTimeOffset Published, double? Duration, bool IsSponsored, string? LinkSticker);

/// <summary>Where a shortcode comes from: a user's post or reel, a post that tags a user, a location's post, or none of ours.</summary>
internal enum ShortcodeKind
{
    Foreign,
    Post,
    Reel,
    Tagged,
    Location,
}

/// <summary>Shortcodes that carry their origin, the way real ones carry a media ID: one letter for the kind and
/// base64url digits for the author (or location) and the index. 11 characters like Instagram's own, 16 for a location's.</summary>
internal readonly record struct Shortcode(ShortcodeKind Kind, AuthorCode Author, ulong Location, long Index)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const long AuthorLimit = 5 * AuthorCode.PayloadLimit;
    private const long LocationIndexLimit = 1L << 24;

    public static string For(ShortcodeKind kind, string author, long index)
    {
        var code = Authors.Encode(author);
        var number = (((code.Kind * AuthorCode.PayloadLimit) + code.Payload) * AuthoredId.IndexLimit) + (index % AuthoredId.IndexLimit);
        return Letter(kind) + Digits((ulong)number, 10);
    }

    public static string ForLocation(ulong location, long index) => "L" + Digits(location, 11) + Digits((ulong)(index % LocationIndexLimit), 4);

    public static Shortcode Parse(string code)
    {
        if (code.Length == 16 && code[0] == 'L' && TryRead(code.AsSpan(1, 11), out var location) && TryRead(code.AsSpan(12), out var index))
        {
            return new Shortcode(ShortcodeKind.Location, default, location, (long)index);
        }

        var kind = code.Length == 11 ? code[0] switch { 'C' => ShortcodeKind.Post, 'D' => ShortcodeKind.Reel, 'T' => ShortcodeKind.Tagged, _ => ShortcodeKind.Foreign } : ShortcodeKind.Foreign;
        if (kind != ShortcodeKind.Foreign && TryRead(code.AsSpan(1), out var number) && number < (ulong)AuthorLimit * AuthoredId.IndexLimit)
        {
            var author = (long)(number / AuthoredId.IndexLimit);
            return new Shortcode(kind, new AuthorCode((int)(author / AuthorCode.PayloadLimit), author % AuthorCode.PayloadLimit), 0, (long)(number % AuthoredId.IndexLimit));
        }

        return new Shortcode(ShortcodeKind.Foreign, default, 0, 0);
    }

    private static char Letter(ShortcodeKind kind) => kind switch { ShortcodeKind.Reel => 'D', ShortcodeKind.Tagged => 'T', _ => 'C' };

    private static string Digits(ulong value, int length)
    {
        var chars = new char[length];
        for (var i = length - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 63)];
            value >>= 6;
        }

        return new string(chars);
    }

    private static bool TryRead(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0 || value > (ulong.MaxValue >> 6))
            {
                return false;
            }

            value = (value << 6) | (uint)digit;
        }

        return true;
    }
}

/// <summary>Derives Instagram objects from stable hashes of their names and codes.</summary>
internal static class InstagramContent
{
    public const string MediaHost = "cdninstagram.emulator.invalid";

    /// <summary>Highlight IDs are AuthoredIds of this type: 19 digits starting with 3, naming the owner.</summary>
    public const int HighlightType = 3;

    /// <summary>The most stories one highlight holds.</summary>
    public const long MaxStories = 500;

    private static readonly string[] Captions =
    [
        "When you realize there is a simpler way", "Golden hour never misses ✨", "Sunday brunch with the crew 🥞", "Swipe for the surprise ➡️",
        "東京の夜 🌃", "Receta de la abuela 🇪🇸", "Le plus beau coucher de soleil 🌅", "Новая глава", "رحلة لا تنسى", "שבת שלום",
        "오늘의 OOTD 👗", "Treino de hoje 💪", "New drop Friday 🔥", "Behind the scenes 🎬", "Day 12 of 30", "",
    ];

    private static readonly string[] Hashtags =
    [
        "learnfromkhaby", "travel", "food", "fitness", "ootd", "reels", "photography", "sunset", "music", "art", "tokyo", "café",
        "instagood", "explore", "料理", "motivation",
    ];

    private static readonly string[] PlaceNames =
    [
        "Los Angeles, California", "Shibuya Crossing", "Paris, France", "São Paulo", "Seoul, South Korea", "Dubai Marina", "Berlin Mitte",
        "Zürich HB", "Ciudad de México", "東京タワー",
    ];

    private static readonly string[] CommentTexts =
    [
        "This man hasn't been in my fyp for so long", "😍😍😍", "Where is this?", "Obsessed 🔥", "最高！", "¿Dónde es esto?", "Magnifique 👏",
        "Need this in my life", "ما شاء الله", "יפה מאוד", "대박 ✨", "Part 2 please 🙏", "Tag a friend who needs this", "first",
        "The light in this one\nwow", "Zoë from Zürich says hi 👋",
    ];

    private static readonly string[] HighlightTitles = ["Best of 2025", "Travel ✈️", "Food", "Tour", "Q&A", "BTS", "Family", "日本", "Gym", "Pets 🐶"];

    private static readonly string[] Categories = ["Public figure", "Artist", "Musician/band", "Photographer", "Creator", "Restaurant", "Athlete"];

    private static readonly string[] Languages = ["en", "ja", "es", "pt", "fr", "de", "ko", "ar", "he", "ru"];

    /// <summary>"Now" for every generated timestamp, so bodies never change with the clock.</summary>
    public static DateTimeOffset ReferenceTime => TikTokContent.ReferenceTime;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static InstagramProfile Profile(string username, Scenario scenario)
    {
        var random = StableRandom.ForName("ig-user:" + username);
        var media = random.Next(100) switch { < 10 => random.NextLong(0, 12), < 70 => random.NextLong(12, 400), _ => random.NextLong(400, 4_000) };
        var profile = new InstagramProfile(
            Username: username,
            DisplayName: DisplayName(username, ref random),
            UserId: Number(random.NextLong(1_000_000, 79_999_999_999)),
            Bio: random.Chance(0.8) ? random.Pick(Captions) : null,
            Links: random.Chance(0.5) ? [$"https://linktr.ee/{username.Replace('.', '_')}"] : [],
            IsPrivate: false,
            IsVerified: random.Chance(0.2),
            IsPaidVerified: random.Chance(0.05),
            IsBusiness: random.Chance(0.2),
            IsProfessional: random.Chance(0.5),
            Category: random.Chance(0.5) ? random.Pick(Categories) : null,
            Pronouns: random.Chance(0.3) ? [random.Pick((string[])["he/him", "she/her", "they/them"])] : null,
            HasChannel: random.Chance(0.1),
            HasThreads: random.Chance(0.6),
            FollowerCount: random.Next(100) < 90 ? random.NextLong(0, 2_000_000) : random.NextLong(2_000_000, 700_000_000),
            FollowingCount: random.NextLong(0, 7_500),
            MediaCount: media,
            VideoCount: Math.Max(1, media / (2 + random.Next(4))),
            HighlightCount: random.NextLong(0, 40),
            WithAvatar: random.Chance(0.95));
        return scenario.Kind switch
        {
            ScenarioKind.Private => profile with { IsPrivate = true },
            ScenarioKind.Verified => profile with { IsVerified = true },
            ScenarioKind.Minimal => profile with { Bio = null, Links = [], Category = null, Pronouns = null, WithAvatar = false },
            ScenarioKind.Full or ScenarioKind.ExtraFields => profile with
            {
                Bio = profile.Bio ?? "Everything, everywhere 🌍", Links = [$"https://linktr.ee/{username.Replace('.', '_')}", "https://example.org/shop"],
                Category = profile.Category ?? "Creator", Pronouns = profile.Pronouns ?? ["they/them"], WithAvatar = true,
            },
            ScenarioKind.ListExact => profile with
            {
                FollowerCount = scenario.Number, FollowingCount = scenario.Number, MediaCount = scenario.Number, VideoCount = scenario.Number,
                HighlightCount = scenario.Number,
            },
            _ => profile,
        };
    }

    public static InstagramProfile ProfileOf(string username) => Profile(username, ReservedNames.Resolve(username));

    /// <summary>The length of a user's list of posts that tag them.</summary>
    public static long TaggedLength(string username) => (long)(StableRandom.Hash("ig-tagged:" + username) % 300);

    public static long LocationLength(string location) => (long)(StableRandom.Hash("ig-location:" + location) % 5_000);

    /// <summary>Trending search: a fifth of keywords find nothing, as the service warns they may.</summary>
    public static long SearchLength(string queryKey)
    {
        var hash = StableRandom.Hash("ig-search:" + queryKey);
        return hash % 5 == 0 ? 0 : 24 + (long)(hash / 5 % 300);
    }

    /// <summary>A generated account for people who appear around posts (commenters, search results' authors).</summary>
    public static string GeneratedPerson(string key) =>
        Authors.GeneratedName((long)(StableRandom.Hash("ig-person:" + key) % AuthorCode.PayloadLimit));

    /// <summary>A reel by someone generated, one of their own, so the shortcode leads back to the same reel.</summary>
    public static string OtherReel(string key)
    {
        var author = GeneratedPerson(key);
        var reels = Math.Max(1, ProfileOf(author).VideoCount);
        return Shortcode.For(ShortcodeKind.Reel, author, (long)(StableRandom.Hash("ig-reel:" + key) % (ulong)reels));
    }

    public static InstagramPlaceModel Place(string locationId)
    {
        var random = StableRandom.ForName("ig-place:" + locationId);
        return new InstagramPlaceModel(locationId, random.Pick(PlaceNames), Math.Round(-60 + (random.NextDouble() * 120), 4), Math.Round(-180 + (random.NextDouble() * 360), 4));
    }

    public static InstagramPostModel Post(string code)
    {
        var origin = Shortcode.Parse(code);
        var random = StableRandom.ForName("ig-post:" + code);
        var author = origin.Kind is ShortcodeKind.Post or ShortcodeKind.Reel
            ? Authors.Decode(origin.Author)
            : GeneratedPerson("author:" + code);
        var reserved = ReservedNames.ResolveTag(code);
        var kind = origin.Kind == ShortcodeKind.Reel ? 0 : random.Next(100) switch { < 35 => 1, < 80 => 2, _ => 3 };
        var likes = random.Next(100) < 85 ? random.NextLong(0, 50_000) : random.NextLong(50_000, 12_000_000);
        var comments = reserved.Kind == ScenarioKind.ListExact ? reserved.Number : (long)(likes * random.NextDouble() * 0.04);
        var tagCount = random.Next(4);
        var tags = new string[tagCount];
        var caption = random.Pick(Captions);
        for (var i = 0; i < tagCount; i++)
        {
            tags[i] = Hashtags[(random.Next(Hashtags.Length) + i) % Hashtags.Length];
            caption += (caption.Length == 0 ? "#" : " #") + tags[i];
        }

        var isVideo = kind is 0 or 1;
        var age = origin.Kind is ShortcodeKind.Post or ShortcodeKind.Reel
            ? TimeSpan.FromHours((Math.Min(origin.Index, 20_000) * 31) + random.Next(30)) + TimeSpan.FromSeconds(origin.Index)
            : TimeSpan.FromMinutes(random.NextLong(10, 60 * 24 * 900));
        var place = origin.Kind == ShortcodeKind.Location
            ? Place(InstagramContent.Number((long)origin.Location))
            : random.Chance(0.35) ? Place(Number(random.NextLong(100_000, 999_999_999))) : null;
        return new InstagramPostModel(
            Code: code,
            Type: isVideo ? "Video" : "Image",
            ContentFormat: kind switch { 0 => "reel", 1 => "video", 2 => "image", _ => "carousel" },
            AuthorName: author,
            Collaborator: random.Chance(0.1) ? GeneratedPerson("collab:" + code) : null,
            Published: ReferenceTime - age,
            Caption: caption,
            Hashtags: tags,
            TaggedUser: origin.Kind == ShortcodeKind.Tagged ? Authors.Decode(origin.Author) : null,
            LikeCount: likes,
            CommentCount: comments,
            ViewCount: isVideo ? likes * (5 + random.Next(40)) : null,
            Duration: isVideo ? Math.Round(3 + (random.NextDouble() * 90), 3) : null,
            Language: random.Pick(Languages),
            IsEdited: random.Chance(0.1),
            IsSponsored: random.Chance(0.05),
            Place: place,
            Slides: kind == 3 ? 2 + random.Next(9) : 0,
            WithAudio: isVideo && random.Chance(0.8),
            AltText: isVideo ? null : $"Photo by {author}");
    }

    public static InstagramCommentModel Comment(InstagramPostModel post, long index)
    {
        var random = StableRandom.ForName($"ig-comment:{post.Code}:{index}");
        return new InstagramCommentModel(
            Id: "18" + random.NextLong(0, 999_999_999_999_999).ToString("D15", CultureInfo.InvariantCulture),
            AuthorName: GeneratedPerson($"comment:{post.Code}:{index}"),
            Text: random.Pick(CommentTexts),
            Published: post.Published + TimeSpan.FromMinutes(1 + (index * 3) + random.Next(60)),
            LikeCount: random.Next(100) < 90 ? random.NextLong(0, 500) : random.NextLong(500, 200_000),
            ReplyCount: random.Chance(0.7) ? 0 : random.NextLong(1, 60));
    }

    public static string HighlightId(string author, long index) => AuthoredId.For(HighlightType, author, index).Text;

    public static InstagramHighlightModel Highlight(string id)
    {
        var random = StableRandom.ForName("ig-highlight:" + id);
        var scenario = IdScenario.Parse(id);
        // A highlight answers all its stories at once, so a scripted length is capped at what one answer can hold.
        var stories = scenario.FixedLength is { } length ? Math.Min(length, MaxStories) : 1 + random.NextLong(0, 59);
        return new InstagramHighlightModel(id, AuthoredId.AuthorOf(id, HighlightType), random.Pick(HighlightTitles), stories);
    }

    public static InstagramStoryModel Story(InstagramHighlightModel highlight, long index)
    {
        var random = StableRandom.ForName($"ig-story:{highlight.Id}:{index}");
        var isVideo = random.Chance(0.5);
        return new InstagramStoryModel(
            Id: "32" + random.NextLong(0, 99_999_999_999_999_999).ToString("D17", CultureInfo.InvariantCulture),
            IsVideo: isVideo,
            Published: ReferenceTime - TimeSpan.FromHours(24 * (highlight.StoryCount - index) + random.Next(24)),
            Duration: isVideo ? Math.Round(1 + (random.NextDouble() * 14), 3) : null,
            IsSponsored: random.Chance(0.05),
            LinkSticker: random.Chance(0.15) ? "https://example.org/story-link/" + index.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static string DisplayName(string username, ref StableRandom random)
    {
        var words = username.Replace('_', ' ').Replace('.', ' ').Trim();
        var name = words.Length == 0 ? username : char.ToUpperInvariant(words[0]) + words[1..];
        return random.Chance(0.2) ? name + " ✨" : name;
    }
}
