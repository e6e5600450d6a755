using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace KonbiniApi.Emulator.Tests;

/// <summary>The TikTok object shapes of the contract, written down member by member: what is required,
/// the JSON type of each member, and the nested shapes. Members the contract does not name are allowed.</summary>
internal static class TikTokSchemas
{
    private const string Activity = "https://www.w3.org/ns/activitystreams#";
    private const string Social = "https://konbiniapi.com/ns/social#";

    public static IReadOnlyList<string> Page(JsonElement body, Action<JsonElement, string, List<string>> item)
    {
        var problems = new List<string>();
        if (!Data(body, problems, out var data))
        {
            return problems;
        }

        Context(data, "data", problems);
        Required(data, "data", problems, "@context", "type", "partOf", "totalItems", "cursor", "nextCursor", "next", "itemCount", "orderedItems");
        Const(data, "type", "OrderedCollectionPage", "data", problems);
        Uri(data, "partOf", "data", problems);
        Kind(data, "totalItems", "data", problems, "integer", "null");
        Kind(data, "cursor", "data", problems, "string", "null");
        Kind(data, "nextCursor", "data", problems, "string", "null");
        if (data.TryGetProperty("next", out var next) && next.ValueKind != JsonValueKind.Null)
        {
            Uri(data, "next", "data", problems);
        }

        Kind(data, "itemCount", "data", problems, "integer");
        if (data.TryGetProperty("orderedItems", out var items))
        {
            if (items.ValueKind != JsonValueKind.Array)
            {
                problems.Add("orderedItems is not an array");
            }
            else
            {
                if (data.TryGetProperty("itemCount", out var count) && count.ValueKind == JsonValueKind.Number && count.GetInt32() != items.GetArrayLength())
                {
                    problems.Add("itemCount differs from the number of orderedItems");
                }

                var i = 0;
                foreach (var entry in items.EnumerateArray())
                {
                    item(entry, $"orderedItems[{i++}]", problems);
                }
            }
        }

        return problems;
    }

    /// <summary>The <c>data</c> of a single-object answer, checked by <paramref name="check"/>, with @context.</summary>
    public static IReadOnlyList<string> Single(JsonElement body, Action<JsonElement, string, List<string>> check)
    {
        var problems = new List<string>();
        if (Data(body, problems, out var data))
        {
            Required(data, "data", problems, "@context");
            Context(data, "data", problems);
            check(data, "data", problems);
        }

        return problems;
    }

    public static void Video(JsonElement v, string at, List<string> p)
    {
        if (!IsObject(v, at, p))
        {
            return;
        }

        Required(v, at, p, "type", "id", "url", "entityId", "published", "viewCount", "likeCount", "commentCount", "repostCount", "shareCount", "saveCount", "attributedTo");
        Strings(v, at, p, "type", "entityId", "content", "language");
        Uri(v, "id", at, p);
        Uri(v, "url", at, p);
        Time(v, "published", at, p);
        Kind(v, "duration", at, p, "number");
        Integers(v, at, p, "viewCount", "likeCount", "commentCount", "repostCount", "shareCount", "saveCount");
        Kind(v, "isSponsored", at, p, "boolean");
        if (v.TryGetProperty("location", out var place) && IsObject(place, at + ".location", p))
        {
            Required(place, at + ".location", p, "type", "name");
            Strings(place, at + ".location", p, "type", "id", "name");
            Uri(place, "url", at + ".location", p);
            Kind(place, "latitude", at + ".location", p, "number");
            Kind(place, "longitude", at + ".location", p, "number");
        }

        Array(v, "tag", at, p, Tag);
        if (v.TryGetProperty("attributedTo", out var author))
        {
            EmbeddedUser(author, at + ".attributedTo", p);
        }

        Array(v, "attachment", at, p, VideoAttachment);
        Array(v, "image", at, p, Image);
        if (v.TryGetProperty("preview", out var preview))
        {
            Image(preview, at + ".preview", p);
        }

        if (v.TryGetProperty("audio", out var audio))
        {
            Audio(audio, at + ".audio", p);
        }
    }

