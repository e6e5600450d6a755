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
        if (fields.OptionalArray("attachment") is not JsonElement array)
        {
            return TikTokLinkCollection.Empty;
        }

        var links = new List<TikTokLink>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var name = "attachment[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            var link = fields.Nested(item, name);
            links.Add(new TikTokLink(link.RequiredString("href"), link.OptionalString("rel")));
            index++;
        }

        return new TikTokLinkCollection(links);
    }

    private static TikTokImageCollection ReadImages(FieldReader fields)
    {
        if (fields.OptionalArray("image") is not JsonElement array)
        {
            return TikTokImageCollection.Empty;
        }

        var images = new List<TikTokImage>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            images.Add(ReadImage(item, "image[" + index.ToString(CultureInfo.InvariantCulture) + "]", fields));
            index++;
        }

        return new TikTokImageCollection(images);
    }

    private static TikTokImage ReadImage(JsonElement element, string name, FieldReader parent)
    {
        var image = parent.Nested(element, name);
        return new TikTokImage(image.RequiredString("url"), image.OptionalInt32("width"), image.OptionalInt32("height"));
    }
}
