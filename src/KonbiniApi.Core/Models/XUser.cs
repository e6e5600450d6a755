using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>An X (Twitter) account as KonbiniAPI describes it (an ActivityStreams <c>Person</c>): its profile, flags and counts.</summary>
public sealed class XUser
{
    /// <summary>The handle without <c>@</c> (<c>preferredUsername</c>).</summary>
    [JsonPropertyName("preferredUsername")]
    [JsonRequired]
    public string Username { get; set; } = string.Empty;

    /// <summary>The display name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The bio text (<c>summary</c>), or null when the account has none.</summary>
    [JsonPropertyName("summary")]
    public string? Bio { get; set; }

    /// <summary>The links on the profile (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public XLinkCollection Links { get; set; } = new();

    /// <summary>Where the account says it is (<c>location</c>).</summary>
    [JsonPropertyName("location")]
    public string? Location { get; set; }

    /// <summary>When the account was created (<c>published</c>), in UTC, when the API says.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Created { get; set; }

    /// <summary>Whether the account's posts are protected (<c>isPrivate</c>).</summary>
    [JsonPropertyName("isPrivate")]
    [JsonRequired]
    public bool IsPrivate { get; set; }

    /// <summary>Whether the account has the legacy verified badge (<c>isVerified</c>).</summary>
    [JsonPropertyName("isVerified")]
    [JsonRequired]
    public bool IsVerified { get; set; }

    /// <summary>Whether the account is verified through a paid X Premium subscription (<c>isPaidVerified</c>).</summary>
    [JsonPropertyName("isPaidVerified")]
    [JsonRequired]
    public bool IsPaidVerified { get; set; }

    /// <summary>Followers (<c>followerCount</c>).</summary>
    [JsonPropertyName("followerCount")]
    [JsonRequired]
    public long FollowerCount { get; set; }

    /// <summary>Accounts this user follows (<c>followingCount</c>).</summary>
    [JsonPropertyName("followingCount")]
    [JsonRequired]
    public long FollowingCount { get; set; }

    /// <summary>Posts this user has liked (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    [JsonRequired]
    public long LikeCount { get; set; }

    /// <summary>Public posts (<c>postCount</c>).</summary>
    [JsonPropertyName("postCount")]
    [JsonRequired]
    public long PostCount { get; set; }

    /// <summary>Posts with photos or videos (<c>mediaCount</c>).</summary>
    [JsonPropertyName("mediaCount")]
    [JsonRequired]
    public long MediaCount { get; set; }

    /// <summary>Public X Lists the account is on (<c>listedCount</c>), when the API says.</summary>
    [JsonPropertyName("listedCount")]
    public long? ListedCount { get; set; }

    /// <summary>The profile picture (<c>icon</c>), when there is one.</summary>
    [JsonPropertyName("icon")]
    public XImage? Avatar { get; set; }

    /// <summary>The banner and other profile images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public XImageCollection Images { get; set; } = new();

    /// <summary>The profile page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string ProfileUrl { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>); for X users, the profile page too.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>X's numeric user ID (<c>entityId</c>), which stays the same when the handle changes.</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string UserId { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => "@" + Username;
}

/// <summary>
/// An X account as a post or a community embeds it (its author, its creator). Only the type and the
/// addresses are certain; the rest may be absent.
/// </summary>
public sealed class XUserSummary
{
    /// <summary>The handle without <c>@</c> (<c>preferredUsername</c>), when given.</summary>
    [JsonPropertyName("preferredUsername")]
    public string? Username { get; set; }

    /// <summary>The display name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? DisplayName { get; set; }

    /// <summary>The bio text (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public string? Bio { get; set; }

    /// <summary>The links on the profile (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public XLinkCollection Links { get; set; } = new();

    /// <summary>Where the account says it is (<c>location</c>).</summary>
    [JsonPropertyName("location")]
    public string? Location { get; set; }

    /// <summary>Whether the account's posts are protected (<c>isPrivate</c>).</summary>
    [JsonPropertyName("isPrivate")]
    public bool? IsPrivate { get; set; }

    /// <summary>Whether the account has the legacy verified badge (<c>isVerified</c>).</summary>
    [JsonPropertyName("isVerified")]
    public bool? IsVerified { get; set; }

    /// <summary>Whether the account is verified through X Premium (<c>isPaidVerified</c>).</summary>
    [JsonPropertyName("isPaidVerified")]
    public bool? IsPaidVerified { get; set; }

    /// <summary>Followers (<c>followerCount</c>).</summary>
    [JsonPropertyName("followerCount")]
    public long? FollowerCount { get; set; }

    /// <summary>Accounts this user follows (<c>followingCount</c>).</summary>
    [JsonPropertyName("followingCount")]
    public long? FollowingCount { get; set; }

    /// <summary>Posts this user has liked (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    public long? LikeCount { get; set; }

    /// <summary>Public posts (<c>postCount</c>).</summary>
    [JsonPropertyName("postCount")]
    public long? PostCount { get; set; }

    /// <summary>Posts with photos or videos (<c>mediaCount</c>).</summary>
    [JsonPropertyName("mediaCount")]
    public long? MediaCount { get; set; }

    /// <summary>Public X Lists the account is on (<c>listedCount</c>).</summary>
    [JsonPropertyName("listedCount")]
    public long? ListedCount { get; set; }

    /// <summary>The profile picture (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public XImage? Avatar { get; set; }

    /// <summary>The profile page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string ProfileUrl { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>X's numeric user ID (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? UserId { get; set; }

    /// <inheritdoc />
    public override string ToString() => Username is null ? ProfileUrl : "@" + Username;
}
