using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A story: a short video that disappears after a day.</summary>
public sealed class TikTokStory : IListedItem
{
    /// <summary>TikTok's ID for the story (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string StoryId { get; set; } = string.Empty;

    /// <summary>The caption (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Description { get; set; }

    /// <summary>When it was posted (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonRequired]
    [JsonConverter(typeof(UtcDateConverter))]
    public DateTime Published { get; set; }

    /// <summary>When it disappears (<c>endTime</c>), in UTC.</summary>
    [JsonPropertyName("endTime")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Expires { get; set; }

    /// <summary>Length in seconds (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    public double? DurationSeconds { get; set; }

    /// <summary>Views (<c>viewCount</c>).</summary>
    [JsonPropertyName("viewCount")]
    [JsonRequired]
    public long ViewCount { get; set; }

    /// <summary>Likes (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    [JsonRequired]
    public long LikeCount { get; set; }

    /// <summary>Comments (<c>commentCount</c>).</summary>
    [JsonPropertyName("commentCount")]
    [JsonRequired]
    public long CommentCount { get; set; }

    /// <summary>Reposts (<c>repostCount</c>).</summary>
    [JsonPropertyName("repostCount")]
    [JsonRequired]
    public long RepostCount { get; set; }

    /// <summary>Shares (<c>shareCount</c>).</summary>
    [JsonPropertyName("shareCount")]
    [JsonRequired]
    public long ShareCount { get; set; }

    /// <summary>Saves (<c>saveCount</c>).</summary>
    [JsonPropertyName("saveCount")]
    [JsonRequired]
    public long SaveCount { get; set; }

    /// <summary>Whose story it is (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public TikTokUserSummary? Author { get; set; }

    /// <summary>The media files (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<TikTokMediaFile> Files { get; set; } = new();

    /// <summary>Cover images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public TikTokImageCollection Images { get; set; } = new();

    /// <summary>The sound (<c>audio</c>).</summary>
    [JsonPropertyName("audio")]
    public TikTokAudio? Audio { get; set; }

    /// <summary>The story's address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Url;
}
