using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>
/// Videos as list items render (no @context), kept once rendered: a video is a pure function of its ID and
/// its author, and the same videos come back page after page (a creator's list, a tag, a collection), so a
/// page of them costs copies, not generation. A video seen for the first time is written straight into
/// the page and not kept (see <see cref="GeneratedCache{TValue}"/>).
/// </summary>
internal static class RenderedVideos
{
    // About 2.7 KB a video: at most some 45 MB kept.
    private static readonly GeneratedCache<byte[]> Cache = new(16_384);

    /// <summary>Writes the video <paramref name="id"/> by <paramref name="author"/> as a list item.</summary>
    public static void Write(Utf8JsonWriter writer, string id, Author author)
    {
        var lookup = Cache.Find(id);
        if (lookup.Value is { } rendered)
        {
            writer.WriteRawValue(rendered, skipInputValidation: true);
            return;
        }

        if (!lookup.WorthKeeping)
        {
            TikTokJson.WriteVideo(writer, TikTokContent.Video(id, author.Name), author, withContext: false);
            return;
        }

        rendered = TikTokJson.VideoItem(TikTokContent.Video(id, author.Name), author);
        Cache.Keep(lookup, id, rendered);
        writer.WriteRawValue(rendered, skipInputValidation: true);
    }
}
