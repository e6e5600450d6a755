namespace KonbiniApi.Tests;

/// <summary>Instagram's rows of the operation table.</summary>
internal static partial class OperationRows
{
    public static readonly (string Operation, string[] Values, string Path)[] Instagram =
    [
        ("instagramGetUser", ["@Harbour.Noodles"], "/v1/instagram/users/Harbour.Noodles"),
        ("instagramGetUserPosts", ["https://www.instagram.com/harbour.noodles/?hl=en"], "/v1/instagram/users/harbour.noodles/posts"),
        ("instagramGetUserReels", ["instagram.com/harbour_noodles/reels/"], "/v1/instagram/users/harbour_noodles/reels"),
        ("instagramGetUserTagged", ["harbour.noodles"], "/v1/instagram/users/harbour.noodles/tagged"),
        ("instagramGetUserHighlights", ["harbour.noodles"], "/v1/instagram/users/harbour.noodles/highlights"),
        ("instagramGetPost", ["https://www.instagram.com/reel/DVRYDo-Cjw3/?igsh=abc"], "/v1/instagram/posts/DVRYDo-Cjw3"),
        ("instagramGetPostComments", ["https://www.instagram.com/harbour.noodles/p/Bx7-Qa_Lm2Z/"], "/v1/instagram/posts/Bx7-Qa_Lm2Z/comments"),
        ("instagramSearchMedia", ["noodles & dumplings"], "/v1/instagram/search?query=noodles%20%26%20dumplings"),
        ("instagramGetLocationPosts", ["https://www.instagram.com/explore/locations/212999109/los-angeles-california/"], "/v1/instagram/locations/212999109"),
        ("instagramGetHighlightStories", ["highlight:17986596002776443"], "/v1/instagram/highlights/17986596002776443"),
    ];
}
