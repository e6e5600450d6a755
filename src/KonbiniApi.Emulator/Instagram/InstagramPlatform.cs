using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

internal enum InstagramRouteKind
{
    User,
    UserPosts,
    UserReels,
    UserTagged,
    UserHighlights,
    Post,
    PostComments,
    Search,
    LocationPosts,
    HighlightStories,
}

/// <summary>One Instagram route: its path after <c>/v1/instagram/</c> (<c>{}</c> marks the parameter), its count
/// bounds when it takes a count, and for lists paged by cursor alone the page size the service picks.</summary>
internal sealed record InstagramRouteSpec(InstagramRouteKind Kind, string StatsName, string[] Template, CountBounds? Count, int CursorOnlyPage = 0)
{
    public bool IsPaged => Count is not null || CursorOnlyPage > 0;
}

/// <summary>Instagram's routes as a platform of the emulator.</summary>
internal sealed class InstagramPlatform : IRoutePlatform
{
    public const string RoutePrefix = "/v1/instagram/";

    /// <summary>The service pages highlights by cursor alone; the emulator gives this many a page.</summary>
    public const int HighlightPage = 10;

    public static InstagramPlatform Instance { get; } = new();

    public static IReadOnlyList<InstagramRouteSpec> Routes { get; } =
    [
        new(InstagramRouteKind.User, "instagram.users", ["users", "{}"], null),
        new(InstagramRouteKind.UserPosts, "instagram.users.posts", ["users", "{}", "posts"], new(1, 12, 12)),
        new(InstagramRouteKind.UserReels, "instagram.users.reels", ["users", "{}", "reels"], new(1, 12, 12)),
        new(InstagramRouteKind.UserTagged, "instagram.users.tagged", ["users", "{}", "tagged"], new(1, 12, 12)),
        new(InstagramRouteKind.UserHighlights, "instagram.users.highlights", ["users", "{}", "highlights"], null, HighlightPage),
        new(InstagramRouteKind.Post, "instagram.posts", ["posts", "{}"], null),
        new(InstagramRouteKind.PostComments, "instagram.posts.comments", ["posts", "{}", "comments"], new(15, 15, 15)),
        new(InstagramRouteKind.Search, "instagram.search", ["search"], new(1, 24, 24)),
        new(InstagramRouteKind.LocationPosts, "instagram.locations", ["locations", "{}"], new(21, 21, 21)),
        new(InstagramRouteKind.HighlightStories, "instagram.highlights", ["highlights", "{}"], null),
    ];

    public string Prefix => RoutePrefix;

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
                return new InstagramRouteMatch(spec, parameters.Length == 0 ? null : parameters[^1]);
            }
        }

        return null;
    }

    /// <summary>The cursor a list would issue for a position, so a test can jump deep into a long list.</summary>
    internal static string CursorFor(string rawTarget, ListPosition position)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var match = (InstagramRouteMatch?)Instance.Match(HttpMethods.Get, query < 0 ? rawTarget : rawTarget[..query])
            ?? throw new ArgumentException("Not a route.", nameof(rawTarget));
        if (match.Prepare(new RouteRequest(rawTarget, default, "http://localhost"), out var call) is { } error)
        {
            throw new ArgumentException(error.Message, nameof(rawTarget));
        }

        return ListCursor.Encode(((InstagramCall)call!).Identity, position);
    }
}

internal static class InstagramErrors
{
    public static readonly ApiError InvalidUsername = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid username: use 1-30 letters, digits, '_' or '.', optionally after one '@'.");
    public static readonly ApiError InvalidShortcode = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid post ID: use the post's shortcode (1-24 letters, digits, '-' or '_').");
    public static readonly ApiError RejectedPost = new(StatusCodes.Status400BadRequest, "validation_error", "The platform rejected this post ID.");
    public static readonly ApiError RejectedId = new(StatusCodes.Status400BadRequest, "validation_error", "The platform rejected this ID.");
}

internal sealed record InstagramRouteMatch(InstagramRouteSpec Spec, string? Parameter) : IRouteMatch
{
    public string StatsName => Spec.StatsName;

