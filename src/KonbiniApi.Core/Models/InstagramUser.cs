using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>An Instagram account as KonbiniAPI describes it (an ActivityStreams <c>Person</c>), with names a PowerShell user would guess.</summary>
public sealed class InstagramUser
{
    /// <summary>The username without <c>@</c> (<c>preferredUsername</c>).</summary>
    [JsonPropertyName("preferredUsername")]
    [JsonRequired]
    public string Username { get; set; } = string.Empty;

    /// <summary>The display name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The bio text (<c>summary</c>), or null when there is none.</summary>
    [JsonPropertyName("summary")]
    public string? Bio { get; set; }

    /// <summary>Links on the profile (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<InstagramLink> Links { get; set; } = new();

    /// <summary>Whether the account is private.</summary>
    [JsonPropertyName("isPrivate")]
    [JsonRequired]
    public bool IsPrivate { get; set; }

    /// <summary>Whether the account carries the verified badge.</summary>
    [JsonPropertyName("isVerified")]
    [JsonRequired]
    public bool IsVerified { get; set; }

    /// <summary>Whether the badge is a paid one (<c>isPaidVerified</c>).</summary>
    [JsonPropertyName("isPaidVerified")]
    [JsonRequired]
    public bool IsPaidVerified { get; set; }

    /// <summary>Whether business features are on (<c>isBusiness</c>).</summary>
    [JsonPropertyName("isBusiness")]
    [JsonRequired]
    public bool IsBusiness { get; set; }

    /// <summary>Whether professional (creator) features are on (<c>isProfessional</c>).</summary>
    [JsonPropertyName("isProfessional")]
    [JsonRequired]
    public bool IsProfessional { get; set; }

    /// <summary>The business or creator category, such as <c>Public figure</c> (<c>category</c>).</summary>
    [JsonPropertyName("category")]
    public string? Category { get; set; }

    /// <summary>The pronouns on the profile (<c>pronouns</c>).</summary>
    [JsonPropertyName("pronouns")]
    public ItemList<string> Pronouns { get; set; } = new();

    /// <summary>Whether the account has video content (<c>hasVideos</c>).</summary>
    [JsonPropertyName("hasVideos")]
    [JsonRequired]
    public bool HasVideos { get; set; }

    /// <summary>Whether the account has a broadcast channel (<c>hasChannel</c>).</summary>
    [JsonPropertyName("hasChannel")]
    [JsonRequired]
    public bool HasChannel { get; set; }

    /// <summary>Whether the account posts on Threads (<c>hasMicroblog</c>).</summary>
    [JsonPropertyName("hasMicroblog")]
    [JsonRequired]
    public bool HasThreads { get; set; }

    /// <summary>Followers (<c>followerCount</c>).</summary>
    [JsonPropertyName("followerCount")]
    [JsonRequired]
    public long FollowerCount { get; set; }

    /// <summary>Accounts this user follows (<c>followingCount</c>).</summary>
    [JsonPropertyName("followingCount")]
    [JsonRequired]
    public long FollowingCount { get; set; }

    /// <summary>Posts on the profile (<c>mediaCount</c>).</summary>
    [JsonPropertyName("mediaCount")]
    [JsonRequired]
    public long PostCount { get; set; }

    /// <summary>Reels on the profile (<c>videoCount</c>).</summary>
    [JsonPropertyName("videoCount")]
    [JsonRequired]
    public long ReelCount { get; set; }

    /// <summary>Story highlights on the profile (<c>highlightCount</c>).</summary>
    [JsonPropertyName("highlightCount")]
    [JsonRequired]
    public long HighlightCount { get; set; }

    /// <summary>The profile picture (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public InstagramImage? Avatar { get; set; }

    /// <summary>The profile picture in every size listed (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public ItemList<InstagramImage> Images { get; set; } = new();

    /// <summary>The profile page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string ProfileUrl { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>); the profile page too.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>Instagram's numeric account ID (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string UserId { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => "@" + Username;
}

/// <summary>An Instagram account as posts, comments and stories embed it: author, collaborator.</summary>
public sealed class InstagramAccount
{
    /// <summary>The username without <c>@</c> (<c>preferredUsername</c>).</summary>
    [JsonPropertyName("preferredUsername")]
    [JsonRequired]
    public string Username { get; set; } = string.Empty;

    /// <summary>The display name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? DisplayName { get; set; }

    /// <summary>The role on a shared post, such as <c>collaborator</c> (<c>role</c>).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>The profile picture (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public InstagramImage? Avatar { get; set; }

    /// <summary>The profile page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string ProfileUrl { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>Instagram's numeric account ID (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string UserId { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => "@" + Username;
}

/// <summary>A link on a profile or a story sticker (an ActivityStreams <c>Link</c>).</summary>
public sealed class InstagramLink
{
    /// <summary>Where the link points (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The relation hint, such as <c>preferred</c> (<c>rel</c>).</summary>
    [JsonPropertyName("rel")]
    public string? Rel { get; set; }

    /// <inheritdoc />
    public override string ToString() => Url;
}

/// <summary>An image (an ActivityStreams <c>Image</c>) with its size when known.</summary>
public sealed class InstagramImage
{
    /// <summary>The image address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>Width in pixels (<c>width</c>).</summary>
    [JsonPropertyName("width")]
    public int? Width { get; set; }

    /// <summary>Height in pixels (<c>height</c>).</summary>
    [JsonPropertyName("height")]
    public int? Height { get; set; }

    /// <inheritdoc />
    public override string ToString() => Url;
}
