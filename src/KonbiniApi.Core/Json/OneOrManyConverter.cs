using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>Some members are one object or an array of them (an audio's <c>attributedTo</c>); the model always holds a list.</summary>
public sealed class OneOrManyConverter<T> : JsonConverter<ItemList<T>>
    where T : class
{
    /// <inheritdoc />
    public override ItemList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var item = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var list = new ItemList<T>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (JsonSerializer.Deserialize(ref reader, item) is not T one)
                {
                    // The serializer knows this member's path but not the element's: the index goes with the message.
                    throw new JsonException(ItemListRules.NullItem + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                }

                list.Add(one);
                index++;
            }

            return list;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The JSON value could not be converted to " + typeof(T).FullName + ".");
        }

        if (JsonSerializer.Deserialize(ref reader, item) is T single)
        {
            list.Add(single);
        }

        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ItemList<T> value, JsonSerializerOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        JsonSerializer.Serialize(writer, value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ItemList<T>>)options.GetTypeInfo(typeof(ItemList<T>)));
    }
}
