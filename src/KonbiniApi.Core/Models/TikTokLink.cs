using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>A link in a bio (an ActivityStreams <c>Link</c>).</summary>
public sealed class TikTokLink
{
    /// <summary>Where the link points (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The relation hint, such as <c>preferred</c>, when given.</summary>
    [JsonPropertyName("rel")]
    public string? Rel { get; set; }

    /// <summary>The address, so that a link prints and exports as itself.</summary>
    public override string ToString() => Url;
}
