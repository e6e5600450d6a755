namespace KonbiniApi.Emulator;

/// <summary>TikTok's routes as a platform of the emulator.</summary>
internal sealed class TikTokPlatform : IRoutePlatform
{
    public static TikTokPlatform Instance { get; } = new();

    public string Prefix => TikTokRouteTable.Prefix;

    public IRouteMatch? Match(string method, string rawPath) => TikTokRouteTable.Match(method, rawPath);
}
