using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

public sealed class RoutingTests
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/v1")]
    [InlineData("GET", "/v1/tiktok/users")]
    [InlineData("GET", "/v1/tiktok/users/")]
    [InlineData("GET", "/v1/tiktok/users//abc")]
    [InlineData("GET", "/v1/tiktok/users/abc/")]
    [InlineData("GET", "/v1/tiktok/users/abc/videos/x")]
    [InlineData("GET", "/v1/tiktok/users/abc/unknown")]
    [InlineData("GET", "/v1/tiktok/users/abc/Videos")]
    [InlineData("GET", "/v1/tiktok/users/abc/%76ideos")]
    [InlineData("GET", "/V1/tiktok/users/abc")]
    [InlineData("GET", "/v1/tiktok/users/..")]
    [InlineData("GET", "/v1/tiktok/users/.")]
    [InlineData("GET", "/v1/tiktok/users/%2E%2E")]
    [InlineData("GET", "/v1/tiktok/users/%2e")]
    [InlineData("GET", "/v1/tiktok/users/../users/abc")]
    [InlineData("GET", "/v1/tiktok/users/x/../abc")]
    [InlineData("GET", "/v1/tiktok/users/../../../_emulator/reset")]
    [InlineData("GET", "/v1/tiktok/users/%2E%2E/%2E%2E/%2E%2E/_emulator/stats")]
    [InlineData("POST", "/v1/tiktok/users/abc")]
    [InlineData("DELETE", "/v1/tiktok/users/abc")]
    [InlineData("HEAD", "/v1/instagram/users/abc")]
    public async Task Targets_that_are_not_a_route_are_route_not_found(string method, string rawTarget)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.GetUserAsync("warmup");

        foreach (var key in (string?[])[TestEmulator.Key, null])
        {
            var response = await RawHttp.SendAsync(emulator.BaseAddress, method, rawTarget, key);
            Assert.Equal(404, response.Status);
            Assert.False(response.Headers.ContainsKey("X-Credits-Used"));
            Assert.False(response.Headers.ContainsKey("X-Credits-Remaining"));
            if (method != "HEAD")
            {
                Assert.Equal("route_not_found", TestEmulator.ErrorCode(TestEmulator.JsonElementFrom(response.Body)));
            }
        }

        var stats = await emulator.StatsAsync();
        Assert.Equal(1, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(2, stats.GetProperty("routes").GetProperty("route_not_found").GetProperty("404").GetInt64());
        Assert.Equal(3, stats.GetProperty("totalRequests").GetInt64());
        var logged = await emulator.RequestsAsync();
        Assert.Equal(rawTarget, logged[^1].GetProperty("rawTarget").GetString());
        Assert.Equal(JsonValueKind.Null, logged[^1].GetProperty("key").ValueKind);
        Assert.Equal(TestEmulator.Key, logged[^2].GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("/v1/tiktok/users/a%2Fb")]
    [InlineData("/v1/tiktok/users/%2E%2E%2F_emulator%2Freset")]
    [InlineData("/v1/tiktok/users/..%2F..%2F_emulator%2Fstats")]
    [InlineData("/v1/tiktok/users/%2e%2e%2fusers%2fabc")]
    [InlineData("/v1/tiktok/users/abc%3Fx=1")]
    [InlineData("/v1/tiktok/users/a%5Cb")]
    public async Task Encoded_separators_stay_inside_the_username_and_fail_validation(string rawTarget)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.GetUserAsync("warmup");

        var response = await RawHttp.SendAsync(emulator.BaseAddress, "GET", rawTarget);

        Assert.Equal(400, response.Status);
        Assert.Equal("validation_error", TestEmulator.ErrorCode(TestEmulator.JsonElementFrom(response.Body)));
        Assert.Equal("0", response.Headers["X-Credits-Used"]);
        var stats = await emulator.StatsAsync();
        Assert.Equal(2, stats.GetProperty("totalRequests").GetInt64());
        Assert.Equal(1, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(rawTarget, (await emulator.RequestsAsync())[^1].GetProperty("rawTarget").GetString());
    }

    [Theory]
    [InlineData("/v1/tiktok/users/%40Abc", "abc")]
    [InlineData("/v1/tiktok/users/@abc", "abc")]
    [InlineData("/v1/tiktok/users/ab%2Ec", "ab.c")]
    [InlineData("/v1/tiktok/users/abc?fields=all&x=%2F..", "abc")]
    public async Task Encoded_ordinary_characters_and_queries_reach_the_user(string rawTarget, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var response = await RawHttp.SendAsync(emulator.BaseAddress, "GET", rawTarget);
        Assert.Equal(200, response.Status);
        var data = TestEmulator.JsonElementFrom(response.Body).GetProperty("data");
        Assert.Equal(expected, data.GetProperty("preferredUsername").GetString());
    }

    [Fact]
    public async Task A_pre_encoded_uri_through_HttpClient_is_not_rerouted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new System.Uri(emulator.BaseAddress, "v1/tiktok/users/..%2F..%2F_emulator%2Freset"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
        using var response = await emulator.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, (await emulator.StatsAsync()).GetProperty("totalRequests").GetInt64());
    }

    [Fact]
    public async Task Unknown_control_paths_and_methods_are_refused_and_not_counted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var unknown = await RawHttp.SendAsync(emulator.BaseAddress, "GET", "/_emulator/nothing", key: null);
        Assert.Equal(404, unknown.Status);
        Assert.Equal("route_not_found", TestEmulator.ErrorCode(TestEmulator.JsonElementFrom(unknown.Body)));
        var escape = await RawHttp.SendAsync(emulator.BaseAddress, "GET", "/_emulator/../v1/tiktok/users/abc");
        Assert.Equal(404, escape.Status);
        var wrongMethod = await RawHttp.SendAsync(emulator.BaseAddress, "GET", "/_emulator/reset", key: null);
        Assert.Equal(405, wrongMethod.Status);
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("totalRequests").GetInt64());
        Assert.Empty(await emulator.RequestsAsync());
    }

    [Fact]
    public async Task Bodies_over_one_megabyte_are_413_and_never_charged()
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var declared = TestEmulator.UserRequest("abc");
        declared.Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
        using var declaredResponse = await emulator.Client.SendAsync(declared);
        await AssertTooLargeAsync(declaredResponse);

        using var streamed = TestEmulator.UserRequest("abc");
        streamed.Content = new StreamContent(new ChunkedFiller(2 * 1024 * 1024));
        using var streamedResponse = await emulator.Client.SendAsync(streamed);
        Assert.Null(streamedResponse.RequestMessage?.Content?.Headers.ContentLength);
        await AssertTooLargeAsync(streamedResponse);

        using var atLimit = TestEmulator.UserRequest("abc");
        atLimit.Content = new ByteArrayContent(new byte[1024 * 1024]);
        using var atLimitResponse = await emulator.Client.SendAsync(atLimit);
        Assert.Equal(HttpStatusCode.OK, atLimitResponse.StatusCode);

        var stats = await emulator.StatsAsync();
        Assert.Equal(1, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(2, stats.GetProperty("routes").GetProperty("tiktok.users").GetProperty("413").GetInt64());
    }

    [Theory]
    [InlineData("POST", "v1/nothing/here")]
    [InlineData("PUT", "v1/tiktok/users/abc")]
    [InlineData("POST", "v1/tiktok/users/abc/")]
    [InlineData("GET", "")]
    public async Task Bodies_over_one_megabyte_are_413_before_routing(string method, string target)
    {
        await using var emulator = await TestEmulator.StartAsync();

        using var declared = new HttpRequestMessage(new HttpMethod(method), target);
        declared.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
        declared.Content = new ByteArrayContent(new byte[1100 * 1024]);
        using var declaredResponse = await emulator.Client.SendAsync(declared);
        await AssertTooLargeAsync(declaredResponse);

        using var streamed = new HttpRequestMessage(new HttpMethod(method), target);
        streamed.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
        streamed.Content = new StreamContent(new ChunkedFiller(2 * 1024 * 1024));
        using var streamedResponse = await emulator.Client.SendAsync(streamed);
        await AssertTooLargeAsync(streamedResponse);

        // Under the limit the same request is still route_not_found.
        using var small = new HttpRequestMessage(new HttpMethod(method), target);
        small.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
        small.Content = new ByteArrayContent(new byte[1024 * 1024]);
        using var smallResponse = await emulator.Client.SendAsync(small);
        Assert.Equal(HttpStatusCode.NotFound, smallResponse.StatusCode);
        Assert.Equal("route_not_found", TestEmulator.ErrorCode(await TestEmulator.BodyAsync(smallResponse)));

        var stats = await emulator.StatsAsync();
        Assert.Equal(0, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(1000000, stats.GetProperty("balances").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(2, stats.GetProperty("routes").GetProperty("route_not_found").GetProperty("413").GetInt64());
        Assert.Equal(1, stats.GetProperty("routes").GetProperty("route_not_found").GetProperty("404").GetInt64());
        var logged = await emulator.RequestsAsync();
        Assert.Equal("413,413,404", string.Join(",", logged.Select(r => r.GetProperty("status").GetInt32())));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("knbn_unknown")]
    [InlineData("knbn_disabled")]
    [InlineData("knbn_expired")]
    public async Task Bodies_over_one_megabyte_without_a_valid_key_are_413_without_credit_headers(string? key)
    {
        await using var emulator = await TestEmulator.StartAsync();

        foreach (var target in (string[])["v1/tiktok/users/abc", "v1/nothing"])
        {
            using var request = TestEmulator.UserRequest("abc", key);
            request.RequestUri = new System.Uri(target, System.UriKind.Relative);
            request.Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
            using var response = await emulator.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("validation_error", TestEmulator.ErrorCode(await TestEmulator.BodyAsync(response)));
            Assert.False(response.Headers.Contains("X-Credits-Used"));
            Assert.False(response.Headers.Contains("X-Credits-Remaining"));
        }

        var stats = await emulator.StatsAsync();
        Assert.All(stats.GetProperty("creditsCharged").EnumerateObject(), charged => Assert.Equal(0, charged.Value.GetInt64()));
        Assert.Equal(1, stats.GetProperty("routes").GetProperty("tiktok.users").GetProperty("413").GetInt64());
        Assert.Equal(1, stats.GetProperty("routes").GetProperty("route_not_found").GetProperty("413").GetInt64());
    }

    [Fact]
    public async Task Control_endpoints_have_no_body_limit()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
        using var response = await emulator.Client.PostAsync(new System.Uri("_emulator/reset", System.UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("totalRequests").GetInt64());
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("validation_error", TestEmulator.ErrorCode(await TestEmulator.BodyAsync(response)));
        Assert.Equal("0", TestEmulator.Header(response, "X-Credits-Used"));
        Assert.Equal("1000000", TestEmulator.Header(response, "X-Credits-Remaining"));
    }

    /// <summary>A body of unknown length, so the client must send it chunked.</summary>
    private sealed class ChunkedFiller(long length) : System.IO.Stream
    {
        private long sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new System.NotSupportedException();

        public override long Position { get => sent; set => throw new System.NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)System.Math.Min(count, length - sent);
            System.Array.Fill(buffer, (byte)'x', offset, n);
            sent += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new System.NotSupportedException();

        public override void SetLength(long value) => throw new System.NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();
    }
}
