using System.Collections.Generic;
using KonbiniApi.Input;
using KonbiniApi.Json;
using KonbiniApi.Models;

namespace KonbiniApi.Operations;

/// <summary>Every LinkedIn operation of KonbiniAPI, declared once: route, inputs, shape, model.</summary>
/// <remarks>
/// LinkedIn's lists are unlike TikTok's: a member's posts and articles come whole in one answer (not
/// paginated), and a company's posts are paged by cursor alone, at a size LinkedIn decides (no count).
/// </remarks>
public static class LinkedInOperations
{
    private static readonly OperationParameter[] ByMember = { OperationParameter.Path("username", LinkedInIdentifiers.Username) };
    private static readonly OperationParameter[] ByCompany = { OperationParameter.Path("company", LinkedInIdentifiers.Company) };
    private static readonly OperationParameter[] ByPost = { OperationParameter.Path("postId", LinkedInIdentifiers.PostId) };

    /// <summary>linkedinGetUser: a member's public profile.</summary>
    public static ApiOperation User { get; } = new("linkedinGetUser", "/v1/linkedin/users/{username}", ByMember, ItemReader.Of<LinkedInUser>());

    /// <summary>linkedinGetUserArticles: every article a member published, in one answer.</summary>
    public static ApiOperation UserArticles { get; } = new(
        "linkedinGetUserArticles", "/v1/linkedin/users/{username}/articles", ByMember, ItemReader.Of<LinkedInArticle>(), shape: OperationShape.Whole);

    /// <summary>linkedinGetUserPosts: a member's recent posts and shares, in one answer.</summary>
    public static ApiOperation UserPosts { get; } = new(
        "linkedinGetUserPosts", "/v1/linkedin/users/{username}/posts", ByMember, ItemReader.Of<LinkedInPost>(), shape: OperationShape.Whole);

    /// <summary>linkedinGetCompany: a company page.</summary>
    public static ApiOperation Company { get; } = new("linkedinGetCompany", "/v1/linkedin/companies/{company}", ByCompany, ItemReader.Of<LinkedInCompany>());

    /// <summary>linkedinGetCompanyPosts: a company's posts, newest first, paged by cursor alone.</summary>
    public static ApiOperation CompanyPosts { get; } = new(
        "linkedinGetCompanyPosts", "/v1/linkedin/companies/{company}/posts", ByCompany, ItemReader.Of<LinkedInPost>(), shape: OperationShape.Page);

    /// <summary>linkedinGetPost: one post, with its video and first comments.</summary>
    public static ApiOperation Post { get; } = new("linkedinGetPost", "/v1/linkedin/posts/{postId}", ByPost, ItemReader.Of<LinkedInPost>());

    /// <summary>linkedinGetPostTranscript: the captions of a post's video (404 not_found when it has none).</summary>
    public static ApiOperation PostTranscript { get; } = new(
        "linkedinGetPostTranscript",
        "/v1/linkedin/posts/{postId}/transcript",
        ByPost,
        ItemReader.Of<LinkedInTranscript>(),
        annotate: (model, call) =>
        {
            var transcript = (LinkedInTranscript)model;
            transcript.PostId = call.Value("postId");
            foreach (var cue in WebVtt.ReadTimedLines(transcript.Content, static (start, end, text) => new LinkedInTranscriptCue { Start = start, End = end, Text = text }))
            {
                transcript.Cues.Add(cue);
            }
        },
        notFound: call => "Post " + call.Value("postId") + " has no video with captions, or there is no such post");

    /// <summary>Every LinkedIn operation, for tests and documentation.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = new[]
    {
        User, UserArticles, UserPosts, Company, CompanyPosts, Post, PostTranscript,
    };
}
