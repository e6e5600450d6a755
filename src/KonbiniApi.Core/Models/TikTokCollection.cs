using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>A collection (playlist, "mix") of a creator's videos.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "TikTok's own name for a playlist, and the noun of Get-KonbiniTikTokCollection.")]
public sealed class TikTokCollection : IListedItem
{
    /// <summary>TikTok's collection ID (<c>entityId</c>); what -CollectionId takes.</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string CollectionId { get; set; } = string.Empty;

    /// <summary>The title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Title { get; set; } = string.Empty;

    /// <summary>Videos in it (<c>totalItems</c>), when TikTok says.</summary>
    [JsonPropertyName("totalItems")]
    public long? VideoCount { get; set; }

    /// <summary>Whose it is (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public TikTokUserSummary? Owner { get; set; }

    /// <summary>Cover images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public TikTokImageCollection Images { get; set; } = new();

    /// <summary>The collection's address (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Title;
}
