using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonbiniApi.Errors;
using KonbiniApi.Json;
using Xunit;

namespace KonbiniApi.Tests.Support;

/// <summary>Reads the hand-written API answers under Fixtures/ (copied next to the test assembly).</summary>
internal static class Fixture
{
    public static string Text(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        return File.ReadAllText(path);
    }

    /// <summary>Parses a fixture; the caller disposes the document.</summary>
    public static JsonDocument Document(string name) => JsonDocument.Parse(Text(name));

    /// <summary>The fixture's data object read as <typeparamref name="T"/>, as the engine reads an answer to
    /// <paramref name="requestPath"/>; <paramref name="change"/> edits the data first (a member removed, a null).</summary>
    public static T Read<T>(string name, string requestPath, Action<JsonObject>? change = null)
        where T : class
    {
        using var document = Changed(name, change);
        return ModelReader.Read<T>(document.RootElement, requestPath, "data");
    }

    /// <summary>The InvalidResponse a fixture's data object raises once <paramref name="change"/> has broken it.</summary>
    public static KonbiniApiException Refused<T>(string name, string requestPath, Action<JsonObject> change)
        where T : class
    {
        using var document = Changed(name, change);
        var failure = Assert.Throws<KonbiniApiException>(() => ModelReader.Read<T>(document.RootElement, requestPath, "data"));
        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        return failure;
    }

    private static JsonDocument Changed(string name, Action<JsonObject>? change)
    {
        var data = JsonNode.Parse(Text(name))!["data"]!.AsObject();
        change?.Invoke(data);
        return JsonDocument.Parse(data.ToJsonString());
    }
}
