using System;
using System.Globalization;
using System.Linq;
using KonbiniApi.Errors;
using KonbiniApi.Input;
using Xunit;

namespace KonbiniApi.Tests;

public class TikTokUsernameTests
{
    [Theory]
    [InlineData("midnight.onigiri", "midnight.onigiri")]
    [InlineData("@midnight.onigiri", "midnight.onigiri")]
    [InlineData("  @Mixed_Case.42  ", "Mixed_Case.42")]
    [InlineData("_", "_")]
    [InlineData("abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvwx")]
    [InlineData("https://www.tiktok.com/@midnight.onigiri", "midnight.onigiri")]
    [InlineData("https://www.tiktok.com/@midnight.onigiri?lang=ja", "midnight.onigiri")]
    [InlineData("https://www.tiktok.com/@midnight.onigiri/", "midnight.onigiri")]
    [InlineData("https://www.tiktok.com/@midnight.onigiri/video/7312345678901234567", "midnight.onigiri")]
    [InlineData("https://www.tiktok.com/@midnight.onigiri/video/123?is_from_webapp=1&sender_device=pc", "midnight.onigiri")]
    [InlineData("https://www.tiktok.com/@midnight.onigiri#top", "midnight.onigiri")]
    [InlineData("https://m.tiktok.com/@midnight.onigiri", "midnight.onigiri")]
    [InlineData("https://tiktok.com/@midnight.onigiri", "midnight.onigiri")]
    [InlineData("http://www.tiktok.com/@midnight.onigiri", "midnight.onigiri")]
    [InlineData("HTTPS://WWW.TIKTOK.COM/@Midnight.Onigiri", "Midnight.Onigiri")]
    [InlineData("www.tiktok.com/@midnight.onigiri", "midnight.onigiri")]
    [InlineData("tiktok.com/@midnight.onigiri", "midnight.onigiri")]
    [InlineData("m.tiktok.com/@midnight.onigiri?lang=en", "midnight.onigiri")]
    public void Accepts_names_at_names_and_profile_urls(string input, string expected)
    {
        Assert.True(TikTokUsername.TryParse(input, out var handle, out var problem), problem);
        Assert.Equal(expected, handle);
        Assert.Equal(string.Empty, problem);
        Assert.Equal(expected, TikTokUsername.Parse(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("@")]
    [InlineData("@@name")]
    [InlineData("abcdefghijklmnopqrstuvwxy")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("name.")]
    [InlineData("../x")]
    [InlineData("..\\x")]
    [InlineData("a/b")]
    [InlineData("/etc/passwd")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("a&b=c")]
    [InlineData("a;b")]
    [InlineData("a b")]
    [InlineData("%2e%2e")]
    [InlineData("%2F")]
    [InlineData("a%2Fb")]
    [InlineData("a\\b")]
    [InlineData("a\rb")]
    [InlineData("a\nb")]
    [InlineData("a\0b")]
    [InlineData("\0")]
    [InlineData("a\tb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u00a0b")]
    [InlineData("a\u200bb")]
    [InlineData("dancer\U0001F483")]
    [InlineData("\u202Eevil")]
    [InlineData("\u05E9\u05DC\u05D5\u05DD")]
    [InlineData("e\u0301")]
    [InlineData("\uFF41bc")]
    [InlineData("caf\u00e9")]
    [InlineData("x' OR '1'='1")]
    [InlineData("x\"; DROP TABLE users;--")]
    [InlineData("$(rm -rf ~)")]
    [InlineData("`whoami`")]
    [InlineData("a|b")]
    [InlineData("<script>")]
    [InlineData("name:8080")]
    public void Refuses_what_is_not_a_handle_with_a_message(string? input)
    {
        Assert.False(TikTokUsername.TryParse(input, out var handle, out var problem));
        Assert.Equal(string.Empty, handle);
        Assert.False(string.IsNullOrWhiteSpace(problem));

        var failure = Assert.Throws<KonbiniApiException>(() => TikTokUsername.Parse(input));
        Assert.Equal(ApiErrorKind.InvalidInput, failure.Kind);
        Assert.Equal("KonbiniApi.InvalidInput", failure.ErrorId);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
        AssertPrintable(failure.Message);
    }

    [Theory]
    [InlineData("https://www.instagram.com/@midnight.onigiri")]
    [InlineData("https://evil.example/@midnight.onigiri")]
    [InlineData("https://tiktok.com.evil.example/@midnight.onigiri")]
    [InlineData("https://nottiktok.com/@midnight.onigiri")]
    [InlineData("https://tiktok.com@evil.example/@midnight.onigiri")]
    [InlineData("https://evil.example/?next=https://www.tiktok.com/@midnight.onigiri")]
    [InlineData("ftp://www.tiktok.com/@midnight.onigiri")]
    [InlineData("javascript://www.tiktok.com/@x")]
    [InlineData("https://www.tiktok.com/")]
    [InlineData("https://www.tiktok.com/@")]
    [InlineData("https://www.tiktok.com/midnight.onigiri")]
    [InlineData("https://www.tiktok.com/tag/@midnight.onigiri")]
    [InlineData("https://www.tiktok.com/@%2e%2e")]
    [InlineData("https://www.tiktok.com/@..")]
    [InlineData("https://www.tiktok.com/@a%2Fb")]
    [InlineData("https://www.tiktok.com/@a%3Fb")]
    [InlineData("https://www.tiktok.com/@a%23b")]
    [InlineData("https://www.tiktok.com/@a%00b")]
    [InlineData("https://www.tiktok.com/@a%0d%0aX-Injected:%201")]
    [InlineData("https://www.tiktok.com/@a%5Cb")]
    [InlineData("https://www.tiktok.com/@name%2e")]
    [InlineData("https://www.tiktok.com/@abcdefghijklmnopqrstuvwxy")]
    [InlineData("https://")]
    public void Refuses_addresses_that_are_not_tiktok_profiles(string input)
    {
        Assert.False(TikTokUsername.TryParse(input, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void Another_site_is_named_in_the_problem()
    {
        Assert.False(TikTokUsername.TryParse("https://www.instagram.com/@x", out _, out var problem));
        Assert.Contains("www.instagram.com", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_long_names_say_how_long()
    {
        Assert.False(TikTokUsername.TryParse(new string('a', 30), out _, out var problem));
        Assert.Contains("30", problem, StringComparison.Ordinal);
        Assert.Contains(TikTokUsername.MaxLength.ToString(CultureInfo.InvariantCulture), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_named_by_code_point_in_the_problem()
    {
        Assert.False(TikTokUsername.TryParse("a\u0007b", out _, out var problem));
        Assert.Contains("U+0007", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', problem);
    }

    [Theory]
    [InlineData("a\rb\nc\0d\te\u001b[31m")]
    [InlineData("\u202Eevil\u202C")]
    [InlineData("line\u2028break\u2029para")]
    [InlineData("zero\u200bwidth\uFEFF")]
    [InlineData("\u0085next")]
    public void Echo_escapes_characters_that_would_change_how_a_message_reads(string input)
    {
        var echo = TikTokUsername.Echo(input);

        AssertPrintable(echo);
        Assert.Contains("\\u", echo, StringComparison.Ordinal);
    }

    [Fact]
    public void Echo_shows_null_and_keeps_ordinary_text()
    {
        Assert.Equal("$null", TikTokUsername.Echo(null));
        Assert.Equal(string.Empty, TikTokUsername.Echo(string.Empty));
        Assert.Equal("@midnight.onigiri", TikTokUsername.Echo("@midnight.onigiri"));
        Assert.Equal("a\\u000ab", TikTokUsername.Echo("a\nb"));
    }

    [Theory]
    [InlineData(41)]
    [InlineData(1000)]
    [InlineData(1_000_000)]
    public void Echo_is_bounded_and_says_how_long_the_input_was(int length)
    {
        var echo = TikTokUsername.Echo(new string('x', length));

        Assert.True(echo.Length <= 80, echo.Length.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(length.ToString(CultureInfo.InvariantCulture), echo, StringComparison.Ordinal);
    }

    [Fact]
    public void Echo_of_long_control_text_stays_bounded()
    {
        var echo = TikTokUsername.Echo(new string('\n', 10_000));

        Assert.True(echo.Length <= 80, echo.Length.ToString(CultureInfo.InvariantCulture));
        AssertPrintable(echo);
    }

    [Fact]
    public void Echo_never_cuts_a_surrogate_pair_in_half()
    {
        for (var prefix = 30; prefix < 45; prefix++)
        {
            var echo = TikTokUsername.Echo(new string('a', prefix) + string.Concat(Enumerable.Repeat("\U0001F600", 20)));
            for (var i = 0; i < echo.Length; i++)
            {
                if (char.IsHighSurrogate(echo[i]))
                {
                    Assert.True(i + 1 < echo.Length && char.IsLowSurrogate(echo[i + 1]), "lone high surrogate at " + i.ToString(CultureInfo.InvariantCulture));
                }
                else if (char.IsLowSurrogate(echo[i]))
                {
                    Assert.True(i > 0 && char.IsHighSurrogate(echo[i - 1]), "lone low surrogate at " + i.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    [Theory]
    [InlineData("midnight.onigiri")]
    [InlineData("_")]
    [InlineData(".x")]
    [InlineData("a..b")]
    [InlineData("...")]
    [InlineData("a/b")]
    [InlineData("../../v1/credits")]
    [InlineData("a?b=c")]
    [InlineData("a#b")]
    [InlineData("%2e%2e")]
    [InlineData("a\\b")]
    [InlineData("a b")]
    [InlineData("\U0001F483")]
    public void ToPathSegment_is_always_exactly_one_segment(string handle)
    {
        var segment = TikTokUsername.ToPathSegment(handle);

        AssertOneSegment(segment);

        // And it stays one segment once it is part of a real request address.
        var uri = new Uri("https://api.example.test/v1/tiktok/users/" + segment);
        Assert.StartsWith("/v1/tiktok/users/", uri.AbsolutePath, StringComparison.Ordinal);
        var last = uri.AbsolutePath.Substring("/v1/tiktok/users/".Length);
        AssertOneSegment(last);
        Assert.Equal(string.Empty, uri.Query);
        Assert.Equal(string.Empty, uri.Fragment);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public void ToPathSegment_refuses_what_cannot_stay_one_segment(string handle)
    {
        Assert.Throws<ArgumentException>(() => TikTokUsername.ToPathSegment(handle));
    }

    [Fact]
    public void Every_accepted_input_becomes_one_segment()
    {
        var inputs = new[] { "a", "a.b", "A_B.9", "@x_", "https://www.tiktok.com/@x.y/video/1" };
        foreach (var input in inputs)
        {
            Assert.True(TikTokUsername.TryParse(input, out var handle, out _));
            AssertOneSegment(TikTokUsername.ToPathSegment(handle));
        }
    }

    private static void AssertOneSegment(string segment)
    {
        Assert.False(string.IsNullOrEmpty(segment));
        Assert.DoesNotContain('/', segment);
        Assert.DoesNotContain('\\', segment);
        Assert.DoesNotContain('?', segment);
        Assert.DoesNotContain('#', segment);
        Assert.NotEqual(".", segment);
        Assert.NotEqual("..", segment);
        Assert.All(segment, c => Assert.True(c > ' ' && c < '\u007f', "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
    }

    private static void AssertPrintable(string text)
    {
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            Assert.False(
                category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator,
                "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " (" + category + ") in: " + text);
        }
    }
}
