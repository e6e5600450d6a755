using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KonbiniApi.Emulator;

internal sealed record VideoTag(string Name, bool WithLinks, string? EntityId);

internal sealed record VideoPlace(string Name, string? Id, double? Latitude, double? Longitude);

internal sealed record VideoFile(string Name, string Codec, int Width, int Height, long Bitrate, bool WithHeaders);

/// <summary>Everything about a video that comes from its ID alone, so every route that shows the video
/// (lists, GET /videos/{id}, comments, transcripts, audio) agrees on it.</summary>
internal sealed record VideoModel
{
    public required string Id { get; init; }

    public required string AuthorName { get; init; }

    public required DateTimeOffset Published { get; init; }

    public required double Duration { get; init; }

    public required long ViewCount { get; init; }

    public required long LikeCount { get; init; }

    public required long CommentCount { get; init; }

    public required long RepostCount { get; init; }

    public required long ShareCount { get; init; }

    public required long SaveCount { get; init; }

    public required string Caption { get; init; }

    public required bool WithCaption { get; init; }

    public bool WithDuration { get; init; }

    /// <summary>The spoken language; also what the "original" transcript is in.</summary>
    public required string SpokenLanguage { get; init; }

    public required bool WithLanguage { get; init; }

    public bool? IsSponsored { get; init; }

    public VideoPlace? Place { get; init; }

    public IReadOnlyList<VideoTag>? Tags { get; init; }

    public IReadOnlyList<VideoFile>? Files { get; init; }

    public int CoverCount { get; init; }

    public bool WithPreview { get; init; }

    public string? AudioId { get; init; }

    public string Url => $"https://www.tiktok.com/@{AuthorName}/video/{Id}";
}

internal sealed record CommentModel(
    string Id, string Url, string AuthorName, string Content, string? Language, DateTimeOffset? Published, long LikeCount,
    long? ReplyCount, string? Status, bool? IsPinned, bool? IsLiked, string InReplyTo);

internal sealed record AudioModel(
    string Id, string Name, double Duration, string? AuthorName, bool IsOriginal, bool? IsCopyrighted, string? Album,
    long VideoCount, string? OriginalVideoId, bool WithImage);

/// <summary>Derives TikTok objects from stable hashes of their IDs.</summary>
internal static class TikTokContent
{
    /// <summary>"Now" for every generated timestamp, so bodies never change with the clock.</summary>
    public static readonly DateTimeOffset ReferenceTime = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public const string MediaHost = "tiktokcdn.emulator.invalid";

    // The seeds' common prefixes, hashed once: every video on a page draws from these.
    private static readonly ulong VideoSeeds = StableRandom.Hash("video:");
    private static readonly ulong DurationSeeds = StableRandom.Hash("duration:");
    private static readonly ulong AudioSeeds = StableRandom.Hash("audio:");
    private static readonly ulong LatestSeeds = StableRandom.Hash("latest:");

    private static readonly string[] Captions =
    [
        "When you realize there is a simpler way", "POV: Monday again 😩", "Wait for the end… 😂", "Rate this 1-10",
        "日曜日の朝ごはん 🍳", "Receta fácil en 5 minutos 🇲🇽", "On a testé le croissant le plus cher de Paris 🥐",
        "Это невозможно повторить", "أجمل غروب شمس 🌅", "הכי מצחיק שראיתי", "오늘의 브이로그 ✨", "Tutorial rápido de maquiagem 💄",
        "Don't try this at home ⚠️", "The way he looked at me 🥺", "Day 47 of learning guitar 🎸", "Tôi đã thử món này",
        "Bu tarifi mutlaka deneyin", "3 things nobody tells you about Tokyo 🗼", "Ich kann nicht mehr 😂", "",
    ];

    private static readonly string[] Hashtags =
    [
        "fyp", "foryou", "viral", "comedy", "learnfromkhaby", "food", "recipe", "dance", "travel", "japan", "tutorial",
        "pets", "fitness", "music", "料理", "café", "duet", "storytime", "lifehack", "asmr",
    ];

    private static readonly Dictionary<string, string> TagUrls = Hashtags.ToDictionary(tag => tag, MakeTagUrl, StringComparer.Ordinal);

    private static readonly string[] Places = ["US", "Tokyo", "Paris", "São Paulo", "Seoul", "Dubai", "Berlin", "Zürich", "Ciudad de México", "東京タワー"];

    private static readonly string[] VideoLanguages = ["en", "ja", "es", "pt", "fr", "de", "ko", "ar", "he", "ru", "vi", "tr", "zh-Hans"];

