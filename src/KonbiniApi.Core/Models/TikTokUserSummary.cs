using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>
/// A TikTok account as lists show it: followers, following, search results, a video's author. Fewer
/// members are certain than on a profile lookup, so the counts may be absent.
/// </summary>
public sealed class TikTokUserSummary : IListedItem
{
    /// <summary>The handle without <c>@</c> (<c>preferredUsername</c>), when the list gives it.</summary>
    [JsonPropertyName("preferredUsername")]
    public string? Username { get; set; }

    /// <summary>The display name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? DisplayName { get; set; }

    /// <summary>Person, or Organization for business accounts (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The bio text (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public string? Bio { get; set; }

    /// <summary>Links in the bio (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public TikTokLinkCollection Links { get; set; } = new();

    /// <summary>When the account was created (<c>published</c>), in UTC.</summary>
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

    /// <summary>Whether the user was live when listed.</summary>
    [JsonPropertyName("isLive")]
    public bool? IsLive { get; set; }

    /// <summary>Followers (<c>followerCount</c>).</summary>
    [JsonPropertyName("followerCount")]
    public long? FollowerCount { get; set; }

    /// <summary>Accounts this user follows (<c>followingCount</c>).</summary>
    [JsonPropertyName("followingCount")]
    public long? FollowingCount { get; set; }

    /// <summary>Likes received (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    public long? LikeCount { get; set; }

    /// <summary>Videos this user has liked (<c>likedCount</c>).</summary>
    [JsonPropertyName("likedCount")]
    public long? LikedCount { get; set; }

    /// <summary>Posts on the profile (<c>mediaCount</c>).</summary>
    [JsonPropertyName("mediaCount")]
    public long? PostCount { get; set; }

    /// <summary>Whether the user's liked videos are public (<c>hasLikes</c>).</summary>
    [JsonPropertyName("hasLikes")]
    public bool? HasPublicLikes { get; set; }

    /// <summary>Whether the user has playlists (<c>hasPlaylists</c>).</summary>
    [JsonPropertyName("hasPlaylists")]
    public bool? HasPlaylists { get; set; }

    /// <summary>The user's language (<c>language</c>).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }

    /// <summary>The profile picture (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public TikTokImage? Avatar { get; set; }

    /// <summary>The profile picture in every size listed (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public TikTokImageCollection Images { get; set; } = new();

    /// <summary>The profile page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string ProfileUrl { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>TikTok's stable identifier, the secUid (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? EntityId { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Username is null ? ProfileUrl : "@" + Username;
}
