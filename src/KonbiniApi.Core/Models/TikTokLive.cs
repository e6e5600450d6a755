using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A live stream that is on now.</summary>
public sealed class TikTokLive
{
    /// <summary>The user whose stream it is, as looked up.</summary>
    [JsonIgnore]
    public string? Username { get; set; }

    /// <summary>TikTok's ID for the stream (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string LiveId { get; set; } = string.Empty;

    /// <summary>The stream's title (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Title { get; set; }

    /// <summary>When it started (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Started { get; set; }

    /// <summary>Whether it is live (<c>isLive</c>).</summary>
    [JsonPropertyName("isLive")]
    [JsonRequired]
    public bool IsLive { get; set; }

    /// <summary>People watching now (<c>viewerCount</c>).</summary>
    [JsonPropertyName("viewerCount")]
    public long? ViewerCount { get; set; }

    /// <summary>Views so far (<c>viewCount</c>).</summary>
    [JsonPropertyName("viewCount")]
    public long? ViewCount { get; set; }

    /// <summary>The host (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public TikTokUserSummary? Host { get; set; }

    /// <summary>The stream in each format (<c>attachment</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<TikTokMediaFile> Streams { get; set; } = new();

    /// <summary>Cover images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public TikTokImageCollection Images { get; set; } = new();

    /// <summary>The live page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Url;
}
