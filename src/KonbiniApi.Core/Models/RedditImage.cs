using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>A Reddit image (an ActivityStreams <c>Image</c>): an avatar, a banner, a thumbnail or a preview.</summary>
public sealed class RedditImage
{
    /// <summary>The image address (<c>url</c>).</summary>
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

/// <summary>Preview images of a post; prints as their addresses separated by spaces.</summary>
public sealed class RedditImageCollection : ItemList<RedditImage>
{
}
