using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

/// <summary>One validated request to a Reddit route.</summary>
internal sealed class RedditCall : IRouteCall, IPagedCall
{
    public required RedditRouteSpec Spec { get; init; }

    /// <summary>The path parameters after validation: lower-cased names, IDs without their type prefix.</summary>
    public required string[] Values { get; init; }

    public Scenario Subject { get; init; }

    public string? RetryKey { get; init; }

    public ApiError NotFound { get; init; } = RedditErrors.UserNotFound;

    public ApiError Rejected { get; init; } = ApiErrors.RejectedUsername;

    public int Count { get; init; }

    public ListPosition Position { get; init; } = ListPosition.Start;

    public string CursorText { get; init; } = ListCursor.StartText;

    /// <summary>0 keeps the underlying order, 1 reverses it, 2 shuffles it.</summary>
    public int Order { get; init; }

    public string? OrderText { get; init; }

    public string? Time { get; init; }

    public string? Query { get; init; }

    public string? QueryKey { get; init; }

    public string Identity { get; init; } = string.Empty;

    public string PartOf { get; init; } = string.Empty;

    /// <summary>The IDs of a batch, without their prefix, in request order.</summary>
    public string[] BatchIds { get; init; } = [];

    public RouteResult Execute(EmulatorState state) => RedditRoutes.Execute(this);
}

internal static class RedditErrors
{
    public static readonly ApiError UserNotFound = new(StatusCodes.Status404NotFound, "not_found", "User not found.");
    public static readonly ApiError SubredditNotFound = new(StatusCodes.Status404NotFound, "not_found", "Subreddit not found.");
    public static readonly ApiError PostNotFound = new(StatusCodes.Status404NotFound, "not_found", "Post not found.");
    public static readonly ApiError CommentNotFound = new(StatusCodes.Status404NotFound, "not_found", "Comment not found.");
    public static readonly ApiError InvalidUsername = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid username: use 3-20 letters, digits, '_' or '-', optionally after 'u/'.");
    public static readonly ApiError InvalidSubreddit = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid subreddit: use 2-21 letters, digits or '_', optionally after 'r/'.");
    public static readonly ApiError InvalidPostId = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid post ID: use base36 letters and digits, optionally after 't3_'.");
    public static readonly ApiError InvalidCommentId = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid comment ID: use base36 letters and digits, optionally after 't1_'.");
    public static readonly ApiError MissingQuery = new(StatusCodes.Status400BadRequest, "validation_error", "'q' is required and must not be empty.");
    public static readonly ApiError RejectedSubreddit = new(StatusCodes.Status400BadRequest, "validation_error", "The platform rejected this subreddit.");
    public static readonly ApiError RejectedQuery = new(StatusCodes.Status400BadRequest, "validation_error", "The platform rejected this query.");
    public static readonly ApiError NoResults = new(StatusCodes.Status404NotFound, "not_found", "No results for this query.");

    public static ApiError BadBatch(string why) => new(StatusCodes.Status400BadRequest, "validation_error", "Invalid body: " + why + ".");
}

internal static class RedditRoutes
{
    private const int MaxIdLength = 64;

    public static ApiError? Prepare(RedditRouteMatch match, RouteRequest request, out IRouteCall? call)
    {
        call = null;
        var spec = match.Spec;
        if (spec.IsBatch)
        {
            if (RedditBatch.Read(request.Body, spec.BatchPrefix!) is not { } ids)
            {
                return RedditBatch.Problem(request.Body, spec.BatchPrefix!);
            }

            call = new RedditCall { Spec = spec, Values = [], BatchIds = ids, Subject = new Scenario(ScenarioKind.Generated) };
            return null;
        }

        var values = new string[match.Parameters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var raw = match.Parameters[i];
            var owner = spec.Template[0] == "posts" && i == 1 ? "comments" : spec.Template[0];
            string? value = owner switch
            {
                "users" => Name(raw, "u/", 3, 20, allowDash: true),
                "subreddits" => Name(raw, "r/", 2, 21, allowDash: false),
                "posts" => Id(raw, "t3_"),
                "comments" => Id(raw, "t1_"),
                _ => Array.IndexOf(RedditFeeds, raw) >= 0 ? raw : null,
            };
            if (value is null)
            {
                return owner switch
                {
                    "users" => RedditErrors.InvalidUsername,
                    "subreddits" => RedditErrors.InvalidSubreddit,
                    "posts" => RedditErrors.InvalidPostId,
                    "comments" => RedditErrors.InvalidCommentId,
                    _ => ApiErrors.BadEnum("feed", RedditFeeds),
                };
            }

            values[i] = value;
        }

        var query = spec.Kind is RedditRouteKind.User or RedditRouteKind.Subreddit or RedditRouteKind.Post or RedditRouteKind.Comment
            || spec.Whole ? QueryString.Empty : request.Query;
        string? searchText = null;
        string? searchKey = null;
        if (spec.Searches)
        {
            searchText = query["q"]?.Trim();
            if (string.IsNullOrEmpty(searchText))
            {
                return RedditErrors.MissingQuery;
            }

            searchKey = searchText.ToLowerInvariant();
        }

        var count = 0;
        if (spec.Count is { } bounds)
        {
            var countText = query["count"];
            count = bounds.Default;
            if (countText is not null
                && (!int.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count) || count < bounds.Min || count > bounds.Max))
            {
                return ApiErrors.BadCount(bounds);
            }
        }

