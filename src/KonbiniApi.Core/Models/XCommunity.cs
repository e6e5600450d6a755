using System;
using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>An X community (an ActivityStreams <c>Group</c>): its name, description, members, topic, rules and creator.</summary>
public sealed class XCommunity
{
    /// <summary>X's community ID (<c>entityId</c>); what -CommunityId takes.</summary>
    [JsonPropertyName("entityId")]
    [JsonRequired]
    public string CommunityId { get; set; } = string.Empty;

    /// <summary>The community's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>What the community is about (<c>summary</c>).</summary>
    [JsonPropertyName("summary")]
    public string? Description { get; set; }

    /// <summary>When it was created (<c>published</c>), in UTC.</summary>
    [JsonPropertyName("published")]
    [JsonConverter(typeof(NullableUtcDateConverter))]
    public DateTime? Created { get; set; }

    /// <summary>Members (<c>memberCount</c>).</summary>
    [JsonPropertyName("memberCount")]
    public long? MemberCount { get; set; }

    /// <summary>The topic X files it under, such as Entertainment (<c>category</c>).</summary>
    [JsonPropertyName("category")]
    public string? Category { get; set; }

    /// <summary>Topics (<c>tag</c>).</summary>
    [JsonPropertyName("tag")]
    public XTagCollection Tags { get; set; } = new();

    /// <summary>The community's rules (<c>rule</c>).</summary>
    [JsonPropertyName("rule")]
    public XCommunityRuleCollection Rules { get; set; } = new();

    /// <summary>Who created it (<c>attributedTo</c>).</summary>
    [JsonPropertyName("attributedTo")]
    public XUserSummary? Creator { get; set; }

    /// <summary>The creator's handle, for tables, CSV and piping to Get-KonbiniXUser.</summary>
    [JsonIgnore]
    public string? CreatorUsername => Creator?.Username;

    /// <summary>The banner and other images (<c>image</c>).</summary>
    [JsonPropertyName("image")]
    public XImageCollection Images { get; set; } = new();

    /// <summary>The community page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>One rule of a community (an ActivityStreams <c>Document</c>).</summary>
public sealed class XCommunityRule
{
    /// <summary>The rule's title (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>What the rule says in full (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    public string? Text { get; set; }

    /// <summary>X's ID for the rule (<c>entityId</c>).</summary>
    [JsonPropertyName("entityId")]
    public string? RuleId { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Community rules; prints as their titles separated by " | ".</summary>
public sealed class XCommunityRuleCollection : ItemList<XCommunityRule>
{
    /// <inheritdoc />
    public override string ToString() => string.Join(" | ", this);
}
