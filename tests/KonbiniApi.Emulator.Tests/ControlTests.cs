using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

public sealed class ControlTests
{
    [Fact]
    public async Task Stats_count_requests_by_route_and_outcome_with_the_ledger()
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var name in (string[])["a", "b", "emu.notfound", "emu.invalid", "emu.fault.503"])
        {
            using var response = await emulator.GetUserAsync(name);
        }

        using (await emulator.GetUserAsync("a", "knbn_disabled"))
        {
        }

        await RawHttp.SendAsync(emulator.BaseAddress, "GET", "/nowhere", key: null);

        var stats = await emulator.StatsAsync();
        Assert.Equal(7, stats.GetProperty("totalRequests").GetInt64());
        Assert.Equal(0, stats.GetProperty("inFlight").GetInt64());
        Assert.Equal(1, stats.GetProperty("maxInFlight").GetInt64());
        Assert.Equal(0, stats.GetProperty("aborted").GetInt64());
        var users = stats.GetProperty("routes").GetProperty("tiktok.users");
        Assert.Equal(2, users.GetProperty("200").GetInt64());
        Assert.Equal(1, users.GetProperty("404").GetInt64());
        Assert.Equal(1, users.GetProperty("400").GetInt64());
        Assert.Equal(1, users.GetProperty("503").GetInt64());
        Assert.Equal(1, users.GetProperty("403").GetInt64());
        Assert.Equal(1, stats.GetProperty("routes").GetProperty("route_not_found").GetProperty("404").GetInt64());
        Assert.Equal(3, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(999_997, stats.GetProperty("balances").GetProperty(TestEmulator.Key).GetInt64());
        foreach (var key in (string[])["knbn_disabled", "knbn_expired", "knbn_empty"])
        {
            Assert.True(stats.GetProperty("balances").TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public async Task Stats_show_requests_in_flight_and_the_high_water_mark()
    {
        // Long latency, and the stats are polled until all 20 have arrived: a fixed wait would race the
        // clients' start-up on a busy machine.
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { LatencyMs = 3000 });
        var running = Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await emulator.GetUserAsync($"user{i}");
        }));
        var during = await emulator.StatsAsync();
        for (var waited = 0; during.GetProperty("inFlight").GetInt64() < 20 && waited < 2500; waited += 25)
        {
            await Task.Delay(25);
            during = await emulator.StatsAsync();
        }

        await running;
        var after = await emulator.StatsAsync();

        Assert.Equal(20, during.GetProperty("inFlight").GetInt64());
        Assert.Equal(0, after.GetProperty("inFlight").GetInt64());
        Assert.Equal(20, after.GetProperty("maxInFlight").GetInt64());
    }

    [Fact]
    public async Task The_request_log_records_the_user_agent_as_sent()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, "v1/tiktok/users/agent"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
        request.Headers.TryAddWithoutValidation("User-Agent", "KonbiniApi/9.9.9 PowerShell/7.6.9 (Test)");
        using var response = await emulator.Client.SendAsync(request);

        var log = await emulator.RequestsAsync();
        Assert.Equal("KonbiniApi/9.9.9 PowerShell/7.6.9 (Test)", log[^1].GetProperty("userAgent").GetString());
    }

    [Fact]
    public async Task The_request_log_records_a_body_as_text_and_no_body_as_null()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, "v1/reddit/posts/batch"))
        {
            Content = new StringContent("{\"entityIds\":[\"abc1\",\"t3_def2\"]}", System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
        using (await emulator.Client.SendAsync(post))
        {
        }

        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, "v1/tiktok/users/nobody"));
        get.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
        using (await emulator.Client.SendAsync(get))
        {
        }

        var log = await emulator.RequestsAsync();
        Assert.Equal("{\"entityIds\":[\"abc1\",\"t3_def2\"]}", log[^2].GetProperty("body").GetString());
        Assert.Equal(JsonValueKind.Null, log[^1].GetProperty("body").ValueKind);
    }

    [Fact]
    public async Task The_request_log_keeps_arrival_order_and_the_raw_target()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await RawHttp.SendAsync(emulator.BaseAddress, "GET", "/v1/tiktok/users/%40First?x=1");
        await RawHttp.SendAsync(emulator.BaseAddress, "GET", "/v1/tiktok/users/second", key: null);
        await RawHttp.SendAsync(emulator.BaseAddress, "GET", "/v1/tiktok/users/x/../third", key: "knbn_who");

        var log = await emulator.RequestsAsync();
        Assert.Equal(3, log.Count);
        Assert.Equal(["/v1/tiktok/users/%40First?x=1", "/v1/tiktok/users/second", "/v1/tiktok/users/x/../third"], log.Select(r => r.GetProperty("rawTarget").GetString()));
        Assert.Equal([200, 401, 404], log.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("knbn_emulator", log[0].GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, log[1].GetProperty("key").ValueKind);
        Assert.Equal("knbn_who", log[2].GetProperty("key").GetString());
        Assert.Equal("/v1/tiktok/users/third", log[2].GetProperty("path").GetString());
        Assert.All(log, r => Assert.Equal("GET", r.GetProperty("method").GetString()));
        var times = log.Select(r => DateTimeOffset.Parse(r.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task The_request_log_is_capped_and_keeps_the_newest()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { RequestLogCapacity = 3 });
        for (var i = 0; i < 5; i++)
        {
            using var response = await emulator.GetUserAsync($"user{i}");
        }

        var log = await emulator.RequestsAsync();
        Assert.Equal(["/v1/tiktok/users/user2", "/v1/tiktok/users/user3", "/v1/tiktok/users/user4"], log.Select(r => r.GetProperty("rawTarget").GetString()));
        Assert.Equal(5, (await emulator.StatsAsync()).GetProperty("totalRequests").GetInt64());
    }

    [Fact]
    public async Task Reset_clears_counters_logs_and_retries_and_restores_balances()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Keys = new Dictionary<string, long> { ["knbn_five"] = 5 } });
        await emulator.PostJsonAsync("_emulator/keys", """{"key":"knbn_test299","credits":299}""");
        for (var i = 0; i < 3; i++)
        {
            using var a = await emulator.GetUserAsync("abc", "knbn_five");
            using var b = await emulator.GetUserAsync("abc", "knbn_test299");
            using var c = await emulator.GetUserAsync("emu.retry.1.z");
        }

        await emulator.PostJsonAsync("_emulator/reset", "");

        var stats = await emulator.StatsAsync();
        Assert.Equal(0, stats.GetProperty("totalRequests").GetInt64());
        Assert.Equal(0, stats.GetProperty("maxInFlight").GetInt64());
        Assert.Empty(stats.GetProperty("routes").EnumerateObject());
        Assert.Equal(5, stats.GetProperty("balances").GetProperty("knbn_five").GetInt64());
        Assert.Equal(299, stats.GetProperty("balances").GetProperty("knbn_test299").GetInt64());
        Assert.Equal(1_000_000, stats.GetProperty("balances").GetProperty(TestEmulator.Key).GetInt64());
        Assert.All(stats.GetProperty("creditsCharged").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt64()));
        Assert.Empty(await emulator.RequestsAsync());
        using var retried = await emulator.GetUserAsync("emu.retry.1.z");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, retried.StatusCode);
    }

    [Fact]
    public async Task Keys_can_be_created_rebalanced_and_blocked()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var created = await emulator.PostJsonAsync("_emulator/keys", """{"key":"knbn_test299","credits":299}""");
        Assert.Equal("knbn_test299", created.GetProperty("key").GetString());
        Assert.Equal(299, created.GetProperty("credits").GetInt64());
        Assert.Equal("active", created.GetProperty("state").GetString());

        using (var response = await emulator.GetUserAsync("abc", "knbn_test299"))
        {
            Assert.Equal("298", TestEmulator.Header(response, "X-Credits-Remaining"));
        }

        await emulator.PostJsonAsync("_emulator/keys", """{"key":"knbn_test299","state":"disabled"}""");
        using (var response = await emulator.GetUserAsync("abc", "knbn_test299"))
        {
            Assert.Equal("api_key_disabled", TestEmulator.ErrorCode(await TestEmulator.BodyAsync(response)));
        }

        await emulator.PostJsonAsync("_emulator/keys", """{"key":"knbn_test299","state":"expired"}""");
        using (var response = await emulator.GetUserAsync("abc", "knbn_test299"))
        {
            Assert.Equal("api_key_expired", TestEmulator.ErrorCode(await TestEmulator.BodyAsync(response)));
        }

        var reactivated = await emulator.PostJsonAsync("_emulator/keys", """{"key":"knbn_test299","state":"active","credits":1}""");
        Assert.Equal(1, reactivated.GetProperty("credits").GetInt64());
        using (var last = await emulator.GetUserAsync("abc", "knbn_test299"))
        {
            Assert.Equal("0", TestEmulator.Header(last, "X-Credits-Remaining"));
        }

        using var exhausted = await emulator.GetUserAsync("abc", "knbn_test299");
        Assert.Equal(HttpStatusCode.PaymentRequired, exhausted.StatusCode);
    }

    [Theory]
    [InlineData("_emulator/keys", "not json")]
    [InlineData("_emulator/keys", "[]")]
    [InlineData("_emulator/keys", """{"credits":5}""")]
    [InlineData("_emulator/keys", """{"key":"knbn x","credits":5}""")]
    [InlineData("_emulator/keys", """{"key":"knbn_x","credits":-1}""")]
    [InlineData("_emulator/keys", """{"key":"knbn_x","state":"paused"}""")]
    [InlineData("_emulator/config", """{"latencyMs":-1}""")]
    [InlineData("_emulator/config", """{"faultRate":1.5}""")]
    [InlineData("_emulator/config", """{"faults":["500","teapot"]}""")]
    [InlineData("_emulator/config", """{"faults":[]}""")]
    [InlineData("_emulator/config", """{"seed":"one"}""")]
    [InlineData("_emulator/config", """{"latency":5}""")]
    public async Task Bad_control_bodies_are_400_and_change_nothing(string path, string json)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var before = (await emulator.GetJsonAsync("_emulator/config")).GetRawText();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await emulator.Client.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_error", TestEmulator.ErrorCode(await TestEmulator.BodyAsync(response)));
        Assert.Equal(before, (await emulator.GetJsonAsync("_emulator/config")).GetRawText());
        Assert.False((await emulator.StatsAsync()).GetProperty("balances").TryGetProperty("knbn_x", out _));
    }

    [Fact]
    public async Task Config_reports_and_changes_behaviour_at_runtime()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { Seed = 11 });
        var initial = await emulator.GetJsonAsync("_emulator/config");
        Assert.Equal(0, initial.GetProperty("latencyMs").GetInt32());
        Assert.Equal(0, initial.GetProperty("jitterMs").GetInt32());
        Assert.Equal(0, initial.GetProperty("faultRate").GetDouble());
        Assert.Equal(10, initial.GetProperty("faults").GetArrayLength());
        Assert.Equal(11, initial.GetProperty("seed").GetInt32());

        var changed = await emulator.PostJsonAsync("_emulator/config", """{"faultRate":1,"faults":["503"]}""");
        Assert.Equal(1, changed.GetProperty("faultRate").GetDouble());
        Assert.Equal(["503"], changed.GetProperty("faults").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(11, changed.GetProperty("seed").GetInt32());
        using (var response = await emulator.GetUserAsync("abc"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        await emulator.PostJsonAsync("_emulator/config", """{"latencyMs":250,"faultRate":0,"seed":5,"jitterMs":0}""");
        var current = await emulator.GetJsonAsync("_emulator/config");
        Assert.Equal(250, current.GetProperty("latencyMs").GetInt32());
        Assert.Equal(5, current.GetProperty("seed").GetInt32());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var slow = await emulator.GetUserAsync("abc"))
        {
            Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        }

        Assert.True(clock.ElapsedMilliseconds >= 240);
    }

    [Fact]
    public async Task Reseeding_through_config_replays_the_same_faults()
    {
        await using var emulator = await TestEmulator.StartAsync();

        async Task<string> RunAsync()
        {
            await emulator.PostJsonAsync("_emulator/config", """{"faultRate":0.5,"faults":["500","502"],"seed":99}""");
            var statuses = new StringBuilder();
            for (var i = 0; i < 40; i++)
            {
                using var response = await emulator.GetUserAsync("abc");
                statuses.Append((int)response.StatusCode).Append(' ');
            }

            return statuses.ToString();
        }

        var first = await RunAsync();
        Assert.Equal(first, await RunAsync());
        Assert.Contains("500", first, StringComparison.Ordinal);
        Assert.Contains("200", first, StringComparison.Ordinal);
    }
}
