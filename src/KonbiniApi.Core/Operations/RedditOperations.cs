using System;
using System.Collections.Generic;
using System.Text.Json;
using KonbiniApi.Input;
using KonbiniApi.Json;
using KonbiniApi.Models;

namespace KonbiniApi.Operations;

/// <summary>Every Reddit operation of KonbiniAPI, declared once: route, inputs, page bounds, model.</summary>
public static class RedditOperations
{
    private static readonly PageBounds Pages = new(1, 100);
    private static readonly OperationParameter[] ByUsername = { OperationParameter.Path("username", RedditIdentifiers.Username) };
    private static readonly OperationParameter[] BySubreddit = { OperationParameter.Path("subreddit", RedditIdentifiers.Subreddit) };
    private static readonly OperationParameter[] ByPost = { OperationParameter.Path("postId", RedditIdentifiers.PostId) };
    private static readonly OperationParameter[] ByPostAndComment =
    {
        OperationParameter.Path("postId", RedditIdentifiers.PostId),
        OperationParameter.Path("commentId", RedditIdentifiers.CommentId),
    };

    private static readonly OperationParameter[] ByQuery = { OperationParameter.Query("q", RedditIdentifiers.SearchText) };

    /// <summary>redditGetUser: one profile.</summary>
    public static ApiOperation User { get; } = new("redditGetUser", "/v1/reddit/users/{username}", ByUsername, ItemReader.Of<RedditUser>());

    /// <summary>redditGetUserPosts: a user's posts (order new by default, hot, top, controversial; time for top and controversial).</summary>
    public static ApiOperation UserPosts { get; } = new("redditGetUserPosts", "/v1/reddit/users/{username}/posts", ByUsername, ItemReader.Of<RedditPost>(), Pages);

    /// <summary>redditGetUserComments: a user's comments (orders as for posts).</summary>
    public static ApiOperation UserComments { get; } = new("redditGetUserComments", "/v1/reddit/users/{username}/comments", ByUsername, ItemReader.Of<RedditComment>(), Pages);

    /// <summary>redditGetUserOverview: a user's posts and comments together, as the profile shows them.</summary>
    public static ApiOperation UserOverview { get; } = new("redditGetUserOverview", "/v1/reddit/users/{username}/overview", ByUsername, new ActivityReader(), Pages);

    /// <summary>redditGetSubreddit: one subreddit by name.</summary>
    public static ApiOperation Subreddit { get; } = new("redditGetSubreddit", "/v1/reddit/subreddits/{subreddit}", BySubreddit, ItemReader.Of<RedditSubreddit>());

    /// <summary>redditGetSubredditPosts: a subreddit's posts (order hot by default, new, top, rising, controversial).</summary>
    public static ApiOperation SubredditPosts { get; } = new("redditGetSubredditPosts", "/v1/reddit/subreddits/{subreddit}/posts", BySubreddit, ItemReader.Of<RedditPost>(), Pages);

    /// <summary>redditGetSubredditComments: the newest comments across a subreddit (order hot by default, new, top, controversial).</summary>
    public static ApiOperation SubredditComments { get; } = new("redditGetSubredditComments", "/v1/reddit/subreddits/{subreddit}/comments", BySubreddit, ItemReader.Of<RedditComment>(), Pages);

    /// <summary>redditGetSubredditSticky: the posts the moderators stuck to the top, all in one answer.</summary>
    public static ApiOperation SubredditSticky { get; } = new(
        "redditGetSubredditSticky", "/v1/reddit/subreddits/{subreddit}/sticky", BySubreddit, ItemReader.Of<RedditPost>(), shape: OperationShape.Whole);

    /// <summary>redditGetSubredditRules: a subreddit's rules, all in one answer.</summary>
    public static ApiOperation SubredditRules { get; } = new(
        "redditGetSubredditRules", "/v1/reddit/subreddits/{subreddit}/rules", BySubreddit, ItemReader.Of<RedditRule>(),
        annotate: (model, call) => ((RedditRule)model).Subreddit = call.Value("subreddit"),
        shape: OperationShape.Whole);

    /// <summary>redditSearchSubredditPosts: posts of one subreddit matching a text.</summary>
    public static ApiOperation SearchSubredditPosts { get; } = new(
        "redditSearchSubredditPosts",
        "/v1/reddit/subreddits/{subreddit}/search",
        new[] { OperationParameter.Path("subreddit", RedditIdentifiers.Subreddit), OperationParameter.Query("q", RedditIdentifiers.SearchText) },
        ItemReader.Of<RedditPost>(),
        Pages);

    /// <summary>redditGetSubredditsBatch: up to 100 subreddits by ID in one POST, one credit per ID; the IDs not found are left out. Subreddits have no GET by ID (only by name), so one ID is a batch of one.</summary>
    public static ApiOperation SubredditsBatch { get; } = new(
        "redditGetSubredditsBatch", "/v1/reddit/subreddits/batch", new[] { OperationParameter.Query("entityIds", RedditIdentifiers.SubredditId) }, ItemReader.Of<RedditSubreddit>(), shape: OperationShape.Batch);

