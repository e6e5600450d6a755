using System.Text.Json.Serialization;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>LinkedIn's models, source-generated like TikTok's (see <see cref="ModelContext"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(LinkedInUser))]
[JsonSerializable(typeof(LinkedInCompany))]
[JsonSerializable(typeof(LinkedInPost))]
[JsonSerializable(typeof(LinkedInArticle))]
[JsonSerializable(typeof(LinkedInTranscript))]
internal sealed partial class LinkedInModelContext : JsonSerializerContext
{
}
