using System;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>The paged Reddit lists: what item N of each list is, and the page around it.</summary>
internal static class RedditLists
{
    /// <summary>A scripted overview alternates posts and comments for as long as it runs.</summary>
    private const long Endless = 1L << 50;

    public static RouteResult Execute(RedditCall call)
    {
        var values = call.Values;
        var subject = call.Subject;
        switch (call.Spec.Kind)
        {
            case RedditRouteKind.UserPosts:
                {
                    var user = RedditContent.User(values[0]);
                    return Page(call, ListPlan.From(subject, user.PostCount), (writer, index) => WritePost(writer, RedditId.UserPost(values[0], index)));
                }

            case RedditRouteKind.UserComments:
                {
                    var user = RedditContent.User(values[0]);
                    return Page(call, ListPlan.From(subject, user.CommentCount), (writer, index) => WriteComment(writer, RedditId.UserComment(values[0], index), null));
                }

            case RedditRouteKind.UserOverview:
                {
                    var user = RedditContent.User(values[0]);
                    var plan = ListPlan.From(subject, user.PostCount + user.CommentCount);
                    var (posts, comments) = plan.IsScripted || subject.Kind == ScenarioKind.ListExact ? (Endless, Endless) : (user.PostCount, user.CommentCount);
                    return Page(call, plan, (writer, index) =>
                    {
                        // Posts and comments alternate while both last, then the longer list goes on alone.
                        var paired = Math.Min(posts, comments);
                        var (isPost, at) = index < 2 * paired ? (index % 2 == 0, index / 2) : (posts > comments, index - paired);
                        if (isPost)
                        {
                            WritePost(writer, RedditId.UserPost(values[0], at));
                        }
                        else
                        {
                            WriteComment(writer, RedditId.UserComment(values[0], at), null);
                        }
                    });
                }

            case RedditRouteKind.SubredditPosts:
                {
                    var subreddit = RedditContent.Subreddit(values[0]);
                    return Page(call, ListPlan.From(subject, subreddit.PostCount), (writer, index) => WritePost(writer, RedditId.SubredditPost(values[0], index)));
                }

            case RedditRouteKind.SubredditComments:
                {
                    var subreddit = RedditContent.Subreddit(values[0]);
                    return Page(call, ListPlan.From(subject, subreddit.CommentCount), (writer, index) =>
                    {
                        var hash = StableRandom.Hash($"reddit.subreddit-comment:{values[0]}:{index}");
                        var post = RedditContent.Post(RedditId.SubredditPost(values[0], (long)(hash % (ulong)Math.Max(1, subreddit.PostCount))));
                        var top = (int)(hash / 7 % (ulong)Math.Max(1, post.CommentCount));
                        WriteComment(writer, RedditId.ThreadComment(post.Id, [top]), null);
                    });
                }

            case RedditRouteKind.SubredditSearch:
                {
                    var subreddit = RedditContent.Subreddit(values[0]);
                    var natural = (long)(StableRandom.Hash($"reddit.search:{values[0]}:{call.QueryKey}") % (ulong)Math.Min(subreddit.PostCount, 200));
                    return Page(call, ListPlan.From(subject, natural), (writer, index) =>
                        WritePost(writer, RedditId.SubredditPost(values[0], (long)(StableRandom.Hash($"reddit.found:{values[0]}:{call.QueryKey}:{index}") % (ulong)subreddit.PostCount))));
                }

            case RedditRouteKind.PostDuplicates:
                {
                    var post = RedditContent.Post(values[0]);
                    return Page(call, IdScenario.Parse(values[0]).Plan(post.CrosspostCount), (writer, index) =>
                        WritePost(writer, Elsewhere($"reddit.crosspost:{values[0]}:{index}")));
                }

            case RedditRouteKind.PostComments:
                {
                    var post = RedditContent.Post(values[0]);
                    var thread = RedditContent.ThreadPostFor(values[0]);
                    return Page(call, IdScenario.Parse(values[0]).Plan(post.CommentCount), (writer, index) =>
                        WriteComment(writer, RedditId.ThreadComment(thread, [(int)(index % 100_000)]), values[0]));
                }

            case RedditRouteKind.CommentReplies:
                {
                    var comment = RedditContent.Comment(values[1], values[0]);
                    return Page(call, IdScenario.Parse(values[1]).Plan(comment.ReplyCount), (writer, index) =>
                        WriteComment(writer, RedditContent.ReplyId(values[0], values[1], index), values[0]));
                }

            case RedditRouteKind.Feed:
                return Page(call, ListPlan.Exactly(1_000), (writer, index) => WritePost(writer, Elsewhere($"reddit.feed:{values[0]}:{index}")));
            case RedditRouteKind.SearchPosts:
                return Page(call, ListPlan.From(subject, Natural("posts", call.QueryKey!, 300)), (writer, index) =>
                    WritePost(writer, Elsewhere($"reddit.search:{call.QueryKey}:{index}")));
            case RedditRouteKind.SearchUsers:
                return Page(call, ListPlan.From(subject, Natural("users", call.QueryKey!, 120)), (writer, index) =>
                    RedditJson.WriteUser(writer, RedditContent.User(RedditNames.GeneratedFor($"reddit.found-user:{call.QueryKey}:{index}")), withContext: false));
            case RedditRouteKind.SearchSubreddits:
                return Page(call, ListPlan.From(subject, Natural("subreddits", call.QueryKey!, 120)), (writer, index) =>
                    RedditJson.WriteSubreddit(writer, RedditContent.Subreddit(RedditNames.GeneratedFor($"reddit.found-subreddit:{call.QueryKey}:{index}")), withContext: false));
            default:
                throw new InvalidOperationException("Not a list: " + call.Spec.Kind);
        }
    }

    /// <summary>A post of one of the popular subreddits, picked by a key: feeds, searches, crossposts.</summary>
    private static string Elsewhere(string key)
    {
        var hash = StableRandom.Hash(key);
        return RedditId.SubredditPost(RedditNames.Popular[(int)(hash % (ulong)RedditNames.Popular.Length)], (long)(hash / 31 % 1000));
    }

    private static long Natural(string list, string key, long most) => (long)(StableRandom.Hash($"reddit.{list}:{key}") % (ulong)(most + 1));

    private static void WritePost(Utf8JsonWriter writer, string id) => RedditJson.WritePost(writer, RedditContent.Post(id), withContext: false);

    private static void WriteComment(Utf8JsonWriter writer, string id, string? postHint) =>
        RedditJson.WriteComment(writer, RedditContent.Comment(id, postHint), withContext: false);

    /// <summary>A Reddit page: its next link repeats q, count, order and time, and the requested order maps
    /// list positions onto the underlying sequence.</summary>
    private static RouteResult Page(RedditCall call, ListPlan plan, Action<Utf8JsonWriter, long> writeItem)
    {
        var order = ListOrder.Create(call.Order, plan.Mode == ListMode.Exact ? plan.Total : 0, StableRandom.Hash("order:" + call.Identity));
        var link = new NextLink(call.Query, Order: call.OrderText, Published: call.Time, QueryName: "q", PublishedName: "time");
        return PageWriter.Page(call, plan, new PageStyle(link, Order: order), writeItem);
    }
}
