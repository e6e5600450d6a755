using System;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>Writes the contract's TikTok objects. Optional members come and go with the models; required
/// ones are always written.</summary>
internal static class TikTokJson
{
    /// <summary>Room for a media URL built on the stack; the longest is under 200 characters.</summary>
    private const int UrlRoom = 512;

    private static readonly ulong CookieSeeds = StableRandom.Hash("cookie:");

    public static void WriteVideo(Utf8JsonWriter writer, VideoModel video, Author author, bool withContext)
    {
        var url = video.Url;
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type"u8, "Video"u8);
        writer.WriteString("id"u8, url);
        writer.WriteString("url"u8, url);
        writer.WriteString("entityId"u8, video.Id);
        if (video.WithCaption)
        {
            writer.WriteString("content"u8, video.Caption);
        }

        PersonJson.WriteTime(writer, "published"u8, video.Published);
        if (video.WithDuration)
        {
            writer.WriteNumber("duration"u8, video.Duration);
        }

        WriteCounts(writer, video);
        if (video.WithLanguage)
        {
            writer.WriteString("language"u8, video.SpokenLanguage);
        }

        if (video.IsSponsored is { } sponsored)
        {
            writer.WriteBoolean("isSponsored"u8, sponsored);
        }

        if (video.Place is { } place)
        {
            writer.WriteStartObject("location"u8);
            writer.WriteString("type"u8, "Place"u8);
            if (place.Id is { } placeId)
            {
                writer.WriteString("id"u8, placeId);
                writer.WriteString("url"u8, "https://www.tiktok.com/place/" + placeId);
            }

            writer.WriteString("name"u8, place.Name);
            if (place.Latitude is { } latitude)
            {
                writer.WriteNumber("latitude"u8, latitude);
            }

            if (place.Longitude is { } longitude)
            {
                writer.WriteNumber("longitude"u8, longitude);
            }

            writer.WriteEndObject();
        }

        if (video.Tags is { } tags)
        {
            writer.WriteStartArray("tag"u8);
            foreach (var tag in tags)
            {
                writer.WriteStartObject();
                writer.WriteString("type"u8, "Tag"u8);
                writer.WriteString("name"u8, tag.Name);
                if (tag.WithLinks)
                {
                    var href = "https://www.tiktok.com/tag/" + Uri.EscapeDataString(tag.Name);
                    writer.WriteString("href"u8, href);
                    writer.WriteString("id"u8, href);
                }

                if (tag.EntityId is { } entityId)
                {
                    writer.WriteString("entityId"u8, entityId);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("attributedTo"u8);
        writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        if (video.Files is { } files)
        {
            writer.WriteStartArray("attachment"u8);
            Span<char> fileUrl = stackalloc char[UrlRoom];
            foreach (var file in files)
            {
                writer.WriteStartObject();
                writer.WriteString("type"u8, "Video"u8);
                writer.WriteString("name"u8, file.Name);
                writer.WriteStartArray("url"u8);
                writer.WriteStringValue(Format(fileUrl, $"https://v16-webapp.{TikTokContent.MediaHost}/video/{video.Id}/{file.Name}.mp4"));
                writer.WriteEndArray();
                if (file.WithHeaders)
                {
                    writer.WriteStartObject("headers"u8);
                    writer.WriteString("Cookie"u8, "tt_chain_token=" + new StableRandom(StableRandom.Extend(CookieSeeds, video.Id)).NextToken(22));
                    writer.WriteString("Referer"u8, "https://www.tiktok.com/"u8);
                    writer.WriteEndObject();
                }

                writer.WriteString("mediaType"u8, "video/mp4"u8);
                writer.WriteString("codec"u8, file.Codec);
                writer.WriteNumber("width"u8, file.Width);
                writer.WriteNumber("height"u8, file.Height);
                writer.WriteNumber("bitrate"u8, file.Bitrate);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        var videoHash = StableRandom.Hash(video.Id);
        if (video.CoverCount > 0)
        {
            writer.WriteStartArray("image"u8);
            for (var i = 0; i < video.CoverCount; i++)
            {
                var size = i == 0 ? 720 : 1080;
                WriteMediaImage(writer, "cover", StableRandom.Extend(videoHash, i), size, size, i == 0 ? null : size);
            }

            writer.WriteEndArray();
        }

        if (video.WithPreview)
        {
            writer.WritePropertyName("preview"u8);
            WriteMediaImage(writer, "preview", videoHash, 300, null, null);
        }

        if (video.AudioId is { } audioId)
        {
            writer.WritePropertyName("audio"u8);
            WriteAudio(writer, TikTokContent.Audio(audioId), null, withContext: false);
        }

        writer.WriteEndObject();
    }

    /// <summary>An Image on the stand-in media host, as <see cref="TikTokContent.ImageUrl"/> names it, whose
    /// <paramref name="hash"/> is the hash of the ID the URL is named after.</summary>
    private static void WriteMediaImage(Utf8JsonWriter writer, string kind, ulong hash, int size, int? width, int? height)
    {
        Span<char> url = stackalloc char[UrlRoom];
        writer.WriteStartObject();
        writer.WriteString("type"u8, "Image"u8);
        writer.WriteString("url"u8, Format(url, $"https://p16-sign.{TikTokContent.MediaHost}/{kind}/{hash:x16}~{size}x{size}.jpeg"));
        if (width is { } w)
        {
            writer.WriteNumber("width"u8, w);
        }

        if (height is { } h)
        {
            writer.WriteNumber("height"u8, h);
        }

        writer.WriteEndObject();
    }

    /// <summary>Formats into <paramref name="room"/> instead of a new string: every item writes several URLs.</summary>
    private static ReadOnlySpan<char> Format(Span<char> room, [InterpolatedStringHandlerArgument(nameof(room))] ref MemoryExtensions.TryWriteInterpolatedStringHandler text)
    {
        if (!room.TryWrite(ref text, out var written))
        {
            throw new InvalidOperationException("A generated URL outgrew its room.");
        }

        return room[..written];
    }

    private static void WriteCounts(Utf8JsonWriter writer, VideoModel video)
    {
        writer.WriteNumber("viewCount"u8, video.ViewCount);
        writer.WriteNumber("likeCount"u8, video.LikeCount);
        writer.WriteNumber("commentCount"u8, video.CommentCount);
        writer.WriteNumber("repostCount"u8, video.RepostCount);
        writer.WriteNumber("shareCount"u8, video.ShareCount);
        writer.WriteNumber("saveCount"u8, video.SaveCount);
    }

    /// <param name="author">Written as attributedTo when given; videos embed their audio without it.</param>
    public static void WriteAudio(Utf8JsonWriter writer, AudioModel audio, Author? author, bool withContext)
    {
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type"u8, "Audio"u8);
        Span<char> url = stackalloc char[UrlRoom];
        writer.WriteString("id"u8, Format(url, $"https://www.tiktok.com/music/{TikTokContent.AudioSlug(audio)}-{audio.Id}"));
        writer.WriteString("url"u8, Format(url, $"https://sf16-ies-music.{TikTokContent.MediaHost}/obj/{audio.Id}.mp3"));
        writer.WriteString("name"u8, audio.Name);
        writer.WriteNumber("duration"u8, audio.Duration);
        writer.WriteString("mediaType"u8, "audio/mpeg"u8);
        if (author is not null)
        {
            writer.WritePropertyName("attributedTo"u8);
            writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        }

        if (audio.WithImage)
        {
            var audioHash = StableRandom.Hash(audio.Id);
            writer.WritePropertyName("icon"u8);
            WriteMediaImage(writer, "music", audioHash, 720, 720, 720);
            writer.WriteStartArray("image"u8);
            WriteMediaImage(writer, "music", audioHash, 100, 100, 100);
            WriteMediaImage(writer, "music", audioHash, 720, 720, 720);
            writer.WriteEndArray();
        }

        writer.WriteString("entityId"u8, audio.Id);
        if (audio.Album is { } album)
        {
            writer.WriteString("album"u8, album);
        }

        writer.WriteBoolean("isOriginal"u8, audio.IsOriginal);
        if (audio.IsCopyrighted is { } copyrighted)
        {
            writer.WriteBoolean("isCopyrighted"u8, copyrighted);
        }

        writer.WriteNumber("videoCount"u8, audio.VideoCount);
        writer.WriteEndObject();
    }

    public static void WriteComment(Utf8JsonWriter writer, CommentModel comment, Author author)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "Note"u8);
        writer.WriteString("id"u8, comment.Url);
        writer.WriteString("url"u8, comment.Url);
        writer.WriteString("entityId"u8, comment.Id);
        writer.WriteString("content"u8, comment.Content);
        if (comment.Language is { } language)
        {
            writer.WriteString("language"u8, language);
        }

        if (comment.Published is { } published)
        {
            PersonJson.WriteTime(writer, "published"u8, published);
        }

        writer.WriteNumber("likeCount"u8, comment.LikeCount);
        if (comment.ReplyCount is { } replies)
        {
            writer.WriteNumber("replyCount"u8, replies);
        }

        if (comment.Status is { } status)
        {
            writer.WriteString("status"u8, status);
        }

        if (comment.IsPinned is { } pinned)
        {
            writer.WriteBoolean("isPinned"u8, pinned);
        }

        if (comment.IsLiked is { } liked)
        {
            writer.WriteBoolean("isLiked"u8, liked);
        }

        writer.WritePropertyName("attributedTo"u8);
        writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        writer.WriteString("inReplyTo"u8, comment.InReplyTo);
        writer.WriteEndObject();
    }

    public static void WriteCollection(Utf8JsonWriter writer, string collectionId, Author owner)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "OrderedCollection"u8);
        writer.WriteString("id"u8, $"{owner.Url}/playlist/{collectionId}");
        writer.WriteString("name"u8, TikTokContent.CollectionName(collectionId));
        var random = StableRandom.ForName("collection-image:" + collectionId);
        if (random.Chance(0.7))
        {
            writer.WriteStartArray("image"u8);
            PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("playlist", collectionId, 720), random.Chance(0.8) ? 720 : null, 720));
            writer.WriteEndArray();
        }

