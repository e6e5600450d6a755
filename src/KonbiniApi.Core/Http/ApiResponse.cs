using System;
using System.Text.Json;

namespace KonbiniApi.Http;

/// <summary>A successful response: the parsed document and what it cost.</summary>
public sealed class ApiResponse : IDisposable
{
    private readonly JsonDocument document;
    private readonly ResponseBody body;

    internal ApiResponse(JsonDocument document, ResponseBody body, JsonElement data, string requestPath, int statusCode, int? creditsUsed, long? creditsRemaining, int attempts)
    {
        this.document = document;
        this.body = body;
        Data = data;
        RequestPath = requestPath;
        StatusCode = statusCode;
        CreditsUsed = creditsUsed;
        CreditsRemaining = creditsRemaining;
        Attempts = attempts;
    }

    /// <summary>The envelope's <c>data</c> object; valid until the response is disposed.</summary>
    public JsonElement Data { get; }

    /// <summary>The path that was requested.</summary>
    public string RequestPath { get; }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary><c>X-Credits-Used</c>, when present.</summary>
    public int? CreditsUsed { get; }

    /// <summary><c>X-Credits-Remaining</c>, when present.</summary>
    public long? CreditsRemaining { get; }

    /// <summary>How many attempts it took.</summary>
    public int Attempts { get; }

    /// <summary>Releases the document, then the bytes it was read from (in that order: the document reads them).</summary>
    public void Dispose()
    {
        document.Dispose();
        body.Dispose();
    }
}
