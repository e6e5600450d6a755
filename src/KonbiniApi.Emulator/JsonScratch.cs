using System;
using System.Buffers;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>Renders one JSON value to a new array through a writer and buffer kept per thread: a new
/// writer and a growing buffer per item cost more than writing the item (a video is about 2.7 KB).</summary>
internal static class JsonScratch
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    [ThreadStatic]
    private static bool busy;

    public static byte[] Render<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        if (busy)
        {
            // Rendering from inside a rendering (an item whose member is rendered on its own) gets its own.
            var own = new ArrayBufferWriter<byte>(4096);
            using (var ownWriter = new Utf8JsonWriter(own, PersonJson.WriterOptions))
            {
                write(ownWriter, state);
            }

            return own.WrittenSpan.ToArray();
        }

        busy = true;
        try
        {
            var scratch = buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
            scratch.ResetWrittenCount();
            var json = writer;
            if (json is null)
            {
                json = writer = new Utf8JsonWriter(scratch, PersonJson.WriterOptions);
            }
            else
            {
                json.Reset(scratch);
            }

            write(json, state);
            json.Flush();
            return scratch.WrittenSpan.ToArray();
        }
        finally
        {
            busy = false;
        }
    }
}
