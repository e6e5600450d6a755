using System;
using System.Collections.Generic;
using System.Globalization;

namespace KonbiniApi.Emulator;

/// <summary>Derives a plausible, repeatable TikTok profile from a username alone.</summary>
internal static class ProfileGenerator
{
    private const string SecUidPrefix = "MS4wLjABAAAA";

    // Images point at a reserved top-level domain so nothing ever fetches them by accident.
    private const string ImageBase = "https://p16-sign.tiktokcdn.emulator.invalid/tos-avt";

    private static readonly string[] UnicodeNames =
    [
        "Zoë Åkesson", "José Ñúñez", "François Lefèvre", "Łukasz Żółkiewski", "Nguyễn Thị Hồng",
        "山田花子", "李小龙 Official", "김서연", "さくら🌸", "محمد الفارس", "שירה כהן", "Αλέξανδρος",
        "Ольга Смирнова", "✨ Stella ✨", "Chef 👨‍🍳 Marco", "🇯🇵 Tokyo Eats", "𝓜𝓲𝓵𝓪 𝓡𝓸𝓼𝓮",
        "Dvořák Tomáš", "Ayşe Yılmaz", "Søren Østergaard",
    ];

    private static readonly string[] NameDecorations = ["", "", "", " ✨", " 🎶", " | Official", " 🇧🇷", " 💫"];

    private static readonly string[] Bios =
    [
        "Just vibing ✌️",
        "📍 Osaka | 🍜 ramen hunter",
        "Dancer • Creator • Dreamer\nBookings below 👇",
        "日々の料理を投稿しています🍳",
        "مرحبا بكم في قناتي 🌙",
        "ברוכים הבאים לערוץ שלי",
        "Café ☕ & croissants 🥐 — Paris",
        "Not your average cat 🐈‍⬛",
        "Tech reviews, no fluff.",
        "Música, vida y más 🎶",
        "Официальный аккаунт",
        "小红书同名 ✨ 合作请私信",
        "오늘도 화이팅! 💪",
        "Daily comedy. New video every day at 6pm.",
        "",
    ];

    private static readonly string[] Languages = ["en", "en-GB", "ja", "es", "pt-BR", "zh-Hant", "ar", "he", "fr", "de", "ko", "vi", "tr", "ru"];

    private static readonly string[] LinkTemplates =
    [
        "https://linktr.ee/{0}",
        "https://www.instagram.com/{0}",
        "https://youtube.com/@{0}",
        "https://beacons.ai/{0}",
        "https://shop.example.com/{0}?ref=tiktok",
        "https://x.com/{0}",
    ];

    private static readonly int[] ImageSizes = [100, 168, 720, 1080];

