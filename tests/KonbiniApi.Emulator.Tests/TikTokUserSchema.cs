using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace KonbiniApi.Emulator.Tests;

/// <summary>The 200 body of <c>GET /v1/tiktok/users/{username}</c>, written down from the contract: which
/// members are required, the JSON type of each, the Link and Image shapes and the two context URIs.
/// Members the contract does not name are allowed (the API adds fields over time).</summary>
internal static class TikTokUserSchema
{
    private static readonly string[] Required =
    [
        "@context", "type", "id", "url", "entityId", "name", "preferredUsername",
        "isPrivate", "isVerified", "isLive", "followerCount", "followingCount", "likeCount", "mediaCount",
    ];

    private static readonly string[] StringMembers = ["type", "id", "url", "entityId", "name", "preferredUsername", "summary", "published", "language"];
    private static readonly string[] BooleanMembers = ["isPrivate", "isVerified", "isLive", "hasLikes", "hasPlaylists"];
    private static readonly string[] IntegerMembers = ["followerCount", "followingCount", "likeCount", "likedCount", "mediaCount"];

    public static IReadOnlyList<string> Problems(JsonElement body)
    {
        var problems = new List<string>();
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("data", out var data))
        {
            problems.Add("body is not an object with 'data'");
            return problems;
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"data is {data.ValueKind}, not an object");
            return problems;
        }

        foreach (var name in Required)
        {
            if (!data.TryGetProperty(name, out _))
            {
                problems.Add($"required '{name}' is missing");
            }
        }

        foreach (var name in StringMembers)
        {
            ExpectKind(data, name, JsonValueKind.String, problems);
        }

        foreach (var name in BooleanMembers)
        {
            if (data.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add($"'{name}' is {value.ValueKind}, not a boolean");
            }
        }

        foreach (var name in IntegerMembers)
        {
            if (data.TryGetProperty(name, out var value) && !IsInteger(value))
            {
                problems.Add($"'{name}' is not an integer ({value.GetRawText()})");
            }
        }

        CheckContext(data, problems);
        if (data.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Person")
        {
            problems.Add($"type is '{type.GetString()}', not 'Person'");
        }

        foreach (var name in (string[])["id", "url"])
        {
            if (data.TryGetProperty(name, out var uri) && uri.ValueKind == JsonValueKind.String && !IsAbsoluteHttpUri(uri.GetString()))
            {
                problems.Add($"'{name}' is not an absolute URI");
            }
        }

        if (data.TryGetProperty("published", out var published) && published.ValueKind == JsonValueKind.String
            && !DateTimeOffset.TryParse(published.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            problems.Add("'published' is not an ISO 8601 date-time");
        }

        if (data.TryGetProperty("attachment", out var attachment))
        {
            CheckArray(attachment, "attachment", CheckLink, problems);
        }

        if (data.TryGetProperty("icon", out var icon))
        {
            CheckImage(icon, "icon", problems);
        }

        if (data.TryGetProperty("image", out var image))
        {
            CheckArray(image, "image", CheckImage, problems);
        }

        return problems;
    }

    private static void CheckContext(JsonElement data, List<string> problems)
    {
        if (!data.TryGetProperty("@context", out var context))
        {
            return;
        }

        if (context.ValueKind != JsonValueKind.Array || context.GetArrayLength() != 2
            || context[0].ValueKind != JsonValueKind.String || context[0].GetString() != "https://www.w3.org/ns/activitystreams#"
            || context[1].ValueKind != JsonValueKind.String || context[1].GetString() != "https://konbiniapi.com/ns/social#")
        {
            problems.Add($"@context is not the two expected URIs: {context.GetRawText()}");
        }
    }

    private static void CheckLink(JsonElement link, string where, List<string> problems)
    {
        if (link.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} is not an object");
            return;
        }

        RequireString(link, "type", where, problems);
        RequireString(link, "href", where, problems);
        ExpectKind(link, "rel", JsonValueKind.String, problems, where);
        if (link.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Link")
        {
            problems.Add($"{where}.type is not 'Link'");
        }

        if (link.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String && !IsAbsoluteHttpUri(href.GetString()))
        {
            problems.Add($"{where}.href is not an absolute URI");
        }
    }

    private static void CheckImage(JsonElement image, string where, List<string> problems)
    {
        if (image.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where} is not an object");
            return;
        }

        RequireString(image, "type", where, problems);
        RequireString(image, "url", where, problems);
        if (image.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Image")
        {
            problems.Add($"{where}.type is not 'Image'");
        }

        if (image.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String && !IsAbsoluteHttpUri(url.GetString()))
        {
            problems.Add($"{where}.url is not an absolute URI");
        }

        foreach (var name in (string[])["width", "height"])
        {
            if (image.TryGetProperty(name, out var value) && !IsInteger(value))
            {
                problems.Add($"{where}.{name} is not an integer");
            }
        }
    }

    private static void CheckArray(JsonElement array, string name, Action<JsonElement, string, List<string>> checkItem, List<string> problems)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"'{name}' is {array.ValueKind}, not an array");
            return;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            checkItem(item, $"{name}[{index++}]", problems);
        }
    }

    private static void RequireString(JsonElement obj, string name, string where, List<string> problems)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            problems.Add($"{where}.{name} is missing");
        }
        else if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{where}.{name} is {value.ValueKind}, not a string");
        }
    }

    private static void ExpectKind(JsonElement obj, string name, JsonValueKind kind, List<string> problems, string where = "data")
    {
        if (obj.TryGetProperty(name, out var value) && value.ValueKind != kind)
        {
            problems.Add($"{where}.{name} is {value.ValueKind}, not {kind}");
        }
    }

    private static bool IsInteger(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);

    private static bool IsAbsoluteHttpUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
