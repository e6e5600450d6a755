using System;
using System.Collections.Generic;
using System.Text;

namespace KonbiniApi.Operations;

/// <summary>
/// A route such as <c>/v1/tiktok/videos/{videoId}/comments</c>. Expanding it percent-encodes every value
/// as exactly one path segment, so no input can reach another route.
/// </summary>
public sealed class RouteTemplate
{
    private readonly string[] parts;

    /// <summary>Parses a template; placeholders are whole segments in braces.</summary>
    public RouteTemplate(string template)
    {
        if (template is null || !template.StartsWith("/v1/", StringComparison.Ordinal))
        {
            throw new ArgumentException("A route starts with /v1/.", nameof(template));
        }

        Template = template;
        parts = template.Substring(1).Split('/');
        var names = new List<string>();
        foreach (var part in parts)
        {
            if (part.Length > 2 && part[0] == '{' && part[part.Length - 1] == '}')
            {
                names.Add(part.Substring(1, part.Length - 2));
            }
        }

        Parameters = names;
    }

    /// <summary>The template as written.</summary>
    public string Template { get; }

    /// <summary>The placeholder names, in order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The path with each placeholder replaced, in order, by one encoded segment.</summary>
    /// <exception cref="ArgumentException">A value is missing, empty, or a dot segment.</exception>
    public string Expand(IReadOnlyList<string> values)
    {
        if (values is null || values.Count != Parameters.Count)
        {
            throw new ArgumentException("The route " + Template + " takes " + Parameters.Count + " values.", nameof(values));
        }

        var path = new StringBuilder(Template.Length + 32);
        var next = 0;
        foreach (var part in parts)
        {
            path.Append('/');
            if (part.Length > 2 && part[0] == '{' && part[part.Length - 1] == '}')
            {
                path.Append(EncodeSegment(values[next++]));
            }
            else
            {
                path.Append(part);
            }
        }

        return path.ToString();
    }

    /// <summary>One value as one path segment.</summary>
    /// <exception cref="ArgumentException">The value is empty, <c>.</c> or <c>..</c>, which no escaping keeps in place.</exception>
    public static string EncodeSegment(string value)
    {
        // '.' is unreserved, so escaping leaves a dot segment as it is and the request would climb out
        // of its route. Identifier kinds never yield one; this guards every other caller.
        if (string.IsNullOrEmpty(value) || value == "." || value == "..")
        {
            throw new ArgumentException("'" + value + "' cannot be a path segment.", nameof(value));
        }

        return Uri.EscapeDataString(value);
    }

    /// <inheritdoc />
    public override string ToString() => Template;
}
