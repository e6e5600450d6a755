using System;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>Writes the contract's TikTok objects. Optional members come and go with the models; required
/// ones are always written.</summary>
internal static class TikTokJson
{
    public static void WriteVideo(Utf8JsonWriter writer, VideoModel video, Author author, bool withContext)
    {
        var url = video.Url;
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type", "Video");
        writer.WriteString("id", url);
        writer.WriteString("url", url);
        writer.WriteString("entityId", video.Id);
        if (video.WithCaption)
        {
            writer.WriteString("content", video.Caption);
        }

        writer.WriteString("published", PersonJson.FormatTime(video.Published));
        if (video.WithDuration)
        {
            writer.WriteNumber("duration", video.Duration);
        }

        WriteCounts(writer, video);
        if (video.WithLanguage)
        {
            writer.WriteString("language", video.SpokenLanguage);
        }

        if (video.IsSponsored is { } sponsored)
        {
            writer.WriteBoolean("isSponsored", sponsored);
        }

        if (video.Place is { } place)
        {
            writer.WriteStartObject("location");
            writer.WriteString("type", "Place");
            if (place.Id is { } placeId)
            {
                writer.WriteString("id", placeId);
                writer.WriteString("url", "https://www.tiktok.com/place/" + placeId);
            }

            writer.WriteString("name", place.Name);
            if (place.Latitude is { } latitude)
            {
                writer.WriteNumber("latitude", latitude);
            }

            if (place.Longitude is { } longitude)
            {
                writer.WriteNumber("longitude", longitude);
            }

            writer.WriteEndObject();
        }

        if (video.Tags is { } tags)
        {
            writer.WriteStartArray("tag");
            foreach (var tag in tags)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Tag");
                writer.WriteString("name", tag.Name);
                if (tag.WithLinks)
                {
                    var href = "https://www.tiktok.com/tag/" + Uri.EscapeDataString(tag.Name);
                    writer.WriteString("href", href);
                    writer.WriteString("id", href);
                }

                if (tag.EntityId is { } entityId)
                {
                    writer.WriteString("entityId", entityId);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName("attributedTo");
        writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        if (video.Files is { } files)
        {
            writer.WriteStartArray("attachment");
            foreach (var file in files)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Video");
                writer.WriteString("name", file.Name);
                writer.WriteStartArray("url");
                writer.WriteStringValue($"https://v16-webapp.{TikTokContent.MediaHost}/video/{video.Id}/{file.Name}.mp4");
                writer.WriteEndArray();
                if (file.WithHeaders)
                {
                    writer.WriteStartObject("headers");
                    writer.WriteString("Cookie", "tt_chain_token=" + StableRandom.ForName("cookie:" + video.Id).NextToken(22));
                    writer.WriteString("Referer", "https://www.tiktok.com/");
                    writer.WriteEndObject();
                }

                writer.WriteString("mediaType", "video/mp4");
                writer.WriteString("codec", file.Codec);
                writer.WriteNumber("width", file.Width);
                writer.WriteNumber("height", file.Height);
                writer.WriteNumber("bitrate", file.Bitrate);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (video.CoverCount > 0)
        {
            writer.WriteStartArray("image");
            for (var i = 0; i < video.CoverCount; i++)
            {
                var size = i == 0 ? 720 : 1080;
                PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("cover", video.Id + i, size), size, i == 0 ? null : size));
            }

            writer.WriteEndArray();
        }

        if (video.WithPreview)
        {
            writer.WritePropertyName("preview");
            PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("preview", video.Id, 300), null, null));
        }

