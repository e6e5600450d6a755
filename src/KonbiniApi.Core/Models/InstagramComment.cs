using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A top-level comment on an Instagram post (an ActivityStreams <c>Note</c>).</summary>
public sealed class InstagramComment : IListedItem
{
    /// <summary>The post the comment is on (its shortcode), from the request.</summary>
    [JsonIgnore]
    public string? PostId { get; set; }

    /// <summary>Instagram's comment ID (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string CommentId { get; set; } = string.Empty;

    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string Text { get; set; } = string.Empty;

    /// <summary>Who wrote it (<c>attributedTo</c>). The contract requires it, yet answers have been seen without it, so it may be null.</summary>
    [JsonPropertyName("attributedTo")]
    public InstagramAccount? Author { get; set; }

    /// <summary>The author's username, for tables and CSV.</summary>
    [JsonIgnore]
    public string? AuthorUsername => Author?.Username;

    /// <summary>When it was written (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Published { get; set; }

    /// <summary>Likes (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    [JsonRequired]
    public long LikeCount { get; set; }

    /// <summary>Replies (<c>replyCount</c>).</summary>
    [JsonPropertyName("replyCount")]
    [JsonRequired]
    public long ReplyCount { get; set; }

    /// <summary>The post's address (<c>inReplyTo</c>).</summary>
    [JsonPropertyName("inReplyTo")]
    [JsonRequired]
    public string InReplyTo { get; set; } = string.Empty;

    /// <summary>The comment's address (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
