using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

internal enum TikTokRouteKind
{
    User,
    UserVideos,
    UserLikes,
    UserReposts,
    UserCollections,
    UserStories,
    UserFollowing,
    UserFollowers,
    UserLive,
    Video,
    VideoDownload,
    VideoComments,
    CommentReplies,
    VideoTranscript,
    Tag,
    Collection,
    Audio,
    AudioVideos,
    Search,
    SearchUsers,
    SearchVideos,
}

/// <summary>The paging bounds of a list route, from the contract.</summary>
internal sealed record CountBounds(int Min, int Max, int Default);

/// <summary>One route of the API: its path template, its stats name and what its query may carry.</summary>
/// <param name="Template">Path segments after <c>/v1/tiktok/</c>; <c>{}</c> marks a parameter.</param>
internal sealed record TikTokRouteSpec(TikTokRouteKind Kind, string StatsName, string[] Template, CountBounds? Count, string[]? Orders = null, bool Searches = false)
{
    public bool IsList => Count is not null;
}

internal sealed record TikTokRouteMatch(TikTokRouteSpec Spec, string[] Parameters) : IRouteMatch
{
    public string StatsName => Spec.StatsName;

    public ApiError? Prepare(RouteRequest request, out IRouteCall? call)
    {
        // Only the user profile ignores its query; every other route validates what it reads from it.
        var query = Spec.Kind == TikTokRouteKind.User ? QueryString.Empty : request.Query;
        var invalid = TikTokRoutes.Prepare(this, query, request.BaseUrl, request.RawTarget, out var prepared);
        call = prepared;
        return invalid;
    }
}

/// <summary>Matches a raw request target against every TikTok route. Literal segments are compared as they
/// arrived, never decoded; parameters are decoded only after the route is fixed, so an encoded '/' or '..'
/// can never turn one route into another.</summary>
internal static class TikTokRouteTable
{
    public const string Prefix = "/v1/tiktok/";

    public static readonly string[] VideoOrders = ["newest", "popular", "oldest"];
    public static readonly string[] SearchOrders = ["relevance", "most-liked", "date-posted"];
    public static readonly string[] SearchPeriods = ["all-time", "yesterday", "this-week", "this-month", "last-3-months", "last-6-months"];

    public static readonly string[] TranscriptLanguages =
    [
        "original", "ar-SA", "az-AZ", "ca-ES", "ceb-PH", "cs-CZ", "da-DK", "de-DE", "en-US", "es-ES", "et-EE", "fi-FI",
        "fil-PH", "fr-FR", "ga-IE", "he-IL", "hr-HR", "id-ID", "it-IT", "ja-JP", "ko-KR", "lv-LV", "lt-LT", "ms-MY",
        "nb-NO", "nl-NL", "pl-PL", "pt-PT", "ru-RU", "sw-SW", "sv-SE", "th-TH", "uk-UA", "vi-VN", "zh-Hans-CN", "zh-Hant-CN",
    ];

    public static IReadOnlyList<TikTokRouteSpec> All { get; } =
    [
        new(TikTokRouteKind.User, "tiktok.users", ["users", "{}"], null),
        new(TikTokRouteKind.UserVideos, "tiktok.users.videos", ["users", "{}", "videos"], new(1, 35, 35), VideoOrders),
        new(TikTokRouteKind.UserLikes, "tiktok.users.likes", ["users", "{}", "likes"], new(1, 35, 35)),
        new(TikTokRouteKind.UserReposts, "tiktok.users.reposts", ["users", "{}", "reposts"], new(1, 30, 30), VideoOrders),
        new(TikTokRouteKind.UserCollections, "tiktok.users.collections", ["users", "{}", "collections"], new(1, 30, 30)),
        new(TikTokRouteKind.UserStories, "tiktok.users.stories", ["users", "{}", "stories"], new(1, 35, 4)),
        new(TikTokRouteKind.UserFollowing, "tiktok.users.following", ["users", "{}", "following"], new(1, 30, 30)),
        new(TikTokRouteKind.UserFollowers, "tiktok.users.followers", ["users", "{}", "followers"], new(1, 30, 30)),
        new(TikTokRouteKind.UserLive, "tiktok.users.live", ["users", "{}", "live"], null),
        new(TikTokRouteKind.Video, "tiktok.videos", ["videos", "{}"], null),
        new(TikTokRouteKind.VideoDownload, "tiktok.videos.download", ["videos", "{}", "download"], null),
        new(TikTokRouteKind.VideoComments, "tiktok.videos.comments", ["videos", "{}", "comments"], new(1, 50, 20)),
        new(TikTokRouteKind.CommentReplies, "tiktok.videos.comments.replies", ["videos", "{}", "comments", "{}", "replies"], new(1, 50, 50)),
        new(TikTokRouteKind.VideoTranscript, "tiktok.videos.transcripts", ["videos", "{}", "transcripts", "{}"], null),
        new(TikTokRouteKind.Tag, "tiktok.tags", ["tags", "{}"], new(1, 30, 30)),
        new(TikTokRouteKind.Collection, "tiktok.collections", ["collections", "{}"], new(1, 35, 20)),
        new(TikTokRouteKind.Audio, "tiktok.audios", ["audios", "{}"], null),
        new(TikTokRouteKind.AudioVideos, "tiktok.audios.videos", ["audios", "{}", "videos"], new(1, 30, 30)),
        new(TikTokRouteKind.Search, "tiktok.search", ["search"], new(1, 100, 50), SearchOrders, Searches: true),
        new(TikTokRouteKind.SearchUsers, "tiktok.search.users", ["search", "users"], new(10, 10, 10), Searches: true),
        new(TikTokRouteKind.SearchVideos, "tiktok.search.videos", ["search", "videos"], new(1, 100, 50), SearchOrders, Searches: true),
    ];

    /// <returns>The route and its decoded parameters, or null when nothing matches (route_not_found).</returns>
    public static TikTokRouteMatch? Match(string method, string rawPath)
    {
        if (!HttpMethods.IsGet(method) || !rawPath.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = rawPath[Prefix.Length..].Split('/');
        foreach (var spec in All)
        {
            if (RawRoute.TryMatch(spec.Template, segments, out var parameters))
            {
                return new TikTokRouteMatch(spec, parameters);
            }
        }

        return null;
    }
}
