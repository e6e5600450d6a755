using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>
/// A TikTok account as KonbiniAPI describes it (an ActivityStreams <c>Person</c>), with names a
/// PowerShell user would guess. Plain data: its attributes say which JSON member fills which property and which are required.
/// </summary>
public sealed class TikTokUser
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

    /// <summary>Links in the bio (<c>attachment</c>); empty when there are none.</summary>
    [JsonPropertyName("attachment")]
    public TikTokLinkCollection Links { get; set; } = new();

    /// <summary>When the account was created (<c>published</c>), in UTC, when the API says.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Created { get; set; }

    /// <summary>Whether the account is private.</summary>
    [JsonPropertyName("isPrivate")]
    [JsonRequired]
    public bool IsPrivate { get; set; }

    /// <summary>Whether the account carries TikTok's verified badge.</summary>
    [JsonPropertyName("isVerified")]
    [JsonRequired]
    public bool IsVerified { get; set; }

    /// <summary>Whether the user was streaming live when looked up.</summary>
    [JsonPropertyName("isLive")]
    [JsonRequired]
    public bool IsLive { get; set; }

    /// <summary>Whether the user's liked videos are public (<c>hasLikes</c>), when the API says.</summary>
    [JsonPropertyName("hasLikes")]
    public bool? HasPublicLikes { get; set; }

    /// <summary>Whether the user has playlists (<c>hasPlaylists</c>), when the API says.</summary>
    [JsonPropertyName("hasPlaylists")]
    public bool? HasPlaylists { get; set; }

    /// <summary>Followers (<c>followerCount</c>).</summary>
    [JsonPropertyName("followerCount")]
    [JsonRequired]
    public long FollowerCount { get; set; }

    /// <summary>Accounts this user follows (<c>followingCount</c>).</summary>
    [JsonPropertyName("followingCount")]
    [JsonRequired]
    public long FollowingCount { get; set; }

    /// <summary>Likes received across all content (<c>likeCount</c>); can pass 2^31.</summary>
    [JsonPropertyName("likeCount")]
    [JsonRequired]
    public long LikeCount { get; set; }

    /// <summary>Videos this user has liked (<c>likedCount</c>), when the API says.</summary>
    [JsonPropertyName("likedCount")]
    public long? LikedCount { get; set; }

    /// <summary>Posts on the profile (<c>mediaCount</c>).</summary>
    [JsonPropertyName("mediaCount")]
    [JsonRequired]
    public long PostCount { get; set; }

    /// <summary>The user's language as a BCP 47 tag (<c>language</c>), when the API says.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }

    /// <summary>The profile picture (<c>icon</c>), when there is one.</summary>
    [JsonPropertyName("icon")]
    public TikTokImage? Avatar { get; set; }

    /// <summary>The profile picture in every size the API lists (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public TikTokImageCollection Images { get; set; } = new();

    /// <summary>The profile page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string ProfileUrl { get; set; } = string.Empty;

    /// <summary>The object's ActivityStreams id (<c>id</c>); for TikTok users, the profile page too.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>TikTok's own stable identifier for the account, the secUid (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string EntityId { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => "@" + Username;
}
