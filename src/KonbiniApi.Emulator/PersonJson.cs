using System;
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
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static byte[] Envelope(TikTokProfile profile, PersonShape shape) => JsonScratch.Render((profile, shape), static (writer, person) =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("data"u8);
        Write(writer, person.profile, person.shape);
        writer.WriteEndObject();
    });

    /// <summary>The Person as other objects embed it (TikTokEmbeddedUser): the same members, no @context.</summary>
    public static byte[] Embedded(TikTokProfile profile) =>
        JsonScratch.Render(profile, static (writer, person) => Write(writer, person, PersonShape.Contract, withContext: false));

    public static void WriteContext(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("@context"u8);
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

        writer.WriteString("type"u8, "Person"u8);
        writer.WriteString("id"u8, url);
        writer.WriteString("url"u8, url);
        if (shape != PersonShape.MissingRequired)
        {
            writer.WriteString("entityId"u8, profile.EntityId);
        }

        writer.WriteString("name"u8, profile.Name);
        writer.WriteString("preferredUsername"u8, profile.Username);
        if (profile.Summary is { } summary)
        {
            writer.WriteString("summary"u8, summary);
        }

        if (profile.Links is { } links)
        {
            writer.WriteStartArray("attachment"u8);
            foreach (var link in links)
            {
                writer.WriteStartObject();
                writer.WriteString("type"u8, "Link"u8);
                writer.WriteString("href"u8, link.Href);
                if (link.Rel is { } rel)
                {
                    writer.WriteString("rel"u8, rel);
                }

                if (shape == PersonShape.ExtraFields)
                {
                    writer.WriteNumber("clickCount"u8, 42);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (profile.Published is { } published)
        {
            WriteTime(writer, "published"u8, published);
        }

        writer.WriteBoolean("isPrivate"u8, profile.IsPrivate);
        if (shape == PersonShape.WrongTypes)
        {
            writer.WriteNumber("isVerified"u8, profile.IsVerified ? 1 : 0);
        }
        else
        {
            writer.WriteBoolean("isVerified"u8, profile.IsVerified);
        }

        writer.WriteBoolean("isLive"u8, profile.IsLive);
        if (profile.HasLikes is { } hasLikes)
        {
            writer.WriteBoolean("hasLikes"u8, hasLikes);
        }

        if (profile.HasPlaylists is { } hasPlaylists)
        {
            writer.WriteBoolean("hasPlaylists"u8, hasPlaylists);
        }

        switch (shape)
        {
            case PersonShape.WrongTypes:
                writer.WriteString("followerCount"u8, profile.FollowerCount.ToString(CultureInfo.InvariantCulture));
                break;
            case PersonShape.MissingRequired:
                break;
            default:
                writer.WriteNumber("followerCount"u8, profile.FollowerCount);
                break;
        }

        writer.WriteNumber("followingCount"u8, profile.FollowingCount);
        if (profile.Language is { } language)
        {
            writer.WriteString("language"u8, language);
        }

        writer.WriteNumber("likeCount"u8, profile.LikeCount);
        if (profile.LikedCount is { } likedCount)
        {
            writer.WriteNumber("likedCount"u8, likedCount);
        }

        writer.WriteNumber("mediaCount"u8, profile.MediaCount);
        if (profile.Icon is { } icon)
        {
            writer.WritePropertyName("icon"u8);
            WriteImage(writer, icon, shape);
        }

        if (profile.Images is { } images)
        {
            writer.WriteStartArray("image"u8);
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

    /// <summary>UTC to the millisecond, as the contract's examples write times: 2026-03-01T00:00:00.000Z.</summary>
    public static string FormatTime(DateTimeOffset time) => string.Create(24, time.UtcDateTime, static (text, utc) => FillTime(text, utc));

    /// <summary>Writes <paramref name="time"/> as <see cref="FormatTime"/> spells it, without making a string.</summary>
    public static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset time)
    {
        Span<char> text = stackalloc char[24];
        FillTime(text, time.UtcDateTime);
        writer.WriteString(name, text);
    }

    // A format string is parsed on every call; a time on every item made that parse show in the profile.
    internal static void FillTime(Span<char> text, DateTime utc)
    {
        Digits(text[..4], utc.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = '.';
        Digits(text.Slice(20, 3), utc.Millisecond);
        text[23] = 'Z';
    }

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    public static void WriteImage(Utf8JsonWriter writer, ProfileImage image, PersonShape shape = PersonShape.Contract)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "Image"u8);
        writer.WriteString("url"u8, image.Url);
        if (image.Width is { } width)
        {
            writer.WriteNumber("width"u8, width);
        }

        if (image.Height is { } height)
        {
            writer.WriteNumber("height"u8, height);
        }

        if (shape == PersonShape.ExtraFields)
        {
            writer.WriteString("mediaType"u8, "image/jpeg"u8);
        }

        writer.WriteEndObject();
    }

    /// <summary>Members a future API version might add: scalars, nulls, nested objects and arrays.</summary>
    private static void WriteUnknownMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("region"u8, "JP"u8);
        writer.WriteNull("pronouns"u8);
        writer.WriteNumber("favoritesCount"u8, 3_000_000_000);
        writer.WriteNumber("engagementRate"u8, 0.137);
        writer.WriteStartObject("stats"u8);
        writer.WriteNumber("diggCount"u8, 12);
        writer.WriteStartObject("history"u8);
        writer.WriteStartArray("followerCount"u8);
        writer.WriteNumberValue(100);
        writer.WriteNumberValue(250);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("badges"u8);
        writer.WriteStartObject();
        writer.WriteString("kind"u8, "creator"u8);
        writer.WriteStartArray("tags"u8);
        writer.WriteStringValue("food"u8);
        writer.WriteStringValue("travel"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStringValue("bare string badge"u8);
        writer.WriteEndArray();
    }
}
