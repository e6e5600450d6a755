using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator.X;

internal enum XRouteKind
{
    User,
    UserPosts,
    UserHighlights,
    Post,
    Community,
    CommunityPosts,
    CommunityMedia,
}

/// <summary>One X route: its segments after <c>/v1/x/</c> (<c>{}</c> marks the parameter), its stats name and,
/// for a list, its count bounds (null Count with IsList: a list paged by cursor alone).</summary>
internal sealed record XRouteSpec(XRouteKind Kind, string StatsName, string[] Template, bool IsList, CountBounds? Count)
{
    public bool OfUser => Template[0] == "users";
}

/// <summary>X's routes as a platform of the emulator.</summary>
internal sealed class XPlatform : IRoutePlatform
{
    public const string RoutePrefix = "/v1/x/";

    /// <summary>A user's posts come in pages of this size: the service takes no count for them.</summary>
    public const int UserPostsPage = 20;

    public static XPlatform Instance { get; } = new();

    public static IReadOnlyList<XRouteSpec> Routes { get; } =
    [
        new(XRouteKind.User, "x.users", ["users", "{}"], false, null),
        new(XRouteKind.UserPosts, "x.users.posts", ["users", "{}", "posts"], true, null),
        new(XRouteKind.UserHighlights, "x.users.highlights", ["users", "{}", "highlights"], true, new(1, 100, 40)),
        new(XRouteKind.Post, "x.posts", ["posts", "{}"], false, null),
        new(XRouteKind.Community, "x.communities", ["communities", "{}"], false, null),
        new(XRouteKind.CommunityPosts, "x.communities.posts", ["communities", "{}", "posts"], true, new(1, 100, 40)),
        new(XRouteKind.CommunityMedia, "x.communities.media", ["communities", "{}", "media"], true, new(1, 100, 40)),
    ];

    public string Prefix => RoutePrefix;

