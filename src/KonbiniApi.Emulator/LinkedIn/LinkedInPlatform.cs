using System;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

internal enum LinkedInRouteKind
{
    User,
    UserArticles,
    UserPosts,
    Company,
    CompanyPosts,
    Post,
    PostTranscript,
}

/// <summary>LinkedIn's seven routes as a platform of the emulator.</summary>
internal sealed class LinkedInPlatform : IRoutePlatform
{
    public const string RoutePrefix = "/v1/linkedin/";

    public static LinkedInPlatform Instance { get; } = new();

    public string Prefix => RoutePrefix;

    /// <summary>Literal segments are compared as they arrived; the one parameter is decoded only once the
    /// route is fixed, so an encoded '/' or '..' never turns one route into another.</summary>
    public IRouteMatch? Match(string method, string rawPath)
    {
        if (!HttpMethods.IsGet(method) || !rawPath.StartsWith(RoutePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = rawPath[RoutePrefix.Length..].Split('/');
        if (segments.Length is < 2 or > 3 || segments[1].Length == 0)
        {
            return null;
        }

        var tail = segments.Length == 3 ? segments[2] : null;
        LinkedInRouteKind? kind = (segments[0], tail) switch
        {
            ("users", null) => LinkedInRouteKind.User,
            ("users", "articles") => LinkedInRouteKind.UserArticles,
            ("users", "posts") => LinkedInRouteKind.UserPosts,
            ("companies", null) => LinkedInRouteKind.Company,
            ("companies", "posts") => LinkedInRouteKind.CompanyPosts,
            ("posts", null) => LinkedInRouteKind.Post,
            ("posts", "transcript") => LinkedInRouteKind.PostTranscript,
            _ => null,
        };
        var value = Uri.UnescapeDataString(segments[1]);
        return kind is { } found && value is not ("." or "..") ? new LinkedInRouteMatch(found, value) : null;
    }

    public static string StatsNameOf(LinkedInRouteKind kind) => kind switch
    {
        LinkedInRouteKind.User => "linkedin.users",
        LinkedInRouteKind.UserArticles => "linkedin.users.articles",
        LinkedInRouteKind.UserPosts => "linkedin.users.posts",
        LinkedInRouteKind.Company => "linkedin.companies",
        LinkedInRouteKind.CompanyPosts => "linkedin.companies.posts",
        LinkedInRouteKind.Post => "linkedin.posts",
        _ => "linkedin.posts.transcript",
    };
}

internal sealed record LinkedInRouteMatch(LinkedInRouteKind Kind, string Value) : IRouteMatch
{
    private static readonly ApiError InvalidMember = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid LinkedIn username: use 1-100 letters, digits, '-', '_' or '.'.");
    private static readonly ApiError InvalidCompany = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid LinkedIn company: use its vanity name or numeric ID (1-100 letters, digits, '-', '_' or '.').");
    private static readonly ApiError InvalidPost = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid postId: use a numeric activity ID, urn:li:activity:ID, or a post slug ending in -activity-ID-xxxx.");
    private static readonly ApiError RejectedName = new(StatusCodes.Status400BadRequest, "validation_error", "LinkedIn rejected this name.");

    public string StatsName => LinkedInPlatform.StatsNameOf(Kind);

    public ApiError? Prepare(RouteRequest request, out IRouteCall? call)
    {
        call = null;
        var byPost = Kind is LinkedInRouteKind.Post or LinkedInRouteKind.PostTranscript;
        var member = Kind is LinkedInRouteKind.User or LinkedInRouteKind.UserArticles or LinkedInRouteKind.UserPosts;
        var value = byPost ? LinkedInNames.ActivityId(Value) : LinkedInNames.Normalize(Value);
        if (value is null)
        {
            return byPost ? InvalidPost : member ? InvalidMember : InvalidCompany;
        }

        var subject = byPost
            ? new Scenario(IdScenario.Parse(value).Kind == IdScenarioKind.NotFound ? ScenarioKind.NotFound : ScenarioKind.Generated)
            : LinkedInNames.Resolve(value);
        var identity = StatsName + "|" + value;
        var position = ListPosition.Start;
        var cursorText = ListCursor.StartText;
        if (Kind == LinkedInRouteKind.CompanyPosts)
        {
            // The service pages company posts by cursor alone; a count, if sent, is not the client's to choose and is ignored.
            var sent = request.Query["cursor"];
            if (!ListCursor.TryDecode(identity, sent, out position))
            {
                return ApiErrors.BadCursor;
            }

            cursorText = string.IsNullOrEmpty(sent) ? ListCursor.StartText : sent;
        }

        call = new LinkedInCall
        {
            Kind = Kind,
            Value = value,
            Subject = subject,
            RetryKey = byPost ? null : "linkedin:" + value,
            NotFound = byPost ? ApiErrors.ItemNotFound("Post") : member ? ApiErrors.NotFound : ApiErrors.ItemNotFound("Company"),
            Rejected = RejectedName,
            Identity = identity,
            Position = position,
            CursorText = cursorText,
            PartOf = request.BaseUrl + LinkedInPlatform.RoutePrefix + "companies/" + Uri.EscapeDataString(value) + "/posts",
        };
        return null;
    }
}

/// <summary>One validated request to a LinkedIn route.</summary>
internal sealed class LinkedInCall : IRouteCall, IPagedCall
{
    private static readonly ApiError NoCaptions = new(StatusCodes.Status404NotFound, "not_found", "This post has no video with captions.");

    public required LinkedInRouteKind Kind { get; init; }

    /// <summary>The lower-cased name, or the activity ID read from any of the post ID forms.</summary>
    public required string Value { get; init; }

    public Scenario Subject { get; init; }

    public string? RetryKey { get; init; }

    public ApiError NotFound { get; init; } = ApiErrors.NotFound;

    public ApiError Rejected { get; init; } = ApiErrors.RejectedUsername;

    public string Identity { get; init; } = string.Empty;

    public ListPosition Position { get; init; } = ListPosition.Start;

    public string CursorText { get; init; } = ListCursor.StartText;

    public string PartOf { get; init; } = string.Empty;

    /// <summary>A company's posts come in pages of a fixed size; the request has no count.</summary>
    int IPagedCall.Count => LinkedInContent.CompanyPageSize;

    public RouteResult Execute(EmulatorState state)
    {
        switch (Kind)
        {
            case LinkedInRouteKind.User:
                return PageWriter.Single(writer => LinkedInJson.WriteMember(writer, LinkedInContent.Member(Value, Subject), LinkedInJson.ShapeOf(Subject)));
            case LinkedInRouteKind.Company:
                return PageWriter.Single(writer => LinkedInJson.WriteCompany(writer, LinkedInContent.Company(Value), LinkedInJson.ShapeOf(Subject)));
            case LinkedInRouteKind.Post:
                return PageWriter.Single(writer => LinkedInJson.WritePost(writer, LinkedInContent.Post(Value), lookup: true));
            case LinkedInRouteKind.PostTranscript:
                {
                    var post = LinkedInContent.Post(Value);
                    if (post.Video?.CaptionType is null || IdScenario.Parse(Value).Kind == IdScenarioKind.NoTranscript)
                    {
                        return RouteResult.Error(NoCaptions, charge: true);
                    }

                    return PageWriter.Single(writer => LinkedInJson.WriteTranscript(writer, post));
                }

            case LinkedInRouteKind.UserPosts:
                {
                    var member = LinkedInContent.Member(Value, Subject);
                    return Whole("/posts/", WholeLength(member.PostCount), (writer, index) =>
                        LinkedInJson.WritePost(writer, LinkedInContent.Post(PostOwner.Member, Value, index), lookup: false));
                }

            case LinkedInRouteKind.UserArticles:
                {
                    var member = LinkedInContent.Member(Value, Subject);
                    var articles = LinkedInContent.Articles(member, WholeLength(member.ArticleCount));
                    return Whole("/articles/", WholeLength(member.ArticleCount), null, articles, member);
                }

            default:
                return CompanyPage();
        }
    }

    /// <summary>A whole list's length: emu.list.N fixes it (within a bound, since it comes in one answer);
    /// the paging scenarios mean nothing for a list that has no pages.</summary>
    private long WholeLength(long natural) =>
        Subject.Kind == ScenarioKind.ListExact ? Math.Min(Subject.Number, LinkedInContent.WholeListLimit) : natural;

    private RouteResult Whole(string section, long count, Action<Utf8JsonWriter, long>? writePost, System.Collections.Generic.IEnumerable<(string Url, string Title, string Cover, long Likes)>? articles = null, LinkedInMember? author = null)
    {
        var url = "https://www.linkedin.com/in/" + Uri.EscapeDataString(Value) + section;
        return PageWriter.Single(writer =>
        {
            writer.WriteStartObject();
            PersonJson.WriteContext(writer);
            writer.WriteString("type", "OrderedCollection");
            writer.WriteString("id", url);
            writer.WriteString("url", url);
            writer.WriteNumber("totalItems", count);
            writer.WriteStartArray("orderedItems");
            if (writePost is not null)
            {
                for (var i = 0L; i < count; i++)
                {
                    writePost(writer, i);
                }
            }
            else
            {
                foreach (var article in articles!)
                {
                    LinkedInJson.WriteArticle(writer, author!, article);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>A company's posts: LinkedIn does not say how many a page has in all (only the scripted lists
    /// know), the first page says <c>cursor: null</c>, and the next link carries nothing but the cursor.</summary>
    private RouteResult CompanyPage()
    {
        var plan = ListPlan.From(Subject, LinkedInContent.Company(Value).PostCount);
        var style = new PageStyle(new NextLink(Count: false), TotalKnown: plan.IsScripted || Subject.Kind == ScenarioKind.ListExact, NullCursorOnFirstPage: true);
        return PageWriter.Page(this, plan, style, (writer, index) =>
            LinkedInJson.WritePost(writer, LinkedInContent.Post(PostOwner.Company, Value, index), lookup: false));
    }
}
