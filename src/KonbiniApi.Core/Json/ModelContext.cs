using System.Text.Json.Serialization;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>
/// The models the API's JSON maps onto. The source generator writes their metadata at build time, so
/// reading needs no reflection and works the same on Windows PowerShell 5.1 and PowerShell 7.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(TikTokUser))]
[JsonSerializable(typeof(TikTokUserSummary))]
[JsonSerializable(typeof(TikTokVideo))]
[JsonSerializable(typeof(TikTokComment))]
[JsonSerializable(typeof(TikTokAudio))]
[JsonSerializable(typeof(TikTokCollection))]
[JsonSerializable(typeof(TikTokStory))]
[JsonSerializable(typeof(TikTokLive))]
[JsonSerializable(typeof(TikTokTranscript))]
[JsonSerializable(typeof(TikTokDownloadLink))]
[JsonSerializable(typeof(ItemList<TikTokUserSummary>))]
internal sealed partial class ModelContext : JsonSerializerContext
{
}
