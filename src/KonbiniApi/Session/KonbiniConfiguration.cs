using System;
using System.Globalization;
using System.Management.Automation;

namespace KonbiniApi.Session;

/// <summary>
/// The settings every API cmdlet starts from. A copy is taken at the start of each call, so a change
/// made in the middle of a pipeline never affects requests already planned. It never holds the key.
/// </summary>
public sealed class KonbiniConfiguration
{
    /// <summary>
    /// The default number of lookups in flight at once. The API has no rate limit and each lookup
    /// waits hundreds of milliseconds on the upstream platform, so overlapping many is what makes bulk
    /// runs fast; 16 keeps a 2-core client far from its limits while cutting waiting time 16-fold.
    /// </summary>
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

    /// <summary>An explicit proxy; null means the system proxy (and HTTP_PROXY, HTTPS_PROXY, NO_PROXY).</summary>
    public Uri? Proxy { get; set; }

    /// <summary>The proxy's credential (session only: never saved).</summary>
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>True to connect directly, ignoring every proxy setting.</summary>
    public bool NoProxy { get; set; }

    /// <summary>Responses larger than this many bytes are refused unread.</summary>
    public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Where the next call would take its key from (a description, never the key); filled in by
    /// Get-KonbiniConfiguration.
    /// </summary>
    public string? ApiKeySource { get; set; }

    /// <summary>A copy that later changes to this one do not touch.</summary>
    public KonbiniConfiguration Clone() => (KonbiniConfiguration)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (BaseUri is null || !BaseUri.IsAbsoluteUri || (BaseUri.Scheme != Uri.UriSchemeHttps && BaseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("BaseUri must be an absolute http:// or https:// address; '" + BaseUri + "' is not.", nameof(BaseUri));
        }

        Check(TimeoutSec, 1, 3600, nameof(TimeoutSec));
        Check(RetryCount, 0, 10, nameof(RetryCount));
        Check(ThrottleLimit, 1, 256, nameof(ThrottleLimit));
        if (CreditWarningThreshold < 0)
        {
            throw new ArgumentException("CreditWarningThreshold cannot be negative.", nameof(CreditWarningThreshold));
        }

        if (Proxy is not null && (!Proxy.IsAbsoluteUri || (Proxy.Scheme != Uri.UriSchemeHttp && Proxy.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException("Proxy must be an absolute http:// or https:// address; '" + Proxy + "' is not.", nameof(Proxy));
        }
    }

    private static void Check(int value, int minimum, int maximum, string name)
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentException(
                name + " must be between " + minimum.ToString(CultureInfo.InvariantCulture) + " and " + maximum.ToString(CultureInfo.InvariantCulture) +
                "; " + value.ToString(CultureInfo.InvariantCulture) + " is not.",
                name);
        }
    }
}
