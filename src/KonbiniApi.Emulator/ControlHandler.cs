using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

/// <summary>The test-only surface under <c>/_emulator/</c>: no auth, no latency, no faults, not counted.</summary>
internal sealed class ControlHandler(EmulatorState state)
{
    private const int RequestsFlushEvery = 2_000;

    public async Task HandleAsync(HttpContext context, string rawPath)
    {
        var method = context.Request.Method;
        var name = rawPath[ApiHandler.ControlPrefix.Length..];
        switch (name)
        {
            case "stats" when HttpMethods.IsGet(method):
                await WriteJsonAsync(context, StatusCodes.Status200OK, WriteStats);
                break;
            case "requests" when HttpMethods.IsGet(method):
                await WriteRequestsAsync(context);
                break;
            case "cdn-requests" when HttpMethods.IsGet(method):
                await WriteCdnRequestsAsync(context);
                break;
            case "reset" when HttpMethods.IsPost(method):
                state.Reset();
                await WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteBoolean("reset", true);
                    writer.WriteEndObject();
                });
                break;
            case "keys" when HttpMethods.IsPost(method):
                await UpsertKeyAsync(context);
                break;
            case "config" when HttpMethods.IsGet(method):
                await WriteJsonAsync(context, StatusCodes.Status200OK, WriteConfig);
                break;
            case "config" when HttpMethods.IsPost(method):
                await UpdateConfigAsync(context);
                break;
            case "stats" or "requests" or "cdn-requests" or "reset" or "keys" or "config":
                await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "method_not_allowed", $"'{method}' is not supported on /_emulator/{name}.");
                break;
            default:
                await WriteErrorAsync(context, StatusCodes.Status404NotFound, ApiErrors.RouteNotFound.Code, "Unknown control endpoint.");
                break;
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, PersonJson.WriterOptions))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = ApiExchange.JsonContentType;
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        var body = ApiError.Render(code, message);
        context.Response.StatusCode = status;
        context.Response.ContentType = ApiExchange.JsonContentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static async Task<JsonElement?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
        }

        await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "validation_error", "The body must be a JSON object.");
        return null;
    }

    private void WriteStats(Utf8JsonWriter writer)
    {
        var stats = state.Stats;
        writer.WriteStartObject();
        writer.WriteNumber("totalRequests", stats.TotalRequests);
        writer.WriteNumber("inFlight", stats.InFlight);
        writer.WriteNumber("maxInFlight", stats.MaxInFlight);
        writer.WriteStartObject("routes");
        foreach (var (route, outcomes) in stats.RouteSnapshot())
        {
            writer.WriteStartObject(route);
            foreach (var (outcome, count) in outcomes)
            {
                writer.WriteNumber(outcome, count);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        var accounts = state.Ledger.Snapshot();
        writer.WriteStartObject("creditsCharged");
        foreach (var account in accounts)
        {
            writer.WriteNumber(account.Name, account.Charged);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("balances");
        foreach (var account in accounts)
        {
            writer.WriteNumber(account.Name, account.Balance);
        }

        writer.WriteEndObject();
        writer.WriteNumber("aborted", stats.Aborted);
        writer.WriteEndObject();
    }

    /// <summary>Streams the log, since at its cap it is tens of megabytes.</summary>
    private async Task WriteRequestsAsync(HttpContext context)
    {
        var records = state.Log.Snapshot();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ApiExchange.JsonContentType;
        await using var writer = new Utf8JsonWriter(context.Response.Body, PersonJson.WriterOptions);
        writer.WriteStartArray();
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            writer.WriteStartObject();
            writer.WriteString("method", record.Method);
            writer.WriteString("rawTarget", record.RawTarget);
            writer.WriteString("path", record.Path);
            if (record.Key is { } key)
            {
                writer.WriteString("key", key);
            }
            else
            {
                writer.WriteNull("key");
            }

            writer.WriteString("userAgent", record.UserAgent);
            writer.WriteString("body", record.Body);
            writer.WriteNumber("status", record.Status);
            if (record.Fault is { } fault)
            {
                writer.WriteString("fault", fault);
            }
            else
            {
                writer.WriteNull("fault");
            }

            writer.WriteString("time", record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            if (i % RequestsFlushEvery == RequestsFlushEvery - 1)
            {
                await writer.FlushAsync(context.RequestAborted);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted);
    }

    private async Task WriteCdnRequestsAsync(HttpContext context)
    {
        var records = state.CdnLog.Snapshot();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ApiExchange.JsonContentType;
        await using var writer = new Utf8JsonWriter(context.Response.Body, PersonJson.WriterOptions);
        writer.WriteStartArray();
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            writer.WriteStartObject();
            writer.WriteString("method", record.Method);
            writer.WriteString("rawTarget", record.RawTarget);
            writer.WriteBoolean("authorization", record.HadAuthorization);
            writer.WriteStartArray("headersWithKeys");
            foreach (var header in record.HeadersWithKeys)
            {
                writer.WriteStringValue(header);
            }

            writer.WriteEndArray();
            writer.WriteString("userAgent", record.UserAgent);
            writer.WriteString("range", record.Range);
            writer.WriteNumber("status", record.Status);
            writer.WriteNumber("bytes", record.BytesSent);
            writer.WriteString("time", record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            if (i % RequestsFlushEvery == RequestsFlushEvery - 1)
            {
                await writer.FlushAsync(context.RequestAborted);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted);
    }

    private async Task UpsertKeyAsync(HttpContext context)
    {
        if (await ReadObjectAsync(context) is not { } body)
        {
            return;
        }

        string? keyName = null;
        long? credits = null;
        KeyState? keyState = null;
        foreach (var member in body.EnumerateObject())
        {
            switch (member.Name)
            {
                case "key" when member.Value.ValueKind == JsonValueKind.String && EmulatorOptions.IsUsableKeyName(member.Value.GetString()):
                    keyName = member.Value.GetString();
                    break;
                case "credits" when member.Value.ValueKind == JsonValueKind.Number && member.Value.TryGetInt64(out var value) && value >= 0:
                    credits = value;
                    break;
                case "state" when member.Value.ValueKind == JsonValueKind.String && TryParseKeyState(member.Value.GetString(), out var parsed):
                    keyState = parsed;
                    break;
                default:
                    await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "validation_error",
                        $"Bad member '{member.Name}': expected key (string without spaces), credits (integer >= 0), state (active|disabled|expired).");
                    return;
            }
        }

        if (keyName is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "validation_error", "'key' is required.");
            return;
        }

        var account = state.Ledger.Upsert(keyName, credits, keyState);
        await WriteJsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("key", account.Name);
            writer.WriteNumber("credits", account.Balance);
            writer.WriteString("state", account.State.ToString().ToLowerInvariant());
            writer.WriteEndObject();
        });
    }

    private static bool TryParseKeyState(string? text, out KeyState keyState)
    {
        keyState = text switch
        {
            "active" => KeyState.Active,
            "disabled" => KeyState.Disabled,
            "expired" => KeyState.Expired,
            _ => (KeyState)(-1),
        };
        return Enum.IsDefined(keyState);
    }

    private async Task UpdateConfigAsync(HttpContext context)
    {
        if (await ReadObjectAsync(context) is not { } body)
        {
            return;
        }

        var next = state.Behaviour.Current;
        var reseed = false;
        foreach (var member in body.EnumerateObject())
        {
            var value = member.Value;
            switch (member.Name)
            {
                case "latencyMs" when value.TryGetNonNegativeInt(out var latency):
                    next = next with { LatencyMs = latency };
                    break;
                case "jitterMs" when value.TryGetNonNegativeInt(out var jitter):
                    next = next with { JitterMs = jitter };
                    break;
                case "faultRate" when value.ValueKind == JsonValueKind.Number && value.GetDouble() is >= 0 and <= 1:
                    next = next with { FaultRate = value.GetDouble() };
                    break;
                case "faults" when TryReadFaults(value, out var faults):
                    next = next with { Faults = faults };
                    break;
                case "videoBytes" when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var videoBytes) && videoBytes >= 0:
                    next = next with { VideoBytes = videoBytes };
                    break;
                case "seed" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var seed):
                    next = next with { Seed = seed };
                    reseed = true;
                    break;
                default:
                    await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "validation_error",
                        $"Bad member '{member.Name}': expected latencyMs/jitterMs (integer >= 0), faultRate (0..1), faults (non-empty array of {FaultNames.Joined}), seed (integer), videoBytes (integer >= 0).");
                    return;
            }
        }

        state.Behaviour.Apply(next, reseed);
        await WriteJsonAsync(context, StatusCodes.Status200OK, WriteConfig);
    }

    private static bool TryReadFaults(JsonElement value, out IReadOnlyList<FaultKind> faults)
    {
        var parsed = new List<FaultKind>();
        faults = parsed;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !FaultNames.TryParse(item.GetString(), out var kind))
            {
                return false;
            }

            if (!parsed.Contains(kind))
            {
                parsed.Add(kind);
            }
        }

        return parsed.Count > 0;
    }

    private void WriteConfig(Utf8JsonWriter writer)
    {
        var config = state.Behaviour.Current;
        writer.WriteStartObject();
        writer.WriteNumber("latencyMs", config.LatencyMs);
        writer.WriteNumber("jitterMs", config.JitterMs);
        writer.WriteNumber("faultRate", config.FaultRate);
        writer.WriteStartArray("faults");
        foreach (var fault in config.Faults)
        {
            writer.WriteStringValue(FaultNames.ToName(fault));
        }

        writer.WriteEndArray();
        writer.WriteNumber("seed", config.Seed);
        writer.WriteNumber("videoBytes", config.VideoBytes);
        writer.WriteEndObject();
    }
}

internal static class JsonElementExtensions
{
    public static bool TryGetNonNegativeInt(this JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value) && value >= 0;
    }
}
