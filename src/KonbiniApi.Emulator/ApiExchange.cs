using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

/// <summary>One API request in flight: its credit reservation and what it ended up sending.</summary>
internal sealed class ApiExchange(HttpContext context, RequestRecord record, CancellationToken cancellation)
{
    public const string JsonContentType = "application/json";
    public const string UserRoute = "tiktok.users";
    public const string UnknownRoute = "route_not_found";

    private ApiKeyAccount? account;
    private long remainingAfterReserve;
    private long reservedCost;
    private bool settled;

    public HttpContext Context { get; } = context;

    public RequestRecord Record { get; } = record;

    /// <summary>Fires when the client leaves or the server stops.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public string Route { get; set; } = UnknownRoute;

    /// <summary>The stats bucket: the status sent, a fault name, or "aborted" when nothing was sent.</summary>
    public string Outcome { get; set; } = "aborted";

    public int SentStatus { get; set; }

    public string? FaultName { get; set; }

    public bool ResponseComplete { get; set; }

    /// <summary>The emulator itself dropped the connection (reset, truncate, hang), so the client did not leave.</summary>
    public bool ServerAborted { get; set; }

    /// <summary>The client went away before the response was complete.</summary>
    public bool ClientLeft { get; set; }

    public void Reserve(ApiKeyAccount reserved, long remaining, long cost)
    {
        account = reserved;
        remainingAfterReserve = remaining;
        reservedCost = cost;
    }

    /// <summary>Turns the reservation into a charge or a refund, once; returns the credit header values.</summary>
    public (long Used, long Remaining) Settle(bool charge)
    {
        if (account is null || settled)
        {
            return (0, account?.Balance ?? 0);
        }

        settled = true;
        if (charge)
        {
            account.Commit(reservedCost);
            return (reservedCost, remainingAfterReserve);
        }

        return (0, account.Refund(reservedCost));
    }

    /// <summary>Refunds a reservation the request never settled (the client left mid-way).</summary>
    public void RefundIfUnsettled() => Settle(charge: false);

    public Task SendErrorAsync(ApiError error, bool charge) =>
        SendAsync(error.Status, JsonContentType, error.Body, charge, withCredits: true);

    /// <summary>Answers before any accounting: no credit headers.</summary>
    public Task RejectAsync(ApiError error) =>
        SendAsync(error.Status, JsonContentType, error.Body, charge: false, withCredits: false);

    /// <summary>Answers without a reservation but with the key's credit headers: used 0, the balance as it is.</summary>
    public Task SendUnreservedAsync(ApiError error, long balance)
    {
        WriteCreditHeaders(0, balance);
        return SendAsync(error.Status, JsonContentType, error.Body, charge: false, withCredits: false);
    }

    public Task SendAsync(int status, string contentType, byte[] body, bool charge, bool withCredits) =>
        SendAsync(status, contentType, body.AsMemory(), charge, withCredits);

    public async Task SendAsync(int status, string contentType, ReadOnlyMemory<byte> body, bool charge, bool withCredits)
    {
        var (used, remaining) = Settle(charge);
        var response = Context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (withCredits)
        {
            WriteCreditHeaders(used, remaining);
        }

        SentStatus = status;
        Outcome = FaultName ?? status.ToString(CultureInfo.InvariantCulture);

        await response.Body.WriteAsync(body, Cancellation);
        ResponseComplete = true;
    }

    public void WriteCreditHeaders(long used, long remaining)
    {
        var headers = Context.Response.Headers;
        headers["X-Credits-Used"] = used switch { 0 => "0", 1 => "1", _ => used.ToString(CultureInfo.InvariantCulture) };
        headers["X-Credits-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
    }
}
