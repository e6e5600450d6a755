using System;
using System.Linq;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>An Instagram post, reel or carousel (an ActivityStreams <c>Video</c> or <c>Image</c>): caption, counts, authors, place, media.</summary>
public sealed class InstagramPost : IListedItem
{
    /// <summary>The shortcode (<c>entityId</c>); what -PostId takes.</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string PostId { get; set; } = string.Empty;

    /// <summary>Video or Image (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; set; } = string.Empty;

    /// <summary>What kind of post, such as <c>reel</c>, <c>video</c>, <c>image</c> or <c>carousel</c> (<c>contentFormat</c>).</summary>
    [JsonPropertyName("contentFormat")]
    public string? ContentFormat { get; set; }

    /// <summary>The caption (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Caption { get; set; }

    /// <summary>When it was posted (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Published { get; set; }

    /// <summary>Likes (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    public long? LikeCount { get; set; }

    /// <summary>Comments (<c>commentCount</c>).</summary>
    [JsonPropertyName("commentCount")]
    public long? CommentCount { get; set; }

    /// <summary>Views, for videos (<c>viewCount</c>).</summary>
    [JsonPropertyName("viewCount")]
    public long? ViewCount { get; set; }

    /// <summary>Length in seconds, for videos (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    public double? DurationSeconds { get; set; }

    /// <summary>The caption's language (<c>language</c>).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }

    /// <summary>Whether the caption was edited (<c>isEdited</c>).</summary>
    [JsonPropertyName("isEdited")]
    public bool? IsEdited { get; set; }

    /// <summary>Whether it is a paid partnership (<c>isSponsored</c>).</summary>
    [JsonPropertyName("isSponsored")]
    public bool? IsSponsored { get; set; }

    /// <summary>The author, and collaborators on a shared post (<c>attributedTo</c>, one account or several).</summary>
    [JsonPropertyName("attributedTo")]
    [JsonConverter(typeof(OneOrManyConverter<InstagramAccount>))]
    public ItemList<InstagramAccount> Authors { get; set; } = new();

    /// <summary>The first author's username, for tables, CSV and file names; null when the answer names no author.</summary>
    [JsonIgnore]
    public string? AuthorUsername => Authors.FirstOrDefault()?.Username;

    /// <summary>The place the post is tagged at (<c>location</c>).</summary>
    [JsonPropertyName("location")]
    public InstagramPlace? Place { get; set; }

    /// <summary>Hashtags and tagged accounts (<c>tag</c>).</summary>
    [JsonPropertyName("tag")]
    public ItemList<InstagramTag> Tags { get; set; } = new();

    /// <summary>The media files (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<InstagramMediaFile> Files { get; set; } = new();

    /// <summary>The post's images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public ItemList<InstagramImage> Images { get; set; } = new();

    /// <summary>The sound (<c>audio</c>).</summary>
    [JsonPropertyName("audio")]
    public InstagramAudio? Audio { get; set; }

    /// <summary>The alt text (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? AltText { get; set; }

    /// <summary>Slides in a carousel (<c>totalItems</c>).</summary>
    [JsonPropertyName("totalItems")]
    public int? SlideCount { get; set; }

    /// <summary>A carousel's slides (<c>items</c>).</summary>
    [JsonPropertyName("items")]
    public ItemList<InstagramSlide> Slides { get; set; } = new();

    /// <summary>The post page (<c>url</c>).</summary>
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

/// <summary>A place (an ActivityStreams <c>Place</c>) a post is tagged at.</summary>
public sealed class InstagramPlace
{
    /// <summary>The place's name or country code (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>The location ID (<c>id</c>); what -LocationId takes.</summary>
    [JsonPropertyName("id")]
    public string? LocationId { get; set; }

    /// <summary>The location page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Latitude in degrees (<c>latitude</c>).</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; set; }

    /// <summary>Longitude in degrees (<c>longitude</c>).</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A hashtag or a tagged account (an ActivityStreams <c>Tag</c>).</summary>
public sealed class InstagramTag
{
    /// <summary>The tag's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>The tag or profile page (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>One media file of a post or a slide: its addresses, format and size.</summary>
public sealed class InstagramMediaFile
{
    /// <summary>Video or Image (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The addresses of the same file (<c>url</c>).</summary>
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

    /// <summary>The first address.</summary>
    public override string ToString() => Urls.Count > 0 ? Urls[0] : string.Empty;
}

/// <summary>A sound used by a post (an ActivityStreams <c>Audio</c>).</summary>
public sealed class InstagramAudio
{
    /// <summary>Instagram's ID for the sound (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string AudioId { get; set; } = string.Empty;

    /// <summary>The track name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Title { get; set; } = string.Empty;

    /// <summary>Who made it (<c>artist</c>).</summary>
    [JsonPropertyName("artist")]
    [JsonRequired]
    public string Artist { get; set; } = string.Empty;

    /// <summary>Whether the sound was made by a user rather than licensed (<c>isOriginal</c>).</summary>
    [JsonPropertyName("isOriginal")]
    [JsonRequired]
    public bool IsOriginal { get; set; }

    /// <summary>Length in seconds (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    public double? DurationSeconds { get; set; }

    /// <summary>The sound page (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Url { get; set; }

    /// <inheritdoc />
    public override string ToString() => Artist + " - " + Title;
}

/// <summary>One slide of a carousel.</summary>
public sealed class InstagramSlide
{
    /// <summary>Instagram's media ID for the slide (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string MediaId { get; set; } = string.Empty;

    /// <summary>Video or Image (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; set; } = string.Empty;

    /// <summary>The alt text (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? AltText { get; set; }

    /// <summary>Thumbnails (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public ItemList<InstagramImage> Images { get; set; } = new();

    /// <summary>The media files (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<InstagramMediaFile> Files { get; set; } = new();

    /// <summary>The first file's address, or the slide's media ID.</summary>
    public override string ToString() => Files.Count > 0 ? Files[0].ToString() : Images.Count > 0 ? Images[0].Url : MediaId;
}