    public static void EmbeddedUser(JsonElement u, string at, List<string> p)
    {
        if (!IsObject(u, at, p))
        {
            return;
        }

        Required(u, at, p, "type", "id", "url", "isPrivate", "isVerified");
        Strings(u, at, p, "type", "entityId", "name", "preferredUsername", "summary", "language");
        Uri(u, "id", at, p);
        Uri(u, "url", at, p);
        Time(u, "published", at, p);
        Booleans(u, at, p, "isPrivate", "isVerified", "isLive", "hasLikes", "hasPlaylists");
        Integers(u, at, p, "followerCount", "followingCount", "likeCount", "likedCount", "mediaCount");
        Array(u, "attachment", at, p, Link);
        if (u.TryGetProperty("icon", out var icon))
        {
            Image(icon, at + ".icon", p);
        }

        Array(u, "image", at, p, Image);
    }

    public static void Person(JsonElement u, string at, List<string> p)
    {
        EmbeddedUser(u, at, p);
        Const(u, "type", "Person", at, p);
    }

    public static void Comment(JsonElement c, string at, List<string> p)
    {
        if (!IsObject(c, at, p))
        {
            return;
        }

        Required(c, at, p, "type", "id", "content", "likeCount", "attributedTo");
        Strings(c, at, p, "type", "entityId", "content", "language", "status");
        Uri(c, "id", at, p);
        Uri(c, "url", at, p);
        Uri(c, "inReplyTo", at, p);
        Time(c, "published", at, p);
        Integers(c, at, p, "likeCount", "replyCount");
        Booleans(c, at, p, "isPinned", "isLiked");
        if (c.TryGetProperty("attributedTo", out var author))
        {
            EmbeddedUser(author, at + ".attributedTo", p);
        }
    }

    public static void Collection(JsonElement c, string at, List<string> p)
    {
        if (!IsObject(c, at, p))
        {
            return;
        }

        Required(c, at, p, "type", "id", "name", "totalItems", "entityId", "attributedTo");
        Strings(c, at, p, "type", "name", "entityId");
        Uri(c, "id", at, p);
        Kind(c, "totalItems", at, p, "integer", "null");
        Array(c, "image", at, p, Image);
        if (c.TryGetProperty("attributedTo", out var owner))
        {
            EmbeddedUser(owner, at + ".attributedTo", p);
        }
    }

    public static void Story(JsonElement s, string at, List<string> p)
    {
        if (!IsObject(s, at, p))
        {
            return;
        }

        Required(s, at, p, "type", "id", "url", "entityId", "published", "viewCount", "likeCount", "commentCount", "repostCount", "shareCount", "saveCount", "attributedTo");
        Strings(s, at, p, "type", "entityId", "content");
        Uri(s, "id", at, p);
        Uri(s, "url", at, p);
        Time(s, "published", at, p);
        Time(s, "endTime", at, p);
        Integers(s, at, p, "viewCount", "likeCount", "commentCount", "repostCount", "shareCount", "saveCount");
        Kind(s, "duration", at, p, "number");
        if (s.TryGetProperty("attributedTo", out var author))
        {
            EmbeddedUser(author, at + ".attributedTo", p);
        }

        Array(s, "attachment", at, p, (a, where, problems) =>
        {
            if (!IsObject(a, where, problems))
            {
                return;
            }

            Required(a, where, problems, "type", "url");
            Strings(a, where, problems, "type", "mediaType", "name", "codec");
            UriArray(a, "url", where, problems);
            Integers(a, where, problems, "width", "height", "bitrate");
            if (a.TryGetProperty("headers", out var headers))
            {
                Headers(headers, where + ".headers", problems);
            }
        });
        Array(s, "image", at, p, Image);
        if (s.TryGetProperty("preview", out var preview))
        {
            Image(preview, at + ".preview", p);
        }

        if (s.TryGetProperty("audio", out var audio))
        {
            Audio(audio, at + ".audio", p);
        }
    }

    public static void Audio(JsonElement a, string at, List<string> p)
    {
        if (!IsObject(a, at, p))
        {
            return;
        }

        Required(a, at, p, "type", "name", "duration");
        Strings(a, at, p, "type", "name", "mediaType", "entityId", "album");
        Uri(a, "id", at, p);
        Uri(a, "url", at, p);
        Kind(a, "duration", at, p, "number");
        Booleans(a, at, p, "isOriginal", "isCopyrighted");
        Integers(a, at, p, "videoCount");
        if (a.TryGetProperty("attributedTo", out var author))
        {
            if (author.ValueKind == JsonValueKind.Array)
            {
                Array(a, "attributedTo", at, p, EmbeddedUser);
            }
            else
            {
                EmbeddedUser(author, at + ".attributedTo", p);
            }
        }

        if (a.TryGetProperty("icon", out var icon))
        {
            Image(icon, at + ".icon", p);
        }

        Array(a, "image", at, p, Image);
    }

