using System.Collections.Generic;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>Small ActivityStreams pieces that every platform's writer spells the same way, kept in one
/// place so the platforms cannot drift apart on them.</summary>
internal static class ActivityJson
{
    /// <summary>The head of a profile (a Person or an Organization): type, id and url (both the profile
    /// URL), entityId, name and preferredUsername. A null <paramref name="entityId"/> or
    /// <paramref name="username"/> is left out (a platform without numeric IDs, or the missing-field scenario).</summary>
    public static void WriteActorHead(Utf8JsonWriter writer, string type, string url, string? entityId, string name, string? username)
    {
        writer.WriteString("type", type);
        writer.WriteString("id", url);
        writer.WriteString("url", url);
        if (entityId is not null)
        {
            writer.WriteString("entityId", entityId);
        }

        writer.WriteString("name", name);
        if (username is not null)
        {
            writer.WriteString("preferredUsername", username);
        }
    }

    /// <summary>A count as the contract types it, or <paramref name="wrongText"/> instead when the wrong-types
    /// scenario sends the count as text (each platform words it its own way).</summary>
    public static void WriteCount(Utf8JsonWriter writer, string name, long value, string? wrongText)
    {
        if (wrongText is null)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteString(name, wrongText);
        }
    }

    /// <summary>A Link object; <paramref name="rel"/> only where the platform marks one link (the preferred one).</summary>
    public static void WriteLink(Utf8JsonWriter writer, string href, string? rel = null)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Link");
        writer.WriteString("href", href);
        if (rel is not null)
        {
            writer.WriteString("rel", rel);
        }

        writer.WriteEndObject();
    }

    /// <summary>An Image object; width and height only where the platform reports them.</summary>
    public static void WriteImage(Utf8JsonWriter writer, string url, int? width = null, int? height = null)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Image");
        writer.WriteString("url", url);
        if (width is { } w)
        {
            writer.WriteNumber("width", w);
        }

        if (height is { } h)
        {
            writer.WriteNumber("height", h);
        }

        writer.WriteEndObject();
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>A member the contract requires but allows to be null: written as null rather than left out.</summary>
    public static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
