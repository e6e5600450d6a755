using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>
/// Members that are one string or an array of strings (an X media attachment's <c>url</c> is a list, an
/// article's one address; a Reddit attachment's is one for an image, several for a video); the model always
/// holds a list.
/// </summary>
public sealed class StringOrListConverter : JsonConverter<ItemList<string>>
{
    /// <inheritdoc />
    public override ItemList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var list = new ItemList<string>();
        if (reader.TokenType == JsonTokenType.String)
        {
            list.Add(reader.GetString()!);
            return list;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The JSON value could not be converted to System.String.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("The JSON value could not be converted to System.String.");
            }

            list.Add(reader.GetString()!);
        }

        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ItemList<string> value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartArray();
        foreach (var item in value ?? new ItemList<string>())
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
