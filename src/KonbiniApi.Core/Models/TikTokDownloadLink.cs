using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>A short-lived address of a video's file (the download endpoint's answer).</summary>
public sealed class TikTokDownloadLink
{
    /// <summary>Where the file is (<c>url</c>); it expires.</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>Always <c>video/mp4</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; set; }

    /// <inheritdoc />
    public override string ToString() => Url;
}
