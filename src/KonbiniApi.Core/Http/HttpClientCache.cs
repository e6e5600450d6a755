using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace KonbiniApi.Http;

/// <summary>
/// One HttpClient per proxy setting for the whole process, so that every cmdlet call and every
/// runspace reuses the same warm connections. Keys, base URIs and timeouts are per request, never
/// per client, so sharing is safe.
/// </summary>
internal static class HttpClientCache
{
    private static readonly ConcurrentDictionary<string, Lazy<HttpClient>> Clients = new(StringComparer.Ordinal);

    public static HttpClient For(KonbiniClientOptions options)
    {
        var direct = GoesDirect(options);
        var key = direct ? "direct" : CacheKey(options);
        return Clients.GetOrAdd(key, _ => new Lazy<HttpClient>(() => Create(options, direct))).Value;
    }

    /// <summary>
    /// Requests to this machine never pass through a proxy: a plain-http request (allowed only to
    /// loopback) would hand the Authorization header to the proxy in clear text, and no proxy can reach
    /// our loopback anyway.
    /// </summary>
    internal static bool GoesDirect(KonbiniClientOptions options) =>
        options.NoProxy || TransportPolicy.IsLoopback(options.BaseUri);

    private static string CacheKey(KonbiniClientOptions options)
    {

        if (options.Proxy is WebProxy explicitProxy)
        {
            // A changed proxy credential must get its own pool; the password enters the key only as a hash.
            var credential = explicitProxy.Credentials as NetworkCredential;
            return "proxy:" + explicitProxy.Address + "|" + credential?.Domain + "\\" + credential?.UserName + "|" + Fingerprint(credential?.Password);
        }

        return options.Proxy is null ? "system" : "custom:" + RuntimeHelpers.GetHashCode(options.Proxy).ToString(CultureInfo.InvariantCulture);
    }

    private static string Fingerprint(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return string.Empty;
        }

        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(secret)));
    }

    private static HttpClient Create(KonbiniClientOptions options, bool direct)
    {
#pragma warning disable CA2000 // The handler lives as long as the client, which lives as long as the process.
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 1024,
        };
#pragma warning restore CA2000

        if (direct)
        {
            handler.UseProxy = false;
        }
        else if (options.Proxy is not null)
        {
            handler.UseProxy = true;
            handler.Proxy = options.Proxy;
        }

        return new HttpClient(handler, disposeHandler: true)
        {
            // Each attempt carries its own deadline; the client-wide one would hide which it was.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }
}
