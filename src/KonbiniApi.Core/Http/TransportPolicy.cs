using System;
using System.Net;
using KonbiniApi.Errors;

namespace KonbiniApi.Http;

/// <summary>Where a key may be sent: https anywhere, plain http only to this machine.</summary>
public static class TransportPolicy
{
    /// <summary>True when a key may travel to <paramref name="baseUri"/>.</summary>
    public static bool MaySendKey(Uri baseUri)
    {
        if (baseUri is null || !baseUri.IsAbsoluteUri)
        {
            return false;
        }

        if (baseUri.Scheme == Uri.UriSchemeHttps)
        {
            return true;
        }

        return baseUri.Scheme == Uri.UriSchemeHttp && IsLoopback(baseUri);
    }

    /// <summary>Throws <see cref="ApiErrorKind.InsecureTransport"/> unless the key may go there.</summary>
    public static void EnsureMaySendKey(Uri baseUri)
    {
        if (!MaySendKey(baseUri))
        {
            throw new KonbiniApiException(
                ApiErrorKind.InsecureTransport,
                "The API key is not sent to '" + baseUri + "': plain http is allowed only to a loopback address. No request was made.");
        }
    }

    /// <summary>True when <paramref name="uri"/> names this machine (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        var host = uri.Host.Trim('[', ']');
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
