using System;
using System.Collections.Generic;

namespace KonbiniApi.Emulator;

/// <summary>One platform's routes (TikTok, Instagram, ...). The handler owns everything the platforms share:
/// the body limit, keys and credits, latency, faults and the scenario outcomes; a platform only says which
/// route a request is for, whether its inputs are valid, and what the answer is.</summary>
internal interface IRoutePlatform
{
    /// <summary>The path prefix every route of the platform starts with, e.g. <c>/v1/tiktok/</c>.</summary>
    string Prefix { get; }

    /// <summary>Finds the route for a raw request path (never decoded). Null means route_not_found.</summary>
    IRouteMatch? Match(string method, string rawPath);
}

/// <summary>A request matched to one route, before its query and body are checked.</summary>
internal interface IRouteMatch
{
    /// <summary>The name the route's traffic is counted under in the stats, e.g. <c>tiktok.users</c>.</summary>
    string StatsName { get; }

    /// <summary>The credits the request reserves before it is served: 1 for a lookup, the number of IDs for a
    /// batch. A body that cannot be read costs 1 here; it is refused and refunded in <see cref="Prepare"/>.</summary>
    long CostOf(ReadOnlyMemory<byte> body) => 1;

    /// <summary>Validates what the request carries and plans its answer. A returned error is sent refunded
    /// (validation_error); otherwise <paramref name="call"/> is set.</summary>
    ApiError? Prepare(RouteRequest request, out IRouteCall? call);
}

/// <summary>What a route may read of a request besides its path.</summary>
/// <param name="RawTarget">The request target as sent, query included.</param>
/// <param name="Body">The request body (empty for GET).</param>
/// <param name="BaseUrl">Scheme and authority the client used, so absolute URLs in answers lead back here.</param>
internal sealed record RouteRequest(string RawTarget, ReadOnlyMemory<byte> Body, string BaseUrl)
{
    private QueryString? query;

    /// <summary>The query, parsed on first use: routes that ignore it never pay for it.</summary>
    public QueryString Query => query ??= QueryString.Parse(RawTarget);
}

/// <summary>A validated request, ready to be answered.</summary>
internal interface IRouteCall
{
    /// <summary>The reserved behaviour of what the request is about (emu.notfound, emu.fault.500, ...).</summary>
    Scenario Subject { get; }

    /// <summary>What <c>emu.retry.N.*</c> counts attempts against (null when retry scenarios cannot apply).</summary>
    string? RetryKey { get; }

    /// <summary>The 404 this route sends for a subject that does not exist.</summary>
    ApiError NotFound { get; }

    /// <summary>The 400 this route sends for an <c>emu.invalid</c> subject.</summary>
    ApiError Rejected { get; }

    /// <summary>Renders the answer. Called once, or not at all when a fault or scenario answers instead.</summary>
    RouteResult Execute(EmulatorState state);
}

/// <summary>Every platform the emulator serves. A new platform is one line here.</summary>
internal static class ApiPlatforms
{
    public static IReadOnlyList<IRoutePlatform> All { get; } =
    [
        TikTokPlatform.Instance,
        X.XPlatform.Instance,
        InstagramPlatform.Instance,
        LinkedInPlatform.Instance,
        RedditPlatform.Instance,
    ];

    public static IRouteMatch? Match(string method, string rawPath)
    {
        foreach (var platform in All)
        {
            if (rawPath.StartsWith(platform.Prefix, StringComparison.Ordinal))
            {
                return platform.Match(method, rawPath);
            }
        }

        return null;
    }
}
