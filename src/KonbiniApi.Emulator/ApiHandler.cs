using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace KonbiniApi.Emulator;

/// <summary>Serves the API surface. Routing works on the raw request target, never on the decoded path,
/// so an encoded '/' or '..' cannot turn one route into another.</summary>
internal sealed class ApiHandler(EmulatorState state, ControlHandler control, CdnHandler cdn, CancellationToken serverStopping)
{
    public const string ControlPrefix = "/_emulator/";
    private const long BodyLimitBytes = 1024 * 1024;
    private static readonly byte[] DataNullBody = "{\"data\":null}"u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var rawPath = PathOf(rawTarget);
        if (rawPath.StartsWith(ControlPrefix, StringComparison.Ordinal))
        {
            await control.HandleAsync(context, rawPath);
            return;
        }

        if (rawPath.StartsWith(CdnHandler.RootPrefix, StringComparison.Ordinal))
        {
            await cdn.HandleAsync(context, rawTarget, rawPath, serverStopping);
            return;
        }

        var bearer = ParseBearer(context.Request.Headers.Authorization);
        var record = state.Log.Add(new RequestRecord(
            context.Request.Method, rawTarget, context.Request.Path.Value ?? string.Empty, bearer, context.Request.Headers.UserAgent.ToString(), DateTimeOffset.UtcNow));
        state.Stats.RequestStarted();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        var exchange = new ApiExchange(context, record, cancellation.Token);
        try
        {
            await ProcessAsync(exchange, rawTarget, rawPath, bearer);
        }
        catch (Exception failure) when (failure is OperationCanceledException or IOException || cancellation.IsCancellationRequested)
        {
            // A write can fail on a closed socket before Kestrel has signalled RequestAborted, so the failure
            // itself also counts as the client leaving.
            exchange.ClientLeft = !exchange.ServerAborted && !serverStopping.IsCancellationRequested;
        }
        finally
        {
            exchange.RefundIfUnsettled();
            var clientLeft = exchange.ClientLeft
                || (!exchange.ResponseComplete && !exchange.ServerAborted && context.RequestAborted.IsCancellationRequested);
            record.Complete(exchange.SentStatus, exchange.FaultName);
            state.Stats.RequestFinished(exchange.Route, exchange.Outcome, clientLeft);
        }
    }

    internal static string? ParseBearer(StringValues authorization)
    {
        if (authorization.Count != 1 || authorization[0] is not { } value)
        {
            return null;
        }

        const string scheme = "Bearer ";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = value[scheme.Length..].Trim();
        return token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) ? null : token;
    }

    private static string PathOf(string rawTarget)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? rawTarget : rawTarget[..query];
    }

    private async Task ProcessAsync(ApiExchange exchange, string rawTarget, string rawPath, string? bearer)
    {
        var context = exchange.Context;
        var match = ApiPlatforms.Match(context.Request.Method, rawPath);
        if (match is not null)
        {
            exchange.Route = match.StatsName;
        }

        // The body limit comes before routing and the key checks: an oversized body is refused whatever it
        // was sent to, and never reserves a credit.
        var (tooLarge, body) = await ReadBodyAsync(context.Request, keep: match is not null, exchange.Cancellation);
        exchange.Record.KeepBody(body.Span);
        if (tooLarge)
        {
            await DelayAsync(exchange);
            await RejectBodyTooLargeAsync(exchange, bearer);
            return;
        }

        if (match is null)
        {
            await DelayAsync(exchange);
            await exchange.RejectAsync(ApiErrors.RouteNotFound);
            return;
        }

        var account = bearer is null ? null : state.Ledger.Find(bearer);
        var refusal = bearer is null ? ApiErrors.MissingApiKey
            : account is null ? ApiErrors.InvalidApiKey
            : account.State == KeyState.Disabled ? ApiErrors.KeyDisabled
            : account.State == KeyState.Expired ? ApiErrors.KeyExpired
            : null;
        var cost = match.CostOf(body);
        var remaining = refusal is null ? account!.TryReserve(cost) : 0;
        if (remaining < 0)
        {
            refusal = ApiErrors.CreditsExhausted;
        }

        if (refusal is not null)
        {
            await DelayAsync(exchange);
            await exchange.RejectAsync(refusal);
            return;
        }

        exchange.Reserve(account!, remaining, cost);
        await DelayAsync(exchange);

        if (match.Prepare(new RouteRequest(rawTarget, body, BaseUrl(context)), out var call) is { } invalid)
        {
            await exchange.SendErrorAsync(invalid, charge: false);
            return;
        }

        var scenario = call!.Subject;
        if (scenario.Kind == ScenarioKind.Invalid)
        {
            await exchange.SendErrorAsync(call.Rejected, charge: false);
            return;
        }

        var fault = scenario.Kind == ScenarioKind.Fault ? scenario.Fault : state.Behaviour.DrawFault();
        if (fault is { } kind)
        {
            RouteResult? rendered = null;
            try
            {
                await FaultResponder.SendAsync(exchange, kind, () => (rendered = call.Execute(state)).Body, state);
            }
            finally
            {
                rendered?.Dispose();
            }

            return;
        }

        switch (scenario.Kind)
        {
            case ScenarioKind.NotFound:
                await exchange.SendErrorAsync(call.NotFound, charge: true);
                return;
            case ScenarioKind.Retry when state.CountRetryAttempt(call.RetryKey!) <= scenario.FailuresBeforeSuccess:
                await exchange.SendErrorAsync(ApiErrors.ServiceUnavailable, charge: false);
                return;
            case ScenarioKind.DataNull:
                await SendOkAsync(exchange, DataNullBody);
                return;
        }

        using var result = call.Execute(state);
        await exchange.SendAsync(result.Status, ApiExchange.JsonContentType, result.Body, result.Charge, withCredits: true);
    }

    /// <summary>The scheme and authority the client used, so absolute URLs in bodies lead back here.</summary>
    private static string BaseUrl(HttpContext context)
    {
        var request = context.Request;
        if (request.Host.HasValue)
        {
            return request.Scheme + "://" + request.Host.Value;
        }

        var local = context.Connection.LocalIpAddress;
        return $"{request.Scheme}://{local}:{context.Connection.LocalPort}";
    }

    /// <summary>413 with credit headers (used 0, the balance untouched) only for a valid key: a known, active
    /// one. Without a key, or with an unknown, disabled or expired one, nothing was accounted, so no headers.</summary>
    private Task RejectBodyTooLargeAsync(ApiExchange exchange, string? bearer)
    {
        var account = bearer is null ? null : state.Ledger.Find(bearer);
        return account is { State: KeyState.Active }
            ? exchange.SendUnreservedAsync(ApiErrors.BodyTooLarge, account.Balance)
            : exchange.RejectAsync(ApiErrors.BodyTooLarge);
    }

    internal static byte[] RenderPerson(string username, ScenarioKind kind) => kind switch
    {
        ScenarioKind.WrongTypes => PersonJson.Envelope(ProfileGenerator.Generate(username), PersonShape.WrongTypes),
        ScenarioKind.MissingRequired => PersonJson.Envelope(ProfileGenerator.Generate(username), PersonShape.MissingRequired),
        ScenarioKind.ExtraFields => PersonJson.Envelope(ProfileGenerator.Full(username), PersonShape.ExtraFields),
        _ => PersonJson.Envelope(Profiles.Build(username, ReservedNames.Resolve(username)), PersonShape.Contract),
    };

    private static Task SendOkAsync(ApiExchange exchange, byte[] body) =>
        exchange.SendAsync(StatusCodes.Status200OK, ApiExchange.JsonContentType, body, charge: true, withCredits: true);

    /// <summary>Reads the body up to the limit. Only a matched route keeps what it read (a batch parses it);
    /// for anything else the body is only counted.</summary>
    private static async Task<(bool TooLarge, ReadOnlyMemory<byte> Body)> ReadBodyAsync(HttpRequest request, bool keep, CancellationToken cancellation)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > BodyLimitBytes)
            {
                return (true, default);
            }

            if (declared == 0)
            {
                return (false, default);
            }
        }
        else if (request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return (false, default);
        }

        // A chunked body has no declared length: count it as it arrives and stop as soon as it is over.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        using var kept = keep ? new MemoryStream() : null;
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellation)) > 0)
            {
                total += read;
                if (total > BodyLimitBytes)
                {
                    return (true, default);
                }

                kept?.Write(buffer, 0, read);
            }

            return (false, kept is null ? default : kept.ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Task DelayAsync(ApiExchange exchange)
    {
        var delay = state.Behaviour.DrawDelayMs();
        return delay <= 0 ? Task.CompletedTask : Task.Delay(delay, exchange.Cancellation);
    }
}
