using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Credits;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>
/// What a call counts as possibly charged (for -MaxCredits), what it reports for attempts that got no
/// answer, which requests bypass proxies, and how keys are told apart without keeping them.
/// </summary>
public sealed class CallAccountingTests : IDisposable
{
    private const string Path = "/v1/tiktok/users/ledger.test";
    private readonly HttpClient http;
    private readonly FakeHandler handler;
    private readonly KonbiniClient client;

    public CallAccountingTests()
    {
        var attempts = 0;
        handler = new FakeHandler(async (request, _, token) =>
        {
            attempts++;
            return attempts switch
            {
                1 => Responses.Html(HttpStatusCode.BadGateway, "<html>proxy</html>"),
                2 => throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)),
                3 => throw new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)),
                _ => await Task.FromResult(Responses.User(used: 1)),
            };
        });
        http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new KonbiniClientOptions
        {
            BaseUri = new Uri("https://api.example.test"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(2),
            MaxRetries = 3,
        };
        client = new KonbiniClient(options, ApiKey.FromPlainText("knbn_accounting"), new CreditLedger(), http);
    }

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Answers_without_a_credit_report_count_as_possible_charges_but_refused_connections_do_not()
    {
        var observer = new RecordingObserver();
        using var response = await client.GetAsync(Path, observer, CancellationToken.None);

        Assert.Equal(4, handler.Calls);
        Assert.Equal(1, client.CallCredits.Charged);
        // The proxy page (no credit header) and the reset connection may have been charged; the
        // refused connection never reached anyone.
        Assert.Equal(2, client.CallCredits.Unreported);
        Assert.Equal(3, client.CallCredits.PossiblyCharged);
    }

    [Fact]
    public async Task Every_attempt_gets_a_verbose_line_including_those_without_an_answer()
    {
        var observer = new RecordingObserver();
        using var response = await client.GetAsync(Path, observer, CancellationToken.None);

        var lines = observer.Lines.ToArray();
        Assert.Contains(lines, line => line.Contains("-> 502 in", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(line => line.Contains("-> no response (NetworkError) after", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.Contains("-> 200 in", StringComparison.Ordinal) && line.Contains("credits used 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099", false, true)]
    [InlineData("http://localhost:5099", false, true)]
    [InlineData("http://[::1]:5099", false, true)]
    [InlineData("https://127.0.0.1:5099", false, true)]
    [InlineData("https://api.konbiniapi.com", false, false)]
    [InlineData("https://api.konbiniapi.com", true, true)]
    public void Requests_to_this_machine_never_use_a_proxy(string baseUri, bool noProxy, bool direct)
    {
        var options = new KonbiniClientOptions
        {
            BaseUri = new Uri(baseUri),
            NoProxy = noProxy,
            Proxy = new WebProxy("http://proxy.example.test:3128"),
        };

        Assert.Equal(direct, HttpClientCache.GoesDirect(options));
    }

    [Fact]
    public void A_key_fingerprint_tells_keys_apart_without_containing_them()
    {
        var first = ApiKey.FromPlainText("knbn_first_key_value");
        var again = ApiKey.FromPlainText("knbn_first_key_value");
        var second = ApiKey.FromPlainText("knbn_second_key_value");

        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.Equal(24, first.Fingerprint.Length);
        Assert.DoesNotContain("first", first.Fingerprint, StringComparison.OrdinalIgnoreCase);
    }
}
