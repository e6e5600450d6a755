using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Models;
using KonbiniApi.Credits;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Json;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

public sealed class KonbiniClientTests : IDisposable
{
    private const string SecretPart = "S3cr3tDoNotLeak0123456789";
    private const string Secret = "knbn_" + SecretPart;
    private const string UserPath = "/v1/tiktok/users/midnight.onigiri";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private readonly List<IDisposable> disposables = new();

    public void Dispose()
    {
        foreach (var item in disposables)
        {
            item.Dispose();
        }
    }

    private static KonbiniClientOptions Options(Action<KonbiniClientOptions>? change = null)
    {
        var options = new KonbiniClientOptions
        {
            BaseUri = new Uri("https://api.example.test"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
            MaxRetries = 3,
            Timeout = TimeSpan.FromSeconds(10),
            UserAgent = "KonbiniApi.Tests/1.0",
        };
        change?.Invoke(options);
        return options;
    }

    private KonbiniClient Client(FakeHandler handler, KonbiniClientOptions? options = null, CreditLedger? ledger = null)
    {
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        disposables.Add(http);
        return new KonbiniClient(options ?? Options(), ApiKey.FromPlainText(Secret), ledger ?? new CreditLedger(), http);
    }

    private static async Task<KonbiniApiException> Fails(KonbiniClient client, IRequestObserver? observer = null)
    {
        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() => client.GetAsync(UserPath, observer, CancellationToken.None));
        AssertNoKey(failure);
        return failure;
    }

