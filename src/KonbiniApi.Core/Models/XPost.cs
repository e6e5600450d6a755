using System;
using System.Linq;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>An X post (an ActivityStreams <c>Note</c>): its text, counts, author, media, poll, quote and hashtags.</summary>
public sealed class XPost : IListedItem
{
    /// <summary>X's post ID (<c>entityId</c>); what -PostId takes.</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string PostId { get; set; } = string.Empty;

    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string Text { get; set; } = string.Empty;

    /// <summary>When it was posted (<c>published</c>), in UTC, when the API says.</summary>
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

    /// <summary>Views (<c>viewCount</c>).</summary>
    [JsonPropertyName("viewCount")]
    public long? ViewCount { get; set; }

    /// <summary>Reposts (<c>repostCount</c>).</summary>
    [JsonPropertyName("repostCount")]
    public long? RepostCount { get; set; }

    /// <summary>Quote posts (<c>quoteCount</c>).</summary>
    [JsonPropertyName("quoteCount")]
    public long? QuoteCount { get; set; }

    /// <summary>Bookmarks (<c>saveCount</c>).</summary>
    [JsonPropertyName("saveCount")]
    public long? SaveCount { get; set; }

    /// <summary>How the text is written, such as <c>longform</c> for a long post (<c>contentFormat</c>).</summary>
    [JsonPropertyName("contentFormat")]
    public string? ContentFormat { get; set; }

    /// <summary>Whether the post was edited (<c>isEdited</c>).</summary>
    [JsonPropertyName("isEdited")]
    public bool? IsEdited { get; set; }

    /// <summary>The author (<c>attributedTo</c>), when given.</summary>
    [JsonPropertyName("attributedTo")]
    public XUserSummary? Author { get; set; }

    /// <summary>The author's handle, for tables, CSV and piping to Get-KonbiniXUser.</summary>
    [JsonIgnore]
    public string? AuthorUsername => Author?.Username;

    /// <summary>The address of the post this one answers (<c>inReplyTo</c>), when it is a reply.</summary>
    [JsonPropertyName("inReplyTo")]
    public string? InReplyTo { get; set; }

    /// <summary>The post this one quotes (<c>quote</c>), when it quotes one.</summary>
    [JsonPropertyName("quote")]
    public XQuotedPost? Quote { get; set; }

    /// <summary>The ID of the quoted post, for tables and CSV.</summary>
    [JsonIgnore]
    public string? QuotedPostId => Quote?.PostId;

    /// <summary>Thumbnails and photos (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public XImageCollection Images { get; set; } = new();

    /// <summary>Videos, photos, link cards, articles and polls (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public XAttachmentCollection Attachments { get; set; } = new();

    /// <summary>Whether the post carries a photo or a video.</summary>
    [JsonIgnore]
    public bool HasMedia => Attachments.Any(attachment => attachment.IsMedia);

    /// <summary>Hashtags (<c>tag</c>).</summary>
    [JsonPropertyName("tag")]
    public XTagCollection Tags { get; set; } = new();

    /// <summary>The post page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>The community the post was listed from, for posts read with -CommunityId (the API's post carries none).</summary>
    [JsonIgnore]
    public string? CommunityId { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Url;
}

/// <summary>A post quoted inside another (an ActivityStreams <c>Note</c>).</summary>
public sealed class XQuotedPost
{
    /// <summary>X's post ID (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string PostId { get; set; } = string.Empty;

    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string Text { get; set; } = string.Empty;

    /// <summary>When it was posted (<c>published</c>), in UTC.</summary>
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

    /// <summary>How the text is written (<c>contentFormat</c>).</summary>
    [JsonPropertyName("contentFormat")]
    public string? ContentFormat { get; set; }

    /// <summary>The author (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public XUserSummary? Author { get; set; }

    /// <summary>Thumbnails and photos (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public XImageCollection Images { get; set; } = new();

    /// <summary>Media, link cards, articles and polls (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public XAttachmentCollection Attachments { get; set; } = new();

    /// <summary>The post page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>The address, so that a quote prints and exports as itself.</summary>
    public override string ToString() => Url;
}

/// <summary>
/// One attachment of a post. The API sends four shapes, told apart by <c>type</c>: media (<c>Video</c>,
/// <c>Image</c>, ... with file addresses), a link card (<c>Link</c>), an article (<c>Article</c>) and a poll
/// (<c>Question</c>). One class holds them all; what a shape does not have stays null or empty.
/// </summary>
public sealed class XAttachment
{
    /// <summary>The shape: Video, Image, Link, Article, Question (a poll), or another media type (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; set; } = string.Empty;

    /// <summary>The file addresses of media, or the address of an article (<c>url</c>: a list or one address).</summary>
    [JsonPropertyName("url")]
    [JsonConverter(typeof(StringOrListConverter))]
    public ItemList<string> Urls { get; set; } = new();

    /// <summary>Where a link card points (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    public string? Href { get; set; }

    /// <summary>The title of a link card or an article (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The summary of a link card or an article (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    /// <summary>X's ID of an article (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? EntityId { get; set; }

    /// <summary>The format of a media file, e.g. <c>video/mp4</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; set; }

    /// <summary>Width in pixels (<c>width</c>).</summary>
    [JsonPropertyName("width")]
    public int? Width { get; set; }

    /// <summary>Height in pixels (<c>height</c>).</summary>
    [JsonPropertyName("height")]
    public int? Height { get; set; }

    /// <summary>Bits per second of a video (<c>bitrate</c>).</summary>
    [JsonPropertyName("bitrate")]
    public long? Bitrate { get; set; }

    /// <summary>Length of a video in seconds (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    public double? DurationSeconds { get; set; }

    /// <summary>Preview images of a link card or an article (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public XImageCollection Images { get; set; } = new();

    /// <summary>The choices of a poll, with their votes (<c>oneOf</c>).</summary>
    [JsonPropertyName("oneOf")]
    public XPollOptionCollection PollOptions { get; set; } = new();

    /// <summary>People who voted in a poll (<c>voterCount</c>).</summary>
    [JsonPropertyName("voterCount")]
    public long? VoterCount { get; set; }

    /// <summary>When a poll closes or closed (<c>closed</c>), in UTC.</summary>
    [JsonPropertyName("closed")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Closed { get; set; }

    /// <summary>Whether this is a photo, video or other media file rather than a card, an article or a poll.</summary>
    [JsonIgnore]
    public bool IsMedia => Type is not ("Link" or "Article" or "Question");

    /// <summary>What the attachment is, in one piece of text: its first address, its link, or the poll's choices.</summary>
    public override string ToString() => Type switch
    {
        "Question" => "poll: " + string.Join(" / ", PollOptions.Select(option => option.Name)),
        "Link" => Href ?? Name ?? Type,
        _ => Urls.Count > 0 ? Urls[0] : Name ?? Type,
    };
}

/// <summary>One choice of a poll.</summary>
public sealed class XPollOption
{
    /// <summary>The choice's text (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>Votes for it (<c>voteCount</c>), when shown.</summary>
    [JsonPropertyName("voteCount")]
    public long? VoteCount { get; set; }

    /// <inheritdoc />
    public override string ToString() => VoteCount is long votes ? Name + " (" + votes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")" : Name;
}

/// <summary>Post attachments; prints as what each one is, separated by spaces.</summary>
public sealed class XAttachmentCollection : ItemList<XAttachment>
{
}

/// <summary>Poll choices; prints as their texts and votes.</summary>
public sealed class XPollOptionCollection : ItemList<XPollOption>
{
}
