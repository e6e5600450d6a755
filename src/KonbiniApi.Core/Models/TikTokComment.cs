using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A comment on a TikTok video, or a reply to one (an ActivityStreams <c>Note</c>).</summary>
public sealed class TikTokComment : IListedItem
{
    /// <summary>The video the comment belongs to; with <see cref="CommentId"/> it gives the replies.</summary>
    [JsonIgnore]
    public string? VideoId { get; set; }

    /// <summary>TikTok's comment ID (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? CommentId { get; set; }

    /// <summary>For a reply: the comment it answers. Null for a comment on the video itself.</summary>
    [JsonIgnore]
    public string? ParentCommentId { get; set; }

    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string Text { get; set; } = string.Empty;

    /// <summary>Who wrote it (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public TikTokUserSummary? Author { get; set; }

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
    public long? ReplyCount { get; set; }

    /// <summary>The text's language (<c>language</c>).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }

    /// <summary>Whether the creator pinned it (<c>isPinned</c>).</summary>
    [JsonPropertyName("isPinned")]
    public bool? IsPinned { get; set; }

    /// <summary>Whether the creator liked it (<c>isLiked</c>).</summary>
    [JsonPropertyName("isLiked")]
    public bool? IsLiked { get; set; }

    /// <summary>TikTok's moderation status code (<c>status</c>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>What it answers: the video's or the parent comment's address (<c>inReplyTo</c>).</summary>
    [JsonPropertyName("inReplyTo")]
    public string? InReplyTo { get; set; }

    /// <summary>The comment's address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
