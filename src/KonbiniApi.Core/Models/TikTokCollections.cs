using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace KonbiniApi.Models;

/// <summary>
/// Bio links. A collection type of its own so that a CSV cell or a table column shows the addresses
/// (separated by spaces) instead of a type name.
/// </summary>
public sealed class TikTokLinkCollection : ReadOnlyCollection<TikTokLink>
{
    /// <summary>No links.</summary>
    public static readonly TikTokLinkCollection Empty = new(new List<TikTokLink>());

    /// <summary>Wraps a list of links.</summary>
    public TikTokLinkCollection(IList<TikTokLink> links)
        : base(links)
    {
    }

    /// <summary>The addresses separated by spaces.</summary>
    public override string ToString() => string.Join(" ", this.Select(link => link.Url));
}

/// <summary>Images of one picture in several sizes; prints as their addresses separated by spaces.</summary>
public sealed class TikTokImageCollection : ReadOnlyCollection<TikTokImage>
{
    /// <summary>No images.</summary>
    public static readonly TikTokImageCollection Empty = new(new List<TikTokImage>());

    /// <summary>Wraps a list of images.</summary>
    public TikTokImageCollection(IList<TikTokImage> images)
        : base(images)
    {
    }

    /// <summary>The addresses separated by spaces.</summary>
    public override string ToString() => string.Join(" ", this.Select(image => image.Url));
}