        var orderText = spec.Orders is null ? null : query["order"];
        var order = 0;
        if (orderText is not null)
        {
            var at = Array.IndexOf(spec.Orders!, orderText);
            if (at < 0)
            {
                return ApiErrors.BadEnum("order", spec.Orders!);
            }

            // The default keeps the underlying sequence, a time order reverses it, any other ranking shuffles it.
            order = at == 0 ? 0 : orderText is "new" or "old" ? 1 : 2;
        }

        var time = spec.Time ? query["time"] : null;
        if (time is not null && Array.IndexOf(RedditPlatform.Times, time) < 0)
        {
            return ApiErrors.BadEnum("time", RedditPlatform.Times);
        }

        var identity = string.Join('|', spec.StatsName, string.Join('|', values), searchKey ?? string.Empty, orderText ?? string.Empty, time ?? string.Empty);
        var position = ListPosition.Start;
        var cursorText = ListCursor.StartText;
        if (spec.IsList)
        {
            var sent = query["cursor"];
            if (!ListCursor.TryDecode(identity, sent, out position))
            {
                return ApiErrors.BadCursor;
            }

            cursorText = string.IsNullOrEmpty(sent) ? ListCursor.StartText : sent;
        }

        var (subject, retryKey, notFound, rejected) = SubjectOf(spec, values, searchKey);
        call = new RedditCall
        {
            Spec = spec,
            Values = values,
            Subject = subject,
            RetryKey = retryKey,
            NotFound = notFound,
            Rejected = rejected,
            Count = count,
            Position = position,
            CursorText = cursorText,
            Order = order,
            OrderText = orderText,
            Time = time,
            Query = searchText,
            QueryKey = searchKey,
            Identity = identity,
            PartOf = request.BaseUrl + CanonicalPath(spec, values),
        };
        return null;
    }

    private static readonly string[] RedditFeeds = ["best", "hot", "new", "top", "rising", "controversial"];

    /// <summary>The cursor a list would issue for a position, so a test can jump deep into a list.</summary>
    internal static string CursorFor(string rawTarget, ListPosition position)
    {
        var queryAt = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var match = (RedditRouteMatch?)RedditPlatform.Instance.Match(HttpMethods.Get, queryAt < 0 ? rawTarget : rawTarget[..queryAt])
            ?? throw new ArgumentException("Not a route.", nameof(rawTarget));
        if (Prepare(match, new RouteRequest(rawTarget, default, "http://localhost"), out var call) is { } error)
        {
            throw new ArgumentException(error.Message, nameof(rawTarget));
        }

        return ListCursor.Encode(((RedditCall)call!).Identity, position);
    }

    private static (Scenario Subject, string? RetryKey, ApiError NotFound, ApiError Rejected) SubjectOf(RedditRouteSpec spec, string[] values, string? searchKey)
    {
        switch (spec.Template[0])
        {
            case "users":
                return (ReservedNames.ResolveTag(values[0]), "user:" + values[0], RedditErrors.UserNotFound, ApiErrors.RejectedUsername);
            case "subreddits":
                {
                    var own = ReservedNames.ResolveTag(values[0]);
                    if (spec.Searches && own.Kind == ScenarioKind.Generated)
                    {
                        return (ReservedNames.Resolve(searchKey!), "search:" + searchKey, RedditErrors.NoResults, RedditErrors.RejectedQuery);
                    }

                    return (own, "subreddit:" + values[0], RedditErrors.SubredditNotFound, RedditErrors.RejectedSubreddit);
                }

            case "search":
                return (ReservedNames.Resolve(searchKey!), "search:" + searchKey, RedditErrors.NoResults, RedditErrors.RejectedQuery);
            case "posts":
                {
                    if (IdScenario.Parse(values[0]).Kind == IdScenarioKind.NotFound)
                    {
                        return (new Scenario(ScenarioKind.NotFound), null, RedditErrors.PostNotFound, ApiErrors.RejectedUsername);
                    }

                    if (values.Length > 1 && (IdScenario.Parse(values[1]).Kind == IdScenarioKind.NotFound || !RedditContent.BelongsTo(values[1], values[0])))
                    {
                        return (new Scenario(ScenarioKind.NotFound), null, RedditErrors.CommentNotFound, ApiErrors.RejectedUsername);
                    }

                    return (new Scenario(ScenarioKind.Generated), null, RedditErrors.PostNotFound, ApiErrors.RejectedUsername);
                }

            default:
                return (new Scenario(ScenarioKind.Generated), null, ApiErrors.RouteNotFound, ApiErrors.RejectedQuery);
        }
    }

    private static string CanonicalPath(RedditRouteSpec spec, string[] values)
    {
        var path = new StringBuilder("/v1/reddit");
        var next = 0;
        foreach (var segment in spec.Template)
        {
            path.Append('/').Append(segment == "{}" ? Uri.EscapeDataString(values[next++]) : segment);
        }

        return path.ToString();
    }

    /// <summary>A user or subreddit name after an optional u/ or r/, lower-cased; null when invalid.</summary>
    private static string? Name(string raw, string prefix, int min, int max, bool allowDash)
    {
        var name = raw.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? raw[prefix.Length..] : raw;
        return name.Length >= min && PathValues.IsWord(name, max, c => char.IsAsciiLetterOrDigit(c) || c == '_' || (allowDash && c == '-'))
            ? name.ToLowerInvariant()
            : null;
    }

    /// <summary>A base36 ID after an optional type prefix; null when invalid.</summary>
    internal static string? Id(string raw, string prefix)
    {
        var id = raw.StartsWith(prefix, StringComparison.Ordinal) ? raw[prefix.Length..] : raw;
        return PathValues.IsWord(id, MaxIdLength, char.IsAsciiLetterOrDigit) ? id : null;
    }

    public static RouteResult Execute(RedditCall call)
    {
        var values = call.Values;
        switch (call.Spec.Kind)
        {
            case RedditRouteKind.User:
                return PageWriter.Single(writer => RedditJson.WriteUser(writer, RedditContent.User(values[0]), withContext: true));
            case RedditRouteKind.Subreddit:
                return PageWriter.Single(writer => RedditJson.WriteSubreddit(writer, RedditContent.Subreddit(values[0]), withContext: true));
            case RedditRouteKind.Post:
                return PageWriter.Single(writer => RedditJson.WritePost(writer, RedditContent.Post(values[0]), withContext: true));
            case RedditRouteKind.Comment:
                return PageWriter.Single(writer => RedditJson.WriteComment(writer, RedditContent.Comment(values[1], values[0]), withContext: true));
            case RedditRouteKind.SubredditSticky:
                {
                    var subreddit = RedditContent.Subreddit(values[0]);
                    var plan = ListPlan.From(call.Subject, subreddit.StickyCount);
                    return Whole(call, subreddit.Url, plan.Total, (writer, index) =>
                        RedditJson.WritePost(writer, RedditContent.Post(RedditId.SubredditPost(values[0], index)), withContext: false));
                }

            case RedditRouteKind.SubredditRules:
                {
                    var subreddit = RedditContent.Subreddit(values[0]);
                    var plan = ListPlan.From(call.Subject, subreddit.RuleCount);
                    return Whole(call, subreddit.Url, plan.Total, (writer, index) => RedditJson.WriteRule(writer, values[0], (int)index));
                }

            case RedditRouteKind.PostsBatch:
                return Batch(call, (writer, id) => RedditJson.WritePost(writer, RedditContent.Post(id), withContext: false));
            case RedditRouteKind.CommentsBatch:
                return Batch(call, (writer, id) => RedditJson.WriteComment(writer, RedditContent.Comment(id, null), withContext: false));
            case RedditRouteKind.SubredditsBatch:
                return Batch(call, (writer, id) => RedditJson.WriteSubreddit(writer, SubredditById(id), withContext: false));
            default:
                return RedditLists.Execute(call);
        }
    }

    /// <summary>A subreddit by ID: ours names the subreddit; any other ID gets a stand-in that keeps the ID.</summary>
    private static RedditSubredditModel SubredditById(string id)
    {
        var parsed = RedditId.Parse(id);
        return parsed.Kind == RedditIdKind.Subreddit
            ? RedditContent.Subreddit(RedditNames.Decode(parsed.Owner))
            : RedditContent.Subreddit(RedditNames.GeneratedFor("reddit.subreddit-id:" + id)) with { Id = id };
    }

    /// <summary>A list small enough to send whole: an OrderedCollection, no paging.</summary>
    private static RouteResult Whole(RedditCall call, string url, long total, Action<Utf8JsonWriter, long> writeItem) => PageWriter.Single(writer =>
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        writer.WriteString("type", "OrderedCollection");
        writer.WriteString("id", call.PartOf);
        writer.WriteString("url", url);
        writer.WriteNumber("totalItems", total);
        writer.WriteStartArray("orderedItems");
        for (long i = 0; i < total; i++)
        {
            writeItem(writer, i);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>A batch answers the IDs it found, in request order, as a Collection.</summary>
    private static RouteResult Batch(RedditCall call, Action<Utf8JsonWriter, string> writeItem) => PageWriter.Single(writer =>
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        writer.WriteString("type", "Collection");
        var found = Array.FindAll(call.BatchIds, id => IdScenario.Parse(id).Kind != IdScenarioKind.NotFound);
        writer.WriteNumber("itemCount", found.Length);
        writer.WriteStartArray("items");
        foreach (var id in found)
        {
            writeItem(writer, id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}