    public static void Live(JsonElement l, string at, List<string> p)
    {
        Required(l, at, p, "type", "id", "url", "entityId", "isLive", "attributedTo");
        Strings(l, at, p, "type", "entityId", "content");
        Uri(l, "id", at, p);
        Uri(l, "url", at, p);
        Time(l, "published", at, p);
        Booleans(l, at, p, "isLive");
        Integers(l, at, p, "viewCount", "viewerCount");
        if (l.TryGetProperty("attributedTo", out var author))
        {
            EmbeddedUser(author, at + ".attributedTo", p);
        }

        Array(l, "image", at, p, Image);
        Array(l, "attachment", at, p, (a, where, problems) =>
        {
            if (!IsObject(a, where, problems))
            {
                return;
            }

            Required(a, where, problems, "type", "url", "mediaType", "name");
            Strings(a, where, problems, "type", "mediaType", "name", "codec");
            UriArray(a, "url", where, problems);
            Integers(a, where, problems, "width", "height", "bitrate");
        });
    }

    public static void Transcript(JsonElement d, string at, List<string> p)
    {
        Required(d, at, p, "type", "id", "url", "mediaType", "language", "content");
        Strings(d, at, p, "type", "mediaType", "language", "source", "content");
        Uri(d, "id", at, p);
        Uri(d, "url", at, p);
        Integers(d, at, p, "size");
    }

    public static void DownloadUrl(JsonElement d, string at, List<string> p)
    {
        Required(d, at, p, "type", "url", "mediaType");
        Const(d, "type", "Video", at, p);
        Const(d, "mediaType", "video/mp4", at, p);
        Uri(d, "url", at, p);
    }

