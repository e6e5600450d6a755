using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Credits;
using KonbiniApi.Errors;

namespace KonbiniApi.Http;

/// <summary>
/// The one request path every cmdlet uses: authentication, timeouts, retries, the response size cap,
/// credit bookkeeping and the translation of every failure into a <see cref="KonbiniApiException"/>.
/// One instance serves one cmdlet call and may be used from many threads at once.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The gate's SemaphoreSlim never allocates a wait handle (only WaitAsync is used), so there is nothing to free.")]
public sealed class KonbiniClient
{
    private const string CreditsUsedHeader = "X-Credits-Used";
    private const string CreditsRemainingHeader = "X-Credits-Remaining";

    private readonly KonbiniClientOptions options;
    private readonly ApiKey key;
    private readonly CreditLedger ledger;
    private readonly HttpClient http;
    private readonly string baseAddress;
    private static readonly Random Jitter = new();
    private long answers;

    /// <summary>Prepares a client; refuses a base URI the key must not travel to.</summary>
    public KonbiniClient(KonbiniClientOptions options, ApiKey key, CreditLedger ledger)
        : this(options, key, ledger, null)
    {
    }

    internal KonbiniClient(KonbiniClientOptions options, ApiKey key, CreditLedger ledger, HttpClient? http)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.key = key ?? throw new ArgumentNullException(nameof(key));
        this.ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        TransportPolicy.EnsureMaySendKey(options.BaseUri);
        this.http = http ?? HttpClientCache.For(options);
        baseAddress = options.BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The settings this client was made with (a downloader reuses its proxy, timeout and agent).</summary>
    public KonbiniClientOptions Options => options;

    /// <summary>What this client's requests have cost so far.</summary>
    public CallCredits CallCredits { get; } = new();

    /// <summary>Successful answers so far (for a list, its pages).</summary>
    public long Answers => Interlocked.Read(ref answers);

    /// <summary>The call's -MaxCredits, when it has one: every attempt takes room in it before it is sent.</summary>
    public CreditBudget? Budget { get; private set; }

    /// <summary>
    /// Caps the requests in flight at once, whatever the number of inputs being read: lists keep more
    /// inputs open than the throttle, so that a slot freed by one input's page goes to another's at once.
    /// </summary>
    public void LimitConcurrency(int requests) => gate = new SemaphoreSlim(requests, requests);

    private SemaphoreSlim? gate;

    /// <summary>Limits what this client's requests may be charged in all.</summary>
    public CreditBudget LimitTo(long maxCredits) => Budget = new CreditBudget(maxCredits, CallCredits);

    /// <summary>
    /// GETs <paramref name="path"/> (already encoded, starting with <c>/v1/</c>) and returns the parsed
    /// success envelope, retrying refunded transient failures.
    /// </summary>
    /// <exception cref="KonbiniApiException">The request failed for good.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<ApiResponse> GetAsync(string path, IRequestObserver? observer, CancellationToken cancellationToken) =>
        SendAsync(ApiRequest.Get(path), observer, cancellationToken);

