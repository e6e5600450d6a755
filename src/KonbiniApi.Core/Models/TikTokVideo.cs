using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A TikTok video (an ActivityStreams <c>Video</c>): its caption, counts, author, sound, tags and files.</summary>
public sealed class TikTokVideo : IListedItem
{
    /// <summary>TikTok's video ID (<c>entityId</c>); what -VideoId takes.</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string VideoId { get; set; } = string.Empty;

    /// <summary>The caption (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Description { get; set; }

    /// <summary>When it was posted (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonRequired]
    [JsonConverter(typeof(UtcDateConverter))]
    public DateTime Published { get; set; }

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

    /// <summary>Saves to favourites (<c>saveCount</c>).</summary>
    [JsonPropertyName("saveCount")]
    [JsonRequired]
    public long SaveCount { get; set; }

    /// <summary>The caption's language (<c>language</c>).</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }

    /// <summary>Whether it is a promoted ad (<c>isSponsored</c>).</summary>
    [JsonPropertyName("isSponsored")]
    public bool? IsSponsored { get; set; }

    /// <summary>Where it was made (<c>location</c>).</summary>
    [JsonPropertyName("location")]
    public TikTokPlace? Place { get; set; }

    /// <summary>Hashtags and mentions (<c>tag</c>).</summary>
    [JsonPropertyName("tag")]
    public ItemList<TikTokTag> Tags { get; set; } = new();

    /// <summary>The creator (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    [JsonRequired]
    public TikTokUserSummary Author { get; set; } = new();

    /// <summary>The creator's handle (the author's Username), for tables, CSV and file names.</summary>
    [JsonIgnore]
    public string? AuthorUsername => Author?.Username;

    /// <summary>The video files in each quality, with the headers their CDN expects (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<TikTokMediaFile> Files { get; set; } = new();

    /// <summary>Cover images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public TikTokImageCollection Images { get; set; } = new();

    /// <summary>The animated preview (<c>preview</c>).</summary>
    [JsonPropertyName("preview")]
    public TikTokImage? Preview { get; set; }

    /// <summary>The sound (<c>audio</c>).</summary>
    [JsonPropertyName("audio")]
    public TikTokAudio? Audio { get; set; }

    /// <summary>The video page (<c>url</c>).</summary>
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

/// <summary>A hashtag or mention (an ActivityStreams <c>Tag</c>).</summary>
public sealed class TikTokTag
{
    /// <summary>The tag without <c>#</c> (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>The tag page (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    public string? Url { get; set; }

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>TikTok's ID for the tag (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? EntityId { get; set; }

    /// <summary>The tag as people write it.</summary>
    public override string ToString() => "#" + Name;
}

/// <summary>A place (an ActivityStreams <c>Place</c>): a city, a venue or a country code.</summary>
public sealed class TikTokPlace
{
    /// <summary>The place's name or country code (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>TikTok's ID for the place (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The place page (<c>url</c>).</summary>
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

/// <summary>One media file of a video, story or live stream: its addresses, format and the headers its CDN expects.</summary>
public sealed class TikTokMediaFile
{
    /// <summary>TikTok's name for the quality, e.g. <c>normal_540_0</c> (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The addresses of the same file (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public ItemList<string> Urls { get; set; } = new();

    /// <summary>The headers a download needs (<c>headers</c>).</summary>
    [JsonPropertyName("headers")]
    public TikTokFileHeaders? Headers { get; set; }

    /// <summary>The format, e.g. <c>video/mp4</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; set; }

    /// <summary>The codec, e.g. <c>h264</c> (<c>codec</c>).</summary>
    [JsonPropertyName("codec")]
    public string? Codec { get; set; }

    /// <summary>Width in pixels (<c>width</c>).</summary>
    [JsonPropertyName("width")]
    public int? Width { get; set; }

    /// <summary>Height in pixels (<c>height</c>).</summary>
    [JsonPropertyName("height")]
    public int? Height { get; set; }

    /// <summary>Bits per second (<c>bitrate</c>).</summary>
    [JsonPropertyName("bitrate")]
    public long? Bitrate { get; set; }

    /// <summary>The first address.</summary>
    public override string ToString() => Urls.Count > 0 ? Urls[0] : Name ?? string.Empty;
}

/// <summary>The headers TikTok's CDN expects with a media request.</summary>
public sealed class TikTokFileHeaders
{
    /// <summary>The <c>Cookie</c> header.</summary>
    [JsonPropertyName("Cookie")]
    public string? Cookie { get; set; }

    /// <summary>The <c>Referer</c> header.</summary>
    [JsonPropertyName("Referer")]
    public string? Referer { get; set; }

    /// <inheritdoc />
    public override string ToString() => "Cookie: " + Cookie + "; Referer: " + Referer;
}