    public ApiError? Prepare(RouteRequest request, out IRouteCall? call)
    {
        call = null;
        string value = string.Empty;
        if (Parameter is { } raw)
        {
            var owner = Spec.Template[0];
            string? checkedValue = owner switch
            {
                "users" => NormalizeUsername(raw),
                "posts" => PathValues.IsWord(raw, 24, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? raw : null,
                _ => PathValues.IsId(raw) ? raw : null,
            };
            if (checkedValue is null)
            {
                return owner switch
                {
                    "users" => InstagramErrors.InvalidUsername,
                    "posts" => InstagramErrors.InvalidShortcode,
                    "locations" => ApiErrors.InvalidId("location"),
                    _ => ApiErrors.InvalidId("highlight"),
                };
            }

            value = checkedValue;
        }

        // Only lists and the search read the query; a lookup ignores whatever it carries.
        var query = Spec.IsPaged ? request.Query : QueryString.Empty;
        string? searchText = null;
        if (Spec.Kind == InstagramRouteKind.Search)
        {
            searchText = query["query"]?.Trim();
            if (string.IsNullOrEmpty(searchText))
            {
                return ApiErrors.MissingQuery;
            }

            value = searchText.ToLowerInvariant();
        }

        var count = Spec.CursorOnlyPage;
        if (Spec.Count is { } bounds)
        {
            count = bounds.Default;
            var countText = query["count"];
            if (countText is not null
                && (!int.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count) || count < bounds.Min || count > bounds.Max))
            {
                return ApiErrors.BadCount(bounds);
            }
        }

        var identity = Spec.StatsName + "|" + value;
        var position = ListPosition.Start;
        var cursorText = ListCursor.StartText;
        if (Spec.IsPaged)
        {
            var sent = query["cursor"];
            if (!ListCursor.TryDecode(identity, sent, out position))
            {
                return ApiErrors.BadCursor;
            }

            cursorText = string.IsNullOrEmpty(sent) ? ListCursor.StartText : sent;
        }

        var canonical = Spec.Kind == InstagramRouteKind.Search
            ? "/v1/instagram/search"
            : "/v1/instagram/" + string.Join('/', Array.ConvertAll(Spec.Template, segment => segment == "{}" ? Uri.EscapeDataString(value) : segment));
        var (subject, retryKey, notFound, rejected) = SubjectOf(value);
        call = new InstagramCall
        {
            Spec = Spec,
            Value = value,
            Query = searchText,
            Subject = subject,
            RetryKey = retryKey,
            NotFound = notFound,
            Rejected = rejected,
            Count = count,
            Position = position,
            CursorText = cursorText,
            Identity = identity,
            PartOf = request.BaseUrl + canonical,
        };
        return null;
    }

    private (Scenario Subject, string? RetryKey, ApiError NotFound, ApiError Rejected) SubjectOf(string value)
    {
        switch (Spec.Template[0])
        {
            case "users":
                return (ReservedNames.Resolve(value), "ig-user:" + value, ApiErrors.NotFound, ApiErrors.RejectedUsername);
            case "search":
                return (ReservedNames.Resolve(value), "ig-search:" + value, ApiErrors.NoResults, ApiErrors.RejectedQuery);
            case "posts":
                // Shortcodes cannot hold '.', so reserved ones are spelled with '_': emu_notfound, emu_list_40.
                return (ReservedNames.ResolveTag(value), "ig-post:" + value, ApiErrors.ItemNotFound("Post"), InstagramErrors.RejectedPost);
        }

        var notFound = ApiErrors.ItemNotFound(Spec.Template[0] == "locations" ? "Location" : "Highlight");
        return IdScenario.Parse(value).Kind == IdScenarioKind.NotFound
            ? (new Scenario(ScenarioKind.NotFound), null, notFound, InstagramErrors.RejectedId)
            : (new Scenario(ScenarioKind.Generated), null, notFound, InstagramErrors.RejectedId);
    }

    /// <summary>The username rule after one leading '@' is dropped: 1-30 letters, digits, '_' or '.', compared lower-cased.</summary>
    private static string? NormalizeUsername(string segment) =>
        PathValues.NormalizeHandle(segment, 30, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
}

/// <summary>One validated request to an Instagram route.</summary>
internal sealed class InstagramCall : IRouteCall, IPagedCall
{
    public required InstagramRouteSpec Spec { get; init; }

    /// <summary>The path value after validation (lower-cased usernames, codes and IDs as sent), or the lower-cased search text.</summary>
    public required string Value { get; init; }

    /// <summary>The search text as sent (trimmed), for the next link.</summary>
    public string? Query { get; init; }

    public Scenario Subject { get; init; }

    public string? RetryKey { get; init; }

    public ApiError NotFound { get; init; } = ApiErrors.NotFound;

    public ApiError Rejected { get; init; } = ApiErrors.RejectedUsername;

