using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KonbiniApi.Json;

/// <summary>
/// ISO 8601 dates, with or without an offset, as UTC <see cref="DateTime"/> values: PowerShell shows and
/// exports DateTime naturally, and one time zone for every date keeps sorting and comparing honest.
/// </summary>
public sealed class UtcDateConverter : JsonConverter<DateTime>
{
    internal const string Problem = "konbini:not-a-date";

    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("The JSON value could not be converted to System.DateTime.");
        }

        var text = reader.GetString();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            return when.UtcDateTime;
        }

        throw new JsonException(Problem);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStringValue(value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
    }
}

/// <summary>The same reading for optional dates: absent or null stays null.</summary>
public sealed class NullableUtcDateConverter : JsonConverter<DateTime?>
{
    private static readonly UtcDateConverter Inner = new();

    /// <inheritdoc />
    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTime), options);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (value is DateTime when)
        {
            Inner.Write(writer, when, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
