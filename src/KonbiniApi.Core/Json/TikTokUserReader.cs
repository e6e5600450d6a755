using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using KonbiniApi.Errors;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>
/// Maps the <c>data</c> object of a TikTok user response onto <see cref="TikTokUser"/>. Fields the
/// contract does not name are ignored (the API adds fields over time); a required field that is
/// missing, or any known field of the wrong JSON type, is an <see cref="ApiErrorKind.InvalidResponse"/>.
/// </summary>
public static class TikTokUserReader
{
    /// <summary>Reads one user.</summary>
    /// <exception cref="KonbiniApiException">The object does not follow the contract.</exception>
    public static TikTokUser Read(JsonElement data, string requestPath)
    {
        var fields = new FieldReader(data, requestPath);
        return new TikTokUser
        {
            Id = fields.RequiredString("id"),
            ProfileUrl = fields.RequiredString("url"),
            EntityId = fields.RequiredString("entityId"),
            DisplayName = fields.RequiredString("name"),
            Username = fields.RequiredString("preferredUsername"),
            Bio = fields.OptionalString("summary"),
            Links = ReadLinks(fields),
            Created = fields.OptionalDate("published"),
            IsPrivate = fields.RequiredBoolean("isPrivate"),
            IsVerified = fields.RequiredBoolean("isVerified"),
            IsLive = fields.RequiredBoolean("isLive"),
            HasPublicLikes = fields.OptionalBoolean("hasLikes"),
            HasPlaylists = fields.OptionalBoolean("hasPlaylists"),
            FollowerCount = fields.RequiredInt64("followerCount"),
            FollowingCount = fields.RequiredInt64("followingCount"),
            LikeCount = fields.RequiredInt64("likeCount"),
            LikedCount = fields.OptionalInt64("likedCount"),
            PostCount = fields.RequiredInt64("mediaCount"),
            Language = fields.OptionalString("language"),
            Avatar = fields.OptionalObject("icon") is JsonElement icon ? ReadImage(icon, "icon", fields) : null,
            Images = ReadImages(fields),
        };
    }

    private static TikTokLinkCollection ReadLinks(FieldReader fields)
    {
        var links = ReadArray(fields, "attachment", (item, name) =>
        {
            var link = fields.Nested(item, name);
            return new TikTokLink(link.RequiredString("href"), link.OptionalString("rel"));
        });
        return links is null ? TikTokLinkCollection.Empty : new TikTokLinkCollection(links);
    }

    private static TikTokImageCollection ReadImages(FieldReader fields)
    {
        var images = ReadArray(fields, "image", (item, name) => ReadImage(item, name, fields));
        return images is null ? TikTokImageCollection.Empty : new TikTokImageCollection(images);
    }

    /// <summary>Reads each element of an optional array; null when the array is absent.</summary>
    private static List<T>? ReadArray<T>(FieldReader fields, string name, Func<JsonElement, string, T> read)
    {
        if (fields.OptionalArray(name) is not JsonElement array)
        {
            return null;
        }

        var items = new List<T>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            items.Add(read(item, name + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]"));
        }

        return items;
    }

    private static TikTokImage ReadImage(JsonElement element, string name, FieldReader parent)
    {
        var image = parent.Nested(element, name);
        return new TikTokImage(image.RequiredString("url"), image.OptionalInt32("width"), image.OptionalInt32("height"));
    }
}
