namespace KonbiniApi.Models;

/// <summary>An image resource (an ActivityStreams <c>Image</c>) with optional size.</summary>
public sealed class TikTokImage
{
    /// <summary>Creates an image.</summary>
    public TikTokImage(string url, int? width, int? height)
    {
        Url = url;
        Width = width;
        Height = height;
    }

    /// <summary>The image address.</summary>
    public string Url { get; }

    /// <summary>Width in pixels, when known.</summary>
    public int? Width { get; }

    /// <summary>Height in pixels, when known.</summary>
    public int? Height { get; }

    /// <summary>The address, so that an image prints and exports as itself.</summary>
    public override string ToString() => Url;
}
