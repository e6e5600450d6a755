using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>
/// Videos as list items render (no @context), kept once rendered: a video is a pure function of its ID and
/// its author, and the same videos come back page after page (a creator's list, a tag, a collection), so a
/// page of them costs copies, not generation. A video seen for the first time is written straight into
/// the page and not kept (see <see cref="GeneratedCache{TValue}"/>).
/// </summary>
/// <remarks>
/// Kept by author and ID, not by ID alone: an ID keeps only a hash of a name outside the emulator's own
/// (see <see cref="Authors.Decode"/>), so the same video is listed under its creator's name on the creator's
/// page and under a stand-in where only the ID is known (a sound's original video). Kept by ID, whichever
/// was rendered first came back on both routes.
/// </remarks>
internal static class RenderedVideos
{
    // About 2.7 KB a video: at most some 45 MB kept.
    private static readonly GeneratedCache<byte[]> Cache = new(16_384);

    /// <summary>Writes the video <paramref name="id"/> by <paramref name="author"/> as a list item.</summary>
    public static void Write(Utf8JsonWriter writer, string id, Author author)
    {
        var key = string.Concat(author.Name, "/video/", id);
        var lookup = Cache.Find(key);
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
        Cache.Keep(lookup, key, rendered);
        writer.WriteRawValue(rendered, skipInputValidation: true);
    }
}