    /// <summary>redditGetPost: one post.</summary>
    public static ApiOperation Post { get; } = new("redditGetPost", "/v1/reddit/posts/{postId}", ByPost, ItemReader.Of<RedditPost>());

    /// <summary>redditGetPostDuplicates: the crossposts of a post (the same link or media posted elsewhere).</summary>
    public static ApiOperation PostDuplicates { get; } = new("redditGetPostDuplicates", "/v1/reddit/posts/{postId}/duplicates", ByPost, ItemReader.Of<RedditPost>(), Pages);

    /// <summary>redditGetPostComments: the comments on a post (order best by default, top, new, controversial, old).</summary>
    public static ApiOperation PostComments { get; } = new("redditGetPostComments", "/v1/reddit/posts/{postId}/comments", ByPost, ItemReader.Of<RedditComment>(), Pages);

    /// <summary>redditGetComment: one comment of a post.</summary>
    public static ApiOperation Comment { get; } = new("redditGetComment", "/v1/reddit/posts/{postId}/comments/{commentId}", ByPostAndComment, ItemReader.Of<RedditComment>());

    /// <summary>redditGetCommentReplies: the replies to one comment.</summary>
    public static ApiOperation CommentReplies { get; } = new(
        "redditGetCommentReplies", "/v1/reddit/posts/{postId}/comments/{commentId}/replies", ByPostAndComment, ItemReader.Of<RedditComment>(), Pages);

    /// <summary>redditGetPostsBatch: up to 100 posts by ID in one POST, one credit per ID; the IDs not found are left out. One ID alone goes to redditGetPost.</summary>
    public static ApiOperation PostsBatch { get; } = new(
        "redditGetPostsBatch", "/v1/reddit/posts/batch", new[] { OperationParameter.Query("entityIds", RedditIdentifiers.PostId) }, ItemReader.Of<RedditPost>(), shape: OperationShape.Batch, singleLookup: Post);

    /// <summary>redditGetCommentsBatch: up to 100 comments by ID in one POST, one credit per ID; the IDs not found are left out. Reddit has no GET of a comment by its ID alone, so one ID is a batch of one.</summary>
    public static ApiOperation CommentsBatch { get; } = new(
        "redditGetCommentsBatch", "/v1/reddit/comments/batch", new[] { OperationParameter.Query("entityIds", RedditIdentifiers.CommentId) }, ItemReader.Of<RedditComment>(), shape: OperationShape.Batch);

    /// <summary>redditGetFeed: a front-page feed (best, hot, new, top, rising, controversial).</summary>
    public static ApiOperation Feed { get; } = new(
        "redditGetFeed", "/v1/reddit/feeds/{feed}", new[] { OperationParameter.Path("feed", RedditIdentifiers.Feed) }, ItemReader.Of<RedditPost>(), Pages);

    /// <summary>redditSearchPosts: posts across Reddit matching a text.</summary>
    public static ApiOperation SearchPosts { get; } = new("redditSearchPosts", "/v1/reddit/search/posts", ByQuery, ItemReader.Of<RedditPost>(), Pages);

    /// <summary>redditSearchUsers: accounts matching a text.</summary>
    public static ApiOperation SearchUsers { get; } = new("redditSearchUsers", "/v1/reddit/search/users", ByQuery, ItemReader.Of<RedditUser>(), Pages);

    /// <summary>redditSearchSubreddits: subreddits matching a text.</summary>
    public static ApiOperation SearchSubreddits { get; } = new("redditSearchSubreddits", "/v1/reddit/search/subreddits", ByQuery, ItemReader.Of<RedditSubreddit>(), Pages);

    /// <summary>Every Reddit operation, for tests and documentation.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = new[]
    {
        User, UserPosts, UserComments, UserOverview,
        Subreddit, SubredditPosts, SubredditComments, SubredditSticky, SubredditRules, SearchSubredditPosts, SubredditsBatch,
        Post, PostDuplicates, PostComments, Comment, CommentReplies, PostsBatch, CommentsBatch,
        Feed, SearchPosts, SearchUsers, SearchSubreddits,
    };

    /// <summary>
    /// A user's overview mixes posts and comments, and both are ActivityStreams <c>Note</c>s, so the type
    /// cannot tell them apart: a comment answers something (<c>inReplyTo</c>) and its permalink goes one
    /// segment past the post's slug.
    /// </summary>
    private sealed class ActivityReader : ItemReader
    {
        private static readonly ItemReader Posts = Of<RedditPost>();
        private static readonly ItemReader Comments = Of<RedditComment>();

        public override IReadOnlyList<Type> ModelTypes { get; } = new[] { typeof(RedditPost), typeof(RedditComment) };

        public override object Read(JsonElement element, string requestPath, string jsonPath)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw ModelReader.Invalid(requestPath, jsonPath + " is " + ModelReader.Describe(element.ValueKind) + ", not an object");
            }

            var isComment = element.TryGetProperty("inReplyTo", out var parent) && parent.ValueKind == JsonValueKind.String;
            if (!isComment && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                isComment = RedditPermalink.Comment(id.GetString()) is not null;
            }

            return (isComment ? Comments : Posts).Read(element, requestPath, jsonPath);
        }
    }
}
