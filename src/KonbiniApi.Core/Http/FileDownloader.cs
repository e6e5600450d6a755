using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Errors;

namespace KonbiniApi.Http;

/// <summary>A CDN said the file's address is no longer valid (signed links expire); a fresh link may work.</summary>
public sealed class DownloadLinkExpiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DownloadLinkExpiredException()
        : this("The download link has expired.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DownloadLinkExpiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DownloadLinkExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Fetches a media file from a CDN address to disk: a plain GET that carries no Authorization header and
/// nothing of the key, streamed in constant memory into a temporary file beside the target, which is
/// renamed only when complete, so a failed or cancelled download never leaves a partial file.
/// </summary>
public sealed class FileDownloader
{
    private const int MaxRedirects = 5;
    private const int BufferSize = 81920;
    private readonly KonbiniClientOptions options;

    /// <summary>Uses the proxy, timeout and User-Agent of the API client's settings.</summary>
    public FileDownloader(KonbiniClientOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Downloads <paramref name="url"/> to <paramref name="path"/>; returns the bytes written.</summary>
    /// <exception cref="DownloadLinkExpiredException">The CDN refused the link (403 or 410).</exception>
    /// <exception cref="KonbiniApiException">Any other failure, with the path of the file in its message.</exception>
    public async Task<long> DownloadAsync(string url, string path, bool overwrite, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || !IsAllowed(address))
        {
            throw new KonbiniApiException(ApiErrorKind.InvalidResponse, "The download link the service gave is not an https address: '" + Truncate(url) + "'. Nothing was downloaded.");
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var temporary = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
        try
        {
            long written;
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                written = await FetchAsync(address, file, onBytes, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            if (overwrite && File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temporary, path);
            return written;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private async Task<long> FetchAsync(Uri address, Stream destination, Action<long>? onBytes, CancellationToken cancellationToken)
    {
        var current = address;
        for (var hop = 0; ; hop++)
        {
            var http = HttpClientCache.For(new KonbiniClientOptions
            {
                BaseUri = current,
                Proxy = options.Proxy,
                NoProxy = options.NoProxy,
            });

            // No Authorization header, ever: the key is for the API, not for whoever serves the file.
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
            using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            headers.CancelAfter(options.Timeout);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
            }
            catch (Exception fault) when (!cancellationToken.IsCancellationRequested && fault is HttpRequestException or IOException or OperationCanceledException)
            {
                throw new KonbiniApiException(
                    headers.IsCancellationRequested ? ApiErrorKind.Timeout : ApiErrorKind.NetworkError,
                    "The video file could not be fetched from " + current.Host + ": " + fault.Message,
                    innerException: fault);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location && hop < MaxRedirects)
                {
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (!IsAllowed(current))
                    {
                        throw new KonbiniApiException(ApiErrorKind.InvalidResponse, "The CDN redirected the download to a non-https address; it was not followed.");
                    }

                    continue;
                }

                if (status is 403 or 410)
                {
                    throw new DownloadLinkExpiredException("The CDN refused the download link with HTTP " + status.ToString(CultureInfo.InvariantCulture) + "; it has probably expired.");
                }

                if (status is < 200 or >= 300)
                {
                    throw new KonbiniApiException(
                        status >= 500 ? ApiErrorKind.PlatformError : ApiErrorKind.NotFound,
                        "The CDN answered HTTP " + status.ToString(CultureInfo.InvariantCulture) + " for the video file.",
                        status);
                }

                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                using var stop = cancellationToken.Register(static state => ((IDisposable)state!).Dispose(), body);
                var buffer = new byte[BufferSize];
                long total = 0;
                while (true)
                {
                    int read;
                    try
                    {
                        read = await body.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                    }
                    catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(cancellationToken);
                    }
                    catch (IOException cut) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new KonbiniApiException(ApiErrorKind.NetworkError, "The video file download was cut short after " + total.ToString("N0", CultureInfo.InvariantCulture) + " bytes: " + cut.Message, innerException: cut);
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
                    total += read;
                    onBytes?.Invoke(read);
                }

                if (response.Content.Headers.ContentLength is long declared && declared != total)
                {
                    throw new KonbiniApiException(ApiErrorKind.NetworkError, "The video file download ended after " + total.ToString("N0", CultureInfo.InvariantCulture) + " of " + declared.ToString("N0", CultureInfo.InvariantCulture) + " bytes.");
                }

                return total;
            }
        }
    }

    /// <summary>https anywhere; plain http only to this machine (the local emulator's stand-in CDN).</summary>
    private static bool IsAllowed(Uri address) =>
        address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && TransportPolicy.IsLoopback(address));

    private static string Truncate(string? text) => text is null ? "$null" : text.Length <= 60 ? text : text.Substring(0, 60) + "…";
}
