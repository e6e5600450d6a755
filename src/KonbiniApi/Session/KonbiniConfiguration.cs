using System;

namespace KonbiniApi.Session;

/// <summary>
/// The settings every API cmdlet starts from. A copy is taken at the start of each call, so a change
/// made in the middle of a pipeline never affects requests already planned. It never holds the key.
/// </summary>
public sealed class KonbiniConfiguration
{
    /// <summary>The default number of lookups in flight at once.</summary>
    public const int DefaultThrottleLimit = 16;

    /// <summary>The service to call.</summary>
    public Uri BaseUri { get; set; } = Http.KonbiniClientOptions.ProductionBaseUri;

    /// <summary>Seconds one attempt may take.</summary>
    public int TimeoutSec { get; set; } = 30;

    /// <summary>Retries after a refunded transient failure.</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>Lookups in flight at once when a cmdlet is not given -ThrottleLimit.</summary>
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>When the balance falls below this, the session warns once. Null: never.</summary>
    public long? CreditWarningThreshold { get; set; }

    /// <summary>Responses larger than this many bytes are refused unread.</summary>
    public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>A copy that later changes to this one do not touch.</summary>
    public KonbiniConfiguration Clone() => (KonbiniConfiguration)MemberwiseClone();
}
