using System;
using System.IO;
using System.Text.Json;

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
}
