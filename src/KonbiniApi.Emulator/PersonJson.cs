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

    /// <summary>Room for one Person; the fullest (every optional member, the extra-fields scenario) is under 3 KB.</summary>
    private const int PersonRoom = 8 * 1024;

    public static byte[] Envelope(TikTokProfile profile, PersonShape shape)
    {
        var json = new JsonBytes(stackalloc byte[PersonRoom]).Raw("{\"data\":"u8);
        return Person(json, profile, shape, withContext: true).Raw("}"u8).Written.ToArray();
    }

    /// <summary>The Person as other objects embed it (TikTokEmbeddedUser): the same members, no @context.</summary>
    public static byte[] Embedded(TikTokProfile profile) =>
        Person(new JsonBytes(stackalloc byte[PersonRoom]), profile, PersonShape.Contract, withContext: false).Written.ToArray();

    public static void WriteContext(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("@context"u8);
        writer.WriteStringValue(ActivityStreamsContext);
        writer.WriteStringValue(SocialContext);
        writer.WriteEndArray();
    }

    /// <summary>One Person, built as bytes (see <see cref="JsonBytes"/>): every follower, commenter and
    /// author on a page is one, and most are new.</summary>
    private static JsonBytes Person(JsonBytes json, TikTokProfile profile, PersonShape shape, bool withContext)
    {
        json = json.Raw("{"u8);
        if (withContext)
        {
            json = json.Raw("\"@context\":["u8).String(ActivityStreamsContext).Raw(","u8).String(SocialContext).Raw("],"u8);
        }

        var url = profile.ProfileUrlText;
        json = json.Raw("\"type\":\"Person\",\"id\":"u8).String(url).Raw(",\"url\":"u8).String(url);
        if (shape != PersonShape.MissingRequired)
        {
            json = json.Raw(",\"entityId\":"u8).String(profile.EntityId);
        }

        json = json.Raw(",\"name\":"u8).String(profile.Name).Raw(",\"preferredUsername\":"u8).String(profile.Username);
        if (profile.Summary is { } summary)
        {
            json = json.Raw(",\"summary\":"u8).String(summary);
        }

        if (profile.Links is { } links)
        {
            json = json.Raw(",\"attachment\":["u8);
            for (var i = 0; i < links.Count; i++)
            {
                var link = links[i];
                json = json.Raw(i == 0 ? "{\"type\":\"Link\",\"href\":"u8 : ",{\"type\":\"Link\",\"href\":"u8).String(link.Href);
                if (link.Rel is { } rel)
                {
                    json = json.Raw(",\"rel\":"u8).String(rel);
                }

                json = (shape == PersonShape.ExtraFields ? json.Raw(",\"clickCount\":42"u8) : json).Raw("}"u8);
            }

            json = json.Raw("]"u8);
        }

        if (profile.Published is { } published)
        {
            json = json.Raw(",\"published\":"u8).Time(published);
        }

        json = json.Raw(",\"isPrivate\":"u8).Boolean(profile.IsPrivate).Raw(",\"isVerified\":"u8);
        json = shape == PersonShape.WrongTypes ? json.Number(profile.IsVerified ? 1 : 0) : json.Boolean(profile.IsVerified);
        json = json.Raw(",\"isLive\":"u8).Boolean(profile.IsLive);
        if (profile.HasLikes is { } hasLikes)
        {
            json = json.Raw(",\"hasLikes\":"u8).Boolean(hasLikes);
        }

        if (profile.HasPlaylists is { } hasPlaylists)
        {
            json = json.Raw(",\"hasPlaylists\":"u8).Boolean(hasPlaylists);
        }

        json = shape switch
        {
            PersonShape.WrongTypes => json.Raw(",\"followerCount\":"u8).String(profile.FollowerCount.ToString(CultureInfo.InvariantCulture)),
            PersonShape.MissingRequired => json,
            _ => json.Raw(",\"followerCount\":"u8).Number(profile.FollowerCount),
        };
        json = json.Raw(",\"followingCount\":"u8).Number(profile.FollowingCount);
        if (profile.Language is { } language)
        {
            json = json.Raw(",\"language\":"u8).String(language);
        }

        json = json.Raw(",\"likeCount\":"u8).Number(profile.LikeCount);
        if (profile.LikedCount is { } likedCount)
        {
            json = json.Raw(",\"likedCount\":"u8).Number(likedCount);
        }

        json = json.Raw(",\"mediaCount\":"u8).Number(profile.MediaCount);
        if (profile.Icon is { } icon)
        {
            json = Image(json.Raw(",\"icon\":"u8), icon, shape);
        }

        if (profile.Images is { } images)
        {
            json = json.Raw(",\"image\":["u8);
            for (var i = 0; i < images.Count; i++)
            {
                json = Image(i == 0 ? json : json.Raw(","u8), images[i], shape);
            }

            json = json.Raw("]"u8);
        }

        if (shape == PersonShape.ExtraFields)
        {
            // Members a future API version might add: scalars, nulls, nested objects and arrays.
            json = json.Raw(",\"region\":\"JP\",\"pronouns\":null,\"favoritesCount\":3000000000,\"engagementRate\":0.137,"u8)
                .Raw("\"stats\":{\"diggCount\":12,\"history\":{\"followerCount\":[100,250]}},"u8)
                .Raw("\"badges\":[{\"kind\":\"creator\",\"tags\":[\"food\",\"travel\"]},\"bare string badge\"]"u8);
        }

        return json.Raw("}"u8);
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

    /// <summary>Spells <paramref name="utc"/> into 24 characters, digit by digit: a format string would be
    /// parsed again for every item's time.</summary>
    internal static void FillTime(Span<char> text, DateTime utc)
    {
        PathValues.FillDigits(text[..4], utc.Year);
        text[4] = '-';
        PathValues.FillDigits(text.Slice(5, 2), utc.Month);
        text[7] = '-';
        PathValues.FillDigits(text.Slice(8, 2), utc.Day);
        text[10] = 'T';
        PathValues.FillDigits(text.Slice(11, 2), utc.Hour);
        text[13] = ':';
        PathValues.FillDigits(text.Slice(14, 2), utc.Minute);
        text[16] = ':';
        PathValues.FillDigits(text.Slice(17, 2), utc.Second);
        text[19] = '.';
        PathValues.FillDigits(text.Slice(20, 3), utc.Millisecond);
        text[23] = 'Z';
    }

    private static JsonBytes Image(JsonBytes json, ProfileImage image, PersonShape shape)
    {
        json = json.Raw("{\"type\":\"Image\",\"url\":"u8).String(image.Url);
        if (image.Width is { } width)
        {
            json = json.Raw(",\"width\":"u8).Number(width);
        }

        if (image.Height is { } height)
        {
            json = json.Raw(",\"height\":"u8).Number(height);
        }

        return (shape == PersonShape.ExtraFields ? json.Raw(",\"mediaType\":\"image/jpeg\""u8) : json).Raw("}"u8);
    }
}
