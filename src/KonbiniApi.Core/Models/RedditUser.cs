using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>
/// A Reddit account (an ActivityStreams <c>Person</c>): a profile lookup, a search result, or the author of
/// a post or comment. Only the addresses are certain; every other member may be absent.
/// </summary>
public sealed class RedditUser : IListedItem
{
    /// <summary>The username without <c>u/</c> (<c>preferredUsername</c>); what -Username takes.</summary>
    [JsonPropertyName("preferredUsername")]
    public string? Username { get; set; }

    /// <summary>The display name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? DisplayName { get; set; }

    /// <summary>Reddit's account ID, e.g. <c>t2_4x25quk</c> (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? UserId { get; set; }

    /// <summary>The profile text (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public string? Bio { get; set; }

    /// <summary>The label of a distinguished account, e.g. <c>admin</c> (<c>role</c>).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    /// <summary>When the account was created (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Created { get; set; }

    /// <summary>Whether the account is verified (<c>isVerified</c>).</summary>
    [JsonPropertyName("isVerified")]
    public bool? IsVerified { get; set; }

    /// <summary>Whether the account belongs to a Reddit employee (<c>isEmployee</c>).</summary>
    [JsonPropertyName("isEmployee")]
    public bool? IsEmployee { get; set; }

    /// <summary>Whether the account moderates a subreddit (<c>isMod</c>).</summary>
    [JsonPropertyName("isMod")]
    public bool? IsMod { get; set; }

    /// <summary>Whether the account has Reddit Premium (<c>isPremium</c>).</summary>
    [JsonPropertyName("isPremium")]
    public bool? IsPremium { get; set; }

    /// <summary>Whether search engines may show the profile (<c>isSearchable</c>).</summary>
    [JsonPropertyName("isSearchable")]
    public bool? IsSearchable { get; set; }

    /// <summary>Whether the account can be followed (<c>isFollowable</c>).</summary>
    [JsonPropertyName("isFollowable")]
    public bool? IsFollowable { get; set; }

    /// <summary>Whether the profile is marked adult (<c>isAdult</c>).</summary>
    [JsonPropertyName("isAdult")]
    public bool? IsAdult { get; set; }

    /// <summary>Total karma (<c>score</c>).</summary>
    [JsonPropertyName("score")]
    public long? Karma { get; set; }

    /// <summary>Karma from posts (<c>postScore</c>).</summary>
    [JsonPropertyName("postScore")]
    public long? PostKarma { get; set; }

    /// <summary>Karma from comments (<c>commentScore</c>).</summary>
    [JsonPropertyName("commentScore")]
    public long? CommentKarma { get; set; }

    /// <summary>Karma from giving awards (<c>awarderScore</c>).</summary>
    [JsonPropertyName("awarderScore")]
    public long? AwarderKarma { get; set; }

    /// <summary>Karma from receiving awards (<c>awardeeScore</c>).</summary>
    [JsonPropertyName("awardeeScore")]
    public long? AwardeeKarma { get; set; }

    /// <summary>The account's status, e.g. <c>active</c> or <c>suspended</c> (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The profile picture (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public RedditImage? Avatar { get; set; }

    /// <summary>The profile banner (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public RedditImage? Banner { get; set; }

    /// <summary>The profile page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string ProfileUrl { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Username is null ? ProfileUrl : "u/" + Username;
}