        if (video.AudioId is { } audioId)
        {
            writer.WritePropertyName("audio");
            WriteAudio(writer, TikTokContent.Audio(audioId), null, withContext: false);
        }

        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, VideoModel video)
    {
        writer.WriteNumber("viewCount", video.ViewCount);
        writer.WriteNumber("likeCount", video.LikeCount);
        writer.WriteNumber("commentCount", video.CommentCount);
        writer.WriteNumber("repostCount", video.RepostCount);
        writer.WriteNumber("shareCount", video.ShareCount);
        writer.WriteNumber("saveCount", video.SaveCount);
    }

    /// <param name="author">Written as attributedTo when given; videos embed their audio without it.</param>
    public static void WriteAudio(Utf8JsonWriter writer, AudioModel audio, Author? author, bool withContext)
    {
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type", "Audio");
        var slug = audio.IsOriginal ? "original-sound" : audio.Name.ToLowerInvariant().Replace(' ', '-');
        writer.WriteString("id", $"https://www.tiktok.com/music/{Uri.EscapeDataString(slug)}-{audio.Id}");
        writer.WriteString("url", $"https://sf16-ies-music.{TikTokContent.MediaHost}/obj/{audio.Id}.mp3");
        writer.WriteString("name", audio.Name);
        writer.WriteNumber("duration", audio.Duration);
        writer.WriteString("mediaType", "audio/mpeg");
        if (author is not null)
        {
            writer.WritePropertyName("attributedTo");
            writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        }

        if (audio.WithImage)
        {
            var image = new ProfileImage(TikTokContent.ImageUrl("music", audio.Id, 720), 720, 720);
            writer.WritePropertyName("icon");
            PersonJson.WriteImage(writer, image);
            writer.WriteStartArray("image");
            PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("music", audio.Id, 100), 100, 100));
            PersonJson.WriteImage(writer, image);
            writer.WriteEndArray();
        }

        writer.WriteString("entityId", audio.Id);
        if (audio.Album is { } album)
        {
            writer.WriteString("album", album);
        }

        writer.WriteBoolean("isOriginal", audio.IsOriginal);
        if (audio.IsCopyrighted is { } copyrighted)
        {
            writer.WriteBoolean("isCopyrighted", copyrighted);
        }

        writer.WriteNumber("videoCount", audio.VideoCount);
        writer.WriteEndObject();
    }

    public static void WriteComment(Utf8JsonWriter writer, CommentModel comment, Author author)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Note");
        writer.WriteString("id", comment.Url);
        writer.WriteString("url", comment.Url);
        writer.WriteString("entityId", comment.Id);
        writer.WriteString("content", comment.Content);
        if (comment.Language is { } language)
        {
            writer.WriteString("language", language);
        }

        if (comment.Published is { } published)
        {
            writer.WriteString("published", PersonJson.FormatTime(published));
        }

        writer.WriteNumber("likeCount", comment.LikeCount);
        if (comment.ReplyCount is { } replies)
        {
            writer.WriteNumber("replyCount", replies);
        }

        if (comment.Status is { } status)
        {
            writer.WriteString("status", status);
        }

        if (comment.IsPinned is { } pinned)
        {
            writer.WriteBoolean("isPinned", pinned);
        }

        if (comment.IsLiked is { } liked)
        {
            writer.WriteBoolean("isLiked", liked);
        }

        writer.WritePropertyName("attributedTo");
        writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        writer.WriteString("inReplyTo", comment.InReplyTo);
        writer.WriteEndObject();
    }

    public static void WriteCollection(Utf8JsonWriter writer, string collectionId, Author owner)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "OrderedCollection");
        writer.WriteString("id", $"{owner.Url}/playlist/{collectionId}");
        writer.WriteString("name", TikTokContent.CollectionName(collectionId));
        var random = StableRandom.ForName("collection-image:" + collectionId);
        if (random.Chance(0.7))
        {
            writer.WriteStartArray("image");
            PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("playlist", collectionId, 720), random.Chance(0.8) ? 720 : null, 720));
            writer.WriteEndArray();
        }

        writer.WriteNumber("totalItems", TikTokContent.CollectionLength(collectionId, owner.Profile));
        writer.WriteString("entityId", collectionId);
        writer.WritePropertyName("attributedTo");
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
        writer.WriteString("type", "Video");
        writer.WriteString("id", video.Url);
        writer.WriteString("url", video.Url);
        writer.WriteString("entityId", storyId);
        if (video.WithCaption)
        {
            writer.WriteString("content", video.Caption);
        }

        writer.WriteString("published", PersonJson.FormatTime(published));
        if (random.Chance(0.8))
        {
            writer.WriteString("endTime", PersonJson.FormatTime(published.AddHours(24)));
        }

        WriteCounts(writer, video);
        writer.WritePropertyName("attributedTo");
        writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        writer.WriteNumber("duration", Math.Min(video.Duration, 60));
        if (random.Chance(0.85))
        {
            var (width, height) = TikTokContent.Resolution(TikTokContent.PickResolution(storyId));
            writer.WriteStartArray("attachment");
            writer.WriteStartObject();
            writer.WriteString("type", "Video");
            writer.WriteStartArray("url");
            writer.WriteStringValue($"https://v16-webapp.{TikTokContent.MediaHost}/story/{storyId}.mp4");
            writer.WriteEndArray();
            writer.WriteString("mediaType", "video/mp4");
            if (random.Chance(0.7))
            {
                writer.WriteNumber("width", width);
                writer.WriteNumber("height", height);
            }

            writer.WriteString("name", "normal_540_0");
            if (random.Chance(0.5))
            {
                writer.WriteStartObject("headers");
                writer.WriteString("Cookie", "tt_chain_token=" + random.NextToken(22));
                writer.WriteString("Referer", "https://www.tiktok.com/");
                writer.WriteEndObject();
            }

            writer.WriteString("codec", "h264");
            writer.WriteNumber("bitrate", random.NextLong(300_000, 2_000_000));
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (random.Chance(0.6))
        {
            writer.WriteStartArray("image");
            PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("story", storyId, 720), 720, 1280));
            writer.WriteEndArray();
        }

        if (video.WithPreview)
        {
            writer.WritePropertyName("preview");
            PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("preview", storyId, 300), null, null));
        }

        if (video.AudioId is { } audioId && random.Chance(0.5))
        {
            writer.WritePropertyName("audio");
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
        writer.WriteString("type", "Video");
        writer.WriteString("id", url);
        writer.WriteString("url", url);
        writer.WriteString("entityId", "76" + random.NextLong(10_000_000_000_000_000, 99_999_999_999_999_999).ToString("D17", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("published", PersonJson.FormatTime(TikTokContent.ReferenceTime.AddMinutes(-random.NextLong(1, 300))));
        writer.WriteBoolean("isLive", true);
        writer.WriteNumber("viewCount", random.NextLong(1_000, 50_000_000));
        writer.WriteNumber("viewerCount", random.NextLong(1, 200_000));
        writer.WriteString("content", "LIVE now 🔴 Q&A — ライブ配信中");
        writer.WritePropertyName("attributedTo");
        writer.WriteRawValue(author.Embedded, skipInputValidation: true);
        writer.WriteStartArray("image");
        PersonJson.WriteImage(writer, new ProfileImage(TikTokContent.ImageUrl("live", author.Name, 720), 720, 1280));
        writer.WriteEndArray();
        writer.WriteStartArray("attachment");
        foreach (var (name, mediaType, extension) in (ReadOnlySpan<(string, string, string)>)[("flv", "video/x-flv", "flv"), ("hls", "application/vnd.apple.mpegurl", "m3u8")])
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Video");
            writer.WriteStartArray("url");
            writer.WriteStringValue($"https://pull-{name}.{TikTokContent.MediaHost}/live/{author.Name}/stream.{extension}");
            writer.WriteEndArray();
            writer.WriteString("mediaType", mediaType);
            writer.WriteString("name", name);
            if (name == "flv")
            {
                writer.WriteNumber("width", 720);
                writer.WriteNumber("height", 1280);
                writer.WriteString("codec", "h264");
                writer.WriteNumber("bitrate", 2_500_000);
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
        writer.WriteString("type", "Document");
        writer.WriteString("id", $"{video.Url}/transcript/{language}");
        writer.WriteString("url", video.Url);
        writer.WriteString("mediaType", "text/vtt");
        writer.WriteString("language", language);
        writer.WriteNumber("size", System.Text.Encoding.UTF8.GetByteCount(content));
        writer.WriteString("source", requested == "original" ? "ASR" : "MT");
        writer.WriteString("content", content);
        writer.WriteEndObject();
    }

    public static void WriteDownload(Utf8JsonWriter writer, string url)
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        writer.WriteString("type", "Video");
        writer.WriteString("url", url);
        writer.WriteString("mediaType", "video/mp4");
        writer.WriteEndObject();
    }
}