    private static readonly string[] CommentTexts =
    [
        "This man hasn't been in my fyp for so long", "😂😂😂", "Who's here in 2026?", "The ending 💀", "最高！",
        "¿Alguien sabe el nombre de la canción?", "Trop bien 👏", "I watched this 10 times", "نورت", "אין מילים",
        "진짜 웃기다 ㅋㅋㅋ", "Part 2 please 🙏", "Tag someone who needs this", "Ngon quá", "Harika!", "first",
        "This deserves more views\nseriously", "Zoë from Zürich says hi 👋",
    ];

    private static readonly string[] SongTitles =
    [
        "Espresso", "Blinding Lights", "Flowers", "Dance The Night", "夜に駆ける", "Calm Down", "Tití Me Preguntó",
        "Cupid (Twin Ver.)", "Paint The Town Red", "Unholy", "Moonlight Sonata (Remix)", "Água de Beber",
    ];

    private static readonly Dictionary<string, string> SongSlugs = SongTitles.ToDictionary(title => title, Slug, StringComparer.Ordinal);

    private static readonly string[] Albums = ["Greatest Hits", "Midnight Drive", "ツアー 2025", "Summer Nights", "Acoustic Sessions"];

    private static readonly (int Width, int Height)[] Resolutions = [(576, 1024), (720, 1280), (1080, 1920), (1080, 1350)];

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A count with the long tail the real platform has, sometimes past 2^31.</summary>
    private static long Popularity(ref StableRandom random) => random.Next(100) switch
    {
        < 40 => random.NextLong(0, 5_000),
        < 75 => random.NextLong(5_000, 500_000),
        < 95 => random.NextLong(500_000, 60_000_000),
        _ => random.NextLong(int.MaxValue + 1L, 9_000_000_000),
    };

    public static VideoModel Video(string id, string authorName)
    {
        var random = new StableRandom(StableRandom.Extend(VideoSeeds, id));
        var scenario = IdScenario.Parse(id);
        var views = Popularity(ref random);
        var likes = (long)(views * random.NextDouble() * 0.15);
        var comments = scenario.FixedLength ?? (long)(likes * random.NextDouble() * 0.05);
        var tagCount = random.Next(4);
        var tags = new List<VideoTag>(tagCount);
        var first = random.Next(Hashtags.Length);
        for (var i = 0; i < tagCount; i++)
        {
            var name = Hashtags[(first + (i * 7)) % Hashtags.Length];
            tags.Add(new VideoTag(name, random.Chance(0.8), random.Chance(0.7) ? Number(random.NextLong(1_000_000_000_000, 9_999_999_999_999_999)) : null));
        }

        var caption = random.Pick(Captions);
        foreach (var tag in tags)
        {
            caption += (caption.Length == 0 ? "#" : " #") + tag.Name;
        }

        var fileCount = random.Chance(0.1) ? 0 : 1 + random.Next(3);
        var files = new List<VideoFile>(fileCount);
        for (var i = 0; i < fileCount; i++)
        {
            var (width, height) = Resolutions[(i + random.Next(2)) % Resolutions.Length];
            files.Add(new VideoFile(i == 0 ? "normal_540_0" : $"h264_{height}p_{i}", random.Chance(0.7) ? "h264" : "h265",
                width, height, random.NextLong(400_000, 4_000_000), random.Chance(0.8)));
        }

        var audio = random.Chance(0.7) && AuthoredId.TryParse(id, AuthoredId.VideoType, out var authored)
            ? authored.WithType(AuthoredId.AudioType).Text
            : "65" + random.NextLong(10_000_000_000_000_000, 99_999_999_999_999_999).ToString("D17", CultureInfo.InvariantCulture);

        return new VideoModel
        {
            Id = id,
            AuthorName = authorName,
            Published = PublishedAt(id, ref random),
            Duration = Duration(id),
            ViewCount = views,
            LikeCount = likes,
            CommentCount = comments,
            RepostCount = random.Chance(0.5) ? 0 : random.NextLong(0, 20_000),
            ShareCount = (long)(likes * random.NextDouble() * 0.1),
            SaveCount = (long)(likes * random.NextDouble() * 0.1),
            Caption = caption,
            WithCaption = random.Chance(0.9),
            WithDuration = random.Chance(0.95),
            SpokenLanguage = random.Pick(VideoLanguages),
            WithLanguage = random.Chance(0.8),
            IsSponsored = random.Chance(0.8) ? random.Chance(0.1) : null,
            Place = random.Chance(0.4)
                ? new VideoPlace(random.Pick(Places), random.Chance(0.5) ? Number(random.NextLong(100_000, 999_999_999)) : null,
                    random.Chance(0.5) ? Math.Round(-60 + (random.NextDouble() * 120), 6) : null,
                    random.Chance(0.5) ? Math.Round(-180 + (random.NextDouble() * 360), 6) : null)
                : null,
            Tags = tags.Count == 0 && random.Chance(0.5) ? null : tags,
            Files = fileCount == 0 ? null : files,
            CoverCount = random.Next(3),
            WithPreview = random.Chance(0.6),
            AudioId = random.Chance(0.9) ? audio : null,
        };
    }

