using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KonbiniApi.Emulator;

/// <summary>Download tokens: the video ID, the issue number and a check, base64url-encoded. Nothing is
/// stored per token, so a restarted emulator still serves (or refuses) the URLs it handed out.</summary>
internal static class CdnTokens
{
    private const int Length = 19;

    public static string Issue(string videoId, int issue)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = (byte)videoId.Length;
        BinaryPrimitives.WriteUInt64BigEndian(bytes[1..], ulong.Parse(videoId, NumberStyles.None, CultureInfo.InvariantCulture));
        BinaryPrimitives.WriteInt32BigEndian(bytes[9..], issue);
        WriteCheck(bytes[13..], videoId, issue);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryRead(string token, out string videoId, out int issue)
    {
        videoId = string.Empty;
        issue = 0;
        Span<byte> bytes = stackalloc byte[Length + 2];
        if (token.Length != 26 || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != Length || bytes[0] is 0 or > 19)
        {
            return false;
        }

        var digits = BinaryPrimitives.ReadUInt64BigEndian(bytes[1..]).ToString(CultureInfo.InvariantCulture);
        if (digits.Length > bytes[0])
        {
            return false;
        }

        videoId = digits.PadLeft(bytes[0], '0');
        issue = BinaryPrimitives.ReadInt32BigEndian(bytes[9..]);
        Span<byte> expected = stackalloc byte[6];
        WriteCheck(expected, videoId, issue);
        return expected.SequenceEqual(bytes[13..Length]);
    }

    private static void WriteCheck(Span<byte> destination, string videoId, int issue)
    {
        Span<byte> hash = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(hash, StableRandom.Hash(string.Create(CultureInfo.InvariantCulture, $"cdn|{videoId}|{issue}")));
        hash[..6].CopyTo(destination);
    }
}

/// <summary>The bytes of a stand-in video file: an MP4 <c>ftyp</c> box and an open-ended <c>mdat</c>
/// header, then a 64 KiB block seeded by the video ID, each later block stamped with its own number so
/// that a skipped, repeated or reordered block changes the bytes.</summary>
internal static class CdnContent
{
    public const int BlockSize = 64 * 1024;

    private static readonly byte[] Header =
    [
        0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0,
        (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'i', (byte)'s', (byte)'o', (byte)'2', (byte)'a', (byte)'v', (byte)'c', (byte)'1',
        (byte)'m', (byte)'p', (byte)'4', (byte)'1', 0, 0, 0, 0, (byte)'m', (byte)'d', (byte)'a', (byte)'t',
    ];

    public static void FillBlock(string videoId, Span<byte> block)
    {
        var random = StableRandom.ForName("cdn-bytes:" + videoId);
        for (var i = 0; i + 8 <= block.Length; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(block[i..], random.NextUInt64());
        }
    }

    /// <summary>Writes the file's bytes from <paramref name="offset"/> into <paramref name="destination"/>.</summary>
    public static void Fill(ReadOnlySpan<byte> block, long offset, Span<byte> destination)
    {
        Span<byte> stamp = stackalloc byte[8];
        while (!destination.IsEmpty)
        {
            var within = (int)(offset % BlockSize);
            var run = Math.Min(destination.Length, BlockSize - within);
            block.Slice(within, run).CopyTo(destination);
            var blockNumber = offset / BlockSize;
            if (blockNumber == 0 && within < Header.Length)
            {
                var header = Math.Min(run, Header.Length - within);
                Header.AsSpan(within, header).CopyTo(destination);
            }
            else if (blockNumber > 0 && within < 8)
            {
                BinaryPrimitives.WriteInt64LittleEndian(stamp, blockNumber);
                stamp[within..Math.Min(8, within + run)].CopyTo(destination);
            }

            destination = destination[run..];
            offset += run;
        }
    }
}

/// <summary>One CDN request as <c>GET /_emulator/cdn-requests</c> reports it.</summary>
internal sealed class CdnRequestRecord(string method, string rawTarget, bool hadAuthorization, string[] headersWithKeys, string? userAgent, string? range, DateTimeOffset time)
{
    private int status;
    private long bytesSent;

    public string Method { get; } = method;

    public string RawTarget { get; } = rawTarget;

    /// <summary>Whether any Authorization header arrived: the CDN must never see the API key.</summary>
    public bool HadAuthorization { get; } = hadAuthorization;

    /// <summary>Names of the request headers whose value contains <c>knbn_</c>.</summary>
    public string[] HeadersWithKeys { get; } = headersWithKeys;

    public string? UserAgent { get; } = userAgent;

    public string? Range { get; } = range;

    public DateTimeOffset Time { get; } = time;

    public int Status => Volatile.Read(ref status);

    public long BytesSent => Volatile.Read(ref bytesSent);

    public void Complete(int sentStatus, long sent)
    {
        Volatile.Write(ref bytesSent, sent);
        Volatile.Write(ref status, sentStatus);
    }
}

/// <summary>Serves the URLs the download route hands out, under <c>/_cdn/</c>: no key, no credits, no
/// faults; latency and jitter apply before the first byte.</summary>
internal sealed class CdnHandler(EmulatorState state)
{
    public const string RootPrefix = "/_cdn/";
    public const string Prefix = "/_cdn/tiktok/";
    private const string Extension = ".mp4";
    private static readonly byte[] ExpiredBody = Encoding.UTF8.GetBytes("Request has expired. Ask the API for a fresh download URL.\n");
    private static readonly byte[] NotFoundBody = Encoding.UTF8.GetBytes("No such file.\n");
    private static readonly byte[] MethodBody = Encoding.UTF8.GetBytes("Only GET and HEAD.\n");

