using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

internal enum RedditRouteKind
{
    User,
    UserPosts,
    UserComments,
    UserOverview,
    Subreddit,
    SubredditPosts,
    SubredditComments,
    SubredditSticky,
    SubredditRules,
    SubredditSearch,
    SubredditsBatch,
    Post,
    PostDuplicates,
    PostComments,
    Comment,
    CommentReplies,
    PostsBatch,
    CommentsBatch,
    Feed,
    SearchPosts,
    SearchUsers,
    SearchSubreddits,
}

/// <summary>One Reddit route: its template, what its query may carry, and whether it is a list, a whole
/// list or a batch.</summary>
/// <param name="Template">Path segments after <c>/v1/reddit/</c>; <c>{}</c> marks a parameter.</param>
/// <param name="Orders">The <c>order</c> values, the route's default first.</param>
internal sealed record RedditRouteSpec(
    RedditRouteKind Kind, string StatsName, string[] Template, CountBounds? Count = null, string[]? Orders = null, bool Time = false,
    bool Searches = false, bool Whole = false, string? BatchPrefix = null)
{
    public bool IsList => Count is not null;

    public bool IsBatch => BatchPrefix is not null;
}

internal sealed record RedditRouteMatch(RedditRouteSpec Spec, string[] Parameters) : IRouteMatch
{
    public string StatsName => Spec.StatsName;

    public long CostOf(ReadOnlyMemory<byte> body) => Spec.IsBatch ? RedditBatch.CostOf(body) : 1;

    public ApiError? Prepare(RouteRequest request, out IRouteCall? call) => RedditRoutes.Prepare(this, request, out call);
}

/// <summary>Reddit's routes as a platform of the emulator. Literal segments are compared as they arrived;
/// parameters are decoded only once the route is fixed.</summary>
internal sealed class RedditPlatform : IRoutePlatform
{
    public const string PrefixPath = "/v1/reddit/";

    private static readonly CountBounds Pages = new(1, 100, 25);

    public static RedditPlatform Instance { get; } = new();

    public static readonly string[] Times = ["hour", "day", "week", "month", "year", "all"];
    public static readonly string[] ProfileOrders = ["new", "hot", "top", "controversial"];
    public static readonly string[] SubredditPostOrders = ["hot", "new", "top", "rising", "controversial"];
    public static readonly string[] SubredditCommentOrders = ["hot", "new", "top", "controversial"];
    public static readonly string[] SearchOrders = ["relevance", "hot", "top", "new", "comments"];
    public static readonly string[] CommentOrders = ["best", "top", "new", "controversial", "old"];

    public static IReadOnlyList<RedditRouteSpec> All { get; } =
    [
        new(RedditRouteKind.User, "reddit.users", ["users", "{}"]),
        new(RedditRouteKind.UserPosts, "reddit.users.posts", ["users", "{}", "posts"], Pages, ProfileOrders, Time: true),
        new(RedditRouteKind.UserComments, "reddit.users.comments", ["users", "{}", "comments"], Pages, ProfileOrders, Time: true),
        new(RedditRouteKind.UserOverview, "reddit.users.overview", ["users", "{}", "overview"], Pages, ProfileOrders, Time: true),
        new(RedditRouteKind.SubredditsBatch, "reddit.subreddits.batch", ["subreddits", "batch"], BatchPrefix: "t5_"),
        new(RedditRouteKind.Subreddit, "reddit.subreddits", ["subreddits", "{}"]),
        new(RedditRouteKind.SubredditPosts, "reddit.subreddits.posts", ["subreddits", "{}", "posts"], Pages, SubredditPostOrders, Time: true),
        new(RedditRouteKind.SubredditComments, "reddit.subreddits.comments", ["subreddits", "{}", "comments"], Pages, SubredditCommentOrders, Time: true),
        new(RedditRouteKind.SubredditSticky, "reddit.subreddits.sticky", ["subreddits", "{}", "sticky"], Whole: true),
        new(RedditRouteKind.SubredditRules, "reddit.subreddits.rules", ["subreddits", "{}", "rules"], Whole: true),
        new(RedditRouteKind.SubredditSearch, "reddit.subreddits.search", ["subreddits", "{}", "search"], Pages, SearchOrders, Time: true, Searches: true),
        new(RedditRouteKind.PostsBatch, "reddit.posts.batch", ["posts", "batch"], BatchPrefix: "t3_"),
        new(RedditRouteKind.Post, "reddit.posts", ["posts", "{}"]),
        new(RedditRouteKind.PostDuplicates, "reddit.posts.duplicates", ["posts", "{}", "duplicates"], Pages),
        new(RedditRouteKind.PostComments, "reddit.posts.comments", ["posts", "{}", "comments"], Pages, CommentOrders),
        new(RedditRouteKind.Comment, "reddit.posts.comments.one", ["posts", "{}", "comments", "{}"]),
        new(RedditRouteKind.CommentReplies, "reddit.posts.comments.replies", ["posts", "{}", "comments", "{}", "replies"], new(1, 100, 20)),
        new(RedditRouteKind.CommentsBatch, "reddit.comments.batch", ["comments", "batch"], BatchPrefix: "t1_"),
        new(RedditRouteKind.Feed, "reddit.feeds", ["feeds", "{}"], Pages, Time: true),
        new(RedditRouteKind.SearchPosts, "reddit.search.posts", ["search", "posts"], Pages, SearchOrders, Time: true, Searches: true),
        new(RedditRouteKind.SearchUsers, "reddit.search.users", ["search", "users"], Pages, Searches: true),
        new(RedditRouteKind.SearchSubreddits, "reddit.search.subreddits", ["search", "subreddits"], Pages, Searches: true),
    ];

    public string Prefix => PrefixPath;

    /// <returns>The route and its decoded parameters, or null (route_not_found). Batches take POST and
    /// nothing else does, so GET .../posts/batch is a post named "batch", as a router would read it.</returns>
    public IRouteMatch? Match(string method, string rawPath)
    {
        var post = HttpMethods.IsPost(method);
        if ((!post && !HttpMethods.IsGet(method)) || !rawPath.StartsWith(PrefixPath, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = rawPath[PrefixPath.Length..].Split('/');
        foreach (var spec in All)
        {
            if (spec.IsBatch == post && RawRoute.TryMatch(spec.Template, segments, out var parameters))
            {
                return new RedditRouteMatch(spec, parameters);
            }
        }

        return null;
    }
}
