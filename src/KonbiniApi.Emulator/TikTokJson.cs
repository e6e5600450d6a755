using System;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>Writes the contract's TikTok objects. Optional members come and go with the models; required
/// ones are always written.</summary>
internal static class TikTokJson
{
    /// <summary>Room for a media URL built on the stack; the longest is under 200 characters.</summary>
    private const int UrlRoom = 512;

    /// <summary>Room for a sound with its author (a Person is under 2 KB).</summary>
    private const int AudioRoom = 4096;

    /// <summary>Room for a video with its author and sound: the largest seen come to 4.5 KB.</summary>
    private const int VideoRoom = 8 * 1024;

    private static readonly ulong CookieSeeds = StableRandom.Hash("cookie:");

    private static readonly byte[] MediaHost = System.Text.Encoding.ASCII.GetBytes(TikTokContent.MediaHost);

    public static void WriteVideo(Utf8JsonWriter writer, VideoModel video, Author author, bool withContext) =>
        writer.WriteRawValue(Video(new JsonBytes(stackalloc byte[VideoRoom]), video, author, withContext).Written, skipInputValidation: true);

    /// <summary>The video as a list item, as its own array (to be kept).</summary>
    public static byte[] VideoItem(VideoModel video, Author author) =>
        Video(new JsonBytes(stackalloc byte[VideoRoom]), video, author, withContext: false).Written.ToArray();

    // The item every video list is made of, so it is built as bytes (see JsonBytes), not token by token.
    private static JsonBytes Video(JsonBytes json, VideoModel video, Author author, bool withContext)
    {
        json = json.Raw("{"u8);
        if (withContext)
        {
            json = Context(json).Raw(","u8);
        }

        var url = video.Url;
        json = json.Raw("\"type\":\"Video\",\"id\":"u8).String(url).Raw(",\"url\":"u8).String(url).Raw(",\"entityId\":"u8).String(video.Id);
        if (video.WithCaption)
        {
            json = json.Raw(",\"content\":"u8).String(video.Caption);
        }

        json = json.Raw(",\"published\":"u8).Time(video.Published);
        if (video.WithDuration)
        {
            json = json.Raw(",\"duration\":"u8).Number(video.Duration);
        }

        json = json.Raw(",\"viewCount\":"u8).Number(video.ViewCount).Raw(",\"likeCount\":"u8).Number(video.LikeCount)
            .Raw(",\"commentCount\":"u8).Number(video.CommentCount).Raw(",\"repostCount\":"u8).Number(video.RepostCount)
            .Raw(",\"shareCount\":"u8).Number(video.ShareCount).Raw(",\"saveCount\":"u8).Number(video.SaveCount);
        if (video.WithLanguage)
        {
            json = json.Raw(",\"language\":"u8).String(video.SpokenLanguage);
        }

        if (video.IsSponsored is { } sponsored)
        {
            json = json.Raw(",\"isSponsored\":"u8).Boolean(sponsored);
        }

        if (video.Place is { } place)
        {
            json = json.Raw(",\"location\":{\"type\":\"Place\""u8);
            if (place.Id is { } placeId)
            {
                json = json.Raw(",\"id\":"u8).String(placeId).Raw(",\"url\":\"https://www.tiktok.com/place/"u8).Text(placeId).Raw("\""u8);
            }

            json = json.Raw(",\"name\":"u8).String(place.Name);
            if (place.Latitude is { } latitude)
            {
                json = json.Raw(",\"latitude\":"u8).Number(latitude);
            }

            if (place.Longitude is { } longitude)
            {
                json = json.Raw(",\"longitude\":"u8).Number(longitude);
            }

            json = json.Raw("}"u8);
        }

        if (video.Tags is { } tags)
        {
            json = json.Raw(",\"tag\":["u8);
            for (var i = 0; i < tags.Count; i++)
            {
                var tag = tags[i];
                json = json.Raw(i == 0 ? "{\"type\":\"Tag\",\"name\":"u8 : ",{\"type\":\"Tag\",\"name\":"u8).String(tag.Name);
                if (tag.WithLinks)
                {
                    var href = TikTokContent.TagUrl(tag.Name);
                    json = json.Raw(",\"href\":\""u8).Text(href).Raw("\",\"id\":\""u8).Text(href).Raw("\""u8);
                }

                if (tag.EntityId is { } entityId)
                {
                    json = json.Raw(",\"entityId\":"u8).String(entityId);
                }

                json = json.Raw("}"u8);
            }

            json = json.Raw("]"u8);
        }

        json = json.Raw(",\"attributedTo\":"u8).Raw(author.Embedded);
        if (video.Files is { } files)
        {
            json = json.Raw(",\"attachment\":["u8);
            var cookie = new StableRandom(StableRandom.Extend(CookieSeeds, video.Id)).NextToken(22);
            for (var i = 0; i < files.Count; i++)
            {
                json = File(i == 0 ? json : json.Raw(","u8), video.Id, files[i], cookie);
            }

            json = json.Raw("]"u8);
        }

        var videoHash = StableRandom.Hash(video.Id);
        if (video.CoverCount > 0)
        {
            json = json.Raw(",\"image\":["u8);
            for (var i = 0; i < video.CoverCount; i++)
            {
                var size = i == 0 ? 720 : 1080;
                json = MediaImage(i == 0 ? json : json.Raw(","u8), "cover"u8, StableRandom.Extend(videoHash, i), size, size, i == 0 ? null : size);
            }

            json = json.Raw("]"u8);
        }

        if (video.WithPreview)
        {
            json = MediaImage(json.Raw(",\"preview\":"u8), "preview"u8, videoHash, 300, null, null);
        }

        if (video.AudioId is { } audioId)
        {
            json = Audio(json.Raw(",\"audio\":"u8), TikTokContent.Audio(audioId), null, withContext: false);
        }

        return json.Raw("}"u8);
    }

