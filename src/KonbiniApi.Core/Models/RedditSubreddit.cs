using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A subreddit (an ActivityStreams <c>Group</c>): its name, title, descriptions and members.</summary>
public sealed class RedditSubreddit : IListedItem
{
    private string? name;

    /// <summary>The name without <c>r/</c> (<c>slug</c>, else read from the address); what -Subreddit and -Name take.</summary>
    [JsonPropertyName("slug")]
    public string? Name
    {
        get => name ?? RedditPermalink.Subreddit(Url);
        set => name = value;
    }

    /// <summary>The display title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Title { get; set; } = string.Empty;

    /// <summary>Reddit's subreddit ID without <c>t5_</c> (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? SubredditId { get; set; }

    /// <summary>The short description (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    /// <summary>The long description (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>Posting guidance (<c>guidelines</c>).</summary>
    [JsonPropertyName("guidelines")]
    public string? Guidelines { get; set; }

    /// <summary>When it was created (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Created { get; set; }

    /// <summary>Subscribers (<c>memberCount</c>).</summary>
    [JsonPropertyName("memberCount")]
    public long? MemberCount { get; set; }

    /// <summary>The topic, e.g. <c>Technology</c> (<c>category</c>).</summary>
    [JsonPropertyName("category")]
    public string? Category { get; set; }

    /// <summary>Whether it is marked adult (<c>isAdult</c>).</summary>
    [JsonPropertyName("isAdult")]
    public bool? IsAdult { get; set; }

    /// <summary>Whether it shows in search and discovery (<c>isSearchable</c>).</summary>
    [JsonPropertyName("isSearchable")]
    public bool? IsSearchable { get; set; }

    /// <summary>The community icon (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public RedditImage? Icon { get; set; }

    /// <summary>The banner (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public RedditImage? Banner { get; set; }

    /// <summary>The subreddit's address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name is null ? Url : "r/" + Name;
}

/// <summary>One rule of a subreddit (an ActivityStreams <c>Document</c>).</summary>
public sealed class RedditRule : IListedItem
{
    /// <summary>The subreddit whose rule this is (the -Subreddit it was listed for).</summary>
    [JsonIgnore]
    public string? Subreddit { get; set; }

    /// <summary>The rule's title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Title { get; set; } = string.Empty;

    /// <summary>What the rule asks (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Description { get; set; }

    /// <summary>The rule's ID (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? RuleId { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public string? ListedFor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Title;
}
