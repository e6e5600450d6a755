using System;
using System.Text.Json.Serialization;
using KonbiniApi.Input;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>
/// A LinkedIn post (an ActivityStreams <c>Note</c>): looked up by ID, or listed from a member's recent posts
/// or a company page. A lookup carries the most (images, a video, a few comments); lists may leave counts,
/// dates and even the address out, so every member but the text may be absent.
/// </summary>
public sealed class LinkedInPost : IListedItem
{
    private string? postId;

    /// <summary>
    /// The numeric activity ID (<c>entityId</c>), what -PostId takes; read from the post's address when the
    /// list leaves <c>entityId</c> out.
    /// </summary>
    [JsonPropertyName("entityId")]
    public string? PostId
    {
        get => postId ?? (Url is { Length: > 0 } url && LinkedInIdentifiers.PostId.TryParse(url, out var fromUrl, out _) ? fromUrl : null);
        set => postId = value;
    }

    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string Text { get; set; } = string.Empty;

    /// <summary>When it was posted (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Published { get; set; }

    /// <summary>Reactions (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    public long? LikeCount { get; set; }

    /// <summary>Comments on the post (<c>replyCount</c>).</summary>
    [JsonPropertyName("replyCount")]
    public long? CommentCount { get; set; }

    /// <summary>The member or company that posted it (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public LinkedInAuthor? Author { get; set; }

    /// <summary>The author's vanity name, for tables, CSV and chains (a member's goes to -Username, a company's to -Company).</summary>
    [JsonIgnore]
    public string? AuthorUsername => Author?.Username;

    /// <summary>The author's display name.</summary>
    [JsonIgnore]
    public string? AuthorName => Author?.Name;

    /// <summary>Thumbnails and pictures (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public ItemList<LinkedInImage> Images { get; set; } = new();

    /// <summary>The video, when the post has one (<c>attachment</c>); only a lookup by ID gives it.</summary>
    [JsonPropertyName("attachment")]
    public ItemList<LinkedInVideo> Videos { get; set; } = new();

    /// <summary>Whether the post has a video (which may have a transcript: Get-KonbiniLinkedInTranscript).</summary>
    [JsonIgnore]
    public bool HasVideo => Videos.Count > 0;

    /// <summary>
    /// The first few comments (<c>replies</c>): LinkedIn shows about five without signing in, so this is
    /// never the whole thread. Only a lookup by ID gives them.
    /// </summary>
    [JsonPropertyName("replies")]
    public ItemList<LinkedInComment> Comments { get; set; } = new();

    /// <summary>The post's address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The ActivityStreams id, the same address (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Url ?? PostId ?? Text;
}

/// <summary>A comment shown with a post (an ActivityStreams <c>Note</c>).</summary>
public sealed class LinkedInComment
{
    /// <summary>The text (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string Text { get; set; } = string.Empty;

    /// <summary>Who wrote it (<c>attributedTo</c>); often only a name.</summary>
    [JsonPropertyName("attributedTo")]
    public LinkedInAuthor? Author { get; set; }

    /// <summary>When it was written (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Published { get; set; }

    /// <summary>Reactions (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    public long? LikeCount { get; set; }

    /// <summary>The text, for tables and CSV.</summary>
    public override string ToString() => Text;
}

/// <summary>A post's video (an ActivityStreams <c>Video</c> attachment): its files, size, length and cover.</summary>
public sealed class LinkedInVideo
{
    /// <summary>The addresses of the file (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public ItemList<string> Urls { get; set; } = new();

    /// <summary>The format, e.g. <c>video/mp4</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; set; }

    /// <summary>Width in pixels (<c>width</c>).</summary>
    [JsonPropertyName("width")]
    public int? Width { get; set; }

    /// <summary>Height in pixels (<c>height</c>).</summary>
    [JsonPropertyName("height")]
    public int? Height { get; set; }

    /// <summary>Length in seconds (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    public double? DurationSeconds { get; set; }

    /// <summary>The cover image (<c>preview</c>).</summary>
    [JsonPropertyName("preview")]
    public LinkedInImage? Preview { get; set; }

    /// <summary>The first address, so that a video prints and exports as itself.</summary>
    public override string ToString() => Urls.Count > 0 ? Urls[0] : string.Empty;
}
