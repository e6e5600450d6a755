using System.Collections.Generic;
using KonbiniApi.Input;
using KonbiniApi.Models;

namespace KonbiniApi.Operations;

/// <summary>Every X (Twitter) operation of KonbiniAPI, declared once: route, inputs, page bounds, model.</summary>
public static class XOperations
{
    private static readonly OperationParameter[] ByUsername = { OperationParameter.Path("username", XIdentifiers.Username) };
    private static readonly OperationParameter[] ByCommunity = { OperationParameter.Path("communityId", XIdentifiers.CommunityId) };

    /// <summary>xGetUser: one profile.</summary>
    public static ApiOperation User { get; } = new("xGetUser", "/v1/x/users/{username}", ByUsername, ItemReader.Of<XUser>());

    /// <summary>xGetUserPosts: a user's public posts. The service takes no count: it pages by cursor alone, at the platform's size.</summary>
    public static ApiOperation UserPosts { get; } = new(
        "xGetUserPosts", "/v1/x/users/{username}/posts", ByUsername, ItemReader.Of<XPost>(), shape: OperationShape.Page);

    /// <summary>xGetUserHighlights: the posts on a user's Highlights tab.</summary>
    public static ApiOperation UserHighlights { get; } = new(
        "xGetUserHighlights", "/v1/x/users/{username}/highlights", ByUsername, ItemReader.Of<XPost>(), new PageBounds(1, 100));

    /// <summary>xGetPost: one post.</summary>
    public static ApiOperation Post { get; } = new(
        "xGetPost", "/v1/x/posts/{postId}", new[] { OperationParameter.Path("postId", XIdentifiers.PostId) }, ItemReader.Of<XPost>());

    /// <summary>xGetCommunity: one community.</summary>
    public static ApiOperation Community { get; } = new("xGetCommunity", "/v1/x/communities/{communityId}", ByCommunity, ItemReader.Of<XCommunity>());

    /// <summary>xGetCommunityPosts: a community's timeline.</summary>
    public static ApiOperation CommunityPosts { get; } = new(
        "xGetCommunityPosts", "/v1/x/communities/{communityId}/posts", ByCommunity, ItemReader.Of<XPost>(), new PageBounds(1, 100), FromCommunity);

    /// <summary>xGetCommunityMedia: the posts on a community's Media tab.</summary>
    public static ApiOperation CommunityMedia { get; } = new(
        "xGetCommunityMedia", "/v1/x/communities/{communityId}/media", ByCommunity, ItemReader.Of<XPost>(), new PageBounds(1, 100), FromCommunity);

    /// <summary>Every X operation, for tests and documentation.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = new[]
    {
        User, UserPosts, UserHighlights, Post, Community, CommunityPosts, CommunityMedia,
    };

    // The post itself does not say which community it was posted in; the call does.
    private static void FromCommunity(object model, OperationCall call) => ((XPost)model).CommunityId = call.Value("communityId");
}
