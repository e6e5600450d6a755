using System;
using System.Collections.Generic;
using System.Linq;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// Reddit's -Order and -Time as query values, checked against the route before any request: each route
/// takes its own orders, and -Time only where the service uses it (the Top and Controversial orders and
/// feeds, and searches), so a window the service would ignore is refused rather than silently dropped.
/// </summary>
internal static class RedditFilters
{
    /// <summary>The orders of a user's posts, comments and overview.</summary>
    public static readonly RedditPostOrder[] ProfilePostOrders = { RedditPostOrder.Hot, RedditPostOrder.New, RedditPostOrder.Top, RedditPostOrder.Controversial };

    /// <summary>The orders of a subreddit's posts.</summary>
    public static readonly RedditPostOrder[] SubredditPostOrders = { RedditPostOrder.Hot, RedditPostOrder.New, RedditPostOrder.Top, RedditPostOrder.Rising, RedditPostOrder.Controversial };

    /// <summary>The orders of post searches.</summary>
    public static readonly RedditPostOrder[] SearchOrders = { RedditPostOrder.Relevance, RedditPostOrder.Hot, RedditPostOrder.Top, RedditPostOrder.New, RedditPostOrder.Comments };

    /// <summary>The orders of a post's comments.</summary>
    public static readonly RedditCommentOrder[] ThreadOrders = { RedditCommentOrder.Best, RedditCommentOrder.Top, RedditCommentOrder.New, RedditCommentOrder.Controversial, RedditCommentOrder.Old };

    /// <summary>The orders of a user's or a subreddit's comments.</summary>
    public static readonly RedditCommentOrder[] ListingCommentOrders = { RedditCommentOrder.Hot, RedditCommentOrder.New, RedditCommentOrder.Top, RedditCommentOrder.Controversial };

    /// <summary>
    /// The query values for an order and a time window, or the reason they do not fit the route (null when they do).
    /// </summary>
    /// <param name="order">The -Order given, or null for the route's default.</param>
    /// <param name="allowed">The orders the route takes.</param>
    /// <param name="time">The -Time given, or null.</param>
    /// <param name="timeAlways">True for searches, where the window always applies.</param>
    /// <param name="what">The list in words, for the message: "a subreddit's posts".</param>
    /// <param name="query">The order and time as query values, when they fit.</param>
    public static string? Check<TOrder>(TOrder? order, IReadOnlyList<TOrder> allowed, RedditTime? time, bool timeAlways, string what, out KeyValuePair<string, string>[] query)
        where TOrder : struct, Enum
    {
        var values = new List<KeyValuePair<string, string>>(2);
        query = Array.Empty<KeyValuePair<string, string>>();
        if (order is { } chosen)
        {
            if (!allowed.Contains(chosen))
            {
                return "-Order " + chosen + " does not apply to " + what + ": it takes " + string.Join(", ", allowed) + ".";
            }

            values.Add(new KeyValuePair<string, string>("order", WireName.Of(chosen)));
        }

        if (time is { } window)
        {
            var name = order?.ToString();
            if (!timeAlways && name is not ("Top" or "Controversial"))
            {
                return "-Time " + window + " applies only with -Order Top or Controversial; " + what + (order is null ? " in their default order" : " ordered " + name) +
                    " are not limited to a time window, so the service would ignore it.";
            }

            values.Add(new KeyValuePair<string, string>("time", WireName.Of(window)));
        }

        query = values.ToArray();
        return null;
    }
}
