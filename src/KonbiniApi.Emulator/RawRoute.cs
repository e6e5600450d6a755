using System;
using System.Collections.Generic;

namespace KonbiniApi.Emulator;

/// <summary>
/// Matches the segments of a raw request path (after a platform's prefix) against a route template, for every
/// platform alike. Literal segments are compared as they arrived, never decoded; a parameter is decoded only
/// once the route is fixed, so an encoded '/' or '..' can never turn one route into another, and a segment
/// that means "this" or "parent" is never a value, however it was spelled.
/// </summary>
internal static class RawRoute
{
    /// <summary>The template marker for a parameter segment.</summary>
    public const string Parameter = "{}";

    /// <returns>Whether <paramref name="segments"/> fit <paramref name="template"/>; the decoded parameters in order.</returns>
    public static bool TryMatch(string[] template, string[] segments, out string[] parameters)
    {
        parameters = [];
        if (segments.Length != template.Length)
        {
            return false;
        }

        var found = new List<string>(2);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                return false;
            }

            if (template[i] != Parameter)
            {
                if (!string.Equals(segment, template[i], StringComparison.Ordinal))
                {
                    return false;
                }

                continue;
            }

            var decoded = Uri.UnescapeDataString(segment);
            if (decoded is "." or "..")
            {
                return false;
            }

            found.Add(decoded);
        }

        parameters = [.. found];
        return true;
    }
}
