using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A story highlight on a profile (an ActivityStreams <c>OrderedCollection</c> of stories).</summary>
public sealed class InstagramHighlight : IListedItem
{
    /// <summary>The highlight's ID as the API gives it, <c>highlight:</c> and digits (<c>entityId</c>); what -HighlightId takes.</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string HighlightId { get; set; } = string.Empty;

    /// <summary>The highlight's title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Title { get; set; }

    /// <summary>Stories in the highlight (<c>totalItems</c>), when known.</summary>
    [JsonPropertyName("totalItems")]
    public long? StoryCount { get; set; }

    /// <summary>Cover images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public ItemList<InstagramImage> Covers { get; set; } = new();

    /// <summary>The highlight page (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Title ?? HighlightId;
}

/// <summary>One story of a highlight: an image or a video, with its files and link stickers.</summary>
public sealed class InstagramStory : IListedItem
{
    /// <summary>The highlight the story was read from (its digits), from the request.</summary>
    [JsonIgnore]
    public string? HighlightId { get; set; }

    /// <summary>Instagram's media ID for the story (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string StoryId { get; set; } = string.Empty;

    /// <summary>Video or Image (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; set; } = string.Empty;

    /// <summary>When it was posted (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Published { get; set; }

    /// <summary>The accessibility caption (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public string? AltText { get; set; }

    /// <summary>Length in seconds, for videos (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    public double? DurationSeconds { get; set; }

    /// <summary>Whether it is a paid partnership (<c>isSponsored</c>).</summary>
    [JsonPropertyName("isSponsored")]
    public bool? IsSponsored { get; set; }

    /// <summary>Whose story it is (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public InstagramAccount? Author { get; set; }

    /// <summary>The author's username, for tables and CSV.</summary>
    [JsonIgnore]
    public string? AuthorUsername => Author?.Username;

    /// <summary>Media files and link stickers (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<InstagramStoryAttachment> Attachments { get; set; } = new();

    /// <summary>The story's images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public ItemList<InstagramImage> Images { get; set; } = new();

    /// <summary>The story's address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Url ?? StoryId;
}

/// <summary>What a story carries: a media file (<c>Video</c>, <c>Image</c>: addresses in Urls) or a link sticker (<c>Link</c>: its Href).</summary>
public sealed class InstagramStoryAttachment
{
    /// <summary>Video, Image or Link (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; set; } = string.Empty;

    /// <summary>A media file's addresses (<c>url</c>); empty for a link.</summary>
    [JsonPropertyName("url")]
    public ItemList<string> Urls { get; set; } = new();

    /// <summary>A link sticker's target (<c>href</c>); null for a media file.</summary>
    [JsonPropertyName("href")]
    public string? Href { get; set; }

    /// <summary>The format, e.g. <c>video/mp4</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; set; }

    /// <summary>Width in pixels (<c>width</c>).</summary>
    [JsonPropertyName("width")]
    public int? Width { get; set; }

    /// <summary>Height in pixels (<c>height</c>).</summary>
    [JsonPropertyName("height")]
    public int? Height { get; set; }

    /// <summary>The link's target, or the file's first address.</summary>
    public override string ToString() => Href ?? (Urls.Count > 0 ? Urls[0] : Type);
}
