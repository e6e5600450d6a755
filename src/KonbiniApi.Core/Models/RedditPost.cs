using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A Reddit post (an ActivityStreams <c>Note</c>): its title and text, score, comments, author, subreddit and media.</summary>
public sealed class RedditPost : IListedItem
{
    /// <summary>Reddit's post ID without <c>t3_</c> (<c>entityId</c>); what -PostId takes.</summary>
    [JsonPropertyName("entityId")]
    public string? PostId { get; set; }

    /// <summary>The title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Title { get; set; }

    /// <summary>The body text (<c>content</c>); null for a link or media post.</summary>
    [JsonPropertyName("content")]
    public string? Text { get; set; }

    /// <summary>The subreddit it was posted in (from its permalink); what -Subreddit takes.</summary>
    [JsonIgnore]
    public string? Subreddit => RedditPermalink.Subreddit(Url);

    /// <summary>Who posted it (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public RedditUser? Author { get; set; }

    /// <summary>The author's username, for tables, CSV and piping into -Username.</summary>
    [JsonIgnore]
    public string? AuthorUsername => Author?.Username;

    /// <summary>When it was posted (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Published { get; set; }

    /// <summary>Upvotes (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    [JsonRequired]
    public long LikeCount { get; set; }

    /// <summary>The net score, upvotes minus downvotes (<c>voteCount</c>).</summary>
    [JsonPropertyName("voteCount")]
    public long? Score { get; set; }

    /// <summary>Comments (<c>commentCount</c>).</summary>
    [JsonPropertyName("commentCount")]
    public long? CommentCount { get; set; }

    /// <summary>Crossposts (<c>shareCount</c>); Get-KonbiniRedditPost -Duplicates lists them.</summary>
    [JsonPropertyName("shareCount")]
    public long? CrosspostCount { get; set; }

    /// <summary>Whether it was edited (<c>isEdited</c>).</summary>
    [JsonPropertyName("isEdited")]
    public bool? IsEdited { get; set; }

    /// <summary>Whether it is locked to new comments (<c>isLocked</c>).</summary>
    [JsonPropertyName("isLocked")]
    public bool? IsLocked { get; set; }

    /// <summary>Whether it is marked original content (<c>isOriginal</c>).</summary>
    [JsonPropertyName("isOriginal")]
    public bool? IsOriginal { get; set; }

    /// <summary>Whether the moderators stuck it to the top (<c>isPinned</c>).</summary>
    [JsonPropertyName("isPinned")]
    public bool? IsPinned { get; set; }

    /// <summary>Whether it is promoted (<c>isSponsored</c>).</summary>
    [JsonPropertyName("isSponsored")]
    public bool? IsSponsored { get; set; }

    /// <summary>Whether it is marked adult (<c>isAdult</c>).</summary>
    [JsonPropertyName("isAdult")]
    public bool? IsAdult { get; set; }

    /// <summary>Whether it is marked as a spoiler (<c>isSpoiler</c>).</summary>
    [JsonPropertyName("isSpoiler")]
    public bool? IsSpoiler { get; set; }

    /// <summary>Whether search engines may show it (<c>isSearchable</c>).</summary>
    [JsonPropertyName("isSearchable")]
    public bool? IsSearchable { get; set; }

    /// <summary>The subreddit and flair tags (<c>tag</c>).</summary>
    [JsonPropertyName("tag")]
    public ItemList<RedditTag> Tags { get; set; } = new();

    /// <summary>The thumbnail (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public RedditImage? Thumbnail { get; set; }

    /// <summary>Preview images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public RedditImageCollection Images { get; set; } = new();

    /// <summary>Images, videos and links the post carries (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<RedditAttachment> Attachments { get; set; } = new();

    /// <summary>The post this one crossposts (<c>quote</c>).</summary>
    [JsonPropertyName("quote")]
    public RedditPost? Crosspost { get; set; }

    /// <summary>The ID of the crossposted post, for tables and CSV.</summary>
    [JsonIgnore]
    public string? CrosspostOf => Crosspost?.PostId;

    /// <summary>The permalink (<c>url</c>).</summary>
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

/// <summary>A subreddit or flair tag of a post (an ActivityStreams <c>Tag</c>).</summary>
public sealed class RedditTag
{
    /// <summary>The subreddit or flair text (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>The subreddit or flair address (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    public string? Url { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>One thing a post or comment carries: an <c>Image</c>, a <c>Video</c> (its files in several qualities) or a <c>Link</c>.</summary>
public sealed class RedditAttachment
{
    /// <summary>Image, Video or Link (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The media addresses (<c>url</c>: one for an image, one per quality for a video).</summary>
    [JsonPropertyName("url")]
    [JsonConverter(typeof(StringOrListConverter))]
    public ItemList<string> Urls { get; set; } = new();

    /// <summary>A link's address (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    public string? Href { get; set; }

    /// <summary>A link's title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>A link's preview text (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    /// <summary>The format, e.g. <c>video/mp4</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; set; }

    /// <summary>Width in pixels (<c>width</c>).</summary>
    [JsonPropertyName("width")]
    public int? Width { get; set; }

    /// <summary>Height in pixels (<c>height</c>).</summary>
    [JsonPropertyName("height")]
    public int? Height { get; set; }

    /// <summary>A video's length in seconds (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    public double? DurationSeconds { get; set; }

    /// <summary>The link, or the first media address.</summary>
    public override string ToString() => Href ?? (Urls.Count > 0 ? Urls[0] : Type ?? string.Empty);
}
