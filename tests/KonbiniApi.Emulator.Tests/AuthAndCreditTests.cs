using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

public sealed class AuthAndCreditTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("knbn_emulator")]
    [InlineData("Basic a25ibl9lbXVsYXRvcg==")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer knbn_emulator extra")]
    public async Task A_missing_or_malformed_authorization_is_missing_api_key(string? authorization)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = TestEmulator.UserRequest("abc", key: null);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await emulator.Client.SendAsync(request);
        await AssertRejectedAsync(response, HttpStatusCode.Unauthorized, "missing_api_key");
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
    }

    [Theory]
    [InlineData("knbn_nobody", HttpStatusCode.Unauthorized, "invalid_api_key")]
    [InlineData("knbn_disabled", HttpStatusCode.Forbidden, "api_key_disabled")]
    [InlineData("knbn_expired", HttpStatusCode.Forbidden, "api_key_expired")]
    [InlineData("knbn_empty", HttpStatusCode.PaymentRequired, "credits_exhausted")]
    public async Task Refused_keys_get_their_code_and_no_credit_headers(string key, HttpStatusCode status, string code)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("abc", key);
        await AssertRejectedAsync(response, status, code);
    }

    [Fact]
    public async Task The_bearer_scheme_is_case_insensitive()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = TestEmulator.UserRequest("abc", key: null);
        request.Headers.TryAddWithoutValidation("Authorization", "bearer knbn_emulator");
        using var response = await emulator.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("emu.notfound", HttpStatusCode.NotFound, "not_found", 1)]
    [InlineData("EMU.NotFound", HttpStatusCode.NotFound, "not_found", 1)]
    [InlineData("emu.invalid", HttpStatusCode.BadRequest, "validation_error", 0)]
    [InlineData("emu.fault.500", HttpStatusCode.InternalServerError, "internal_error", 0)]
    [InlineData("emu.fault.502", HttpStatusCode.BadGateway, "platform_error", 0)]
    [InlineData("emu.fault.503", HttpStatusCode.ServiceUnavailable, "service_unavailable", 0)]
    [InlineData("emu.fault.504", HttpStatusCode.GatewayTimeout, "platform_error", 0)]
    [InlineData("has-dash", HttpStatusCode.BadRequest, "validation_error", 0)]
    [InlineData("abcdefghijklmnopqrstuvwxy", HttpStatusCode.BadRequest, "validation_error", 0)]
    [InlineData("%40", HttpStatusCode.BadRequest, "validation_error", 0)]
    [InlineData("@@abc", HttpStatusCode.BadRequest, "validation_error", 0)]
    [InlineData("h%C3%A9llo", HttpStatusCode.BadRequest, "validation_error", 0)]
    [InlineData("a%20b", HttpStatusCode.BadRequest, "validation_error", 0)]
    public async Task Accounted_errors_carry_their_code_and_the_right_credit_headers(string username, HttpStatusCode status, string code, int used)
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Keys = new Dictionary<string, long> { ["knbn_ten"] = 10 } });
        using var response = await emulator.GetUserAsync(username, "knbn_ten");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await TestEmulator.BodyAsync(response);
        Assert.Equal(code, TestEmulator.ErrorCode(body));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("errors")[0].GetProperty("message").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.Equal(used.ToString(CultureInfo.InvariantCulture), TestEmulator.Header(response, "X-Credits-Used"));
        Assert.Equal((10 - used).ToString(CultureInfo.InvariantCulture), TestEmulator.Header(response, "X-Credits-Remaining"));
        var stats = await emulator.StatsAsync();
        Assert.Equal(used, stats.GetProperty("creditsCharged").GetProperty("knbn_ten").GetInt64());
        Assert.Equal(10 - used, stats.GetProperty("balances").GetProperty("knbn_ten").GetInt64());
    }

    [Fact]
    public async Task A_24_character_name_is_accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("@abcdefghijklmnopqrstuvwx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_last_credit_is_spent_then_402_without_credit_headers()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Keys = new Dictionary<string, long> { ["knbn_two"] = 2 } });
        var remaining = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await emulator.GetUserAsync("abc", "knbn_two");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            remaining.Add(TestEmulator.Header(ok, "X-Credits-Remaining"));
        }

        Assert.Equal(["1", "0"], remaining);
        using var exhausted = await emulator.GetUserAsync("abc", "knbn_two");
        await AssertRejectedAsync(exhausted, HttpStatusCode.PaymentRequired, "credits_exhausted");
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("balances").GetProperty("knbn_two").GetInt64());
    }

    [Fact]
    public async Task Credits_stay_exact_under_200_concurrent_mixed_requests()
    {
        const long initial = 10_000;
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions
        {
            LatencyMs = 20,
            Keys = new Dictionary<string, long> { ["knbn_mixed"] = initial },
        });
        string[] names = ["ok.user", "emu.notfound", "emu.invalid", "emu.fault.500", "emu.fault.badjson", "emu.fault.reset"];
        var outcomes = new ConcurrentBag<(int Status, int Used, long Remaining)>();
        var resets = 0;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                using var response = await emulator.GetUserAsync(names[i % names.Length] + (i % names.Length == 0 ? i.ToString(CultureInfo.InvariantCulture) : ""), "knbn_mixed");
                outcomes.Add(((int)response.StatusCode,
                    int.Parse(TestEmulator.Header(response, "X-Credits-Used")!, CultureInfo.InvariantCulture),
                    long.Parse(TestEmulator.Header(response, "X-Credits-Remaining")!, CultureInfo.InvariantCulture)));
            }
            catch (HttpRequestException)
            {
                System.Threading.Interlocked.Increment(ref resets);
            }
        }));

        int Expected(int kind) => Enumerable.Range(0, 200).Count(i => i % names.Length == kind);
        var charged = outcomes.Sum(o => o.Used);
        Assert.Equal(Expected(5), resets);
        Assert.Equal(Expected(0), outcomes.Count(o => o.Status == 200 && o.Used == 1));
        Assert.Equal(Expected(1), outcomes.Count(o => o.Status == 404 && o.Used == 1));
        Assert.Equal(Expected(0) + Expected(1), charged);
        Assert.Equal(Expected(2) + Expected(3) + Expected(4), outcomes.Count(o => o.Used == 0));
        Assert.All(outcomes, o => Assert.InRange(o.Remaining, 0, initial));

        var stats = await emulator.StatsAsync();
        Assert.Equal(charged, stats.GetProperty("creditsCharged").GetProperty("knbn_mixed").GetInt64());
        Assert.Equal(initial - charged, stats.GetProperty("balances").GetProperty("knbn_mixed").GetInt64());
        Assert.Equal(200, stats.GetProperty("totalRequests").GetInt64());
        Assert.True(stats.GetProperty("maxInFlight").GetInt64() > 1);
    }

    [Fact]
    public async Task Concurrent_requests_never_overdraw_a_small_balance()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions
        {
            LatencyMs = 30,
            Keys = new Dictionary<string, long> { ["knbn_fifty"] = 50 },
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await emulator.GetUserAsync($"user{i}", "knbn_fifty");
            return ((int)response.StatusCode, TestEmulator.Header(response, "X-Credits-Remaining"));
        }));

        Assert.Equal(50, responses.Count(r => r.Item1 == 200));
        Assert.Equal(150, responses.Count(r => r.Item1 == 402));
        Assert.All(responses.Where(r => r.Item1 == 402), r => Assert.Null(r.Item2));
        Assert.Equal(
            Enumerable.Range(0, 50).Select(n => n.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            responses.Where(r => r.Item1 == 200).Select(r => r.Item2!).Order(StringComparer.Ordinal));
        var stats = await emulator.StatsAsync();
        Assert.Equal(0, stats.GetProperty("balances").GetProperty("knbn_fifty").GetInt64());
        Assert.Equal(50, stats.GetProperty("creditsCharged").GetProperty("knbn_fifty").GetInt64());
    }

    [Fact]
    public async Task Retry_names_fail_n_times_then_succeed_until_reset()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await emulator.GetUserAsync("emu.retry.2.abc");
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("service_unavailable", TestEmulator.ErrorCode(await TestEmulator.BodyAsync(response)));
                Assert.Equal("0", TestEmulator.Header(response, "X-Credits-Used"));
            }
        }

        Assert.Equal([503, 503, 200, 200], statuses);
        using (var other = await emulator.GetUserAsync("emu.retry.2.other"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, other.StatusCode);
        }

        await emulator.PostJsonAsync("_emulator/reset", "{}");
        using var afterReset = await emulator.GetUserAsync("emu.retry.2.abc");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, afterReset.StatusCode);
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
    }

    private static async Task AssertRejectedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await TestEmulator.BodyAsync(response);
        Assert.Equal(code, TestEmulator.ErrorCode(body));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.Null(TestEmulator.Header(response, "X-Credits-Used"));
        Assert.Null(TestEmulator.Header(response, "X-Credits-Remaining"));
    }
}
