using System.Linq;
using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>An image on LinkedIn (an ActivityStreams <c>Image</c>): a profile picture, a logo, a cover or a thumbnail.</summary>
public sealed class LinkedInImage
{
    /// <summary>The image address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The address, so that an image prints and exports as itself.</summary>
    public override string ToString() => Url;
}

/// <summary>A postal address as LinkedIn gives it; any part may be absent.</summary>
public sealed class LinkedInAddress
{
    /// <summary>Street and number (<c>streetAddress</c>).</summary>
    [JsonPropertyName("streetAddress")]
    public string? Street { get; set; }

    /// <summary>City or locality (<c>addressLocality</c>).</summary>
    [JsonPropertyName("addressLocality")]
    public string? Locality { get; set; }

    /// <summary>State or region (<c>addressRegion</c>).</summary>
    [JsonPropertyName("addressRegion")]
    public string? Region { get; set; }

    /// <summary>Postal code (<c>postalCode</c>).</summary>
    [JsonPropertyName("postalCode")]
    public string? PostalCode { get; set; }

    /// <summary>Country code, e.g. <c>US</c> (<c>addressCountry</c>).</summary>
    [JsonPropertyName("addressCountry")]
    public string? Country { get; set; }

    /// <summary>The parts that are there, separated by commas, as one line for tables and CSV.</summary>
    public override string ToString() =>
        string.Join(", ", new[] { Street, Locality, Region, PostalCode, Country }.Where(part => !string.IsNullOrEmpty(part)));
}

/// <summary>Who wrote a post, an article or a comment: a member (<c>Person</c>) or a company page (<c>Organization</c>).</summary>
public sealed class LinkedInAuthor
{
    /// <summary>Person or Organization (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    [JsonRequired]
    public string Type { get; set; } = string.Empty;

    /// <summary>The vanity name (<c>preferredUsername</c>): what -Username or -Company takes.</summary>
    [JsonPropertyName("preferredUsername")]
    public string? Username { get; set; }

    /// <summary>The display name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Followers, when LinkedIn shows them (<c>followerCount</c>).</summary>
    [JsonPropertyName("followerCount")]
    public long? FollowerCount { get; set; }

    /// <summary>The profile or page address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>The stable identifier, the same address (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Whether the author is a company page rather than a member.</summary>
    [JsonIgnore]
    public bool IsCompany => Type == "Organization";

    /// <summary>The vanity name, or the display name when there is none (an anonymous commenter).</summary>
    public override string ToString() => Username ?? Name ?? Type;
}

/// <summary>
/// Names in a list (job titles, employers, schools, languages). They often contain commas and spaces
/// themselves, so they print and export separated by "; ".
/// </summary>
public sealed class LinkedInNameList : ItemList<string>
{
    /// <inheritdoc />
    public override string ToString() => string.Join("; ", this);
}
