using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

/// <summary>Produces each fault kind. Every fault is refunded: it stands for a broken proxy or upstream,
/// not for work the customer received.</summary>
internal static class FaultResponder
{
    private const string HtmlContentType = "text/html; charset=utf-8";

    private static readonly byte[] HtmlBody = Encoding.UTF8.GetBytes(
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>edge-proxy</center>\r\n</body>\r\n</html>\r\n");

    // Looks like the start of a Person, then breaks JSON twice (a doubled comma and a bare word).
    private static readonly byte[] BadJsonBody = Encoding.UTF8.GetBytes(
        "{\"data\":{\"type\":\"Person\",\"name\":\"Broken\",,\"followerCount\":undefined");

    private static readonly byte[] HugePrefix = Encoding.UTF8.GetBytes("{\"data\":{\"type\":\"Person\",\"name\":\"");
    private static readonly byte[] HugeSuffix = Encoding.UTF8.GetBytes("\"}}");
    private static readonly byte[] HugeChunk = CreateFiller(64 * 1024);

    // Time for a partial body to leave the socket before the connection is torn down behind it, and for an
    // abort to surface.
    private static readonly TimeSpan AbortSignalGrace = TimeSpan.FromMilliseconds(50);

    /// <param name="render">The body the route would have sent, for the truncate fault to cut short.</param>
    public static async Task SendAsync(ApiExchange exchange, FaultKind kind, Func<ReadOnlyMemory<byte>> render, EmulatorState state)
    {
        exchange.FaultName = FaultNames.ToName(kind);
        exchange.Outcome = exchange.FaultName;
        var context = exchange.Context;
        switch (kind)
        {
            case FaultKind.InternalError:
                await exchange.SendErrorAsync(ApiErrors.InternalError, charge: false);
                break;
            case FaultKind.BadGateway:
                await exchange.SendErrorAsync(ApiErrors.BadGateway, charge: false);
                break;
            case FaultKind.ServiceUnavailable:
                await exchange.SendErrorAsync(ApiErrors.ServiceUnavailable, charge: false);
                break;
            case FaultKind.GatewayTimeout:
                await exchange.SendErrorAsync(ApiErrors.GatewayTimeout, charge: false);
                break;
            case FaultKind.Html:
                // A proxy page never carries the API's credit headers.
                await exchange.SendAsync(StatusCodes.Status502BadGateway, HtmlContentType, HtmlBody, charge: false, withCredits: false);
                break;
            case FaultKind.BadJson:
                await exchange.SendAsync(StatusCodes.Status200OK, ApiExchange.JsonContentType, BadJsonBody, charge: false, withCredits: true);
                break;
            case FaultKind.Reset:
                exchange.Settle(charge: false);
                exchange.ServerAborted = true;
                context.Abort();
                break;
            case FaultKind.Truncate:
                await SendTruncatedAsync(exchange, render());
                break;
            case FaultKind.Hang:
                exchange.Settle(charge: false);
                await Task.Delay(state.HangDuration, exchange.Cancellation);
                exchange.ServerAborted = true;
                context.Abort();
                break;
            case FaultKind.Huge:
                await SendHugeAsync(exchange, state.HugeBodyBytes);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fault kind.");
        }
    }

    private static async Task SendTruncatedAsync(ApiExchange exchange, ReadOnlyMemory<byte> body)
    {
        var (used, remaining) = exchange.Settle(charge: false);
        var response = exchange.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ApiExchange.JsonContentType;
        response.ContentLength = body.Length;
        exchange.WriteCreditHeaders(used, remaining);
        exchange.SentStatus = StatusCodes.Status200OK;
        await response.Body.WriteAsync(body[..(body.Length / 2)], exchange.Cancellation);
        await response.Body.FlushAsync(exchange.Cancellation);
        await Task.Delay(AbortSignalGrace, exchange.Cancellation);
        exchange.ServerAborted = true;
        exchange.Context.Abort();
    }

    private static async Task SendHugeAsync(ApiExchange exchange, long fillerBytes)
    {
        var (used, remaining) = exchange.Settle(charge: false);
        var response = exchange.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ApiExchange.JsonContentType;
        exchange.WriteCreditHeaders(used, remaining);
        exchange.SentStatus = StatusCodes.Status200OK;
        var cancellation = exchange.Cancellation;
        var body = response.BodyWriter;
        var sent = 0L;
        var delivered = !(await body.WriteAsync(HugePrefix, cancellation)).IsCompleted;
        while (delivered && sent < fillerBytes)
        {
            cancellation.ThrowIfCancellationRequested();
            var size = (int)Math.Min(HugeChunk.Length, fillerBytes - sent);
            // A completed flush means the transport has stopped reading: the client is gone, even if Kestrel
            // has not yet fired RequestAborted.
            delivered = !(await body.WriteAsync(HugeChunk.AsMemory(0, size), cancellation)).IsCompleted;
            sent += size;
        }

        // Once Kestrel has aborted a connection its writes succeed silently and RequestAborted fires a moment
        // later on the thread pool, so the loop can race to the end; a short pause lets the signal land.
        await Task.Delay(AbortSignalGrace, CancellationToken.None);
        if (delivered && !exchange.Context.RequestAborted.IsCancellationRequested
            && !(await body.WriteAsync(HugeSuffix, cancellation)).IsCompleted)
        {
            exchange.ResponseComplete = true;
        }
        else
        {
            exchange.ClientLeft = true;
        }
    }

    private static byte[] CreateFiller(int length)
    {
        var filler = new byte[length];
        Array.Fill(filler, (byte)'a');
        return filler;
    }
}