    /// <summary>Its own stream, so an original sound can learn its video's length without building the video.</summary>
    public static double Duration(string videoId)
    {
        var random = new StableRandom(StableRandom.Extend(DurationSeeds, videoId));
        return random.Chance(0.7) ? random.NextLong(5, 180) : Math.Round(3 + (random.NextDouble() * 600), 3);
    }

    /// <summary>Our IDs carry the author and the index, so an author's videos get older as the index
    /// grows ("newest" really is newest first) while staying inside a plausible span even for 10^7 videos.</summary>
    private static DateTimeOffset PublishedAt(string id, ref StableRandom random)
    {
        if (!AuthoredId.TryParse(id, AuthoredId.VideoType, out var authored) && !AuthoredId.TryParse(id, AuthoredId.StoryType, out authored))
        {
            return ReferenceTime.AddSeconds(-random.NextLong(3_600, 5L * 365 * 86_400));
        }

        var authorSeed = new StableRandom(StableRandom.Extend(StableRandom.Extend(StableRandom.Extend(LatestSeeds, authored.Author.Kind), ":"), authored.Author.Payload));
        var latest = ReferenceTime.AddMinutes(-authorSeed.NextLong(30, 20 * 24 * 60));
        const double span = 8.0 * 365 * 86_400_000;
        var offset = span * authored.Index / (authored.Index + 400.0);
        return latest.AddMilliseconds(-Math.Floor(offset));
    }

    public static CommentModel Comment(VideoModel video, long index)
    {
        var id = CommentIds.Format(reply: false, video.Id, index);
        var random = StableRandom.ForName("comment:" + id + ":" + video.Id);
        var replies = random.Next(100) switch
        {
            < 55 => 0,
            < 90 => random.NextLong(1, 60),
            _ => random.NextLong(60, 5_000),
        };
        return NewComment(ref random, id, video.Url + "/comment/" + id, video, video.Url, replies, index == 0);
    }

    public static CommentModel Reply(VideoModel video, string parentId, string parentUrl, long index)
    {
        var id = CommentIds.Format(reply: true, parentId, index);
        var random = StableRandom.ForName("reply:" + id + ":" + parentId);
        return NewComment(ref random, id, video.Url + "/comment/" + id, video, parentUrl, null, false);
    }

    /// <summary>How many replies a comment has: its own replyCount when this emulator listed it under the
    /// video, otherwise a number drawn from both IDs.</summary>
    public static long ReplyTotal(VideoModel video, string commentId)
    {
        if (CommentIds.TryParseComment(commentId, video.Id, out var index))
        {
            return Comment(video, index).ReplyCount ?? 0;
        }

        var random = StableRandom.ForName("replies:" + video.Id + ":" + commentId);
        return random.NextLong(0, 40);
    }

    private static CommentModel NewComment(ref StableRandom random, string id, string url, VideoModel video, string inReplyTo, long? replies, bool first)
    {
        var author = Authors.GeneratedName(random.NextLong(0, AuthorCode.PayloadLimit - 1));
        var likes = random.Chance(0.03) ? random.NextLong(int.MaxValue + 1L, 3_000_000_000) : random.NextLong(0, 100_000);
        return new CommentModel(
            id,
            url,
            author,
            random.Pick(CommentTexts),
            random.Chance(0.7) ? random.Pick(VideoLanguages) : null,
            random.Chance(0.9) ? video.Published.AddSeconds(random.NextLong(1, 90L * 86_400)) : null,
            likes,
            replies,
            random.Chance(0.6) ? "1" : null,
            random.Chance(0.8) ? first && random.Chance(0.5) : null,
            random.Chance(0.5) ? false : null,
            inReplyTo);
    }