    private static void AssertNoKey(Exception failure)
    {
        Assert.DoesNotContain(SecretPart, failure.ToString(), StringComparison.Ordinal);
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            Assert.DoesNotContain(SecretPart, inner.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sends_the_key_as_bearer_with_accept_json_and_user_agent()
    {
        var handler = FakeHandler.Always(() => Responses.User());
        var client = Client(handler);

        using var response = await client.GetAsync(UserPath, null, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://api.example.test" + UserPath, request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal(Secret, request.Headers.Authorization.Parameter);
        Assert.Equal("Bearer " + Secret, request.Headers.GetValues("Authorization").Single());
        Assert.Contains(request.Headers.Accept, a => a.MediaType == "application/json");
        Assert.Equal("KonbiniApi.Tests/1.0", string.Join(" ", request.Headers.GetValues("User-Agent")));
    }

    [Theory]
    [InlineData("https://api.example.test/", "https://api.example.test/v1/tiktok/users/midnight.onigiri")]
    [InlineData("https://api.example.test/prefix/", "https://api.example.test/prefix/v1/tiktok/users/midnight.onigiri")]
    [InlineData("https://api.example.test/prefix?x=1#f", "https://api.example.test/prefix/v1/tiktok/users/midnight.onigiri")]
    [InlineData("http://127.0.0.1:5099", "http://127.0.0.1:5099/v1/tiktok/users/midnight.onigiri")]
    [InlineData("http://localhost:5099", "http://localhost:5099/v1/tiktok/users/midnight.onigiri")]
    [InlineData("http://[::1]:5099", "http://[::1]:5099/v1/tiktok/users/midnight.onigiri")]
    public async Task Requests_go_under_the_base_uri(string baseUri, string expected)
    {
        var handler = FakeHandler.Always(() => Responses.User());
        var client = Client(handler, Options(o => o.BaseUri = new Uri(baseUri)));

        using var response = await client.GetAsync(UserPath, null, CancellationToken.None);

        Assert.Equal(expected, Assert.Single(handler.Requests).RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Success_parses_and_records_credits()
    {
        var ledger = new CreditLedger();
        var client = Client(FakeHandler.Always(() => Responses.User(used: 1, remaining: 24_998)), ledger: ledger);
        var observer = new RecordingObserver();

        using var response = await client.GetAsync(UserPath, observer, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, response.CreditsUsed);
        Assert.Equal(24_998, response.CreditsRemaining);
        Assert.Equal(1, response.Attempts);
        Assert.Equal(UserPath, response.RequestPath);
        var user = ModelReader.Read<TikTokUser>(response.Data, response.RequestPath, "data");
        Assert.Equal("midnight.onigiri", user.Username);
        Assert.Equal(2_600_000_000L, user.LikeCount);

        var snapshot = ledger.Snapshot();
        Assert.Equal(1, snapshot.Charged);
        Assert.Equal(0, snapshot.Refunded);
        Assert.Equal(1, snapshot.Requests);
        Assert.Equal(24_998, snapshot.Remaining);
        Assert.Equal(1, client.CallCredits.Charged);
        Assert.Equal(0, client.CallCredits.Refunded);

        var line = Assert.Single(observer.Lines);
        Assert.Contains("200", line, StringComparison.Ordinal);
        Assert.Contains(UserPath, line, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPart, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_without_credit_headers_leaves_them_unknown()
    {
        var ledger = new CreditLedger();
        var client = Client(FakeHandler.Always(() => Responses.User(used: null, remaining: null)), ledger: ledger);

        using var response = await client.GetAsync(UserPath, null, CancellationToken.None);

        Assert.Null(response.CreditsUsed);
        Assert.Null(response.CreditsRemaining);
        Assert.Null(ledger.LastRemaining);
        Assert.Equal(1, ledger.Snapshot().Requests);
        Assert.Equal(0, client.CallCredits.Charged + client.CallCredits.Refunded);
    }

    [Fact]
    public async Task Not_found_is_charged_and_not_retried()
    {
        var ledger = new CreditLedger();
        var handler = FakeHandler.Always(() => Responses.Json(HttpStatusCode.NotFound, Fixture.Text("error-not-found.json"), used: 1, remaining: 77));
        var client = Client(handler, ledger: ledger);

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.NotFound, failure.Kind);
        Assert.Equal("KonbiniApi.NotFound", failure.ErrorId);
        Assert.Equal(404, failure.StatusCode);
        Assert.Equal("not_found", failure.ErrorCode);
        Assert.Equal(1, failure.CreditsUsed);
        Assert.Equal(77, failure.CreditsRemaining);
        Assert.Equal(1, failure.Attempts);
        Assert.Equal(UserPath, failure.RequestPath);
        Assert.Contains("No TikTok user goes by that name", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(1, client.CallCredits.Charged);
        Assert.Equal(1, ledger.Snapshot().Charged);
    }

    [Fact]
    public async Task Service_unavailable_then_success_is_retried_once_and_reported()
    {
        var ledger = new CreditLedger();
        var handler = FakeHandler.Sequence(
            () => Responses.Error(HttpStatusCode.ServiceUnavailable, "service_unavailable", "Down for a moment.", used: 0, remaining: 100),
            () => Responses.User(used: 1, remaining: 99));
        var client = Client(handler, ledger: ledger);
        var observer = new RecordingObserver();

        using var response = await client.GetAsync(UserPath, observer, CancellationToken.None);

        Assert.Equal(2, handler.Calls);
        Assert.Equal(2, response.Attempts);
        var retryLines = observer.Lines.Where(l => l.Contains("retry 1 of 3", StringComparison.Ordinal)).ToList();
        var retryLine = Assert.Single(retryLines);
        Assert.Contains("503", retryLine, StringComparison.Ordinal);
        Assert.Contains("refunded", retryLine, StringComparison.Ordinal);
        Assert.Equal(1, client.CallCredits.Charged);
        Assert.Equal(1, client.CallCredits.Refunded);
        var snapshot = ledger.Snapshot();
        Assert.Equal(2, snapshot.Requests);
        Assert.Equal(1, snapshot.Refunded);
        Assert.Equal(99, snapshot.Remaining);
    }

    public static TheoryData<HttpStatusCode, string, ApiErrorKind> FinalFailures => new()
    {
        { HttpStatusCode.BadRequest, "validation_error", ApiErrorKind.ValidationError },
        { HttpStatusCode.Unauthorized, "missing_api_key", ApiErrorKind.MissingApiKey },
        { HttpStatusCode.Unauthorized, "invalid_api_key", ApiErrorKind.InvalidApiKey },
        { HttpStatusCode.PaymentRequired, "credits_exhausted", ApiErrorKind.CreditsExhausted },
        { HttpStatusCode.Forbidden, "api_key_disabled", ApiErrorKind.ApiKeyDisabled },
        { HttpStatusCode.Forbidden, "api_key_expired", ApiErrorKind.ApiKeyExpired },
        { HttpStatusCode.NotFound, "not_found", ApiErrorKind.NotFound },
        { HttpStatusCode.NotFound, "route_not_found", ApiErrorKind.RouteNotFound },
        { HttpStatusCode.RequestEntityTooLarge, "validation_error", ApiErrorKind.RequestTooLarge },
    };

    [Theory]
    [MemberData(nameof(FinalFailures))]
    public async Task Client_errors_are_never_retried(HttpStatusCode status, string code, ApiErrorKind kind)
    {
        var handler = FakeHandler.Always(() => Responses.Error(status, code, "Refused."));
        var client = Client(handler);

        var failure = await Fails(client);

        Assert.Equal(kind, failure.Kind);
        Assert.Equal((int)status, failure.StatusCode);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Equal(1, failure.Attempts);
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "internal_error", ApiErrorKind.InternalError)]
    [InlineData(HttpStatusCode.BadGateway, "platform_error", ApiErrorKind.PlatformError)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "service_unavailable", ApiErrorKind.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, "platform_error", ApiErrorKind.PlatformError)]
    public async Task Server_errors_are_retried_up_to_MaxRetries(HttpStatusCode status, string code, ApiErrorKind kind)
    {
        var handler = FakeHandler.Always(() => Responses.Error(status, code, "Try later."));
        var client = Client(handler, Options(o => o.MaxRetries = 2));
        var observer = new RecordingObserver();

        var failure = await Fails(client, observer);

        Assert.Equal(kind, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal(2, observer.Lines.Count(l => l.Contains("; retry ", StringComparison.Ordinal)));
        Assert.Equal(3, client.CallCredits.Refunded);
        Assert.Equal(0, client.CallCredits.Charged);
    }

    [Fact]
    public async Task No_retries_when_MaxRetries_is_zero()
    {
        var handler = FakeHandler.Always(() => Responses.Error(HttpStatusCode.InternalServerError, "internal_error", "Oops."));
        var client = Client(handler, Options(o => o.MaxRetries = 0));

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.InternalError, failure.Kind);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Html_502_from_a_proxy_is_a_retried_platform_error()
    {
        var handler = FakeHandler.Always(() => Responses.Html(HttpStatusCode.BadGateway, Fixture.Text("proxy-502.html")));
        var client = Client(handler, Options(o => o.MaxRetries = 1));

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.PlatformError, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(502, failure.StatusCode);
        Assert.Null(failure.ErrorCode);
        Assert.Null(failure.CreditsUsed);
        Assert.Contains("text/html", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, handler.Calls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"errors\":[]}")]
    [InlineData("{\"errors\":\"nope\"}")]
    [InlineData("[1,2]")]
    [InlineData("{\"errors\":[{\"code\":7,\"message\":false}]}")]
    public async Task Error_status_without_a_readable_envelope_is_decided_by_the_status(string body)
    {
        var client = Client(FakeHandler.Always(() => Responses.Json(HttpStatusCode.Forbidden, body)));

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.ApiKeyDisabled, failure.Kind);
        Assert.Null(failure.ErrorCode);
    }

    [Fact]
    public async Task Error_message_that_is_not_utf8_is_still_an_api_failure()
    {
        var body = Encoding.UTF8.GetBytes("{\"errors\":[{\"code\":\"internal_error\",\"message\":\"bad XX byte\"}],\"data\":null}");
        var at = Encoding.UTF8.GetString(body).IndexOf("XX", StringComparison.Ordinal);
        body[at] = 0xC3;
        body[at + 1] = 0x28;
        var client = Client(FakeHandler.Always(() => Responses.Bytes(HttpStatusCode.InternalServerError, body)), Options(o => o.MaxRetries = 0));

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.InternalError, failure.Kind);
    }

    [Fact]
    public async Task Unknown_status_is_unknown_and_not_retried()
    {
        var handler = FakeHandler.Always(() => Responses.Error((HttpStatusCode)418, "teapot", "Short and stout."));
        var client = Client(handler);

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.Unknown, failure.Kind);
        Assert.Equal("KonbiniApi.UnexpectedResponse", failure.ErrorId);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Network_failure_before_an_answer_is_retried_then_a_network_error()
    {
        var ledger = new CreditLedger();
        var handler = new FakeHandler((_, _, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (api.example.test:443)")));
        var client = Client(handler, Options(o => o.MaxRetries = 2), ledger);
        var observer = new RecordingObserver();

        var failure = await Fails(client, observer);

        Assert.Equal(ApiErrorKind.NetworkError, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Null(failure.StatusCode);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal(3, handler.Calls);
        Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.Contains("Connection refused", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, observer.Lines.Count(l => l.Contains("network error", StringComparison.Ordinal)));
        Assert.Equal(3, ledger.Snapshot().Requests);
    }

    [Fact]
    public async Task Network_failure_then_success_recovers()
    {
        var handler = new FakeHandler((_, call, _) => call == 1
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("reset"))
            : Task.FromResult(Responses.User()));
        var client = Client(handler);

        using var response = await client.GetAsync(UserPath, null, CancellationToken.None);

        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task Body_cut_short_is_retried_then_a_network_error_with_the_status()
    {
        var handler = FakeHandler.Always(() => Responses.Streamed(HttpStatusCode.OK, new ScriptedStream(Encoding.UTF8.GetBytes("{\"data\":{\"id\":"), ScriptedStream.Mode.Fail), used: 0));
        var client = Client(handler, Options(o => o.MaxRetries = 1));

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.NetworkError, failure.Kind);
        Assert.Equal(200, failure.StatusCode);
        Assert.Equal(2, failure.Attempts);
        Assert.Equal(2, handler.Calls);
        Assert.IsType<IOException>(failure.InnerException);
    }

    [Fact]
    public async Task Waiting_too_long_for_headers_is_a_timeout_and_not_retried()
    {
        var handler = new FakeHandler(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Responses.User();
        });
        var client = Client(handler, Options(o => o.Timeout = TimeSpan.FromMilliseconds(150)));
        var watch = Stopwatch.StartNew();

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.Timeout, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Null(failure.StatusCode);
        Assert.Equal(1, handler.Calls);
        Assert.Contains("timed out", failure.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < Generous, watch.Elapsed.ToString());
    }

    [Fact]
    public async Task Waiting_too_long_for_the_body_is_a_timeout_and_not_retried()
    {
        var handler = FakeHandler.Always(() => Responses.Streamed(HttpStatusCode.OK, new ScriptedStream(Encoding.UTF8.GetBytes("{\"data\":"), ScriptedStream.Mode.Hang), used: 1));
        var client = Client(handler, Options(o => o.Timeout = TimeSpan.FromMilliseconds(150)));

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.Timeout, failure.Kind);
        Assert.Equal(200, failure.StatusCode);
        Assert.Equal(1, failure.CreditsUsed);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Caller_cancellation_while_waiting_is_an_OperationCanceledException_promptly()
    {
        var handler = new FakeHandler(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Responses.User();
        });
        var client = Client(handler, Options(o => o.Timeout = TimeSpan.FromMinutes(5)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        var failure = await Record.ExceptionAsync(() => client.GetAsync(UserPath, null, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(failure);
        Assert.True(watch.Elapsed < Generous, watch.Elapsed.ToString());
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task Caller_cancellation_while_reading_the_body_is_an_OperationCanceledException()
    {
        var handler = FakeHandler.Always(() => Responses.Streamed(HttpStatusCode.OK, new ScriptedStream(Encoding.UTF8.GetBytes("{\"data\":"), ScriptedStream.Mode.Hang)));
        var client = Client(handler, Options(o => o.Timeout = TimeSpan.FromMinutes(5)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var failure = await Record.ExceptionAsync(() => client.GetAsync(UserPath, null, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(failure);
    }

    [Fact]
    public async Task Caller_cancellation_during_a_retry_wait_is_an_OperationCanceledException_promptly()
    {
        var handler = FakeHandler.Always(() => Responses.Error(HttpStatusCode.ServiceUnavailable, "service_unavailable", "Later."));
        var client = Client(handler, Options(o =>
        {
            o.RetryBaseDelay = TimeSpan.FromMinutes(5);
            o.RetryMaxDelay = TimeSpan.FromMinutes(5);
        }));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        var failure = await Record.ExceptionAsync(() => client.GetAsync(UserPath, null, cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(failure);
        Assert.True(watch.Elapsed < Generous, watch.Elapsed.ToString());
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var handler = FakeHandler.Always(() => Responses.User());
        var client = Client(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync(UserPath, null, new CancellationToken(canceled: true)));

        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_unread()
    {
        var body = new ScriptedStream(Array.Empty<byte>(), ScriptedStream.Mode.Endless);
        var handler = FakeHandler.Always(() => Responses.Streamed(HttpStatusCode.OK, body, declaredLength: 5_000_000, used: 1));
        var client = Client(handler, Options(o => o.MaxResponseBytes = 1024));

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.ResponseTooLarge, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(0, body.Served);
        Assert.Equal(1, handler.Calls);
        Assert.Contains("5,000,000", failure.Message, StringComparison.Ordinal);
        Assert.Equal(200, failure.StatusCode);
        Assert.Equal(1, failure.CreditsUsed);
        Assert.Equal(1, client.CallCredits.Charged);
    }

    [Fact]
    public async Task An_endless_body_without_length_is_cut_at_the_cap()
    {
        var body = new ScriptedStream(Encoding.UTF8.GetBytes("{\"data\":{\"id\":\""), ScriptedStream.Mode.Endless);
        var handler = FakeHandler.Always(() => Responses.Streamed(HttpStatusCode.OK, body));
        var client = Client(handler, Options(o => o.MaxResponseBytes = 64 * 1024));

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.ResponseTooLarge, failure.Kind);
        Assert.InRange(body.Served, 64 * 1024, 256 * 1024);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_body_exactly_at_the_cap_is_accepted()
    {
        var json = Fixture.Text("tiktok-user-minimal.json");
        var bytes = Encoding.UTF8.GetBytes(json);
        var client = Client(FakeHandler.Always(() => Responses.Streamed(HttpStatusCode.OK, new ScriptedStream(bytes, ScriptedStream.Mode.End))), Options(o => o.MaxResponseBytes = bytes.Length));

        using var response = await client.GetAsync(UserPath, null, CancellationToken.None);

        Assert.Equal("q", ModelReader.Read<TikTokUser>(response.Data, UserPath, "data").Username);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_of_many_reads_is_read_whole_with_or_without_a_declared_length(bool declared)
    {
        // 300 KB, past the first 16 KB buffer and the buffers it grows into: every byte must arrive in order.
        var items = string.Join(",", Enumerable.Range(0, 12_000).Select(n => "{\"n\":" + n.ToString(CultureInfo.InvariantCulture) + "}"));
        var bytes = Encoding.UTF8.GetBytes("{\"data\":{\"orderedItems\":[" + items + "]}}");
        var handler = FakeHandler.Always(() => Responses.Streamed(HttpStatusCode.OK, new ScriptedStream(bytes, ScriptedStream.Mode.End), declared ? bytes.Length : null));
        var client = Client(handler);

        for (var round = 0; round < 3; round++)
        {
            using var response = await client.GetAsync(UserPath, null, CancellationToken.None);
            var read = response.Data.GetProperty("orderedItems").EnumerateArray().Select(item => item.GetProperty("n").GetInt32()).ToArray();
            Assert.Equal(Enumerable.Range(0, 12_000), read);
        }
    }

    [Fact]
    public async Task A_response_disposed_twice_gives_its_buffer_back_once()
    {
        var client = Client(FakeHandler.Always(() => Responses.User(used: 1, remaining: 10)));
        var response = await client.GetAsync(UserPath, null, CancellationToken.None);
        response.Dispose();
        response.Dispose();
        Assert.Throws<ObjectDisposedException>(() => response.Data.GetProperty("type"));

        // The body itself, on one thread: an array given back twice would be handed out twice in a row.
        var body = new ResponseBody(3000);
        var array = body.Array;
        body.Dispose();
        body.Dispose();
        var first = System.Buffers.ArrayPool<byte>.Shared.Rent(3000);
        var second = System.Buffers.ArrayPool<byte>.Shared.Rent(3000);
        try
        {
            Assert.Same(array, first);
            Assert.NotSame(first, second);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(first);
            System.Buffers.ArrayPool<byte>.Shared.Return(second);
        }
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("<html><body>Sign in to the Wi-Fi</body></html>", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"data\":null}", "'data' null")]
    [InlineData("{\"errors\":[]}", "no 'data' member")]
    [InlineData("{}", "no 'data' member")]
    [InlineData("{\"data\":[]}", "not an object")]
    [InlineData("{\"data\":\"x\"}", "not an object")]
    [InlineData("[{\"data\":{}}]", "not a JSON object")]
    [InlineData("\"data\"", "not a JSON object")]
    [InlineData("null", "not a JSON object")]
    [InlineData("{\"data\":{}", "not valid JSON")]
    public async Task A_success_status_with_a_broken_body_is_an_invalid_response(string body, string expected)
    {
        var handler = FakeHandler.Always(() => Responses.Json(HttpStatusCode.OK, body, used: 1));
        var client = Client(handler);

        var failure = await Fails(client);

        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Equal(200, failure.StatusCode);
        Assert.Equal(1, failure.CreditsUsed);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task The_key_never_appears_in_any_failure()
    {
        var echo = "{\"errors\":[{\"code\":\"invalid_api_key\",\"message\":\"Key Bearer " + Secret + " is not valid.\"}],\"data\":null}";
        var faults = new Dictionary<string, Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>>>
        {
            ["echoing 401"] = (_, _, _) => Task.FromResult(Responses.Json(HttpStatusCode.Unauthorized, echo)),
            ["echoing 503"] = (_, _, _) => Task.FromResult(Responses.Error(HttpStatusCode.ServiceUnavailable, "service_unavailable", "Down for " + Secret)),
            ["html 502"] = (_, _, _) => Task.FromResult(Responses.Html(HttpStatusCode.BadGateway, "<p>Authorization: Bearer " + Secret + "</p>")),
            ["bad json"] = (_, _, _) => Task.FromResult(Responses.Json(HttpStatusCode.OK, "{ " + Secret)),
            ["data null"] = (_, _, _) => Task.FromResult(Responses.Json(HttpStatusCode.OK, "{\"data\":null}")),
            ["network"] = (request, _, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (" + request.RequestUri + ")")),
            ["io mid-body"] = (_, _, _) => Task.FromResult(Responses.Streamed(HttpStatusCode.OK, new ScriptedStream(new byte[] { (byte)'{' }, ScriptedStream.Mode.Fail))),
            ["timeout"] = async (_, _, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return Responses.User();
            },
            ["too large"] = (_, _, _) => Task.FromResult(Responses.Streamed(HttpStatusCode.OK, new ScriptedStream(Array.Empty<byte>(), ScriptedStream.Mode.Endless))),
            ["not found"] = (_, _, _) => Task.FromResult(Responses.Error(HttpStatusCode.NotFound, "not_found", "Nobody.", used: 1)),
            ["credits"] = (_, _, _) => Task.FromResult(Responses.Error(HttpStatusCode.PaymentRequired, "credits_exhausted", "Out.")),
        };

        var kinds = new HashSet<ApiErrorKind>();
        foreach (var (name, respond) in faults)
        {
            var client = Client(new FakeHandler(respond), Options(o =>
            {
                o.MaxRetries = 1;
                o.Timeout = TimeSpan.FromMilliseconds(150);
                o.MaxResponseBytes = 4096;
            }));
            var observer = new RecordingObserver();
            var failure = await Assert.ThrowsAsync<KonbiniApiException>(() => client.GetAsync(UserPath, observer, CancellationToken.None));
            kinds.Add(failure.Kind);

            Assert.False(failure.ToString().Contains(SecretPart, StringComparison.Ordinal), name + ": " + failure);
            AssertNoKey(failure);
            Assert.All(observer.Lines, line => Assert.DoesNotContain(SecretPart, line, StringComparison.Ordinal));
        }

        Assert.Superset(
            new HashSet<ApiErrorKind>
            {
                ApiErrorKind.InvalidApiKey, ApiErrorKind.ServiceUnavailable, ApiErrorKind.PlatformError, ApiErrorKind.InvalidResponse,
                ApiErrorKind.NetworkError, ApiErrorKind.Timeout, ApiErrorKind.ResponseTooLarge, ApiErrorKind.NotFound, ApiErrorKind.CreditsExhausted,
            },
            kinds);
    }

    [Fact]
    public void Constructor_checks_its_arguments()
    {
        var key = ApiKey.FromPlainText(Secret);
        Assert.Throws<ArgumentNullException>(() => new KonbiniClient(null!, key, new CreditLedger()));
        Assert.Throws<ArgumentNullException>(() => new KonbiniClient(Options(), null!, new CreditLedger()));
        Assert.Throws<ArgumentNullException>(() => new KonbiniClient(Options(), key, null!));
    }

    [Fact]
    public async Task Many_concurrent_requests_share_one_client_and_add_up()
    {
        var ledger = new CreditLedger();
        var handler = new FakeHandler(async (_, call, token) =>
        {
            await Task.Yield();
            return call % 5 == 0
                ? Responses.Error(HttpStatusCode.NotFound, "not_found", "Nobody.", used: 1, remaining: 1000 - call)
                : Responses.User(used: 1, remaining: 1000 - call);
        });
        var client = Client(handler, ledger: ledger);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                using var response = await client.GetAsync(UserPath, null, CancellationToken.None);
                return true;
            }
            catch (KonbiniApiException failure) when (failure.Kind == ApiErrorKind.NotFound)
            {
                return false;
            }
        }));

        Assert.Equal(40, outcomes.Count(ok => ok));
        Assert.Equal(50, client.CallCredits.Charged);
        Assert.Equal(50, ledger.Snapshot().Charged);
        Assert.Equal(950, ledger.LastRemaining);
    }
}