    /// <summary>The @context member, as <see cref="PersonJson.WriteContext"/> writes it.</summary>
    private static JsonBytes Context(JsonBytes json) =>
        json.Raw("\"@context\":["u8).String(PersonJson.ActivityStreamsContext).Raw(","u8).String(PersonJson.SocialContext).Raw("]"u8);

    /// <summary>An Image on the stand-in media host, <c>https://p16-sign.{host}/{kind}/{hash:x16}~{size}x{size}.jpeg</c>,
    /// where <paramref name="hash"/> is the hash of the ID the image belongs to.</summary>
    private static void WriteMediaImage(Utf8JsonWriter writer, ReadOnlySpan<byte> kind, ulong hash, int size, int? width, int? height) =>
        writer.WriteRawValue(MediaImage(new JsonBytes(stackalloc byte[UrlRoom]), kind, hash, size, width, height).Written, skipInputValidation: true);

    private static JsonBytes MediaImage(JsonBytes json, ReadOnlySpan<byte> kind, ulong hash, int size, int? width, int? height)
    {
        json = json.Raw("{\"type\":\"Image\",\"url\":\"https://p16-sign."u8).Raw(MediaHost).Raw("/"u8).Raw(kind).Raw("/"u8)
            .Hex16(hash).Raw("~"u8).Number(size).Raw("x"u8).Number(size).Raw(".jpeg\""u8);
        if (width is { } w)
        {
            json = json.Raw(",\"width\":"u8).Number(w);
        }

        if (height is { } h)
        {
            json = json.Raw(",\"height\":"u8).Number(h);
        }

        return json.Raw("}"u8);
    }

