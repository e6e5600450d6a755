using System;
using KonbiniApi.Errors;
using KonbiniApi.Input;
using Xunit;

namespace KonbiniApi.Tests.Support;

/// <summary>The check every identifier test makes of a refused input: it fails locally as invalid input, and the message says why.</summary>
internal static class Refusal
{
    public static void Assert(IdentifierKind kind, string? input, string reason)
    {
        var refused = Xunit.Assert.Throws<KonbiniApiException>(() => kind.Parse(input));
        Xunit.Assert.Equal(ApiErrorKind.InvalidInput, refused.Kind);
        Xunit.Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }
}
