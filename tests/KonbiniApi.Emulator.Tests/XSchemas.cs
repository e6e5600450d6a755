using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace KonbiniApi.Emulator.Tests;

/// <summary>X's object shapes from the contract: the required members of each, the JSON type of the members
/// the contract names, and the nested shapes. The page and single-object envelopes are TikTokSchemas'.</summary>
internal static class XSchemas
{
    public static void User(JsonElement u, string at, List<string> p)
    {
        Required(u, at, p, "type", "id", "url", "entityId", "name", "preferredUsername", "isPrivate", "isVerified", "isPaidVerified",
            "followerCount", "followingCount", "likeCount", "postCount", "mediaCount");
        PersonMembers(u, at, p);
    }

    public static void EmbeddedUser(JsonElement u, string at, List<string> p)
    {
        Required(u, at, p, "type", "id", "url");
        PersonMembers(u, at, p);
    }

    public static void Post(JsonElement n, string at, List<string> p)
    {
        Required(n, at, p, "type", "id", "url", "entityId", "content", "likeCount");
        Kinds(n, at, p, JsonValueKind.String, "type", "id", "url", "entityId", "content", "published", "contentFormat", "inReplyTo");
        Kinds(n, at, p, JsonValueKind.Number, "likeCount", "replyCount", "viewCount", "repostCount", "quoteCount", "saveCount");
        Booleans(n, at, p, "isEdited");
        Dates(n, at, p, "published");
        Nested(n, "attributedTo", at, p, EmbeddedUser);
        Nested(n, "quote", at, p, (q, where, problems) =>
        {
            Required(q, where, problems, "type", "id", "url", "entityId", "content", "likeCount");
            Nested(q, "attributedTo", where, problems, EmbeddedUser);
            Each(q, "attachment", where, problems, Attachment);
        });
        Each(n, "image", at, p, Image);
        Each(n, "attachment", at, p, Attachment);
        Each(n, "tag", at, p, (t, where, problems) => Required(t, where, problems, "type", "name"));
    }

    public static void Community(JsonElement g, string at, List<string> p)
    {
        Required(g, at, p, "type", "id", "url", "entityId", "name");
        Kinds(g, at, p, JsonValueKind.String, "type", "id", "url", "entityId", "name", "summary", "published", "category");
        Kinds(g, at, p, JsonValueKind.Number, "memberCount");
        Dates(g, at, p, "published");
        Each(g, "tag", at, p, (t, where, problems) => Required(t, where, problems, "type", "name"));
        Each(g, "rule", at, p, (r, where, problems) => Required(r, where, problems, "type", "name"));
        Nested(g, "attributedTo", at, p, EmbeddedUser);
        Each(g, "image", at, p, Image);
    }

    private static void Attachment(JsonElement a, string at, List<string> p)
    {
        Required(a, at, p, "type");
        var type = a.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "Link":
                Required(a, at, p, "href");
                break;
            case "Article":
                break;
            case "Question":
                Required(a, at, p, "oneOf");
                Each(a, "oneOf", at, p, (o, where, problems) => Required(o, where, problems, "type", "name"));
                if (a.TryGetProperty("oneOf", out var options) && options.GetArrayLength() < 2)
                {
                    p.Add(at + ".oneOf has fewer than 2 choices");
                }

                break;
            default:
                Required(a, at, p, "url");
                if (a.TryGetProperty("url", out var urls) && (urls.ValueKind != JsonValueKind.Array || urls.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String)))
                {
                    p.Add(at + ".url is not an array of strings");
                }

                break;
        }
    }

    private static void Image(JsonElement i, string at, List<string> p)
    {
        Required(i, at, p, "type", "url");
        Kinds(i, at, p, JsonValueKind.Number, "width", "height");
    }

    private static void PersonMembers(JsonElement u, string at, List<string> p)
    {
        Kinds(u, at, p, JsonValueKind.String, "type", "id", "url", "entityId", "name", "preferredUsername", "summary", "published", "location");
        Kinds(u, at, p, JsonValueKind.Number, "followerCount", "followingCount", "likeCount", "postCount", "mediaCount", "listedCount");
        Booleans(u, at, p, "isPrivate", "isVerified", "isPaidVerified");
        Dates(u, at, p, "published");
        Each(u, "attachment", at, p, (l, where, problems) => Required(l, where, problems, "type", "href"));
        Nested(u, "icon", at, p, Image);
        Each(u, "image", at, p, Image);
    }

    private static void Required(JsonElement o, string at, List<string> p, params string[] names)
    {
        if (o.ValueKind != JsonValueKind.Object)
        {
            p.Add(at + " is not an object");
            return;
        }

        foreach (var name in names)
        {
            if (!o.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                p.Add($"{at}.{name} is missing");
            }
        }
    }

    private static void Kinds(JsonElement o, string at, List<string> p, JsonValueKind kind, params string[] names)
    {
        foreach (var name in names)
        {
            if (o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var value) && value.ValueKind != kind)
            {
                p.Add($"{at}.{name} is {value.ValueKind}, not {kind}");
            }
        }
    }

    private static void Booleans(JsonElement o, string at, List<string> p, params string[] names)
    {
        foreach (var name in names)
        {
            if (o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                p.Add($"{at}.{name} is not a boolean");
            }
        }
    }

    private static void Dates(JsonElement o, string at, List<string> p, params string[] names)
    {
        foreach (var name in names)
        {
            if (o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && !DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                p.Add($"{at}.{name} is not a date");
            }
        }
    }

    private static void Nested(JsonElement o, string name, string at, List<string> p, Action<JsonElement, string, List<string>> check)
    {
        if (o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var value))
        {
            check(value, at + "." + name, p);
        }
    }

    private static void Each(JsonElement o, string name, string at, List<string> p, Action<JsonElement, string, List<string>> check)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var value))
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            p.Add($"{at}.{name} is not an array");
            return;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            check(item, $"{at}.{name}[{i++}]", p);
        }
    }
}