    public int Count { get; init; }

    public ListPosition Position { get; init; } = ListPosition.Start;

    public string CursorText { get; init; } = ListCursor.StartText;

    public string Identity { get; init; } = string.Empty;

    public string PartOf { get; init; } = string.Empty;

    public RouteResult Execute(EmulatorState state) => InstagramRoutes.Execute(this);
}

/// <summary>Answers the Instagram routes.</summary>
internal static class InstagramRoutes
{
    public static RouteResult Execute(InstagramCall call)
    {
        var value = call.Value;
        var subject = call.Subject;
        switch (call.Spec.Kind)
        {
            case InstagramRouteKind.User:
                return PageWriter.Single(writer => InstagramJson.WriteUser(writer, InstagramContent.Profile(value, subject), subject.Kind));
            case InstagramRouteKind.Post:
                return PageWriter.Single(writer => InstagramJson.WritePost(writer, InstagramContent.Post(value), withContext: true));
            case InstagramRouteKind.HighlightStories:
                return Stories(InstagramContent.Highlight(value));
            case InstagramRouteKind.UserPosts:
                return Page(call, ListPlan.From(subject, InstagramContent.Profile(value, subject).MediaCount), (writer, index) =>
                    InstagramJson.WritePost(writer, InstagramContent.Post(Shortcode.For(ShortcodeKind.Post, value, index)), withContext: false));
            case InstagramRouteKind.UserReels:
                return Page(call, ListPlan.From(subject, InstagramContent.Profile(value, subject).VideoCount), (writer, index) =>
                    InstagramJson.WritePost(writer, InstagramContent.Post(Shortcode.For(ShortcodeKind.Reel, value, index)), withContext: false));
            case InstagramRouteKind.UserTagged:
                return Page(call, ListPlan.From(subject, InstagramContent.TaggedLength(value)), (writer, index) =>
                    InstagramJson.WritePost(writer, InstagramContent.Post(Shortcode.For(ShortcodeKind.Tagged, value, index)), withContext: false));
            case InstagramRouteKind.UserHighlights:
                return Page(call, ListPlan.From(subject, InstagramContent.Profile(value, subject).HighlightCount), (writer, index) =>
                {
                    writer.WriteStartObject();
                    InstagramJson.WriteHighlightHead(writer, InstagramContent.Highlight(InstagramContent.HighlightId(value, index)));
                    writer.WriteEndObject();
                });
            case InstagramRouteKind.PostComments:
                {
                    var post = InstagramContent.Post(value);
                    return Page(call, ListPlan.From(subject, post.CommentCount), (writer, index) =>
                        InstagramJson.WriteComment(writer, post, InstagramContent.Comment(post, index)));
                }

            case InstagramRouteKind.LocationPosts:
                {
                    var location = ulong.Parse(value, CultureInfo.InvariantCulture);
                    return Page(call, IdScenario.Parse(value).Plan(InstagramContent.LocationLength(value)), (writer, index) =>
                        InstagramJson.WritePost(writer, InstagramContent.Post(Shortcode.ForLocation(location, index)), withContext: false));
                }

            default:
                {
                    // A trending search does not know its size up front; scripted ones say theirs.
                    var totalKnown = subject.Kind is ScenarioKind.ListExact or ScenarioKind.PageRepeat or ScenarioKind.PageHole
                        or ScenarioKind.PageHollow or ScenarioKind.PageFail;
                    return Page(call, ListPlan.From(subject, InstagramContent.SearchLength(value)), (writer, index) =>
                        InstagramJson.WritePost(writer, InstagramContent.Post(InstagramContent.OtherReel($"{value}:{index}")), withContext: false), totalKnown);
                }
        }
    }

    private static RouteResult Stories(InstagramHighlightModel highlight) => PageWriter.Single(writer =>
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        InstagramJson.WriteHighlightHead(writer, highlight);
        writer.WriteStartArray("orderedItems");
        for (var i = 0; i < highlight.StoryCount; i++)
        {
            InstagramJson.WriteStory(writer, highlight, InstagramContent.Story(highlight, i));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>An Instagram page: the next link repeats the search text, and the count only where the route takes one.</summary>
    private static RouteResult Page(InstagramCall call, ListPlan plan, Action<Utf8JsonWriter, long> writeItem, bool totalKnown = true) =>
        PageWriter.Page(call, plan, new PageStyle(new NextLink(call.Query, Count: call.Spec.Count is not null), totalKnown), writeItem);
}
