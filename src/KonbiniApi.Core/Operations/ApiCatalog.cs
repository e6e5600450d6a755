using System.Collections.Generic;

namespace KonbiniApi.Operations;

/// <summary>Every operation the module declares, across platforms, for tests and documentation.</summary>
public static class ApiCatalog
{
    /// <summary>All declared operations. A new platform adds its list here, one line.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } =
    [
        .. TikTokOperations.All,
        .. XOperations.All,
        .. InstagramOperations.All,
        .. LinkedInOperations.All,
        .. RedditOperations.All,
    ];
}
