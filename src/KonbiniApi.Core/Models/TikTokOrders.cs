namespace KonbiniApi.Models;

/// <summary>The order of a creator's videos or reposts.</summary>
public enum TikTokVideoOrder
{
    /// <summary>The newest first (the API's default).</summary>
    Newest,

    /// <summary>The most viewed first.</summary>
    Popular,

    /// <summary>The oldest first.</summary>
    Oldest,
}

/// <summary>The order of search results.</summary>
public enum TikTokSearchOrder
{
    /// <summary>As TikTok ranks them (the API's default).</summary>
    Relevance,

    /// <summary>The most liked first.</summary>
    MostLiked,

    /// <summary>The newest first.</summary>
    DatePosted,
}

/// <summary>How recent search results must be.</summary>
public enum TikTokPublished
{
    /// <summary>Any time (the API's default).</summary>
    AllTime,

    /// <summary>Since yesterday.</summary>
    Yesterday,

    /// <summary>This week.</summary>
    ThisWeek,

    /// <summary>This month.</summary>
    ThisMonth,

    /// <summary>The last three months.</summary>
    Last3Months,

    /// <summary>The last six months.</summary>
    Last6Months,
}
