using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace KonbiniApi.Emulator.Tests;

/// <summary>An in-process emulator on a free port plus a client pointed at it.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string Key = "knbn_emulator";

    private TestEmulator(EmulatorServer server)
    {
        Server = server;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public EmulatorServer Server { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Server.BaseAddress;

    public static async Task<TestEmulator> StartAsync(EmulatorOptions? options = null) =>
        new(await EmulatorServer.StartAsync(WithFreePort(options ?? new EmulatorOptions())));

    /// <summary>Starts with a shorter hang, so a test can watch the server give up on its own.</summary>
    public static async Task<TestEmulator> StartAsync(EmulatorOptions options, TimeSpan hangDuration) =>
        new(await EmulatorServer.StartAsync(
            WithFreePort(options),
            state => new EmulatorState(WithFreePort(options)) { HangDuration = hangDuration }));

    public static HttpRequestMessage UserRequest(string username, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "v1/tiktok/users/" + username);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    public Task<HttpResponseMessage> GetUserAsync(string username, string? key = Key) => Client.SendAsync(UserRequest(username, key));

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonElementFrom(await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return JsonElementFrom(await response.Content.ReadAsStringAsync());
    }

    public Task<JsonElement> StatsAsync() => GetJsonAsync("_emulator/stats");

    public async Task<IReadOnlyList<JsonElement>> RequestsAsync() =>
        (await GetJsonAsync("_emulator/requests")).EnumerateArray().ToList();

    public static JsonElement JsonElementFrom(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonElementFrom(await response.Content.ReadAsStringAsync());

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public static string ErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("code").GetString()!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    private static EmulatorOptions WithFreePort(EmulatorOptions options) => new()
    {
        Port = 0,
        LatencyMs = options.LatencyMs,
        JitterMs = options.JitterMs,
        FaultRate = options.FaultRate,
        Faults = options.Faults,
        Seed = options.Seed,
        Keys = options.Keys,
        RequestLogCapacity = options.RequestLogCapacity,
        VideoBytes = options.VideoBytes,
    };
}