    public async Task HandleAsync(HttpContext context, string rawTarget, string rawPath, CancellationToken serverStopping)
    {
        var request = context.Request;
        var record = state.CdnLog.Add(new CdnRequestRecord(
            request.Method, rawTarget, request.Headers.ContainsKey("Authorization"), HeadersCarryingKeys(request.Headers),
            request.Headers.UserAgent.Count == 0 ? null : request.Headers.UserAgent.ToString(),
            request.Headers.Range.Count == 0 ? null : request.Headers.Range.ToString(), DateTimeOffset.UtcNow));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        long sent = 0;
        try
        {
            var delay = state.Behaviour.DrawDelayMs();
            if (delay > 0)
            {
                await Task.Delay(delay, cancellation.Token);
            }

            sent = await ServeAsync(context, rawPath, bytes => sent = bytes, cancellation.Token);
        }
        catch (Exception failure) when (failure is OperationCanceledException or System.IO.IOException || cancellation.IsCancellationRequested)
        {
            // The client left mid-file; the log keeps how much went out.
        }
        finally
        {
            record.Complete(context.Response.HasStarted ? context.Response.StatusCode : 0, sent);
        }
    }

    private async Task<long> ServeAsync(HttpContext context, string rawPath, Action<long> progress, CancellationToken cancellation)
    {
        var method = context.Request.Method;
        var response = context.Response;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            response.Headers.Allow = "GET, HEAD";
            return await SendTextAsync(context, StatusCodes.Status405MethodNotAllowed, MethodBody, cancellation);
        }

        var name = rawPath.StartsWith(Prefix, StringComparison.Ordinal) && rawPath.EndsWith(Extension, StringComparison.Ordinal)
            ? rawPath[Prefix.Length..^Extension.Length]
            : string.Empty;
        if (!CdnTokens.TryRead(name, out var videoId, out var issue))
        {
            return await SendTextAsync(context, StatusCodes.Status404NotFound, NotFoundBody, cancellation);
        }

        if (issue == 1 && IdScenario.Parse(videoId).Kind == IdScenarioKind.ExpiredFirstDownload)
        {
            return await SendTextAsync(context, StatusCodes.Status403Forbidden, ExpiredBody, cancellation);
        }

        var size = state.Behaviour.Current.VideoBytes;
        var (start, length, status) = ParseRange(context.Request.Headers.Range, size);
        response.Headers.AcceptRanges = "bytes";
        if (status == StatusCodes.Status416RangeNotSatisfiable)
        {
            response.Headers.ContentRange = $"bytes */{size}";
            return await SendTextAsync(context, status, [], cancellation);
        }

        response.StatusCode = status;
        response.ContentType = "video/mp4";
        response.ContentLength = length;
        if (status == StatusCodes.Status206PartialContent)
        {
            response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{start + length - 1}/{size}");
        }

        if (HttpMethods.IsHead(method))
        {
            await response.StartAsync(cancellation);
            return 0;
        }

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var block = ArrayPool<byte>.Shared.Rent(CdnContent.BlockSize);
        try
        {
            CdnContent.FillBlock(videoId, block.AsSpan(0, CdnContent.BlockSize));
            var writer = response.BodyWriter;
            long sent = 0;
            while (sent < length)
            {
                var memory = writer.GetMemory(CdnContent.BlockSize);
                var run = (int)Math.Min(memory.Length, length - sent);
                CdnContent.Fill(block.AsSpan(0, CdnContent.BlockSize), start + sent, memory.Span[..run]);
                writer.Advance(run);
                sent += run;
                progress(sent);
                var flushed = await writer.FlushAsync(cancellation);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }

            return sent;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>One <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c> range; anything else is ignored
    /// (the whole file), as servers may do.</summary>
    internal static (long Start, long Length, int Status) ParseRange(Microsoft.Extensions.Primitives.StringValues header, long size)
    {
        var whole = (0L, size, StatusCodes.Status200OK);
        if (header.Count != 1 || header[0] is not { } text || !text.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || text.Contains(',', StringComparison.Ordinal))
        {
            return whole;
        }

        var spec = text.AsSpan(6).Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return whole;
        }

        var firstText = spec[..dash].Trim();
        var lastText = spec[(dash + 1)..].Trim();
        if (firstText.IsEmpty)
        {
            if (!long.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix))
            {
                return whole;
            }

            if (suffix == 0 || size == 0)
            {
                return (0, 0, StatusCodes.Status416RangeNotSatisfiable);
            }

            var length = Math.Min(suffix, size);
            return (size - length, length, StatusCodes.Status206PartialContent);
        }

        if (!long.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
        {
            return whole;
        }

        var last = size - 1;
        if (!lastText.IsEmpty && (!long.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out last) || last < first))
        {
            return whole;
        }

        if (first >= size)
        {
            return (0, 0, StatusCodes.Status416RangeNotSatisfiable);
        }

        last = Math.Min(last, size - 1);
        return (first, last - first + 1, StatusCodes.Status206PartialContent);
    }

    private static string[] HeadersCarryingKeys(IHeaderDictionary headers)
    {
        var found = new System.Collections.Generic.List<string>();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                if (value is not null && value.Contains("knbn_", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(name);
                    break;
                }
            }
        }

        return [.. found];
    }

    private static async Task<long> SendTextAsync(HttpContext context, int status, byte[] body, CancellationToken cancellation)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, cancellation);
        }

        return 0;
    }
}