    /// <summary>One of a video's files: where to fetch it, the headers the CDN wants, and what it holds.</summary>
    /// <param name="cookie">The video's CDN token: every file of one video carries the same.</param>
    private static JsonBytes File(JsonBytes json, string videoId, VideoFile file, string cookie)
    {
        json = json.Raw("{\"type\":\"Video\",\"name\":\""u8).Text(file.Name)
            .Raw("\",\"url\":[\"https://v16-webapp."u8).Raw(MediaHost).Raw("/video/"u8).Text(videoId).Raw("/"u8).Text(file.Name)
            .Raw(".mp4\"]"u8);
        if (file.WithHeaders)
        {
            json = json.Raw(",\"headers\":{\"Cookie\":\"tt_chain_token="u8)
                .Text(cookie)
                .Raw("\",\"Referer\":\"https://www.tiktok.com/\"}"u8);
        }

        return json.Raw(",\"mediaType\":\"video/mp4\",\"codec\":\""u8).Text(file.Codec)
            .Raw("\",\"width\":"u8).Number(file.Width).Raw(",\"height\":"u8).Number(file.Height)
            .Raw(",\"bitrate\":"u8).Number(file.Bitrate).Raw("}"u8);
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
    public static void WriteAudio(Utf8JsonWriter writer, AudioModel audio, Author? author, bool withContext) =>
        writer.WriteRawValue(Audio(new JsonBytes(stackalloc byte[AudioRoom]), audio, author, withContext).Written, skipInputValidation: true);

    private static JsonBytes Audio(JsonBytes json, AudioModel audio, Author? author, bool withContext)
    {
        json = json.Raw("{"u8);
        if (withContext)
        {
            json = Context(json).Raw(","u8);
        }

        json = json.Raw("\"type\":\"Audio\",\"id\":\"https://www.tiktok.com/music/"u8).Text(TikTokContent.AudioSlug(audio)).Raw("-"u8).Text(audio.Id)
            .Raw("\",\"url\":\"https://sf16-ies-music."u8).Raw(MediaHost).Raw("/obj/"u8).Text(audio.Id)
            .Raw(".mp3\",\"name\":"u8).String(audio.Name).Raw(",\"duration\":"u8).Number(audio.Duration)
            .Raw(",\"mediaType\":\"audio/mpeg\""u8);
        if (author is not null)
        {
            json = json.Raw(",\"attributedTo\":"u8).Raw(author.Embedded);
        }

        if (audio.WithImage)
        {
            var audioHash = StableRandom.Hash(audio.Id);
            json = json.Raw(",\"icon\":"u8);
            var icon = json.Length;
            json = MediaImage(json, "music"u8, audioHash, 720, 720, 720);
            var iconEnd = json.Length;
            json = MediaImage(json.Raw(",\"image\":["u8), "music"u8, audioHash, 100, 100, 100).Raw(","u8).Again(icon, iconEnd).Raw("]"u8);
        }

        json = json.Raw(",\"entityId\":"u8).String(audio.Id);
        if (audio.Album is { } album)
        {
            json = json.Raw(",\"album\":"u8).String(album);
        }

        json = json.Raw(",\"isOriginal\":"u8).Boolean(audio.IsOriginal);
        if (audio.IsCopyrighted is { } copyrighted)
        {
            json = json.Raw(",\"isCopyrighted\":"u8).Boolean(copyrighted);
        }

        return json.Raw(",\"videoCount\":"u8).Number(audio.VideoCount).Raw("}"u8);
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
            WriteMediaImage(writer, "playlist"u8, StableRandom.Hash(collectionId), 720, random.Chance(0.8) ? 720 : null, 720);
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
            WriteMediaImage(writer, "story"u8, StableRandom.Hash(storyId), 720, 720, 1280);
            writer.WriteEndArray();
        }

        if (video.WithPreview)
        {
            writer.WritePropertyName("preview"u8);
            WriteMediaImage(writer, "preview"u8, StableRandom.Hash(storyId), 300, null, null);
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
        WriteMediaImage(writer, "live"u8, StableRandom.Hash(author.Name), 720, 720, 1280);
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
