using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>
/// Builds a small JSON value of fixed shape (a media image, a video file) straight as bytes, for
/// <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>: each item carries several such
/// objects, and going through the writer token by token, with an escaping check per string, was a third
/// of the time spent writing a video. <see cref="Text"/> takes only text that never needs escaping (anything
/// else throws); <see cref="String"/> takes any text and escapes it exactly as the page's writer would.
/// </summary>
internal ref struct JsonBytes(Span<byte> room)
{
    // Letters, digits and the punctuation our URLs, names and tokens use; no quote, backslash or control.
    private static readonly SearchValues<char> Plain =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~:/@=?&%+,;!*()$# ");

    // Text that needs escaping (captions, names, bios, song titles) is drawn from short lists, so its
    // escaped form is kept: escaping a caption with an emoji took longer than writing the rest of the video.
    private static readonly GeneratedCache<byte[]> EscapedTexts = new(8192);

    private readonly Span<byte> room = room;
    private int length;

    public readonly ReadOnlySpan<byte> Written => room[..length];

    public readonly int Length => length;

    /// <summary>Writes again what was written from <paramref name="start"/> to <paramref name="end"/>: a value
    /// that appears twice in one object is built once.</summary>
    public JsonBytes Again(int start, int end)
    {
        room[start..end].CopyTo(room[length..]);
        length += end - start;
        return this;
    }

    /// <summary>JSON syntax and names, written as they are.</summary>
    public JsonBytes Raw(scoped ReadOnlySpan<byte> json)
    {
        json.CopyTo(room[length..]);
        length += json.Length;
        return this;
    }

    /// <summary>Text inside a string that is already open; refused unless it needs no escaping.</summary>
    public JsonBytes Text(string text)
    {
        if (text.AsSpan().IndexOfAnyExcept(Plain) >= 0)
        {
            throw new ArgumentException("Text for a fixed-shape JSON value must need no escaping: " + text, nameof(text));
        }

        return Ascii(text);
    }

    /// <summary>A whole JSON string, quotes included: plain text is copied, anything else is escaped with
    /// the writer's own encoder (<see cref="PersonJson.WriterOptions"/>), so the bytes are what the writer
    /// would have written.</summary>
    public JsonBytes String(string text)
    {
        Raw("\""u8);
        if (text.AsSpan().IndexOfAnyExcept(Plain) < 0)
        {
            Ascii(text);
        }
        else
        {
            Raw(Escaped(text));
        }

        return Raw("\""u8);
    }

    /// <summary>Copies text already known to be plain (see <see cref="Plain"/>), one byte per character.</summary>
    private JsonBytes Ascii(string text)
    {
        var target = room.Slice(length, text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            target[i] = (byte)text[i];
        }

        length += text.Length;
        return this;
    }

    private static byte[] Escaped(string text)
    {
        var lookup = EscapedTexts.Find(text);
        if (lookup.Value is { } kept)
        {
            return kept;
        }

        var escaped = JsonEncodedText.Encode(text, PersonJson.WriterOptions.Encoder).EncodedUtf8Bytes.ToArray();
        if (lookup.WorthKeeping)
        {
            EscapedTexts.Keep(lookup, text, escaped);
        }

        return escaped;
    }

    /// <summary>A fractional number as the writer spells one: the shortest text that reads back the same.</summary>
    public JsonBytes Number(double value)
    {
        // Whole numbers (most durations) below 10^15 are their digits in that form too; -0 is not.
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
        {
            return Number((long)value);
        }

        if (!value.TryFormat(room[length..], out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A fixed-shape JSON value outgrew its room.");
        }

        length += written;
        return this;
    }

    /// <summary>A time as a JSON string, spelled as <see cref="PersonJson.FormatTime"/> spells it.</summary>
    public JsonBytes Time(DateTimeOffset time)
    {
        Span<char> text = stackalloc char[24];
        PersonJson.FillTime(text, time.UtcDateTime);
        Raw("\""u8);
        for (var i = 0; i < text.Length; i++)
        {
            room[length + i] = (byte)text[i];
        }

        length += text.Length;
        return Raw("\""u8);
    }

    public JsonBytes Boolean(bool value) => Raw(value ? "true"u8 : "false"u8);

    public JsonBytes Number(long value)
    {
        if (!Utf8Formatter.TryFormat(value, room[length..], out var written))
        {
            throw new InvalidOperationException("A fixed-shape JSON value outgrew its room.");
        }

        length += written;
        return this;
    }

    /// <summary>Sixteen lower-case hex digits, as <c>{value:x16}</c> writes them.</summary>
    public JsonBytes Hex16(ulong value)
    {
        if (!Utf8Formatter.TryFormat(value, room[length..], out var written, new StandardFormat('x', 16)))
        {
            throw new InvalidOperationException("A fixed-shape JSON value outgrew its room.");
        }

        length += written;
        return this;
    }
}
