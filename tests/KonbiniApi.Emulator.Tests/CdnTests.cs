using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

public sealed class CdnTests
{
    private static async Task<Uri> DownloadUrlAsync(TestEmulator emulator, string video)
    {
        var answer = await Api.GetAsync(emulator, $"/v1/tiktok/videos/{video}/download");
        Assert.Equal(200, answer.Status);
        var url = new Uri(answer.Data.GetProperty("url").GetString()!);
        Assert.Equal(emulator.BaseAddress.Authority, url.Authority);
        Assert.StartsWith("/_cdn/tiktok/", url.AbsolutePath, StringComparison.Ordinal);
        return url;
    }

    private static byte[] Expected(string video, long size)
    {
        var block = new byte[CdnContent.BlockSize];
        CdnContent.FillBlock(video, block);
        var bytes = new byte[size];
        CdnContent.Fill(block, 0, bytes);
        return bytes;
    }

    [Fact]
    public async Task The_download_url_serves_deterministic_mp4_bytes_without_a_key_or_credits()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var url = await DownloadUrlAsync(emulator, RouteRow.Video);
        using var plain = new HttpClient();
        using var response = await plain.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(EmulatorOptions.DefaultVideoBytes, response.Content.Headers.ContentLength);
        Assert.Null(TestEmulator.Header(response, "X-Credits-Used"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Expected(RouteRow.Video, EmulatorOptions.DefaultVideoBytes), bytes);
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);

        var again = await plain.GetByteArrayAsync(await DownloadUrlAsync(emulator, RouteRow.Video));
        Assert.Equal(bytes, again);
        var other = await plain.GetByteArrayAsync(await DownloadUrlAsync(emulator, "7000000000000000006"));
        Assert.NotEqual(bytes, other);

        var stats = await emulator.StatsAsync();
        Assert.Equal(3, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(3, stats.GetProperty("totalRequests").GetInt64());
    }

    [Fact]
    public async Task The_size_comes_from_the_option_and_from_runtime_config()
    {
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { VideoBytes = 1_000_003 });
        using var plain = new HttpClient();
        var url = await DownloadUrlAsync(emulator, RouteRow.Video);
        Assert.Equal(Expected(RouteRow.Video, 1_000_003), await plain.GetByteArrayAsync(url));

        var config = await emulator.PostJsonAsync("_emulator/config", """{"videoBytes":5}""");
        Assert.Equal(5, config.GetProperty("videoBytes").GetInt64());
        Assert.Equal(5, (await plain.GetByteArrayAsync(url)).Length);
        await emulator.PostJsonAsync("_emulator/config", """{"videoBytes":0}""");
        Assert.Empty(await plain.GetByteArrayAsync(url));
        using var negative = new StringContent("""{"videoBytes":-1}""");
        using var refused = await emulator.Client.PostAsync(new Uri("_emulator/config", UriKind.Relative), negative);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Scenario_9908_issues_an_expired_first_url_and_working_later_ones()
    {
        const string video = "9908000000000000042";
        await using var emulator = await TestEmulator.StartAsync();
        using var plain = new HttpClient();
        var first = await DownloadUrlAsync(emulator, video);
        var second = await DownloadUrlAsync(emulator, video);
        Assert.NotEqual(first, second);

        using (var expired = await plain.GetAsync(first))
        {
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
            Assert.Equal("text/plain", expired.Content.Headers.ContentType?.MediaType);
            Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(Expected(video, EmulatorOptions.DefaultVideoBytes), await plain.GetByteArrayAsync(second));
        await emulator.PostJsonAsync("_emulator/reset", "{}");
        using var restarted = await plain.GetAsync(await DownloadUrlAsync(emulator, video));
        Assert.Equal(HttpStatusCode.Forbidden, restarted.StatusCode);
    }

    [Theory]
    [InlineData("/_cdn/tiktok/nothing.mp4")]
    [InlineData("/_cdn/tiktok/AAAAAAAAAAAAAAAAAAAAAAAAAA.mp4")]
    [InlineData("/_cdn/other")]
    public async Task Unknown_tokens_are_404(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var response = await RawHttp.SendAsync(emulator.BaseAddress, "GET", target, key: null);
        Assert.Equal(404, response.Status);
        Assert.Equal(0, (await emulator.StatsAsync()).GetProperty("totalRequests").GetInt64());
    }

    [Fact]
    public async Task The_log_shows_whether_a_key_reached_the_cdn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var url = await DownloadUrlAsync(emulator, RouteRow.Video);
        using (var plain = new HttpClient())
        {
            await plain.GetByteArrayAsync(url);
        }

        using (var leaky = new HttpRequestMessage(HttpMethod.Get, url))
        {
            leaky.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
            leaky.Headers.TryAddWithoutValidation("X-Debug", "key=knbn_emulator");
            using var response = await emulator.Client.SendAsync(leaky);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var log = (await emulator.GetJsonAsync("_emulator/cdn-requests")).EnumerateArray().ToList();
        Assert.Equal(2, log.Count);
        Assert.False(log[0].GetProperty("authorization").GetBoolean());
        Assert.Empty(log[0].GetProperty("headersWithKeys").EnumerateArray());
        Assert.Equal(200, log[0].GetProperty("status").GetInt32());
        Assert.Equal(EmulatorOptions.DefaultVideoBytes, log[0].GetProperty("bytes").GetInt64());
        Assert.Equal(url.PathAndQuery, log[0].GetProperty("rawTarget").GetString());
        Assert.True(log[1].GetProperty("authorization").GetBoolean());
        Assert.Equal(["Authorization", "X-Debug"], log[1].GetProperty("headersWithKeys").EnumerateArray().Select(h => h.GetString()!).Order(StringComparer.Ordinal));

        // The API log does not mix with the CDN log, and reset clears both.
        Assert.Single(await emulator.RequestsAsync());
        await emulator.PostJsonAsync("_emulator/reset", "{}");
        Assert.Empty((await emulator.GetJsonAsync("_emulator/cdn-requests")).EnumerateArray());
    }

    [Fact]
    public async Task Head_and_ranges_are_served()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var url = await DownloadUrlAsync(emulator, RouteRow.Video);
        var whole = Expected(RouteRow.Video, EmulatorOptions.DefaultVideoBytes);
        using var head = await emulator.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(EmulatorOptions.DefaultVideoBytes, head.Content.Headers.ContentLength);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(70_000, 200_000);
        using var partial = await emulator.Client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(whole[70_000..200_001], await partial.Content.ReadAsByteArrayAsync());

        using var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(EmulatorOptions.DefaultVideoBytes, null);
        using var unsatisfiable = await emulator.Client.SendAsync(beyond);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
    }

    [Fact]
    public async Task Large_files_stream_to_concurrent_clients()
    {
        const long size = 20L * 1024 * 1024;
        await using var emulator = await TestEmulator.StartAsync(new EmulatorOptions { VideoBytes = size });
        var urls = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => DownloadUrlAsync(emulator, "70000000000000000" + (10 + i))));
        var lengths = await Task.WhenAll(urls.Select(async url =>
        {
            using var response = await emulator.Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                total += read;
            }

            return total;
        }));
        Assert.All(lengths, length => Assert.Equal(size, length));
    }
}