    /// <summary>Literal segments are compared as sent; the one parameter is decoded only once the route is fixed.</summary>
    public IRouteMatch? Match(string method, string rawPath)
    {
        if (!HttpMethods.IsGet(method) || !rawPath.StartsWith(RoutePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = rawPath[RoutePrefix.Length..].Split('/');
        foreach (var spec in Routes)
        {
            if (RawRoute.TryMatch(spec.Template, segments, out var parameters))
            {
                return new XRouteMatch(spec, parameters[0]);
            }
        }

        return null;
    }
}

internal sealed record XRouteMatch(XRouteSpec Spec, string Parameter) : IRouteMatch
{
    public string StatsName => Spec.StatsName;

    public ApiError? Prepare(RouteRequest request, out IRouteCall? call) => XRoutes.Prepare(this, request, out call);
}

/// <summary>One validated request to an X route.</summary>
internal sealed class XCall : IRouteCall, IPagedCall
{
    public required XRouteSpec Spec { get; init; }

    /// <summary>The lower-cased handle, or the ID as sent.</summary>
    public required string Value { get; init; }

    public required string PartOf { get; init; }

    public required string Identity { get; init; }

    public Scenario Subject { get; init; }

    public string? RetryKey { get; init; }

    public ApiError NotFound { get; init; } = ApiErrors.NotFound;

    public ApiError Rejected { get; init; } = ApiErrors.RejectedUsername;

    public int Count { get; init; }

    public ListPosition Position { get; init; } = ListPosition.Start;

    public string CursorText { get; init; } = ListCursor.StartText;

    public RouteResult Execute(EmulatorState state) => XRoutes.Execute(this);
}

internal static class XRoutes
{
    public static readonly ApiError InvalidUsername = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid username: use 1-15 letters, digits or '_', optionally after one '@'.");

    public static ApiError? Prepare(XRouteMatch match, RouteRequest request, out IRouteCall? call)
    {
        call = null;
        var spec = match.Spec;
        var value = spec.OfUser ? NormalizeUsername(match.Parameter) : PathValues.IsId(match.Parameter) ? match.Parameter : null;
        if (value is null)
        {
            return spec.OfUser ? InvalidUsername : ApiErrors.InvalidId(spec.Template[0] == "posts" ? "post" : "community");
        }

        var count = 0;
        var position = ListPosition.Start;
        var cursorText = ListCursor.StartText;
        var identity = spec.StatsName + "|" + value;
        if (spec.IsList)
        {
            var query = request.Query;
            count = XPlatform.UserPostsPage;
            if (spec.Count is { } bounds)
            {
                count = bounds.Default;
                var countText = query["count"];
                if (countText is not null
                    && (!int.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count) || count < bounds.Min || count > bounds.Max))
                {
                    return ApiErrors.BadCount(bounds);
                }
            }

            var sent = query["cursor"];
            if (!ListCursor.TryDecode(identity, sent, out position))
            {
                return ApiErrors.BadCursor;
            }

            cursorText = string.IsNullOrEmpty(sent) ? ListCursor.StartText : sent;
        }

        Scenario subject;
        ApiError notFound;
        if (spec.OfUser)
        {
            subject = ReservedNames.ResolveTag(value);
            notFound = ApiErrors.NotFound;
        }
        else
        {
            subject = new Scenario(IdScenario.Parse(value).Kind == IdScenarioKind.NotFound ? ScenarioKind.NotFound : ScenarioKind.Generated);
            notFound = ApiErrors.ItemNotFound(spec.Template[0] == "posts" ? "Post" : "Community");
        }

        call = new XCall
        {
            Spec = spec,
            Value = value,
            PartOf = request.BaseUrl + "/v1/x/" + spec.Template[0] + "/" + Uri.EscapeDataString(value) + (spec.Template.Length == 3 ? "/" + spec.Template[2] : string.Empty),
            Identity = identity,
            Subject = subject,
            RetryKey = spec.OfUser ? "x:" + value : null,
            NotFound = notFound,
            Count = count,
            Position = position,
            CursorText = cursorText,
        };
        return null;
    }

    /// <summary>The cursor a list would issue for a position, so a test can jump deep into a long list.</summary>
    internal static string CursorFor(string statsName, string value, ListPosition position) => ListCursor.Encode(statsName + "|" + value, position);

    public static RouteResult Execute(XCall call)
    {
        var value = call.Value;
        switch (call.Spec.Kind)
        {
            case XRouteKind.User:
                return PageWriter.Single(writer => XJson.WriteUser(writer, XContent.Profile(value)));
            case XRouteKind.Post:
                return PageWriter.Single(writer => XJson.WritePost(writer, XContent.Post(value), withContext: true));
            case XRouteKind.Community:
                return PageWriter.Single(writer => XJson.WriteCommunity(writer, XContent.Community(value)));
            case XRouteKind.UserPosts:
                {
                    var profile = XContent.Profile(value);
                    var plan = ListPlan.From(profile.Scenario, profile.PostCount);
                    return Page(call, plan, index => XPostId.For(value, index).Text);
                }

            case XRouteKind.UserHighlights:
                {
                    var profile = XContent.Profile(value);
                    var plan = ListPlan.From(profile.Scenario, XContent.HighlightTotal(profile));
                    return Page(call, plan, index => XPostId.For(value, XContent.HighlightIndex(profile, index, plan.IsScripted)).Text);
                }

            default:
                {
                    var community = XContent.Community(value);
                    var media = call.Spec.Kind == XRouteKind.CommunityMedia;
                    var plan = IdScenario.Parse(value).Plan(media ? community.MediaTotal : community.PostTotal);
                    var list = media ? "media" : "posts";
                    return Page(call, plan, index => XContent.OtherPost($"community:{list}:{value}:{index}", withMedia: media));
                }
        }
    }

    /// <summary>One page of posts, <paramref name="postAt"/> naming the post at each place of the list. The
    /// next link repeats only what the route takes: a user's posts take no count.</summary>
    private static RouteResult Page(XCall call, ListPlan plan, Func<long, string> postAt) =>
        PageWriter.Page(call, plan, new PageStyle(new NextLink(Count: call.Spec.Count is not null)), (writer, index) =>
            XJson.WritePost(writer, XContent.Post(postAt(index)), withContext: false));

    /// <summary>The contract's username rule after one leading '@' is dropped; handles compare lower-cased.</summary>
    private static string? NormalizeUsername(string decoded) =>
        PathValues.NormalizeHandle(decoded, 15, c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
