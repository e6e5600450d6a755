namespace KonbiniApi.Models;

/// <summary>The order of a user's or a subreddit's posts, or of a post search (each route takes some of them).</summary>
public enum RedditPostOrder
{
    /// <summary>What is popular now (a subreddit's default).</summary>
    Hot,

    /// <summary>The newest first (a user's default).</summary>
    New,

    /// <summary>The highest score first, within -Time.</summary>
    Top,

    /// <summary>What is gaining votes quickly (subreddits only).</summary>
    Rising,

    /// <summary>The most disputed first, within -Time.</summary>
    Controversial,

    /// <summary>As search ranks them (the search default).</summary>
    Relevance,

    /// <summary>The most commented first (search only).</summary>
    Comments,
}

/// <summary>The order of comments: on a post (Best, Top, New, Controversial, Old), or of a user or subreddit (Hot, New, Top, Controversial).</summary>
public enum RedditCommentOrder
{
    /// <summary>Reddit's ranking for a post's comments (that list's default).</summary>
    Best,

    /// <summary>What is popular now (a subreddit's default).</summary>
    Hot,

    /// <summary>The newest first (a user's default).</summary>
    New,

    /// <summary>The highest score first.</summary>
    Top,

    /// <summary>The most disputed first.</summary>
    Controversial,

    /// <summary>The oldest first (a post's comments only).</summary>
    Old,
}

/// <summary>The front-page feeds.</summary>
public enum RedditFeed
{
    /// <summary>Reddit's recommendation.</summary>
    Best,

    /// <summary>Popular now.</summary>
    Hot,

    /// <summary>The newest first.</summary>
    New,

    /// <summary>The highest score first, within -Time.</summary>
    Top,

    /// <summary>Gaining votes quickly.</summary>
    Rising,

    /// <summary>The most disputed first, within -Time.</summary>
    Controversial,
}

/// <summary>The time window of the Top and Controversial orders and of searches.</summary>
public enum RedditTime
{
    /// <summary>The last hour.</summary>
    Hour,

    /// <summary>The last day.</summary>
    Day,

    /// <summary>The last week.</summary>
    Week,

    /// <summary>The last month.</summary>
    Month,

    /// <summary>The last year.</summary>
    Year,

    /// <summary>All time.</summary>
    All,
}