        writer.WriteNumber("totalItems"u8, TikTokContent.CollectionLength(collectionId, owner.Profile));
        writer.WriteString("entityId"u8, collectionId);
        writer.WritePropertyName("attributedTo"u8);
        writer.WriteRawValue(owner.Embedded, skipInputValidation: true);
        writer.WriteEndObject();
    }

    public static void WriteStory(Utf8JsonWriter writer, string storyId, Author author, long index)
    {
        // A story borrows its counts and caption from the video model of its ID, so GET /videos/{id} agrees.
        var video = TikTokContent.Video(storyId, author.Name);
        // Stories live for a day: however many there are, they spread over the last 23 hours, newest first.
        var published = TikTokContent.ReferenceTime.AddMinutes(-11 - Math.Floor(1_380.0 * index / (index + 10.0)));
        var random = StableRandom.ForName("story:" + storyId);
        writer.WriteStartObject();
        writer.WriteString("type"u8, "Video"u8);
        writer.WriteString("id"u8, video.Url);
        writer.WriteString("url"u8, video.Url);
        writer.WriteString("entityId"u8, storyId);
        if (video.WithCaption)
        {
            writer.WriteString("content"u8, video.Caption);
        }

        PersonJson.WriteTime(writer, "published"u8, published);
        if (random.Chance(0.8))
        {
            writer.WriteString("endTime"u8, PersonJson.FormatTime(published.AddHours(24)));
        }

        WriteCounts(writer, video);
        writer.WritePropertyName("attributedTo"u8);
        writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        writer.WriteNumber("duration"u8, Math.Min(video.Duration, 60));
        if (random.Chance(0.85))
        {
            var (width, height) = TikTokContent.Resolution(TikTokContent.PickResolution(storyId));
            writer.WriteStartArray("attachment"u8);
            writer.WriteStartObject();
            writer.WriteString("type"u8, "Video"u8);
            writer.WriteStartArray("url"u8);
            writer.WriteStringValue($"https://v16-webapp.{TikTokContent.MediaHost}/story/{storyId}.mp4");
            writer.WriteEndArray();
            writer.WriteString("mediaType"u8, "video/mp4"u8);
            if (random.Chance(0.7))
            {
                writer.WriteNumber("width"u8, width);
                writer.WriteNumber("height"u8, height);
            }

            writer.WriteString("name"u8, "normal_540_0"u8);
            if (random.Chance(0.5))
            {
                writer.WriteStartObject("headers"u8);
                writer.WriteString("Cookie"u8, "tt_chain_token=" + random.NextToken(22));
                writer.WriteString("Referer"u8, "https://www.tiktok.com/"u8);
                writer.WriteEndObject();
            }

            writer.WriteString("codec"u8, "h264"u8);
            writer.WriteNumber("bitrate"u8, random.NextLong(300_000, 2_000_000));
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (random.Chance(0.6))
        {
            writer.WriteStartArray("image"u8);
            PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("story", storyId, 720), 720, 1280));
            writer.WriteEndArray();
        }

        if (video.WithPreview)
        {
            writer.WritePropertyName("preview"u8);
            PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("preview", storyId, 300), null, null));
        }

        if (video.AudioId is { } audioId && random.Chance(0.5))
        {
            writer.WritePropertyName("audio"u8);
            WriteAudio(writer, TikTokContent.Audio(audioId), null, withContext: false);
        }

        writer.WriteEndObject();
    }

    public static void WriteLive(Utf8JsonWriter writer, Author author)
    {
        var random = StableRandom.ForName("live:" + author.Name);
        var url = author.Url + "/live";
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        writer.WriteString("type"u8, "Video"u8);
        writer.WriteString("id"u8, url);
        writer.WriteString("url"u8, url);
        writer.WriteString("entityId"u8, "76" + random.NextLong(10_000_000_000_000_000, 99_999_999_999_999_999).ToString("D17", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("published"u8, PersonJson.FormatTime(TikTokContent.ReferenceTime.AddMinutes(-random.NextLong(1, 300))));
        writer.WriteBoolean("isLive"u8, true);
        writer.WriteNumber("viewCount"u8, random.NextLong(1_000, 50_000_000));
        writer.WriteNumber("viewerCount"u8, random.NextLong(1, 200_000));
        writer.WriteString("content"u8, "LIVE now 🔴 Q&A — ライブ配信中"u8);
        writer.WritePropertyName("attributedTo"u8);
        writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        writer.WriteStartArray("image"u8);
        PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("live", author.Name, 720), 720, 1280));
        writer.WriteEndArray();
        writer.WriteStartArray("attachment"u8);
        foreach (var (name, mediaType, extension) in (ReadOnlySpan<(string, string, string)>)[("flv", "video/x-flv", "flv"), ("hls", "application/vnd.apple.mpegurl", "m3u8")])
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "Video"u8);
            writer.WriteStartArray("url"u8);
            writer.WriteStringValue($"https://pull-{name}.{TikTokContent.MediaHost}/live/{author.Name}/stream.{extension}");
            writer.WriteEndArray();
            writer.WriteString("mediaType"u8, mediaType);
            writer.WriteString("name"u8, name);
            if (name == "flv")
            {
                writer.WriteNumber("width"u8, 720);
                writer.WriteNumber("height"u8, 1280);
                writer.WriteString("codec"u8, "h264"u8);
                writer.WriteNumber("bitrate"u8, 2_500_000);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteTranscript(Utf8JsonWriter writer, VideoModel video, string requested)
    {
        var language = requested == "original" ? video.SpokenLanguage : requested;
        var content = TikTokContent.Transcript(video, language);
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        writer.WriteString("type"u8, "Document"u8);
        writer.WriteString("id"u8, $"{video.Url}/transcript/{language}");
        writer.WriteString("url"u8, video.Url);
        writer.WriteString("mediaType"u8, "text/vtt"u8);
        writer.WriteString("language"u8, language);
        writer.WriteNumber("size"u8, System.Text.Encoding.UTF8.GetByteCount(content));
        writer.WriteString("source"u8, requested == "original" ? "ASR" : "MT");
        writer.WriteString("content"u8, content);
        writer.WriteEndObject();
    }

    public static void WriteDownload(Utf8JsonWriter writer, string url)
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        writer.WriteString("type"u8, "Video"u8);
        writer.WriteString("url"u8, url);
        writer.WriteString("mediaType"u8, "video/mp4"u8);
        writer.WriteEndObject();
    }
}
