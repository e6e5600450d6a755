using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace KonbiniApi.Tests.Support;

/// <summary>
/// Stands in for the network: each request goes to a function that decides the answer. Counts the
/// calls and keeps a copy of every request's headers, so tests can check what was sent and how often.
/// </summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond;
    private int calls;

    /// <summary>Answers with <paramref name="respond"/>, given the request and the 1-based call number.</summary>
    public FakeHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        this.respond = respond;
    }

    public FakeHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
        : this((request, call, _) => Task.FromResult(respond(request, call)))
    {
    }

    /// <summary>Answers every call with a fresh copy of the same response.</summary>
    public static FakeHandler Always(Func<HttpResponseMessage> response) => new((_, _) => response());

    /// <summary>Answers call n with the n-th response (the last one repeats).</summary>
    public static FakeHandler Sequence(params Func<HttpResponseMessage>[] responses) =>
        new((_, call) => responses[Math.Min(call, responses.Length) - 1]());

    public int Calls => Volatile.Read(ref calls);

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        Requests.Enqueue(request);
        return respond(request, call, cancellationToken);
    }
}

/// <summary>Builds the answers the service gives.</summary>
internal static class Responses
{
    public static HttpResponseMessage Json(HttpStatusCode status, string json, int? used = null, long? remaining = null)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        AddCredits(response, used, remaining);
        return response;
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string code, string message, int? used = 0, long? remaining = null) =>
        Json(status, "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}],\"data\":null}", used, remaining);

    public static HttpResponseMessage User(int? used = 1, long? remaining = 4_321) =>
        Json(HttpStatusCode.OK, Fixture.Text("tiktok-user-full.json"), used, remaining);

    public static HttpResponseMessage Html(HttpStatusCode status, string html)
    {
        return new HttpResponseMessage(status)
        {
            Content = new StringContent(html, Encoding.UTF8, "text/html"),
        };
    }

    public static HttpResponseMessage Bytes(HttpStatusCode status, byte[] body, string mediaType = "application/json", int? used = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        var response = new HttpResponseMessage(status) { Content = content };
        AddCredits(response, used, null);
        return response;
    }

    /// <summary>A body read from <paramref name="stream"/>; no Content-Length unless given.</summary>
    public static HttpResponseMessage Streamed(HttpStatusCode status, Stream stream, long? declaredLength = null, int? used = null)
    {
        var content = new StreamContent(stream);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (declaredLength is long length)
        {
            content.Headers.ContentLength = length;
        }

        var response = new HttpResponseMessage(status) { Content = content };
        AddCredits(response, used, null);
        return response;
    }

    private static void AddCredits(HttpResponseMessage response, int? used, long? remaining)
    {
        if (used is int u)
        {
            response.Headers.TryAddWithoutValidation("X-Credits-Used", u.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (remaining is long r)
        {
            response.Headers.TryAddWithoutValidation("X-Credits-Remaining", r.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>
/// A forward-only body: serves <c>prefix</c>, then either endless filler bytes, a failure, or a wait
/// that only the read's token ends. Not seekable, so HttpContent cannot know its length.
/// </summary>
internal sealed class ScriptedStream : Stream
{
    private readonly byte[] prefix;
    private readonly Mode after;
    private int position;

    public ScriptedStream(byte[] prefix, Mode after)
    {
        this.prefix = prefix;
        this.after = after;
    }

    public enum Mode
    {
        End,
        Endless,
        Fail,
        Hang,
    }

    public long Served { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (position < prefix.Length)
        {
            var n = Math.Min(count, prefix.Length - position);
            Array.Copy(prefix, position, buffer, offset, n);
            position += n;
            Served += n;
            return n;
        }

        switch (after)
        {
            case Mode.Endless:
                Array.Fill(buffer, (byte)' ', offset, count);
                Served += count;
                return count;
            case Mode.Fail:
                throw new IOException("The connection was reset by the fake peer.");
            case Mode.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                return 0;
            default:
                return 0;
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(buffer, out var segment))
        {
            return new ValueTask<int>(ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
        }

        throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Collects the request path's commentary.</summary>
internal sealed class RecordingObserver : KonbiniApi.Http.IRequestObserver
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public void Report(string message) => lines.Enqueue(message);
}
