using System;
using System.Net.Http;

namespace KonbiniApi.Http;

/// <summary>One request to the API: its method, its encoded path (with query), a JSON body for POSTs, and what it may cost.</summary>
public sealed class ApiRequest
{
    private ApiRequest(HttpMethod method, string path, byte[]? jsonBody, int cost)
    {
        Method = method;
        Path = path;
        JsonBody = jsonBody;
        Cost = cost;
    }

    /// <summary>GET or POST.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path with its query, already encoded, starting with <c>/v1/</c>.</summary>
    public string Path { get; }

    /// <summary>The UTF-8 JSON body of a POST; null for a GET.</summary>
    public byte[]? JsonBody { get; }

    /// <summary>Credits the request may be charged (a batch costs one per ID submitted).</summary>
    public int Cost { get; }

    /// <summary>"GET /v1/..." as messages show it.</summary>
    public string Line => Method.Method + " " + Path;

    /// <summary>A GET of one credit.</summary>
    public static ApiRequest Get(string path) => new(HttpMethod.Get, path ?? throw new ArgumentNullException(nameof(path)), null, 1);

    /// <summary>A POST with a JSON body that may cost <paramref name="cost"/> credits.</summary>
    public static ApiRequest Post(string path, byte[] jsonBody, int cost) =>
        new(HttpMethod.Post, path ?? throw new ArgumentNullException(nameof(path)), jsonBody ?? throw new ArgumentNullException(nameof(jsonBody)), cost);

    /// <inheritdoc />
    public override string ToString() => Line;
}
