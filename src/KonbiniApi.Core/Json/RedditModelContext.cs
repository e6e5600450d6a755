using System.Text.Json.Serialization;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>Reddit's models, generated at build time like TikTok's (see <see cref="ModelContext"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(RedditUser))]
[JsonSerializable(typeof(RedditPost))]
[JsonSerializable(typeof(RedditComment))]
[JsonSerializable(typeof(RedditSubreddit))]
[JsonSerializable(typeof(RedditRule))]
[JsonSerializable(typeof(ItemList<string>))]
internal sealed partial class RedditModelContext : JsonSerializerContext
{
}