    /// <summary>An original sound is named after its video (same digits, type 6); any other ID is a song.</summary>
    public static AudioModel Audio(string audioId)
    {
        var random = new StableRandom(StableRandom.Extend(AudioSeeds, audioId));
        var fixedCount = IdScenario.Parse(audioId).FixedLength;
        if (AuthoredId.TryParse(audioId, AuthoredId.AudioType, out var original))
        {
            var videoId = original.WithType(AuthoredId.VideoType).Text;
            var author = Authors.Decode(original.Author);
            return new AudioModel(audioId, random.Chance(0.5) ? "original sound" : "original sound - " + author, Duration(videoId), author,
                true, random.Chance(0.5) ? false : null, null, fixedCount ?? 1 + random.NextLong(0, 3_000), videoId, random.Chance(0.7));
        }

        var artist = Authors.GeneratedName((long)(StableRandom.Hash("artist:" + audioId) % AuthorCode.PayloadLimit));
        return new AudioModel(audioId, random.Pick(SongTitles), random.NextLong(15, 60), artist, false, random.Chance(0.8) ? true : null,
            random.Chance(0.5) ? random.Pick(Albums) : null, fixedCount ?? Popularity(ref random), null, random.Chance(0.8));
    }

    /// <summary>Natural lengths of the lists a profile has no count for, drawn from the name.</summary>
    public static long NaturalLength(string list, string subject, long max) =>
        (long)(StableRandom.Hash(list + ":" + subject) % (ulong)(max + 1));

    /// <summary>How many videos a collection holds: at most what its owner has posted.</summary>
    public static long CollectionLength(string collectionId, TikTokProfile owner) =>
        owner.MediaCount == 0 ? 0 : 1 + (long)(StableRandom.Hash("collection:" + collectionId) % (ulong)Math.Min(owner.MediaCount, 80));

    public static string CollectionName(string collectionId)
    {
        string[] names = ["Best of 2025", "Recipes 🍜", "Tutorials", "Behind the scenes", "東京 vlog", "Duets", "Série été ☀️", "Fan favourites"];
        return names[StableRandom.Hash("collection-name:" + collectionId) % (ulong)names.Length];
    }

    /// <summary>The name part of a sound's page URL: "original-sound", or the song title lower-cased with
    /// dashes for spaces, escaped once per title rather than once per video.</summary>
    public static string AudioSlug(AudioModel audio) =>
        audio.IsOriginal ? "original-sound" : SongSlugs.TryGetValue(audio.Name, out var slug) ? slug : Slug(audio.Name);

    /// <summary>A tag's page, escaped once per hashtag rather than once per video.</summary>
    public static string TagUrl(string tag) => TagUrls.TryGetValue(tag, out var url) ? url : MakeTagUrl(tag);

    private static string MakeTagUrl(string tag) => "https://www.tiktok.com/tag/" + Uri.EscapeDataString(tag);

    private static string Slug(string title) => Uri.EscapeDataString(title.ToLowerInvariant().Replace(' ', '-'));

    /// <summary>A WebVTT body: a header, then cues with hour-minute-second timings, some spanning two lines
    /// and some in scripts other than Latin.</summary>
    public static string Transcript(VideoModel video, string language)
    {
        string[] lines =
        [
            "Hello everyone", "Today we are trying something new", "Wait for it…", "C'est incroyable !", "みんな、見てね",
            "¿Listos? Vamos", "That's it for today", "Don't forget to follow", "정말 맛있어요", "Шаг второй",
            "This is the part\nnobody expected", "مرحبا بالجميع", "Zoë says: voilà 🎉",
        ];
        var random = StableRandom.ForName("transcript:" + video.Id + ":" + language);
        var cues = 3 + random.Next(6);
        var total = Math.Max(cues * 1.5, video.Duration);
        var step = total / cues;
        var text = new System.Text.StringBuilder("WEBVTT\n");
        for (var i = 0; i < cues; i++)
        {
            var start = TimeSpan.FromMilliseconds(Math.Floor(i * step * 1000));
            var end = TimeSpan.FromMilliseconds(Math.Floor(((i * step) + (step * 0.9)) * 1000));
            text.Append('\n').Append(Cue(start)).Append(" --> ").Append(Cue(end)).Append('\n');
            text.Append(random.Pick(lines)).Append('\n');
        }

        return text.ToString();
    }

    private static string Cue(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:D2}:{time.Minutes:D2}:{time.Seconds:D2}.{time.Milliseconds:D3}");

    public static int PickResolution(string id) => (int)(StableRandom.Hash("res:" + id) % (ulong)Resolutions.Length);

    public static (int Width, int Height) Resolution(int index) => Resolutions[index];
}
