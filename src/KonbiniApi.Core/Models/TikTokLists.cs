namespace KonbiniApi.Models;

/// <summary>Bio links; prints as their addresses separated by spaces.</summary>
public sealed class TikTokLinkCollection : ItemList<TikTokLink>
{
}

/// <summary>Images of one picture in several sizes; prints as their addresses separated by spaces.</summary>
public sealed class TikTokImageCollection : ItemList<TikTokImage>
{
}
