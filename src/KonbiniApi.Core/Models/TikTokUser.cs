using System;

namespace KonbiniApi.Models;

/// <summary>
/// A TikTok account as KonbiniAPI describes it (an ActivityStreams <c>Person</c>), with names a
/// PowerShell user would guess. Plain data: the reader fills it, nothing else happens here.
/// </summary>
public sealed class TikTokUser
{
    /// <summary>The handle without <c>@</c> (<c>preferredUsername</c>).</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>The display name (<c>name</c>).</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The bio text (<c>summary</c>), or null when the account has none.</summary>
    public string? Bio { get; set; }

    /// <summary>Links in the bio (<c>attachment</c>); empty when there are none.</summary>
    public TikTokLinkCollection Links { get; set; } = TikTokLinkCollection.Empty;

    /// <summary>When the account was created (<c>published</c>), in UTC, when the API says.</summary>
    public DateTime? Created { get; set; }

    /// <summary>Whether the account is private.</summary>
    public bool IsPrivate { get; set; }

    /// <summary>Whether the account carries TikTok's verified badge.</summary>
    public bool IsVerified { get; set; }

    /// <summary>Whether the user was streaming live when looked up.</summary>
    public bool IsLive { get; set; }

    /// <summary>Whether the user's liked videos are public (<c>hasLikes</c>), when the API says.</summary>
    public bool? HasPublicLikes { get; set; }

    /// <summary>Whether the user has playlists (<c>hasPlaylists</c>), when the API says.</summary>
    public bool? HasPlaylists { get; set; }

    /// <summary>Followers (<c>followerCount</c>).</summary>
    public long FollowerCount { get; set; }

    /// <summary>Accounts this user follows (<c>followingCount</c>).</summary>
    public long FollowingCount { get; set; }

    /// <summary>Likes received across all content (<c>likeCount</c>); can pass 2^31.</summary>
    public long LikeCount { get; set; }

    /// <summary>Videos this user has liked (<c>likedCount</c>), when the API says.</summary>
    public long? LikedCount { get; set; }

    /// <summary>Posts on the profile (<c>mediaCount</c>).</summary>
    public long PostCount { get; set; }

    /// <summary>The user's language as a BCP 47 tag (<c>language</c>), when the API says.</summary>
    public string? Language { get; set; }

    /// <summary>The profile picture (<c>icon</c>), when there is one.</summary>
    public TikTokImage? Avatar { get; set; }

    /// <summary>The profile picture in every size the API lists (<c>image</c>).</summary>
    public TikTokImageCollection Images { get; set; } = TikTokImageCollection.Empty;

    /// <summary>The profile page (<c>url</c>).</summary>
    public string ProfileUrl { get; set; } = string.Empty;

    /// <summary>The object's ActivityStreams id (<c>id</c>); for TikTok users, the profile page too.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>TikTok's own stable identifier for the account, the secUid (<c>entityId</c>).</summary>
    public string EntityId { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => "@" + Username;
}
