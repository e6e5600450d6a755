using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>One API answer, read whole: status, credit headers and the parsed body (null when not JSON).</summary>
internal sealed record ApiAnswer(int Status, int? Used, long? Remaining, JsonElement? Body, string Text)
{
    public JsonElement Data => Body!.Value.GetProperty("data");

    public string Code => TestEmulator.ErrorCode(Body!.Value);

    public string? NextCursor => Data.GetProperty("nextCursor").GetString();

    public int ItemCount => Data.GetProperty("itemCount").GetInt32();
}

internal static class Api
{
    public static async Task<ApiAnswer> GetAsync(TestEmulator emulator, string target, string? key = TestEmulator.Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, target));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await emulator.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement? body = null;
        try
        {
            body = TestEmulator.JsonElementFrom(text);
        }
        catch (JsonException)
        {
        }

        var used = TestEmulator.Header(response, "X-Credits-Used");
        var remaining = TestEmulator.Header(response, "X-Credits-Remaining");
        return new ApiAnswer(
            (int)response.StatusCode,
            used is null ? null : int.Parse(used, CultureInfo.InvariantCulture),
            remaining is null ? null : long.Parse(remaining, CultureInfo.InvariantCulture),
            body,
            text);
    }

    /// <summary>The target of the page after <paramref name="page"/>: its own <c>next</c> link, made relative.</summary>
    public static string NextTarget(ApiAnswer page)
    {
        var next = new Uri(page.Data.GetProperty("next").GetString()!);
        return next.PathAndQuery;
    }

    /// <summary>The target with one more query parameter, after '?' or '&amp;' as the target already needs.</summary>
    public static string WithQuery(string target, string query) =>
        target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    /// <summary>The answer of a fresh emulator (a million credits) to one request.</summary>
    public static async Task<ApiAnswer> OnceAsync(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        return await GetAsync(emulator, target);
    }

    /// <summary>Bad input on a fresh emulator: 400 validation_error, and the reserved credit given back.</summary>
    public static void AssertRefusedAndRefunded(ApiAnswer answer)
    {
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_error", answer.Code);
        Assert.Equal(0, answer.Used);
        Assert.Equal(1_000_000, answer.Remaining);
    }

    /// <summary>A subject that does not exist, on a fresh emulator: 404 not_found, and the credit kept.</summary>
    public static void AssertNotFoundAndCharged(ApiAnswer answer)
    {
        Assert.Equal(404, answer.Status);
        Assert.Equal("not_found", answer.Code);
        Assert.Equal(1, answer.Used);
        Assert.Equal(999_999, answer.Remaining);
    }

    /// <summary>An ordinary answer on a fresh emulator: 200 for one credit, counted once under the route's stats name.</summary>
    public static async Task AssertAnsweredForOneCreditAsync(TestEmulator emulator, ApiAnswer answer, string stats)
    {
        Assert.Equal(200, answer.Status);
        Assert.Equal(1, answer.Used);
        Assert.Equal(999_999, answer.Remaining);
        var counted = (await emulator.StatsAsync()).GetProperty("routes").GetProperty(stats).GetProperty("200").GetInt64();
        Assert.Equal(1, counted);
    }
}
