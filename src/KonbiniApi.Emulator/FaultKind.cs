using System;
using System.Collections.Generic;

namespace KonbiniApi.Emulator;

/// <summary>The ways a request can be made to fail, on purpose.</summary>
public enum FaultKind
{
    /// <summary>500 <c>internal_error</c> in the contract envelope.</summary>
    InternalError,
    /// <summary>502 <c>platform_error</c> in the contract envelope.</summary>
    BadGateway,
    /// <summary>503 <c>service_unavailable</c> in the contract envelope.</summary>
    ServiceUnavailable,
    /// <summary>504 <c>platform_error</c> in the contract envelope.</summary>
    GatewayTimeout,
    /// <summary>The connection is dropped before any response byte.</summary>
    Reset,
    /// <summary>A 200 whose body stops short of its Content-Length, then the connection drops.</summary>
    Truncate,
    /// <summary>A 502 HTML page, as an intermediary proxy would send.</summary>
    Html,
    /// <summary>A 200 application/json response whose body is not JSON.</summary>
    BadJson,
    /// <summary>No response at all until the client gives up.</summary>
    Hang,
    /// <summary>A 200 that streams hundreds of megabytes.</summary>
    Huge,
}

/// <summary>The wire names of <see cref="FaultKind"/>, used on the command line, in config and in stats.</summary>
public static class FaultNames
{
    private static readonly (FaultKind Kind, string Name)[] Table =
    [
        (FaultKind.InternalError, "500"),
        (FaultKind.BadGateway, "502"),
        (FaultKind.ServiceUnavailable, "503"),
        (FaultKind.GatewayTimeout, "504"),
        (FaultKind.Reset, "reset"),
        (FaultKind.Truncate, "truncate"),
        (FaultKind.Html, "html"),
        (FaultKind.BadJson, "badjson"),
        (FaultKind.Hang, "hang"),
        (FaultKind.Huge, "huge"),
    ];

    /// <summary>Every fault kind, in wire-name order.</summary>
    public static IReadOnlyList<FaultKind> All { get; } = Array.ConvertAll(Table, entry => entry.Kind);

    /// <summary>The wire name of a fault kind, for example <c>"503"</c> or <c>"reset"</c>.</summary>
    public static string ToName(FaultKind kind)
    {
        foreach (var (candidate, name) in Table)
        {
            if (candidate == kind)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind.");
    }

    /// <summary>Parses a wire name, ignoring case.</summary>
    public static bool TryParse(string? name, out FaultKind kind)
    {
        foreach (var (candidate, candidateName) in Table)
        {
            if (string.Equals(candidateName, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The wire names joined with commas, for help and error messages.</summary>
    public static string Joined => string.Join(",", Array.ConvertAll(Table, entry => entry.Name));
}
