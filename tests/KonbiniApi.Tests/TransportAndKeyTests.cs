using System;
using System.Security;
using System.Text.Json;
using KonbiniApi.Credits;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using Xunit;

namespace KonbiniApi.Tests;

public class TransportPolicyTests
{
    [Theory]
    [InlineData("https://api.konbiniapi.com")]
    [InlineData("https://api.example.test:8443/prefix/")]
    [InlineData("http://127.0.0.1:5099")]
    [InlineData("http://127.0.0.1")]
    [InlineData("http://127.5.6.7:80")]
    [InlineData("http://localhost:5099")]
    [InlineData("http://LOCALHOST")]
    [InlineData("http://[::1]:5099")]
    [InlineData("http://[::1]")]
    public void Https_anywhere_and_http_to_loopback_may_carry_the_key(string uri)
    {
        Assert.True(TransportPolicy.MaySendKey(new Uri(uri)));
        TransportPolicy.EnsureMaySendKey(new Uri(uri));
    }

    [Theory]
    [InlineData("http://api.konbiniapi.com")]
    [InlineData("http://192.168.1.10:5099")]
    [InlineData("http://10.0.0.1")]
    [InlineData("http://0.0.0.0:5099")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("http://[::2]")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("ws://localhost")]
    [InlineData("file:///tmp/x")]
    public void Plain_http_elsewhere_and_other_schemes_may_not(string uri)
    {
        Assert.False(TransportPolicy.MaySendKey(new Uri(uri)));
        var failure = Assert.Throws<KonbiniApiException>(() => TransportPolicy.EnsureMaySendKey(new Uri(uri)));
        Assert.Equal(ApiErrorKind.InsecureTransport, failure.Kind);
        Assert.True(failure.AffectsEveryRequest);
    }

    [Fact]
    public void Relative_or_missing_addresses_may_not()
    {
        Assert.False(TransportPolicy.MaySendKey(new Uri("/v1", UriKind.Relative)));
        Assert.False(TransportPolicy.MaySendKey(null!));
    }

    [Theory]
    [InlineData("http://api.konbiniapi.com")]
    [InlineData("http://203.0.113.9:8080/")]
    public void The_client_refuses_an_insecure_base_uri_before_any_request(string uri)
    {
        var handler = new Support.FakeHandler((_, _) => throw new InvalidOperationException("no request may be made"));
        using var http = new System.Net.Http.HttpClient(handler);
        var options = new KonbiniClientOptions { BaseUri = new Uri(uri) };
        var key = ApiKey.FromPlainText("knbn_transport_secret_1");

        var failure = Assert.Throws<KonbiniApiException>(() => new KonbiniClient(options, key, new CreditLedger(), http));

        Assert.Equal(ApiErrorKind.InsecureTransport, failure.Kind);
        Assert.DoesNotContain("transport_secret", failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, handler.Calls);
    }
}

public class ApiKeyTests
{
    private const string Secret = "knbn_live_0123456789abcdefSECRET";

    [Fact]
    public void The_key_never_shows_in_text_forms()
    {
        var key = ApiKey.FromPlainText(Secret);

        Assert.Equal("knbn_****", key.ToString());
        Assert.Equal("knbn_****", key.Masked);
        Assert.Equal("knbn_****", $"{key}");
        Assert.True(key.HasKnownPrefix);
        var json = JsonSerializer.Serialize(key);
        Assert.DoesNotContain("0123456789", json, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", json, StringComparison.Ordinal);
        Assert.Equal(Secret, key.BearerValue);
    }

    [Fact]
    public void A_key_without_the_known_prefix_masks_completely()
    {
        var key = ApiKey.FromPlainText("sk-other-vendor-secret");

        Assert.False(key.HasKnownPrefix);
        Assert.Equal("****", key.ToString());
        Assert.Equal("****", key.Masked);
    }

    [Fact]
    public void Surrounding_white_space_is_trimmed()
    {
        Assert.Equal(Secret, ApiKey.FromPlainText("  " + Secret + "\r\n").BearerValue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("knbn_a b")]
    [InlineData("knbn_a\tb")]
    [InlineData("knbn_a\r\nX-Evil: 1")]
    [InlineData("knbn_a\0b")]
    [InlineData("knbn_a\u0085b")]
    public void Keys_that_cannot_go_in_a_header_are_refused_without_echoing_them(string value)
    {
        var failure = Assert.Throws<ArgumentException>(() => ApiKey.FromPlainText(value));
        if (value.Trim().Length > 6)
        {
            Assert.DoesNotContain(value.Trim(), failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Null_plain_text_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => ApiKey.FromPlainText(null!));
        Assert.Throws<ArgumentNullException>(() => ApiKey.FromSecureString(null!));
    }

    [Fact]
    public void A_secure_string_key_is_read()
    {
        using var secure = new SecureString();
        foreach (var c in Secret)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        var key = ApiKey.FromSecureString(secure);

        Assert.Equal(Secret, key.BearerValue);
        Assert.Equal("knbn_****", key.ToString());
    }
}
