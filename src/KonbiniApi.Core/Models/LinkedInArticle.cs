using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>An article a member published on LinkedIn (an ActivityStreams <c>Article</c>, at linkedin.com/pulse/...).</summary>
public sealed class LinkedInArticle : IListedItem
{
    /// <summary>The title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Title { get; set; }

    /// <summary>Reactions (<c>likeCount</c>).</summary>
    [JsonPropertyName("likeCount")]
    public long? LikeCount { get; set; }

    /// <summary>The member who wrote it (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public LinkedInAuthor? Author { get; set; }

    /// <summary>The author's vanity name, for tables, CSV and chains.</summary>
    [JsonIgnore]
    public string? AuthorUsername => Author?.Username;

    /// <summary>Cover images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public ItemList<LinkedInImage> Images { get; set; } = new();

    /// <summary>The article's address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Title ?? Url ?? string.Empty;
}
