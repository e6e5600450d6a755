using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>An image on X (an ActivityStreams <c>Image</c>): an avatar, a banner, a thumbnail.</summary>
public sealed class XImage
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

/// <summary>A link on a profile (an ActivityStreams <c>Link</c>).</summary>
public sealed class XLink
{
    /// <summary>Where the link points (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The relation hint, such as <c>preferred</c>, when given (<c>rel</c>).</summary>
    [JsonPropertyName("rel")]
    public string? Rel { get; set; }

    /// <summary>The address, so that a link prints and exports as itself.</summary>
    public override string ToString() => Url;
}

/// <summary>A hashtag in a post or on a community (an ActivityStreams <c>Tag</c>).</summary>
public sealed class XTag
{
    /// <summary>The tag without <c>#</c> (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>The tag page (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    public string? Url { get; set; }

    /// <summary>The tag as people write it.</summary>
    public override string ToString() => "#" + Name;
}

/// <summary>Profile links; prints as their addresses separated by spaces.</summary>
public sealed class XLinkCollection : ItemList<XLink>
{
}

/// <summary>Images; prints as their addresses separated by spaces.</summary>
public sealed class XImageCollection : ItemList<XImage>
{
}

/// <summary>Hashtags; prints as #name separated by spaces.</summary>
public sealed class XTagCollection : ItemList<XTag>
{
}