    private static readonly DateTimeOffset EarliestAccount = new(2014, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestAccount = new(2025, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <param name="username">The validated, lower-cased handle without its '@'.</param>
    public static TikTokProfile Generate(string username)
    {
        var random = StableRandom.ForName(username);

        var entityId = SecUidPrefix + random.NextToken(64);
        var name = random.Chance(0.35)
            ? random.Pick(UnicodeNames) + random.Pick(NameDecorations)
            : NameFromHandle(username) + random.Pick(NameDecorations);

        var summary = random.Chance(0.8) ? random.Pick(Bios) : null;
        var links = GenerateLinks(ref random, username);
        DateTimeOffset? published = random.Chance(0.8)
            ? EarliestAccount.AddSeconds(random.NextLong(0, (long)(LatestAccount - EarliestAccount).TotalSeconds))
            : null;

        var followers = random.Next(100) switch
        {
            < 45 => random.NextLong(0, 5_000),
            < 75 => random.NextLong(5_000, 1_000_000),
            < 93 => random.NextLong(1_000_000, 50_000_000),
            _ => random.NextLong(50_000_000, 200_000_000),
        };

        // Likes dwarf followers on popular accounts; some land past 2^31 so 32-bit readers break visibly.
        var likes = random.Chance(0.12)
            ? random.NextLong(int.MaxValue + 1L, 12_000_000_000)
            : (long)(followers * (0.5 + (random.NextDouble() * 20))) + random.NextLong(0, 1_000);

        var isPrivate = random.Chance(0.1);
        var isVerified = random.Chance(followers > 1_000_000 ? 0.5 : 0.04);
        var isLive = random.Chance(0.08);
        bool? hasLikes = random.Chance(0.85) ? random.Chance(0.5) : null;
        bool? hasPlaylists = random.Chance(0.85) ? random.Chance(0.3) : null;
        var language = random.Chance(0.85) ? random.Pick(Languages) : null;
        long? likedCount = random.Chance(0.7) ? random.NextLong(0, 250_000) : null;
        var images = GenerateImages(ref random, username);
        var icon = random.Chance(0.9) && images is { Count: > 0 } ? images[^1] : null;

        return new TikTokProfile
        {
            Username = username,
            EntityId = entityId,
            Name = name,
            Summary = summary,
            Links = links,
            Published = published,
            IsPrivate = isPrivate,
            IsVerified = isVerified,
            IsLive = isLive,
            HasLikes = hasLikes,
            HasPlaylists = hasPlaylists,
            FollowerCount = followers,
            FollowingCount = random.NextLong(0, 10_000),
            Language = language,
            LikeCount = likes,
            LikedCount = likedCount,
            MediaCount = isPrivate ? random.NextLong(0, 300) : random.NextLong(0, 5_000),
            Icon = icon,
            Images = images,
        };
    }

    /// <summary>The fixed showcase account behind <c>emu.full</c>: every optional member present.</summary>
    public static TikTokProfile Full(string username)
    {
        var avatar = $"{ImageBase}/{StableRandom.Hash(username):x16}";
        return new TikTokProfile
        {
            Username = username,
            EntityId = SecUidPrefix + StableRandom.ForName(username).NextToken(64),
            Name = "Zoë 山田 🌸 Müller",
            Summary = "Everything, everywhere ✨ — 日本語 • العربية • עברית",
            Links =
            [
                new ProfileLink($"https://linktr.ee/{username}", "preferred"),
                new ProfileLink($"https://www.instagram.com/{username}", null),
            ],
            Published = new DateTimeOffset(2020, 3, 15, 0, 0, 0, TimeSpan.Zero),
            IsPrivate = false,
            IsVerified = true,
            IsLive = false,
            HasLikes = true,
            HasPlaylists = true,
            FollowerCount = 160_300_000,
            FollowingCount = 85,
            Language = "en",
            LikeCount = 2_600_000_000,
            LikedCount = 5_300,
            MediaCount = 1_309,
            Icon = new ProfileImage($"{avatar}~720x720.jpeg", 720, 720),
            Images =
            [
                new ProfileImage($"{avatar}~100x100.jpeg", 100, 100),
                new ProfileImage($"{avatar}~720x720.jpeg", 720, 720),
                new ProfileImage($"{avatar}~1080x1080.jpeg", 1080, 1080),
            ],
        };
    }

    private static List<ProfileLink>? GenerateLinks(ref StableRandom random, string username)
    {
        var roll = random.Next(100);
        if (roll < 25)
        {
            return null;
        }

        var count = roll < 40 ? 0 : 1 + random.Next(4);
        var links = new List<ProfileLink>(count);
        var first = random.Next(LinkTemplates.Length);
        for (var i = 0; i < count; i++)
        {
            var template = LinkTemplates[(first + i) % LinkTemplates.Length];
            var rel = i == 0 && random.Chance(0.5) ? "preferred" : null;
            links.Add(new ProfileLink(string.Format(CultureInfo.InvariantCulture, template, username), rel));
        }

        return links;
    }

    private static List<ProfileImage>? GenerateImages(ref StableRandom random, string username)
    {
        if (random.Chance(0.1))
        {
            return null;
        }

        var avatar = $"{ImageBase}/{StableRandom.Hash(username):x16}";
        var count = 1 + random.Next(ImageSizes.Length);
        var start = random.Next(ImageSizes.Length - count + 1);
        var images = new List<ProfileImage>(count);
        for (var i = start; i < start + count; i++)
        {
            var size = ImageSizes[i];
            var withDimensions = random.Chance(0.85);
            images.Add(new ProfileImage($"{avatar}~{size}x{size}.jpeg", withDimensions ? size : null, withDimensions ? size : null));
        }

        return images;
    }

    private static string NameFromHandle(string username)
    {
        var words = username.Split(['.', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return username;
        }

        for (var i = 0; i < words.Length; i++)
        {
            words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
        }

        return string.Join(' ', words);
    }
}
