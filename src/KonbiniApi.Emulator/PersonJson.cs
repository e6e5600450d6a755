using System;
using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>How far a served Person departs from the contract, for client robustness tests.</summary>
internal enum PersonShape
{
    Contract,
    WrongTypes,
    MissingRequired,
    ExtraFields,
}

internal static class PersonJson
{
    public const string ActivityStreamsContext = "https://www.w3.org/ns/activitystreams#";
    public const string SocialContext = "https://konbiniapi.com/ns/social#";

    // The real API sends raw UTF-8 for names and bios; escaping every non-ASCII character would hide the
    // encoding bugs these profiles exist to catch. The output is never embedded in HTML.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Envelope(TikTokProfile profile, PersonShape shape)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            Write(writer, profile, shape);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The Person as other objects embed it (TikTokEmbeddedUser): the same members, no @context.</summary>
    public static byte[] Embedded(TikTokProfile profile)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, profile, PersonShape.Contract, withContext: false);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteContext(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("@context");
        writer.WriteStringValue(ActivityStreamsContext);
        writer.WriteStringValue(SocialContext);
        writer.WriteEndArray();
    }

    public static void Write(Utf8JsonWriter writer, TikTokProfile profile, PersonShape shape, bool withContext = true)
    {
        var url = profile.ProfileUrlText;
        writer.WriteStartObject();
        if (withContext)
        {
            WriteContext(writer);
        }

        writer.WriteString("type", "Person");
        writer.WriteString("id", url);
        writer.WriteString("url", url);
        if (shape != PersonShape.MissingRequired)
        {
            writer.WriteString("entityId", profile.EntityId);
        }

        writer.WriteString("name", profile.Name);
        writer.WriteString("preferredUsername", profile.Username);
        if (profile.Summary is { } summary)
        {
            writer.WriteString("summary", summary);
        }

        if (profile.Links is { } links)
        {
            writer.WriteStartArray("attachment");
            foreach (var link in links)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Link");
                writer.WriteString("href", link.Href);
                if (link.Rel is { } rel)
                {
                    writer.WriteString("rel", rel);
                }

                if (shape == PersonShape.ExtraFields)
                {
                    writer.WriteNumber("clickCount", 42);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (profile.Published is { } published)
        {
            writer.WriteString("published", FormatTime(published));
        }

        writer.WriteBoolean("isPrivate", profile.IsPrivate);
        if (shape == PersonShape.WrongTypes)
        {
            writer.WriteNumber("isVerified", profile.IsVerified ? 1 : 0);
        }
        else
        {
            writer.WriteBoolean("isVerified", profile.IsVerified);
        }

        writer.WriteBoolean("isLive", profile.IsLive);
        if (profile.HasLikes is { } hasLikes)
        {
            writer.WriteBoolean("hasLikes", hasLikes);
        }

        if (profile.HasPlaylists is { } hasPlaylists)
        {
            writer.WriteBoolean("hasPlaylists", hasPlaylists);
        }

        switch (shape)
        {
            case PersonShape.WrongTypes:
                writer.WriteString("followerCount", profile.FollowerCount.ToString(CultureInfo.InvariantCulture));
                break;
            case PersonShape.MissingRequired:
                break;
            default:
                writer.WriteNumber("followerCount", profile.FollowerCount);
                break;
        }

        writer.WriteNumber("followingCount", profile.FollowingCount);
        if (profile.Language is { } language)
        {
            writer.WriteString("language", language);
        }

        writer.WriteNumber("likeCount", profile.LikeCount);
        if (profile.LikedCount is { } likedCount)
        {
            writer.WriteNumber("likedCount", likedCount);
        }

        writer.WriteNumber("mediaCount", profile.MediaCount);
        if (profile.Icon is { } icon)
        {
            writer.WritePropertyName("icon");
            WriteImage(writer, icon, shape);
        }

        if (profile.Images is { } images)
        {
            writer.WriteStartArray("image");
            foreach (var image in images)
            {
                WriteImage(writer, image, shape);
            }

            writer.WriteEndArray();
        }

        if (shape == PersonShape.ExtraFields)
        {
            WriteUnknownMembers(writer);
        }

        writer.WriteEndObject();
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteImage(Utf8JsonWriter writer, ProfileImage image, PersonShape shape = PersonShape.Contract)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Image");
        writer.WriteString("url", image.Url);
        if (image.Width is { } width)
        {
            writer.WriteNumber("width", width);
        }

        if (image.Height is { } height)
        {
            writer.WriteNumber("height", height);
        }

        if (shape == PersonShape.ExtraFields)
        {
            writer.WriteString("mediaType", "image/jpeg");
        }

        writer.WriteEndObject();
    }

    /// <summary>Members a future API version might add: scalars, nulls, nested objects and arrays.</summary>
    private static void WriteUnknownMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("region", "JP");
        writer.WriteNull("pronouns");
        writer.WriteNumber("favoritesCount", 3_000_000_000);
        writer.WriteNumber("engagementRate", 0.137);
        writer.WriteStartObject("stats");
        writer.WriteNumber("diggCount", 12);
        writer.WriteStartObject("history");
        writer.WriteStartArray("followerCount");
        writer.WriteNumberValue(100);
        writer.WriteNumberValue(250);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("badges");
        writer.WriteStartObject();
        writer.WriteString("kind", "creator");
        writer.WriteStartArray("tags");
        writer.WriteStringValue("food");
        writer.WriteStringValue("travel");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStringValue("bare string badge");
        writer.WriteEndArray();
    }
}
