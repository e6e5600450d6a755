using System;
using System.Collections.Generic;

namespace KonbiniApi.Emulator;

internal sealed record ProfileLink(string Href, string? Rel);

internal sealed record ProfileImage(string Url, int? Width, int? Height);

/// <summary>A TikTok user as the emulator serves it; null members are left out of the JSON.</summary>
internal sealed record TikTokProfile
{
    public required string Username { get; init; }

    public required string EntityId { get; init; }

    public required string Name { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<ProfileLink>? Links { get; init; }

    public DateTimeOffset? Published { get; init; }

    public bool IsPrivate { get; init; }

    public bool IsVerified { get; init; }

    public bool IsLive { get; init; }

    public bool? HasLikes { get; init; }

    public bool? HasPlaylists { get; init; }

    public long FollowerCount { get; init; }

    public long FollowingCount { get; init; }

    public string? Language { get; init; }

    public long LikeCount { get; init; }

    public long? LikedCount { get; init; }

    public long MediaCount { get; init; }

    public ProfileImage? Icon { get; init; }

    public IReadOnlyList<ProfileImage>? Images { get; init; }

    public Uri ProfileUrl => new(ProfileUrlText);

    /// <summary>The profile URL as text, without building a Uri: handles are checked letters, digits, '.' and
    /// '_', which a Uri would leave as they are, and every item on a page writes one.</summary>
    public string ProfileUrlText => "https://www.tiktok.com/@" + Username;

    /// <summary>The same account with every optional member removed.</summary>
    public TikTokProfile WithoutOptionalFields() => this with
    {
        Summary = null,
        Links = null,
        Published = null,
        HasLikes = null,
        HasPlaylists = null,
        Language = null,
        LikedCount = null,
        Icon = null,
        Images = null,
    };
}
