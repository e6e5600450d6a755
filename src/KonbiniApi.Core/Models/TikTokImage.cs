using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>An image resource (an ActivityStreams <c>Image</c>) with optional size.</summary>
public sealed class TikTokImage
{
    /// <summary>The image address.</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>Width in pixels, when known.</summary>
    [JsonPropertyName("width")]
    public int? Width { get; set; }

    /// <summary>Height in pixels, when known.</summary>
    [JsonPropertyName("height")]
    public int? Height { get; set; }

    /// <summary>The address, so that an image prints and exports as itself.</summary>
    public override string ToString() => Url;
}
