namespace KonbiniApi.Tests;

/// <summary>X's rows of the operation table: inputs as people paste them, and the exact path each must give.</summary>
internal static partial class OperationRows
{
    public static readonly (string Operation, string[] Values, string Path)[] X =
    [
        ("xGetUser", ["@KhabyLame"], "/v1/x/users/KhabyLame"),
        ("xGetUserPosts", ["https://mobile.twitter.com/KhabyLame?s=20"], "/v1/x/users/KhabyLame/posts"),
        ("xGetUserHighlights", ["https://x.com/Khaby_Lame/highlights"], "/v1/x/users/Khaby_Lame/highlights"),
        ("xGetPost", ["https://twitter.com/KhabyLame/status/2024515585569083437?s=20"], "/v1/x/posts/2024515585569083437"),
        ("xGetCommunity", ["https://x.com/i/communities/1669501013441806336"], "/v1/x/communities/1669501013441806336"),
        ("xGetCommunityPosts", ["1669501013441806336"], "/v1/x/communities/1669501013441806336/posts"),
        ("xGetCommunityMedia", ["x.com/i/communities/1669501013441806336/media"], "/v1/x/communities/1669501013441806336/media"),
    ];
}
