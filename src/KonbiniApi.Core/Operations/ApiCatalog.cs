using System.Collections.Generic;
using System.Linq;

namespace KonbiniApi.Operations;

/// <summary>Every operation the module declares, across platforms, for tests and documentation.</summary>
public static class ApiCatalog
{
    /// <summary>All declared operations.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = TikTokOperations.All
        .ToArray();
}
