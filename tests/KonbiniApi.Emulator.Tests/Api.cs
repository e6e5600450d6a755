using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

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
}
