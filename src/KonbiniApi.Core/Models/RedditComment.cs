using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A Reddit comment (an ActivityStreams <c>Note</c>): on a post, or a reply to another comment.</summary>
public sealed class RedditComment : IListedItem
{
    /// <summary>Reddit's comment ID without <c>t1_</c> (<c>entityId</c>); with <see cref="PostId"/> it gives the comment and its replies.</summary>
    [JsonPropertyName("entityId")]
    public string? CommentId { get; set; }

    /// <summary>The post the comment is on (from its permalink).</summary>
    [JsonIgnore]
    public string? PostId => RedditPermalink.Post(Url ?? Id);

    /// <summary>The subreddit of that post (from its permalink).</summary>
    [JsonIgnore]
    public string? Subreddit => RedditPermalink.Subreddit(Url ?? Id);

    /// <summary>For a reply: the comment it answers (from <c>inReplyTo</c>); null for a comment on the post itself.</summary>
    [JsonIgnore]
    public string? ParentCommentId => RedditPermalink.Comment(InReplyTo);

    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string Text { get; set; } = string.Empty;

    /// <summary>Who wrote it (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public RedditUser? Author { get; set; }

    /// <summary>The author's username, for tables, CSV and piping into -Username.</summary>
    [JsonIgnore]
    public string? AuthorUsername => Author?.Username;

    /// <summary>When it was written (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Published { get; set; }

    /// <summary>Upvotes (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    [JsonRequired]
    public long LikeCount { get; set; }

    /// <summary>The net score (<c>voteCount</c>).</summary>
    [JsonPropertyName("voteCount")]
    public long? Score { get; set; }

    /// <summary>Whether it has replies to list (<c>hasReplies</c>).</summary>
    [JsonPropertyName("hasReplies")]
    public bool? HasReplies { get; set; }

    /// <summary>Whether the moderators stuck it to the top (<c>isPinned</c>).</summary>
    [JsonPropertyName("isPinned")]
    public bool? IsPinned { get; set; }

    /// <summary>Whether it is promoted (<c>isSponsored</c>).</summary>
    [JsonPropertyName("isSponsored")]
    public bool? IsSponsored { get; set; }

    /// <summary>What it answers: the post's or the parent comment's permalink (<c>inReplyTo</c>).</summary>
    [JsonPropertyName("inReplyTo")]
    public string? InReplyTo { get; set; }

    /// <summary>The main image (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public RedditImage? Image { get; set; }

    /// <summary>Images in the comment (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public RedditImageCollection Attachments { get; set; } = new();

    /// <summary>The permalink (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The ActivityStreams id (<c>id</c>), the permalink.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