    /// <summary>Sends <paramref name="request"/> (a GET or a batch POST) the same way: retries, budget, credits, errors.</summary>
    /// <exception cref="KonbiniApiException">The request failed for good.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ApiResponse> SendAsync(ApiRequest request, IRequestObserver? observer, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await SendOnceAsync(request, attempt, observer, cancellationToken).ConfigureAwait(false);
            }
            // A failure the service says it charged for is never retried: the contract refunds 5xx, so a
            // charge means something unusual happened, and another attempt could be charged again.
            catch (KonbiniApiException failure) when (failure.IsTransient && failure.CreditsUsed is null or 0 && attempt <= options.MaxRetries)
            {
                var delay = RetryPolicy.Delay(attempt, options.RetryBaseDelay, options.RetryMaxDelay, NextJitter());
                observer?.Report(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: {1} ({2}); retry {3} of {4} in {5:0.0} s",
                    request.Line,
                    DescribeFailure(failure),
                    failure.CreditsUsed == 0 ? "refunded" : "no credit reported",
                    attempt,
                    options.MaxRetries,
                    delay.TotalSeconds));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static double NextJitter()
    {
        // Random is not thread-safe and netstandard2.0 has no Random.Shared.
        lock (Jitter)
        {
            return Jitter.NextDouble();
        }
    }

    private async Task<ApiResponse> SendOnceAsync(ApiRequest call, int attempt, IRequestObserver? observer, CancellationToken cancellationToken)
    {
        // The concurrency gate and room in the budget come first, so that waiting for them never eats into
        // the request's timeout.
        var slot = gate;
        if (slot is not null)
        {
            await slot.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendWithinBudgetAsync(call, attempt, observer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slot?.Release();
        }
    }

    private async Task<ApiResponse> SendWithinBudgetAsync(ApiRequest call, int attempt, IRequestObserver? observer, CancellationToken cancellationToken)
    {
        var budget = Budget;
        if (budget is not null)
        {
            await budget.EnterAsync(call.Cost, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(options.Timeout);
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(call.Method, new Uri(baseAddress + call.Path, UriKind.Absolute));
            if (call.JsonBody is { } json)
            {
                request.Content = new ByteArrayContent(json);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.BearerValue);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);

            var ticket = ledger.BeginRequest();
            try
            {
                return await ExchangeAsync(request, ticket, call, attempt, observer, watch, deadline, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Recorded answers have left the ledger's list already; this covers a cancelled request.
                ledger.EndRequest(ticket);
            }
        }
        finally
        {
            budget?.Exit(call.Cost);
        }
    }

    private async Task<ApiResponse> ExchangeAsync(
        HttpRequestMessage request,
        RequestTicket ticket,
        ApiRequest call,
        int attempt,
        IRequestObserver? observer,
        Stopwatch watch,
        CancellationTokenSource deadline,
        CancellationToken cancellationToken)
    {
        var path = call.Path;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception fault) when (IsNetworkFault(fault, cancellationToken))
        {
            ledger.Record(ticket, null, null, DateTimeOffset.UtcNow);
            if (!NeverReachedServer(fault))
            {
                CallCredits.RecordUnreported(call.Cost);
            }

            var failure = Translate(fault, call, attempt, deadline.IsCancellationRequested);
            ReportNoAnswer(observer, call, watch, failure);
            throw failure;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var used = ReadHeader(response, CreditsUsedHeader) is long usedValue ? (int?)(int)Math.Min(usedValue, int.MaxValue) : null;
            var remaining = ReadHeader(response, CreditsRemainingHeader);
            ledger.Record(ticket, used, remaining, DateTimeOffset.UtcNow);
            if (used is int charged)
            {
                CallCredits.Record(charged);
            }
            else if (status is not (401 or 402 or 403))
            {
                // The contract rejects 401/402/403 before accounting; any other answer without a credit
                // report (a proxy's page, a broken server) may or may not have been charged.
                CallCredits.RecordUnreported(call.Cost);
            }

            ResponseBody body;
            try
            {
                body = await ReadBodyAsync(response, call, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception fault) when (IsNetworkFault(fault, cancellationToken))
            {
                var failure = Translate(fault, call, attempt, deadline.IsCancellationRequested, status, used, remaining);
                ReportNoAnswer(observer, call, watch, failure);
                throw failure;
            }
            catch (KonbiniApiException tooLarge) when (tooLarge.Kind == ApiErrorKind.ResponseTooLarge)
            {
                // The answer did arrive, and may have been charged: say so, like every other failure.
                throw new KonbiniApiException(tooLarge.Kind, tooLarge.Message, status, null, path, used, remaining, attempt);
            }

            try
            {
                observer?.Report(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} -> {1} in {2} ms; credits used {3}, remaining {4}",
                    call.Line,
                    status,
                    watch.ElapsedMilliseconds,
                    used?.ToString(CultureInfo.InvariantCulture) ?? "(not reported)",
                    remaining?.ToString("N0", CultureInfo.InvariantCulture) ?? "(not reported)"));

                if (status >= 200 && status < 300)
                {
                    Interlocked.Increment(ref answers);

                    // The response owns the body from here and gives it back when it is disposed.
                    return ParseSuccess(body, response, call, status, used, remaining, attempt);
                }

                throw ParseFailure(body, response, call, status, used, remaining, attempt);
            }
            catch
            {
                body.Dispose();
                throw;
            }
        }
    }

    private static void ReportNoAnswer(IRequestObserver? observer, ApiRequest call, Stopwatch watch, KonbiniApiException failure) =>
        observer?.Report(string.Format(
            CultureInfo.InvariantCulture,
            "{0} -> {1} after {2} ms; credits used {3}, remaining {4}",
            call.Line,
            failure.StatusCode is int status ? status.ToString(CultureInfo.InvariantCulture) + ", body cut short (" + failure.Kind + ")" : "no response (" + failure.Kind + ")",
            watch.ElapsedMilliseconds,
            failure.CreditsUsed?.ToString(CultureInfo.InvariantCulture) ?? "(not reported)",
            failure.CreditsRemaining?.ToString("N0", CultureInfo.InvariantCulture) ?? "(not reported)"));

    /// <summary>A connection that was refused or a host that was not found: the request never left.</summary>
    private static bool NeverReachedServer(Exception fault)
    {
        for (var inner = fault; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException socket &&
                socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<ResponseBody> ReadBodyAsync(HttpResponseMessage response, ApiRequest call, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > options.MaxResponseBytes)
        {
            throw TooLarge(call, declared.Value);
        }

        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var registration = cancellationToken.Register(static state => ((IDisposable)state!).Dispose(), stream);

        // One byte more than declared, so that the read that finds the end does not need a bigger array.
        var body = new ResponseBody(declared is long length && length > 0 ? (int)length + 1 : 16 * 1024);
        try
        {
            while (true)
            {
                if (body.Free == 0)
                {
                    body.Grow();
                }

                int read;
                try
                {
                    read = await stream.ReadAsync(body.Array, body.Length, body.Free, cancellationToken).ConfigureAwait(false);
                }
                catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                if (read == 0)
                {
                    return body;
                }

                if ((long)body.Length + read > options.MaxResponseBytes)
                {
                    throw TooLarge(call, null);
                }

                body.Advance(read);
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private static ApiResponse ParseSuccess(ResponseBody body, HttpResponseMessage response, ApiRequest call, int status, int? used, long? remaining, int attempt)
    {
        var path = call.Path;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Memory);
        }
        catch (JsonException)
        {
            throw new KonbiniApiException(ApiErrorKind.InvalidResponse, "The response to " + call.Line + " is not valid JSON (" + DescribeBody(response, body) + ").", status, null, path, used, remaining, attempt);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            var what = root.ValueKind != JsonValueKind.Object ? "is not a JSON object"
                : !root.TryGetProperty("data", out var present) ? "has no 'data' member"
                : present.ValueKind == JsonValueKind.Null ? "has 'data' null" : "has a 'data' member that is not an object";
            document.Dispose();
            throw new KonbiniApiException(ApiErrorKind.InvalidResponse, "The response to " + call.Line + " " + what + ", so it does not follow the KonbiniAPI contract.", status, null, path, used, remaining, attempt);
        }

        return new ApiResponse(document, body, data, path, status, used, remaining, attempt);
    }

    private KonbiniApiException ParseFailure(ResponseBody body, HttpResponseMessage response, ApiRequest call, int status, int? used, long? remaining, int attempt)
    {
        var path = call.Path;
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body.Memory);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("errors", out var errors) &&
                errors.ValueKind == JsonValueKind.Array &&
                errors.GetArrayLength() > 0 &&
                errors[0].ValueKind == JsonValueKind.Object)
            {
                var first = errors[0];
                code = first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                message = first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            }
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidOperationException)
        {
            // Not the API's envelope (a proxy's page, say, or text that is not UTF-8, which only
            // GetString notices): the status alone decides below.
        }

        var kind = ApiErrorCatalog.Classify(status, code);
        var reason = response.ReasonPhrase ?? string.Empty;
        var text = message is null
            ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) + " " + reason + " from " + call.Line + " without the API's error envelope (" + DescribeBody(response, body) + ")."
            : Redact(message).TrimEnd('.') + " (HTTP " + status.ToString(CultureInfo.InvariantCulture) + (code is null ? string.Empty : " " + code) + ", " + call.Line + ").";
        return new KonbiniApiException(kind, text, status, code, path, used, remaining, attempt);
    }

    /// <summary>A server or proxy that echoes the Authorization header must not put the key into our messages.</summary>
    private string Redact(string text) => text.Replace(key.BearerValue, key.Masked);

    private KonbiniApiException TooLarge(ApiRequest call, long? declared) => new(
        ApiErrorKind.ResponseTooLarge,
        "The response to " + call.Line + " is larger than the response size cap of " + options.MaxResponseBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes" +
        (declared is long size ? " (it declared " + size.ToString("N0", CultureInfo.InvariantCulture) + " bytes)" : string.Empty) + "; it was not read.",
        requestPath: call.Path);

    private KonbiniApiException Translate(Exception fault, ApiRequest call, int attempt, bool deadlinePassed, int? status = null, int? used = null, long? remaining = null)
    {
        var path = call.Path;
        if (deadlinePassed)
        {
            return new KonbiniApiException(
                ApiErrorKind.Timeout,
                call.Line + " timed out after " + options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" + (status is null ? " waiting for a response." : " reading the response body."),
                status, null, path, used, remaining, attempt, fault);
        }

        var detail = Redact(fault.InnerException is { } inner && inner.Message != fault.Message ? fault.Message + " " + inner.Message : fault.Message);
        return new KonbiniApiException(
            ApiErrorKind.NetworkError,
            call.Line + " failed on the network" + (status is null ? string.Empty : " while reading the body") + ": " + detail,
            status, null, path, used, remaining, attempt, fault);
    }

    /// <summary>
    /// Faults below HTTP and our own deadline. A cancellation the caller asked for is not one: it
    /// must travel up as OperationCanceledException so the pipeline can stop.
    /// </summary>
    private static bool IsNetworkFault(Exception fault, CancellationToken callerToken) =>
        !callerToken.IsCancellationRequested &&
        fault is HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException;

    private static string DescribeFailure(KonbiniApiException failure) =>
        failure.StatusCode is int status
            ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) + (failure.ErrorCode is null ? string.Empty : " " + failure.ErrorCode)
            : failure.Kind == ApiErrorKind.NetworkError ? "network error" : failure.Kind.ToString();

    private static string DescribeBody(HttpResponseMessage response, ResponseBody body)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        return body.Length == 0 ? "empty body, " + type : type + ", " + body.Length.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
    }

    private static long? ReadHeader(HttpResponseMessage response, string name)
    {
        if (response.Headers.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                if (long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }
            }
        }

        return null;
    }
}
