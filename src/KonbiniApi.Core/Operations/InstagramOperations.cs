using System.Collections.Generic;
using KonbiniApi.Input;
using KonbiniApi.Models;

namespace KonbiniApi.Operations;

/// <summary>Every Instagram operation of KonbiniAPI, declared once: route, inputs, page bounds, model.</summary>
public static class InstagramOperations
{
    private static readonly OperationParameter[] ByUsername = { OperationParameter.Path("username", InstagramIdentifiers.Username) };
    private static readonly OperationParameter[] ByPost = { OperationParameter.Path("postId", InstagramIdentifiers.Shortcode) };

    /// <summary>instagramGetUser: one profile.</summary>
    public static ApiOperation User { get; } = new("instagramGetUser", "/v1/instagram/users/{username}", ByUsername, ItemReader.Of<InstagramUser>());

    /// <summary>instagramGetUserPosts: the posts of a profile's feed (at most 12 a page).</summary>
    public static ApiOperation UserPosts { get; } = new("instagramGetUserPosts", "/v1/instagram/users/{username}/posts", ByUsername, ItemReader.Of<InstagramPost>(), new PageBounds(1, 12));

    /// <summary>instagramGetUserReels: a profile's reels (at most 12 a page).</summary>
    public static ApiOperation UserReels { get; } = new("instagramGetUserReels", "/v1/instagram/users/{username}/reels", ByUsername, ItemReader.Of<InstagramPost>(), new PageBounds(1, 12));

    /// <summary>instagramGetUserTagged: posts by others that tag the user (at most 12 a page).</summary>
    public static ApiOperation UserTagged { get; } = new("instagramGetUserTagged", "/v1/instagram/users/{username}/tagged", ByUsername, ItemReader.Of<InstagramPost>(), new PageBounds(1, 12));

    /// <summary>instagramGetUserHighlights: a profile's story highlights, paged by cursor alone (the service takes no count).</summary>
    public static ApiOperation UserHighlights { get; } = new(
        "instagramGetUserHighlights", "/v1/instagram/users/{username}/highlights", ByUsername, ItemReader.Of<InstagramHighlight>(), shape: OperationShape.Page);

    /// <summary>instagramGetPost: one post by shortcode.</summary>
    public static ApiOperation Post { get; } = new("instagramGetPost", "/v1/instagram/posts/{postId}", ByPost, ItemReader.Of<InstagramPost>());

    /// <summary>instagramGetPostComments: a post's top-level comments (the platform fixes pages at 15).</summary>
    public static ApiOperation PostComments { get; } = new(
        "instagramGetPostComments", "/v1/instagram/posts/{postId}/comments", ByPost, ItemReader.Of<InstagramComment>(), new PageBounds(15, 15),
        (model, call) => ((InstagramComment)model).PostId = call.Value("postId"));

    /// <summary>instagramSearchMedia: trending reels and videos for a keyword (at most 24 a page).</summary>
    public static ApiOperation Search { get; } = new(
        "instagramSearchMedia", "/v1/instagram/search", new[] { OperationParameter.Query("query", InstagramIdentifiers.SearchText) }, ItemReader.Of<InstagramPost>(), new PageBounds(1, 24));

    /// <summary>instagramGetLocationPosts: recent posts tagged at a place (the platform fixes pages at 21).</summary>
    public static ApiOperation LocationPosts { get; } = new(
        "instagramGetLocationPosts", "/v1/instagram/locations/{locationId}", new[] { OperationParameter.Path("locationId", InstagramIdentifiers.LocationId) },
        ItemReader.Of<InstagramPost>(), new PageBounds(21, 21));

    /// <summary>instagramGetHighlightStories: every story of a highlight, in one answer (not paginated).</summary>
    public static ApiOperation HighlightStories { get; } = new(
        "instagramGetHighlightStories", "/v1/instagram/highlights/{highlightId}", new[] { OperationParameter.Path("highlightId", InstagramIdentifiers.HighlightId) },
        ItemReader.Of<InstagramStory>(),
        annotate: (model, call) => ((InstagramStory)model).HighlightId = call.Value("highlightId"),
        notFound: call => "There is no Instagram highlight " + call.Value("highlightId"),
        shape: OperationShape.Whole);

    /// <summary>Every Instagram operation, for tests and documentation.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = new[]
    {
        User, UserPosts, UserReels, UserTagged, UserHighlights, Post, PostComments, Search, LocationPosts, HighlightStories,
    };
}
