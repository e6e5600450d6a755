namespace KonbiniApi.Tests;

/// <summary>Reddit's rows of the operation table: inputs as people paste them, and the exact path they give.</summary>
internal static partial class OperationRows
{
    public static readonly (string Operation, string[] Values, string Path)[] Reddit =
    [
        ("redditGetUser", ["u/Spez"], "/v1/reddit/users/Spez"),
        ("redditGetUserPosts", ["https://www.reddit.com/user/spez/submitted/"], "/v1/reddit/users/spez/posts"),
        ("redditGetUserComments", ["/u/spez"], "/v1/reddit/users/spez/comments"),
        ("redditGetUserOverview", ["/user/some-one_2"], "/v1/reddit/users/some-one_2/overview"),
        ("redditGetSubreddit", ["r/programming"], "/v1/reddit/subreddits/programming"),
        ("redditGetSubredditPosts", ["https://old.reddit.com/r/AskReddit/top/?t=week"], "/v1/reddit/subreddits/AskReddit/posts"),
        ("redditGetSubredditComments", ["/r/de"], "/v1/reddit/subreddits/de/comments"),
        ("redditGetSubredditSticky", ["programming"], "/v1/reddit/subreddits/programming/sticky"),
        ("redditGetSubredditRules", ["www.reddit.com/r/programming"], "/v1/reddit/subreddits/programming/rules"),
        ("redditSearchSubredditPosts", ["r/programming", "rust & go"], "/v1/reddit/subreddits/programming/search?q=rust%20%26%20go"),
        ("redditGetSubredditsBatch", ["t5_2qh0y"], "/v1/reddit/subreddits/batch"),
        ("redditGetPost", ["https://www.reddit.com/r/programming/comments/1tlh5aj/launch_day/"], "/v1/reddit/posts/1tlh5aj"),
        ("redditGetPostDuplicates", ["t3_1tlh5aj"], "/v1/reddit/posts/1tlh5aj/duplicates"),
        ("redditGetPostComments", ["https://redd.it/1tlh5aj"], "/v1/reddit/posts/1tlh5aj/comments"),
        ("redditGetComment", ["1tlh5aj", "https://old.reddit.com/r/programming/comments/1tlh5aj/launch_day/onflihe/?context=3"], "/v1/reddit/posts/1tlh5aj/comments/onflihe"),
        ("redditGetCommentReplies", ["t3_1tlh5aj", "t1_onflihe"], "/v1/reddit/posts/1tlh5aj/comments/onflihe/replies"),
        ("redditGetPostsBatch", ["1tlh5aj"], "/v1/reddit/posts/batch"),
        ("redditGetCommentsBatch", ["t1_onflihe"], "/v1/reddit/comments/batch"),
        ("redditGetFeed", ["Top"], "/v1/reddit/feeds/top"),
        ("redditSearchPosts", ["日本 料理"], "/v1/reddit/search/posts?q=%E6%97%A5%E6%9C%AC%20%E6%96%99%E7%90%86"),
        ("redditSearchUsers", ["spez"], "/v1/reddit/search/users?q=spez"),
        ("redditSearchSubreddits", ["programming"], "/v1/reddit/search/subreddits?q=programming"),
    ];
}
