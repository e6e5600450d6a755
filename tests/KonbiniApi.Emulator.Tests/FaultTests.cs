using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Reset_drops_the_connection_before_any_response()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetUserAsync("emu.fault.reset"));
        await AssertRefundedFaultAsync(emulator, "reset", expectedStatus: 0);
    }

    [Fact]
    public async Task Truncate_sends_headers_and_part_of_the_body_then_drops_the_connection()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.Client.SendAsync(TestEmulator.UserRequest("emu.fault.truncate"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0", TestEmulator.Header(response, "X-Credits-Used"));
        Assert.Equal("1000000", TestEmulator.Header(response, "X-Credits-Remaining"));
        var declared = response.Content.Headers.ContentLength;
        Assert.NotNull(declared);

        await using var body = await response.Content.ReadAsStreamAsync();
        var received = 0L;
        var buffer = new byte[4096];
        var failure = await Record.ExceptionAsync(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                received += read;
            }
        });

        Assert.IsAssignableFrom<IOException>(failure);
        Assert.InRange(received, 1, declared.Value - 1);
        await AssertRefundedFaultAsync(emulator, "truncate", expectedStatus: 200);
    }

    [Fact]
    public async Task Html_is_a_proxy_error_page_without_credit_headers()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.fault.html");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(TestEmulator.Header(response, "X-Credits-Used"));
        Assert.Null(TestEmulator.Header(response, "X-Credits-Remaining"));
        await AssertRefundedFaultAsync(emulator, "html", expectedStatus: 502);
    }

    [Fact]
    public async Task Badjson_is_a_200_json_response_that_does_not_parse()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.fault.badjson");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0", TestEmulator.Header(response, "X-Credits-Used"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        await AssertRefundedFaultAsync(emulator, "badjson", expectedStatus: 200);
    }

    [Fact]
    public async Task Hang_sends_nothing_until_the_client_gives_up()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var impatient = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromMilliseconds(700) };

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.SendAsync(TestEmulator.UserRequest("emu.fault.hang")));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(650));

        var stats = await WaitForIdleAsync(emulator);
        Assert.Equal(1, stats.GetProperty("aborted").GetInt64());
        await AssertRefundedFaultAsync(emulator, "hang", expectedStatus: 0);
    }

    [Fact]
    public async Task Hang_eventually_drops_the_connection_itself()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions(), hangDuration: TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<HttpRequestException>(() => emulator.GetUserAsync("emu.fault.hang"));
        var stats = await WaitForIdleAsync(emulator);
        Assert.Equal(0, stats.GetProperty("aborted").GetInt64());
    }

    [Fact]
    public async Task Huge_streams_far_more_than_a_client_should_buffer_until_the_client_leaves()
    {
        await using var emulator = await TestEmulator.StartAsync();
        // A client that never drains leftovers: by default a disposed response may quietly read on to the end.
        var reader = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = emulator.BaseAddress };
        var response = await reader.SendAsync(TestEmulator.UserRequest("emu.fault.huge"), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0", TestEmulator.Header(response, "X-Credits-Used"));
        Assert.Null(response.Content.Headers.ContentLength);

        var received = 0L;
        var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[256 * 1024];
        while (received <= 100L * 1024 * 1024)
        {
            var read = await body.ReadAsync(buffer);
            Assert.NotEqual(0, read);
            received += read;
        }

        await body.DisposeAsync();
        response.Dispose();
        reader.Dispose();
        var stats = await WaitForIdleAsync(emulator);
        Assert.Equal(1, stats.GetProperty("aborted").GetInt64());
        await AssertRefundedFaultAsync(emulator, "huge", expectedStatus: 200);
    }

    [Fact]
    public async Task A_seeded_fault_rate_is_reproducible_and_close_to_the_rate()
    {
        var options = new EmulatorOptions { FaultRate = 0.3, Faults = [FaultKind.InternalError, FaultKind.ServiceUnavailable, FaultKind.BadJson], Seed = 42 };
        var first = await StatusSequenceAsync(options, 200);
        var second = await StatusSequenceAsync(options, 200);

        Assert.Equal(first, second);
        var faulted = first.Count(s => s != "200");
        Assert.InRange(faulted, 40, 80);
        Assert.Contains("500", first);
        Assert.Contains("503", first);
        Assert.Contains("200/0", first);

        var otherSeed = await StatusSequenceAsync(new EmulatorOptions { FaultRate = 0.3, Faults = options.Faults, Seed = 43 }, 200);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public async Task Random_faults_are_refunded_so_charges_equal_successes()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions
        {
            FaultRate = 0.5,
            Faults = [FaultKind.InternalError, FaultKind.BadGateway, FaultKind.GatewayTimeout, FaultKind.Html, FaultKind.BadJson, FaultKind.Reset, FaultKind.Truncate],
            Seed = 7,
        });

        var successes = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (i, ct) =>
        {
            try
            {
                using var response = await emulator.GetUserAsync($"user{i}");
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.OK && IsJson(text))
                {
                    Interlocked.Increment(ref successes);
                }
            }
            catch (HttpRequestException)
            {
            }
        });

        var stats = await WaitForIdleAsync(emulator);
        Assert.InRange(successes, 60, 140);
        Assert.Equal(successes, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(1_000_000 - successes, stats.GetProperty("balances").GetProperty(TestEmulator.Key).GetInt64());
    }

    [Fact]
    public async Task Latency_delays_api_responses_but_not_control_endpoints()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { LatencyMs = 300 });
        var clock = Stopwatch.StartNew();
        using (var response = await emulator.GetUserAsync("abc"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {clock.ElapsedMilliseconds} ms");

        clock.Restart();
        using (var rejected = await emulator.GetUserAsync("abc", key: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        }

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {clock.ElapsedMilliseconds} ms");

        clock.Restart();
        await emulator.StatsAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(250), $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Delayed_requests_overlap_instead_of_queueing()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { LatencyMs = 500 });
        var clock = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            using var response = await emulator.GetUserAsync($"user{i}");
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.ElapsedMilliseconds} ms");
        Assert.True((await emulator.StatsAsync()).GetProperty("maxInFlight").GetInt64() >= 100);
    }

    [Fact]
    public async Task Jitter_adds_a_bounded_random_delay()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { LatencyMs = 50, JitterMs = 150, Seed = 3 });
        var elapsed = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await emulator.GetUserAsync("abc");
            elapsed.Add(clock.Elapsed.TotalMilliseconds);
        }

        // At most 50 + 150 ms are added; the ceiling leaves room for a starved machine (one request once took
        // 1.2 s while the host stole CPU time) and still catches a delay that is not bounded.
        Assert.All(elapsed, ms => Assert.InRange(ms, 45, 3000));
        Assert.True(elapsed.Max() - elapsed.Min() > 20, string.Join(", ", elapsed));
    }

    private static async Task<List<string>> StatusSequenceAsync(EmulatorOptions options, int count)
    {
        await using var emulator = await TestEmulator.StartAsync(options);
        var sequence = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var response = await emulator.GetUserAsync("abc");
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sequence.Add(status == "200" && TestEmulator.Header(response, "X-Credits-Used") == "0" ? "200/0" : status);
        }

        return sequence;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The server notices a departed client a moment after the client does.</summary>
    private static async Task<JsonElement> WaitForIdleAsync(TestEmulator emulator)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stats = await emulator.StatsAsync();
            if (stats.GetProperty("inFlight").GetInt64() == 0 || attempt == 100)
            {
                return stats;
            }

            await Task.Delay(50);
        }
    }

    private static async Task AssertRefundedFaultAsync(TestEmulator emulator, string fault, int expectedStatus)
    {
        var stats = await WaitForIdleAsync(emulator);
        Assert.Equal(0, stats.GetProperty("inFlight").GetInt64());
        Assert.Equal(0, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(1_000_000, stats.GetProperty("balances").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(1, stats.GetProperty("routes").GetProperty("tiktok.users").GetProperty(fault).GetInt64());
        var logged = Assert.Single(await emulator.RequestsAsync());
        Assert.Equal(fault, logged.GetProperty("fault").GetString());
        Assert.Equal(expectedStatus, logged.GetProperty("status").GetInt32());
    }
}
