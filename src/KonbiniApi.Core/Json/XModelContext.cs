using System.Text.Json.Serialization;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>X's models, source-generated like TikTok's (see <see cref="ModelContext"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(XUser))]
[JsonSerializable(typeof(XPost))]
[JsonSerializable(typeof(XCommunity))]
internal sealed partial class XModelContext : JsonSerializerContext
{
}
