using System;

namespace KonbiniApi.Models;

/// <summary>
/// What a Reddit permalink names: <c>https://www.reddit.com/r/SUB/comments/POST/slug/COMMENT/</c>. Posts
/// and comments carry their subreddit and post only there, so the models read them from it.
/// </summary>
internal static class RedditPermalink
{
    private static readonly char[] Slash = { '/' };

    /// <summary>The subreddit name (after <c>/r/</c>), or null.</summary>
    public static string? Subreddit(string? url) => Segment(url, "r", 1);

    /// <summary>The post ID (after <c>/comments/</c>), or null.</summary>
    public static string? Post(string? url) => Segment(url, "comments", 1);

    /// <summary>The comment ID (the segment after the post's slug), or null for a post's own permalink.</summary>
    public static string? Comment(string? url) => Segment(url, "comments", 3);

    private static string? Segment(string? url, string marker, int offset)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split(Slash, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + offset < segments.Length; i++)
        {
            if (string.Equals(segments[i], marker, StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(segments[i + offset]);
            }
        }

        return null;
    }
}
