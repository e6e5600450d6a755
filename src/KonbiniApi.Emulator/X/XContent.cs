using System;
using System.Collections.Generic;
using System.Globalization;

namespace KonbiniApi.Emulator.X;

/// <summary>An X account as every route shows it, derived from its handle alone.</summary>
internal sealed record XProfile(
    string Username,
    string UserId,
    string DisplayName,
    string? Bio,
    string[] Links,
    string? Location,
    DateTimeOffset? Created,
    bool IsPrivate,
    bool IsVerified,
    bool IsPaidVerified,
    long FollowerCount,
    long FollowingCount,
    long LikeCount,
    long PostCount,
    long MediaCount,
    long? ListedCount,
    string? Avatar,
    string? Banner,
    Scenario Scenario)
{
    public string ProfileUrl => "https://x.com/" + Username;
}

/// <summary>One post, derived from its ID alone, so every route that shows it shows the same post.</summary>
internal sealed record XPostModel(
    string Id,
    string Author,
    string Text,
    DateTimeOffset Published,
    long LikeCount,
    long ReplyCount,
    long ViewCount,
    long RepostCount,
    long QuoteCount,
    long SaveCount,
    string ContentFormat,
    bool IsEdited,
    string[] Tags,
    XMedia? Media,
    int Extra,
    string? ReplyTo,
    string? Quoted)
{
    public string Url => "https://x.com/" + Author + "/status/" + Id;

    public bool HasMedia => Media is not null;
}

/// <summary>Photos (1 to 4) or one video.</summary>
internal sealed record XMedia(bool IsVideo, int Count, int Width, int Height, double Duration);

internal sealed record XCommunityModel(
    string Id, string Name, string Summary, DateTimeOffset Created, long MemberCount, string Category, string[] Topics,
    string[] Rules, string Creator, long PostTotal, long MediaTotal)
{
    public string Url => "https://x.com/i/communities/" + Id;
}

/// <summary>Deterministic X content: profiles from handles, posts from post IDs, communities from their IDs.</summary>
internal static class XContent
{
    public const string MediaBase = "https://pbs.twimg.emulator.invalid";
    public const string VideoBase = "https://video.twimg.emulator.invalid";

    private static readonly GeneratedCache<XProfile> Cache = new(32_768);
    private static readonly DateTimeOffset Newest = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EarliestAccount = new(2007, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] DisplayNames =
    [
        "Zoë Åkesson", "José Ñúñez", "山田花子", "김서연", "محمد الفارس", "שירה כהן", "Ольга Смирнова", "✨ Stella ✨",
        "Chef 👨‍🍳 Marco", "Nguyễn Thị Hồng", "Ayşe Yılmaz", "Søren Østergaard",
    ];

    private static readonly string[] Bios =
    [
        "Posting what I find interesting.", "📍 Osaka | 🍜 ramen hunter", "Engineer. Opinions are my own.",
        "日々の料理を投稿しています🍳", "مرحبا بكم 🌙", "Café ☕ & croissants 🥐 — Paris", "Tech reviews, no fluff.",
        "Música, vida y más 🎶", "Daily memes at 6pm.", "",
    ];

    private static readonly string[] Locations = ["Chivasso, Italy", "Tokyo", "São Paulo", "Lagos", "Berlin", "Seoul", "Austin, TX", "Earth 🌍"];

    private static readonly string[] Sentences =
    [
        "This man hasn't been in my feed for so long", "Good morning, everyone ☀️", "Shipping a new release today 🚀",
        "Who else is watching the match tonight?", "Hot take: pineapple belongs on pizza 🍍", "日本の秋は最高です🍁",
        "Thread on what we learned this year 🧵", "Can't believe this actually worked", "¿Alguien más despierto?",
        "Reminder: drink water 💧", "New video is up, link below 👇", "Ce soir, on cuisine ensemble",
    ];

    private static readonly string[] Hashtags = ["learnfromkhaby", "memes", "tech", "football", "cooking", "ai", "travel", "music"];

