using System.Text.Json.Serialization;
using KonbiniApi.Json;

namespace KonbiniApi.Models;

/// <summary>A LinkedIn company page (an ActivityStreams <c>Organization</c>): description, tagline, location, employees, links.</summary>
public sealed class LinkedInCompany
{
    /// <summary>The page's vanity name (<c>preferredUsername</c>), as in linkedin.com/company/name: what -Company takes.</summary>
    [JsonPropertyName("preferredUsername")]
    [JsonRequired]
    public string Company { get; set; } = string.Empty;

    /// <summary>The company's name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>The slogan (<c>tagline</c>).</summary>
    [JsonPropertyName("tagline")]
    public string? Tagline { get; set; }

    /// <summary>The "About" text (<c>summary</c>); null when the page has none.</summary>
    [JsonPropertyName("summary")]
    [JsonRequired]
    [PresentMayBeNull]
    public string? Description { get; set; }

    /// <summary>Locality, region and country in one line (<c>location</c>).</summary>
    [JsonPropertyName("location")]
    public string? Location { get; set; }

    /// <summary>The headquarters' address in parts (<c>address</c>).</summary>
    [JsonPropertyName("address")]
    public LinkedInAddress? Address { get; set; }

    /// <summary>Employees as the page reports them (<c>memberCount</c>).</summary>
    [JsonPropertyName("memberCount")]
    public long? EmployeeCount { get; set; }

    /// <summary>The company's own web sites (<c>attachment</c>, each a Link's <c>href</c>).</summary>
    [JsonPropertyName("attachment")]
    public ItemList<LinkedInLink> Links { get; set; } = new();

    /// <summary>The logo (<c>icon</c>).</summary>
    [JsonPropertyName("icon")]
    public LinkedInImage? Logo { get; set; }

    /// <summary>The page address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The ActivityStreams id, the same address (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Company;
}

/// <summary>An external link (an ActivityStreams <c>Link</c>).</summary>
public sealed class LinkedInLink
{
    /// <summary>The address (<c>href</c>).</summary>
    [JsonPropertyName("href")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The address, so that a link prints and exports as itself.</summary>
    public override string ToString() => Url;
}
