using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A TikTok sound (an ActivityStreams <c>Audio</c>): a song or an original sound that videos use.</summary>
public sealed class TikTokAudio
{
    /// <summary>TikTok's audio ID (<c>entityId</c>); what -AudioId takes.</summary>
    [JsonPropertyName("entityId")]
    public string? AudioId { get; set; }

    /// <summary>The title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Title { get; set; } = string.Empty;

    /// <summary>Length in seconds (<c>duration</c>).</summary>
    [JsonPropertyName("duration")]
    [JsonRequired]
    public double DurationSeconds { get; set; }

    /// <summary>The album, when it is a song (<c>album</c>).</summary>
    [JsonPropertyName("album")]
    public string? Album { get; set; }

    /// <summary>The artists or the creator (<c>attributedTo</c>, one or several).</summary>
    [JsonPropertyName("attributedTo")]
    [JsonConverter(typeof(OneOrManyConverter<TikTokUserSummary>))]
    public ItemList<TikTokUserSummary> Authors { get; set; } = new();

    /// <summary>Whether it is an original sound rather than a catalogue track (<c>isOriginal</c>).</summary>
    [JsonPropertyName("isOriginal")]
    public bool? IsOriginal { get; set; }

    /// <summary>Whether it is under copyright (<c>isCopyrighted</c>).</summary>
    [JsonPropertyName("isCopyrighted")]
    public bool? IsCopyrighted { get; set; }

    /// <summary>Videos that use it (<c>videoCount</c>).</summary>
    [JsonPropertyName("videoCount")]
    public long? VideoCount { get; set; }

    /// <summary>The format, e.g. <c>audio/mpeg</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; set; }

    /// <summary>The cover (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public TikTokImage? Cover { get; set; }

    /// <summary>Cover images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public TikTokImageCollection Images { get; set; } = new();

    /// <summary>The sound file (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The sound's page (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <inheritdoc />
    public override string ToString() => Title;
}