    private static readonly string[] CommunityNames = ["Memes", "Build in Public", "Photography", "Football Fans", "Home Cooks", "Indie Games", "Space Nerds", "Plant Parents"];

    private static readonly string[] Categories = ["Entertainment", "Technology", "Arts", "Sports", "Food", "Gaming", "Science", "Lifestyle"];

    private static readonly string[] RuleTitles = ["Be kind and respectful", "Stay on topic", "No spam or self-promotion", "Credit original creators", "No NSFW content", "Use English or tag your language"];

    /// <param name="username">A validated, lower-cased handle.</param>
    public static XProfile Profile(string username)
    {
        return Cache.GetOrAdd(username, static name => Build(name, ReservedNames.ResolveTag(name)));
    }

    private static XProfile Build(string username, Scenario scenario)
    {
        var random = StableRandom.ForName("x-profile:" + username);
        var full = scenario.Kind is ScenarioKind.Full or ScenarioKind.ExtraFields;
        var minimal = scenario.Kind == ScenarioKind.Minimal;
        bool Has(ref StableRandom r, double chance) => !minimal && (full || r.Chance(chance));

        var userId = random.NextLong(10_000_000, 1_999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var display = random.Chance(0.3) ? random.Pick(DisplayNames) : char.ToUpperInvariant(username[0]) + username[1..].Replace('_', ' ');
        var bio = Has(ref random, 0.85) ? random.Pick(Bios) : null;
        var links = Has(ref random, 0.4) ? new[] { "https://t.co/" + random.NextToken(10) } : [];
        var location = Has(ref random, 0.5) ? random.Pick(Locations) : null;
        DateTimeOffset? created = Has(ref random, 0.95)
            ? EarliestAccount.AddSeconds(random.NextLong(0, (long)(Newest - EarliestAccount).TotalSeconds))
            : null;
        var followers = random.Next(100) switch
        {
            < 50 => random.NextLong(0, 2_000),
            < 85 => random.NextLong(2_000, 500_000),
            _ => random.NextLong(500_000, 200_000_000),
        };
        var posts = random.Next(10) == 0 ? 0 : random.NextLong(1, 60_000);
        var media = posts == 0 ? 0 : random.NextLong(0, posts);
        var listed = Has(ref random, 0.8) ? random.NextLong(0, 5_000) : (long?)null;
        var avatar = Has(ref random, 0.9) ? $"{MediaBase}/profile_images/{userId}/{random.NextToken(8)}_400x400.jpg" : null;
        var banner = Has(ref random, 0.6) ? $"{MediaBase}/profile_banners/{userId}/1500x500" : null;
        var profile = new XProfile(
            username, userId, display, bio, links, location, created,
            IsPrivate: scenario.Kind == ScenarioKind.Private || random.Chance(0.03),
            IsVerified: scenario.Kind == ScenarioKind.Verified || random.Chance(0.03),
            IsPaidVerified: random.Chance(0.2),
            followers, random.NextLong(0, 5_000), random.NextLong(0, 100_000), posts, media, listed, avatar, banner, scenario);
        return scenario.Kind == ScenarioKind.ListExact
            ? profile with { PostCount = scenario.Number, MediaCount = scenario.Number }
            : profile;
    }

    /// <summary>How many posts the user's Highlights tab holds.</summary>
    public static long HighlightTotal(XProfile profile) => profile.Scenario.Kind == ScenarioKind.ListExact
        ? profile.Scenario.Number
        : Math.Min(profile.PostCount, (long)(StableRandom.Hash("x-highlights:" + profile.Username) % 60));

    /// <summary>The timeline place of the highlight at <paramref name="position"/>: highlights are spread over the timeline.</summary>
    public static long HighlightIndex(XProfile profile, long position, bool scripted)
    {
        var total = HighlightTotal(profile);
        if (scripted || total == 0 || profile.PostCount <= total)
        {
            return position % XPostId.IndexLimit;
        }

        return position * (profile.PostCount / total) % XPostId.IndexLimit;
    }

    /// <summary>The post with this ID. Its author and timeline place come from the ID when the emulator issued it.</summary>
    public static XPostModel Post(string id)
    {
        var parsed = XPostId.Parse(id);
        var author = parsed.Author;
        var random = StableRandom.ForName("x-post:" + id);
        var gapMinutes = 30 + (long)(StableRandom.Hash("x-gap:" + author) % 2_000);
        var published = Newest.AddMinutes(-(parsed.Index * gapMinutes) - random.NextLong(0, gapMinutes - 1)).AddSeconds(-random.Next(60));
        var longform = random.Chance(0.1);
        var text = random.Pick(Sentences);
        if (longform)
        {
            text = string.Join(" ", text, random.Pick(Sentences), random.Pick(Sentences), random.Pick(Sentences));
        }

        var tags = random.Chance(0.3) ? new[] { random.Pick(Hashtags) } : [];
        foreach (var tag in tags)
        {
            text += " #" + tag;
        }

        XMedia? media = null;
        if (HasMedia(id))
        {
            var video = random.Chance(0.4);
            media = new XMedia(video, video ? 1 : 1 + random.Next(4), video ? 1280 : 1536, video ? 720 : 2048, video ? Math.Round(3 + (random.NextDouble() * 120), 3) : 0);
        }

        // Link card (1) or poll (2) on posts without media.
        var extra = media is null ? random.Next(10) switch { 0 or 1 => 1, 2 => 2, _ => 0 } : 0;
        var views = random.NextLong(0, 5_000_000);
        var likes = random.NextLong(0, Math.Max(1, views / 10));
        var replyTo = random.Chance(0.15) ? OtherPost("reply:" + id) : null;
        var quoted = replyTo is null && random.Chance(0.1) ? OtherPost("quote:" + id) : null;
        return new XPostModel(
            id, author, text, published, likes, random.NextLong(0, Math.Max(1, likes / 5)), views, random.NextLong(0, Math.Max(1, likes / 4)),
            random.NextLong(0, Math.Max(1, likes / 20)), random.NextLong(0, Math.Max(1, likes / 8)),
            longform ? "longform" : "text", random.Chance(0.05), tags, media, extra, replyTo, quoted);
    }

    /// <summary>Whether the post carries photos or a video; a function of the ID so the media lists agree with GET /posts.</summary>
    public static bool HasMedia(string id) => StableRandom.Hash("x-media:" + id) % 3 == 0;

    /// <summary>A post by someone else (a community's, a quoted one): one of a generated author's own posts.</summary>
    public static string OtherPost(string key, bool withMedia = false)
    {
        string candidate = string.Empty;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var hash = StableRandom.Hash($"x-other:{key}:{attempt}");
            var author = Profile(XNames.Generated((long)(hash % XNames.GeneratedLimit)));
            if (author.PostCount == 0)
            {
                continue;
            }

            var index = (long)(hash / XNames.GeneratedLimit % (ulong)Math.Min(author.PostCount, XPostId.IndexLimit));
            candidate = XPostId.For(author.Username, index).Text;
            if (!withMedia || HasMedia(candidate))
            {
                return candidate;
            }
        }

        return candidate.Length > 0 ? candidate : XPostId.For(XNames.Generated(0), 0).Text;
    }

    public static XCommunityModel Community(string id)
    {
        var random = StableRandom.ForName("x-community:" + id);
        var which = random.Next(CommunityNames.Length);
        var rules = new List<string>();
        var ruleCount = random.Next(5);
        for (var i = 0; i < ruleCount; i++)
        {
            rules.Add(RuleTitles[(which + i) % RuleTitles.Length]);
        }

        var posts = random.NextLong(0, 5_000);
        return new XCommunityModel(
            id,
            CommunityNames[which],
            "A place for " + CommunityNames[which].ToLowerInvariant() + ". Read the rules before posting.",
            new DateTimeOffset(2021, 9, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextLong(0, 150_000_000)),
            random.NextLong(1, 2_000_000),
            Categories[which],
            [Hashtags[which % Hashtags.Length]],
            [.. rules],
            XNames.GeneratedFor("community-creator:" + id),
            posts,
            posts / 3);
    }
}
