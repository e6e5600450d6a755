using System;
using System.Buffers;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>
/// Videos as list items render (no @context), kept once rendered: a video is a pure function of its ID and
/// its author, and the same videos come back page after page (a creator's list, a tag, a collection), so a
/// page of them costs copies, not generation. Cold pages still generate every video.
/// </summary>
internal static class RenderedVideos
{
    private static readonly GeneratedCache<byte[]> Cache = new(50_000);

    /// <summary>Writes the video <paramref name="id"/> by <paramref name="author"/> as a list item.</summary>
    public static void Write(Utf8JsonWriter writer, string id, Author author)
    {
        var rendered = Cache.GetOrAdd(id, key =>
        {
            var buffer = new ArrayBufferWriter<byte>(3072);
            using (var itemWriter = new Utf8JsonWriter(buffer, PersonJson.WriterOptions))
            {
                TikTokJson.WriteVideo(itemWriter, TikTokContent.Video(key, author.Name), author, withContext: false);
            }

            return buffer.WrittenSpan.ToArray();
        });
        writer.WriteRawValue(rendered, skipInputValidation: true);
    }
}
