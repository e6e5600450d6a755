using System.Text.Json.Serialization;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>Instagram's models, source-generated like TikTok's; <see cref="ModelReader"/> combines the contexts.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(InstagramUser))]
[JsonSerializable(typeof(InstagramPost))]
[JsonSerializable(typeof(InstagramComment))]
[JsonSerializable(typeof(InstagramHighlight))]
[JsonSerializable(typeof(InstagramStory))]
[JsonSerializable(typeof(ItemList<InstagramAccount>))]
internal sealed partial class InstagramModelContext : JsonSerializerContext
{
}
