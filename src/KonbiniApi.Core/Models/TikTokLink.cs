namespace KonbiniApi.Models;

/// <summary>A link in a bio (an ActivityStreams <c>Link</c>).</summary>
public sealed class TikTokLink
{
    /// <summary>Creates a link.</summary>
    public TikTokLink(string url, string? rel)
    {
        Url = url;
        Rel = rel;
    }

    /// <summary>Where the link points (<c>href</c>).</summary>
    public string Url { get; }

    /// <summary>The relation hint, such as <c>preferred</c>, when given.</summary>
    public string? Rel { get; }

    /// <summary>The address, so that a link prints and exports as itself.</summary>
    public override string ToString() => Url;
}
