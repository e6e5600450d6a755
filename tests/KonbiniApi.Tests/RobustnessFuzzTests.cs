using System;
using System.Text;
using KonbiniApi.Errors;
using KonbiniApi.Input;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>
/// Issue 6: usernames meant to break things. Thousands of seeded random inputs built from hostile
/// pieces (separators, escapes, dot segments, control and invisible characters, look-alikes, other
/// sites' addresses) never make the parser throw, and whatever it accepts is one plain path segment.
/// </summary>
public class RobustnessFuzzTests
{
    private static readonly string[] Pieces =
    {
        "a", "Z", "9", "_", ".", "..", "/", "\\", "?", "#", "%", "%2F", "%2f", "%2e", "%2E%2E", "%00", "%5F", "%",
        "@", "@@", " ", "\t", "\r", "\n", "\0", "\u200B", "\u200D", "\uFEFF", "\u202E", "\u00A0", "\u0301",
        "\u0430", "\u0391", "\uFF41", "\uFF21", "\u0130", "\uD83D\uDE00", "\uD83D", "\uDE00", "مرحبا",
        "'", "\"", ";", "`", "$(", ")", "|", "&", "<", ">", "{{", "}}", "*",
        "https://", "http://", "ftp://", "file:///", "javascript:", "://",
        "www.tiktok.com/", "tiktok.com/", "m.tiktok.com/", "evil.example/", "tiktok.com.evil.example/", "user@", ":443", ":99999",
        "name", "video/123", "?lang=en", "&x=1", "#top",
    };

    [Fact]
    public void RandomHostileInputsNeverThrowAndOnlyYieldOnePlainSegment()
    {
        var random = new Random(6006);
        var accepted = 0;
        for (var i = 0; i < 20000; i++)
        {
            var input = Compose(random);
            AssertSafe(input, ref accepted);
            AssertSafe("https://www.tiktok.com/@" + input, ref accepted);
        }

        // The generator is not so hostile that nothing passes: the acceptance path is exercised too.
        Assert.InRange(accepted, 100, 39000);
    }

    [Theory]
    [InlineData(10000)]
    [InlineData(100000)]
    public void VeryLongInputsAreRefusedWithABoundedMessage(int length)
    {
        foreach (var input in new[] { new string('x', length), "https://www.tiktok.com/@" + new string('a', length), new string('\n', length) })
        {
            Assert.False(TikTokUsername.TryParse(input, out _, out var problem));
            Assert.False(string.IsNullOrEmpty(problem));
            var failure = Assert.Throws<KonbiniApiException>(() => TikTokUsername.Parse(input));
            Assert.Equal(ApiErrorKind.InvalidInput, failure.Kind);
            Assert.True(failure.Message.Length < 400, "message of " + failure.Message.Length + " characters");
        }
    }

    private static void AssertSafe(string input, ref int accepted)
    {
        bool ok;
        string handle;
        string problem;
        try
        {
            ok = TikTokUsername.TryParse(input, out handle, out problem);
        }
        catch (Exception unexpected)
        {
            throw new Xunit.Sdk.XunitException("TryParse threw " + unexpected.GetType().Name + " for " + Show(input) + ": " + unexpected.Message);
        }

        var echo = TikTokUsername.Echo(input);
        Assert.True(echo.Length <= 80, "echo too long for " + Show(input));
        foreach (var c in echo)
        {
            Assert.False(char.IsControl(c), "control character echoed for " + Show(input));
        }

        if (!ok)
        {
            Assert.False(string.IsNullOrEmpty(problem), "no reason given for " + Show(input));
            return;
        }

        accepted++;
        Assert.InRange(handle.Length, 1, TikTokUsername.MaxLength);
        Assert.NotEqual('.', handle[handle.Length - 1]);
        foreach (var c in handle)
        {
            Assert.True(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.', "handle " + Show(handle) + " from " + Show(input));
        }

        var segment = TikTokUsername.ToPathSegment(handle);
        Assert.Equal(handle, segment);
        Assert.NotEqual(".", segment);
        Assert.NotEqual("..", segment);
        var target = new Uri(new Uri("https://api.example.invalid/"), "/v1/tiktok/users/" + segment);
        Assert.Equal("/v1/tiktok/users/" + segment, target.AbsolutePath);
        Assert.Equal(string.Empty, target.Query);
        Assert.Equal(string.Empty, target.Fragment);
    }

    private static string Compose(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, 7);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private static string Show(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text.Length > 60 ? text.Substring(0, 60) : text)
        {
            builder.Append(c < 0x20 || c > 0x7e ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}
