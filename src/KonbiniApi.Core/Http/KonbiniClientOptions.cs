using System;
using System.Net;

namespace KonbiniApi.Http;

/// <summary>How to reach the API: resolved once per cmdlet call from the session's configuration.</summary>
public sealed class KonbiniClientOptions
{
    /// <summary>The production service.</summary>
    public static readonly Uri ProductionBaseUri = new("https://api.konbiniapi.com");

    /// <summary>The service to call; every route is under <c>/v1</c> of it.</summary>
    public Uri BaseUri { get; set; } = ProductionBaseUri;

    /// <summary>How long one attempt may take, headers and body together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a refunded transient failure (5xx, network fault).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry waits about this long; each later one doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No retry waits longer than this.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A larger response is refused without being read into memory.</summary>
    public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>The proxy to use; null means the system's (and the usual environment variables).</summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>True to bypass every proxy, including the system's.</summary>
    public bool NoProxy { get; set; }

    /// <summary>Sent as the User-Agent header.</summary>
    public string UserAgent { get; set; } = "KonbiniApi";
}
