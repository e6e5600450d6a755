using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>
/// A LinkedIn member's public profile (an ActivityStreams <c>Person</c>): headline, location, followers,
/// and the job titles, employers and schools LinkedIn shows anonymously. Parts the member restricts are absent.
/// </summary>
public sealed class LinkedInUser
{
    /// <summary>The vanity name (<c>preferredUsername</c>), as in linkedin.com/in/name: what -Username takes.</summary>
    [JsonPropertyName("preferredUsername")]
    [JsonRequired]
    public string Username { get; set; } = string.Empty;

    /// <summary>The display name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>The headline under the name (<c>summary</c>); null when the member has none.</summary>
    [JsonPropertyName("summary")]
    [JsonRequired]
    [PresentMayBeNull]
    public string? Headline { get; set; }

    /// <summary>Locality, region and country in one line (<c>location</c>).</summary>
    [JsonPropertyName("location")]
    public string? Location { get; set; }

    /// <summary>The same place in parts (<c>address</c>).</summary>
    [JsonPropertyName("address")]
    public LinkedInAddress? Address { get; set; }

    /// <summary>Followers or connections (<c>followerCount</c>).</summary>
    [JsonPropertyName("followerCount")]
    public long? FollowerCount { get; set; }

    /// <summary>Job titles held (<c>role</c>), without those LinkedIn redacts.</summary>
    [JsonPropertyName("role")]
    public LinkedInNameList Roles { get; set; } = new();

    /// <summary>Employers (<c>affiliation</c>), without those LinkedIn redacts.</summary>
    [JsonPropertyName("affiliation")]
    public LinkedInNameList Employers { get; set; } = new();

    /// <summary>Schools and universities (<c>education</c>), without those LinkedIn redacts.</summary>
    [JsonPropertyName("education")]
    public LinkedInNameList Education { get; set; } = new();

    /// <summary>Languages the member lists (<c>language</c>).</summary>
    [JsonPropertyName("language")]
    public LinkedInNameList Languages { get; set; } = new();

    /// <summary>The profile picture (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public LinkedInImage? Picture { get; set; }

    /// <summary>The profile address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id, the same address (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Username;
}
