using System.Collections.Generic;

namespace KonbiniApi.Tests;

/// <summary>The operation table's rows, one file per platform. A new platform adds its array here, one line.</summary>
internal static partial class OperationRows
{
    public static IEnumerable<(string Operation, string[] Values, string Path)> All =>
    [
        .. TikTok,
        .. X,
        .. Instagram,
        .. LinkedIn,
        .. Reddit,
    ];
}