    /// <summary>A search item: a Video or a Person (or an Organization, which the contract also allows).</summary>
    public static void SearchItem(JsonElement item, string at, List<string> p)
    {
        var type = item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "Video":
                Video(item, at, p);
                break;
            case "Person" or "Organization":
                EmbeddedUser(item, at, p);
                break;
            default:
                p.Add($"{at}.type is '{type}', not Video, Person or Organization");
                break;
        }
    }

    private static void Tag(JsonElement t, string at, List<string> p)
    {
        if (IsObject(t, at, p))
        {
            Required(t, at, p, "type", "name");
            Strings(t, at, p, "type", "name", "entityId");
            Uri(t, "href", at, p);
            Uri(t, "id", at, p);
        }
    }

    private static void VideoAttachment(JsonElement a, string at, List<string> p)
    {
        if (!IsObject(a, at, p))
        {
            return;
        }

        Required(a, at, p, "type", "name", "url", "mediaType", "codec", "width", "height", "bitrate");
        Strings(a, at, p, "type", "name", "mediaType", "codec");
        UriArray(a, "url", at, p);
        Integers(a, at, p, "width", "height", "bitrate");
        if (a.TryGetProperty("headers", out var headers))
        {
            Headers(headers, at + ".headers", p);
        }
    }

    private static void Headers(JsonElement h, string at, List<string> p)
    {
        if (IsObject(h, at, p))
        {
            Required(h, at, p, "Cookie", "Referer");
            Strings(h, at, p, "Cookie", "Referer");
        }
    }

    private static void Link(JsonElement l, string at, List<string> p)
    {
        if (IsObject(l, at, p))
        {
            Required(l, at, p, "type", "href");
            Strings(l, at, p, "type", "rel");
            Uri(l, "href", at, p);
        }
    }

    public static void Image(JsonElement i, string at, List<string> p)
    {
        if (IsObject(i, at, p))
        {
            Required(i, at, p, "type", "url");
            Strings(i, at, p, "type");
            Uri(i, "url", at, p);
            Integers(i, at, p, "width", "height");
        }
    }

    private static bool Data(JsonElement body, List<string> problems, out JsonElement data)
    {
        data = default;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out data) || data.ValueKind != JsonValueKind.Object)
        {
            problems.Add("body is not an object whose data is an object");
            return false;
        }

        return true;
    }

    private static bool IsObject(JsonElement e, string at, List<string> p)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        p.Add($"{at} is {e.ValueKind}, not an object");
        return false;
    }

    private static void Context(JsonElement o, string at, List<string> p)
    {
        if (o.TryGetProperty("@context", out var c)
            && !(c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 2 && c[0].ValueKind == JsonValueKind.String && c[0].GetString() == Activity
                && c[1].ValueKind == JsonValueKind.String && c[1].GetString() == Social))
        {
            p.Add($"{at}.@context is not the two context URIs");
        }
    }

    private static void Required(JsonElement o, string at, List<string> p, params string[] names)
    {
        foreach (var name in names)
        {
            if (!o.TryGetProperty(name, out _))
            {
                p.Add($"{at}.{name} is required but missing");
            }
        }
    }

    private static void Const(JsonElement o, string name, string value, string at, List<string> p)
    {
        if (o.TryGetProperty(name, out var v) && !(v.ValueKind == JsonValueKind.String && v.GetString() == value))
        {
            p.Add($"{at}.{name} is {v.GetRawText()}, not '{value}'");
        }
    }

    private static void Strings(JsonElement o, string at, List<string> p, params string[] names)
    {
        foreach (var name in names)
        {
            Kind(o, name, at, p, "string");
        }
    }

    private static void Integers(JsonElement o, string at, List<string> p, params string[] names)
    {
        foreach (var name in names)
        {
            Kind(o, name, at, p, "integer");
        }
    }

    private static void Booleans(JsonElement o, string at, List<string> p, params string[] names)
    {
        foreach (var name in names)
        {
            Kind(o, name, at, p, "boolean");
        }
    }

    private static void Kind(JsonElement o, string name, string at, List<string> p, params string[] kinds)
    {
        if (!o.TryGetProperty(name, out var v))
        {
            return;
        }

        foreach (var kind in kinds)
        {
            var fits = kind switch
            {
                "string" => v.ValueKind == JsonValueKind.String,
                "integer" => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _),
                "number" => v.ValueKind == JsonValueKind.Number,
                "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
                "null" => v.ValueKind == JsonValueKind.Null,
                _ => false,
            };
            if (fits)
            {
                return;
            }
        }

        p.Add($"{at}.{name} is {v.GetRawText()}, not {string.Join(" or ", kinds)}");
    }

    private static void Uri(JsonElement o, string name, string at, List<string> p)
    {
        if (o.TryGetProperty(name, out var v) && !IsAbsoluteUri(v))
        {
            p.Add($"{at}.{name} is not an absolute URI: {v.GetRawText()}");
        }
    }

    private static void UriArray(JsonElement o, string name, string at, List<string> p)
    {
        if (!o.TryGetProperty(name, out var v))
        {
            return;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            p.Add($"{at}.{name} is not an array of URIs");
            return;
        }

        foreach (var item in v.EnumerateArray())
        {
            if (!IsAbsoluteUri(item))
            {
                p.Add($"{at}.{name} holds a non-URI {item.GetRawText()}");
            }
        }
    }

    private static void Time(JsonElement o, string name, string at, List<string> p)
    {
        if (o.TryGetProperty(name, out var v)
            && !(v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParseExact(v.GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)))
        {
            p.Add($"{at}.{name} is not an ISO 8601 UTC date-time: {v.GetRawText()}");
        }
    }

    private static void Array(JsonElement o, string name, string at, List<string> p, Action<JsonElement, string, List<string>> item)
    {
        if (!o.TryGetProperty(name, out var v))
        {
            return;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            p.Add($"{at}.{name} is {v.ValueKind}, not an array");
            return;
        }

        var i = 0;
        foreach (var entry in v.EnumerateArray())
        {
            item(entry, $"{at}.{name}[{i++}]", p);
        }
    }

    private static bool IsAbsoluteUri(JsonElement v) =>
        v.ValueKind == JsonValueKind.String && System.Uri.TryCreate(v.GetString(), UriKind.Absolute, out var uri)
        && (uri.Scheme == System.Uri.UriSchemeHttps || uri.Scheme == System.Uri.UriSchemeHttp);
}
