using System.Collections.Generic;
using KonbiniApi.Input;
using KonbiniApi.Json;
using KonbiniApi.Models;

namespace KonbiniApi.Operations;

/// <summary>Every TikTok operation of KonbiniAPI, declared once: route, inputs, page bounds, model.</summary>
public static class TikTokOperations
{
    private static readonly OperationParameter[] ByUsername = { OperationParameter.Path("username", TikTokIdentifiers.Username) };
    private static readonly OperationParameter[] ByVideo = { OperationParameter.Path("videoId", TikTokIdentifiers.VideoId) };
    private static readonly OperationParameter[] ByQuery = { OperationParameter.Query("query", TikTokIdentifiers.SearchText) };

    /// <summary>tiktokGetUser: one profile.</summary>
    public static ApiOperation User { get; } = new("tiktokGetUser", "/v1/tiktok/users/{username}", ByUsername, ItemReader.Of<TikTokUser>());

    /// <summary>tiktokGetUserVideos: a creator's videos (order newest, popular, oldest).</summary>
    public static ApiOperation UserVideos { get; } = new("tiktokGetUserVideos", "/v1/tiktok/users/{username}/videos", ByUsername, ItemReader.Of<TikTokVideo>(), new PageBounds(1, 35));

    /// <summary>tiktokGetUserLikes: videos a user liked.</summary>
    public static ApiOperation UserLikes { get; } = new("tiktokGetUserLikes", "/v1/tiktok/users/{username}/likes", ByUsername, ItemReader.Of<TikTokVideo>(), new PageBounds(1, 35));

    /// <summary>tiktokGetUserReposts: videos a user reposted.</summary>
    public static ApiOperation UserReposts { get; } = new("tiktokGetUserReposts", "/v1/tiktok/users/{username}/reposts", ByUsername, ItemReader.Of<TikTokVideo>(), new PageBounds(1, 30));

    /// <summary>tiktokGetUserCollections: a creator's collections.</summary>
    public static ApiOperation UserCollections { get; } = new("tiktokGetUserCollections", "/v1/tiktok/users/{username}/collections", ByUsername, ItemReader.Of<TikTokCollection>(), new PageBounds(1, 30));

    /// <summary>tiktokGetUserStories: a user's current stories.</summary>
    public static ApiOperation UserStories { get; } = new("tiktokGetUserStories", "/v1/tiktok/users/{username}/stories", ByUsername, ItemReader.Of<TikTokStory>(), new PageBounds(1, 35));

    /// <summary>tiktokGetUserFollowing: accounts a user follows.</summary>
    public static ApiOperation UserFollowing { get; } = new("tiktokGetUserFollowing", "/v1/tiktok/users/{username}/following", ByUsername, ItemReader.Of<TikTokUserSummary>(), new PageBounds(1, 30));

    /// <summary>tiktokGetUserFollowers: a user's followers.</summary>
    public static ApiOperation UserFollowers { get; } = new("tiktokGetUserFollowers", "/v1/tiktok/users/{username}/followers", ByUsername, ItemReader.Of<TikTokUserSummary>(), new PageBounds(1, 30));

    /// <summary>tiktokGetUserLive: a user's live stream, when they are live (404 not_found when not).</summary>
    public static ApiOperation UserLive { get; } = new(
        "tiktokGetUserLive", "/v1/tiktok/users/{username}/live", ByUsername, ItemReader.Of<TikTokLive>(),
        annotate: (model, call) => ((TikTokLive)model).Username = call.Value("username"),
        notFound: call => "@" + call.Value("username") + " is not live now, or there is no such TikTok user");

    /// <summary>tiktokGetVideo: one video.</summary>
    public static ApiOperation Video { get; } = new("tiktokGetVideo", "/v1/tiktok/videos/{videoId}", ByVideo, ItemReader.Of<TikTokVideo>());

    /// <summary>tiktokGetVideoDownloadUrl: a short-lived address of the video's file.</summary>
    public static ApiOperation VideoDownload { get; } = new("tiktokGetVideoDownloadUrl", "/v1/tiktok/videos/{videoId}/download", ByVideo, ItemReader.Of<TikTokDownloadLink>());

    /// <summary>tiktokGetVideoComments: comments on a video.</summary>
    public static ApiOperation VideoComments { get; } = new(
        "tiktokGetVideoComments", "/v1/tiktok/videos/{videoId}/comments", ByVideo, ItemReader.Of<TikTokComment>(), new PageBounds(1, 50),
        (model, call) => ((TikTokComment)model).VideoId = call.Value("videoId"));

    /// <summary>tiktokGetCommentReplies: replies to one comment.</summary>
    public static ApiOperation CommentReplies { get; } = new(
        "tiktokGetCommentReplies",
        "/v1/tiktok/videos/{videoId}/comments/{commentId}/replies",
        new[] { OperationParameter.Path("videoId", TikTokIdentifiers.VideoId), OperationParameter.Path("commentId", TikTokIdentifiers.CommentId) },
        ItemReader.Of<TikTokComment>(),
        new PageBounds(1, 50),
        (model, call) =>
        {
            var reply = (TikTokComment)model;
            reply.VideoId = call.Value("videoId");
            reply.ParentCommentId = call.Value("commentId");
        });

    /// <summary>tiktokGetVideoTranscript: a video's transcript in one language, or as spoken (<c>original</c>).</summary>
    public static ApiOperation VideoTranscript { get; } = new(
        "tiktokGetVideoTranscript",
        "/v1/tiktok/videos/{videoId}/transcripts/{language}",
        new[] { OperationParameter.Path("videoId", TikTokIdentifiers.VideoId), OperationParameter.Path("language", TikTokIdentifiers.TranscriptLanguage) },
        ItemReader.Of<TikTokTranscript>(),
        annotate: (model, call) =>
        {
            var transcript = (TikTokTranscript)model;
            transcript.VideoId = call.Value("videoId");
            foreach (var cue in WebVtt.ReadCues(transcript.WebVtt))
            {
                transcript.Cues.Add(cue);
            }
        },
        notFound: call => "Video " + call.Value("videoId") + " has no " + call.Value("language") + " transcript, or there is no such video");

    /// <summary>tiktokGetTagVideos: videos with a hashtag.</summary>
    public static ApiOperation TagVideos { get; } = new(
        "tiktokGetTagVideos", "/v1/tiktok/tags/{tagName}", new[] { OperationParameter.Path("tagName", TikTokIdentifiers.Tag) }, ItemReader.Of<TikTokVideo>(), new PageBounds(1, 30));

    /// <summary>tiktokGetCollectionVideos: the videos of a collection.</summary>
    public static ApiOperation CollectionVideos { get; } = new(
        "tiktokGetCollectionVideos", "/v1/tiktok/collections/{collectionId}", new[] { OperationParameter.Path("collectionId", TikTokIdentifiers.CollectionId) }, ItemReader.Of<TikTokVideo>(), new PageBounds(1, 35));

    /// <summary>tiktokGetAudio: one sound.</summary>
    public static ApiOperation Audio { get; } = new(
        "tiktokGetAudio", "/v1/tiktok/audios/{audioId}", new[] { OperationParameter.Path("audioId", TikTokIdentifiers.AudioId) }, ItemReader.Of<TikTokAudio>());

    /// <summary>tiktokGetAudioVideos: videos that use a sound.</summary>
    public static ApiOperation AudioVideos { get; } = new(
        "tiktokGetAudioVideos", "/v1/tiktok/audios/{audioId}/videos", new[] { OperationParameter.Path("audioId", TikTokIdentifiers.AudioId) }, ItemReader.Of<TikTokVideo>(), new PageBounds(1, 30));

    /// <summary>tiktokSearchContent: videos and accounts, mixed as the API ranks them.</summary>
    public static ApiOperation SearchContent { get; } = new(
        "tiktokSearchContent",
        "/v1/tiktok/search",
        ByQuery,
        ItemReader.Mixed(new Dictionary<string, ItemReader>
        {
            ["Video"] = ItemReader.Of<TikTokVideo>(),
            ["Person"] = ItemReader.Of<TikTokUserSummary>(),
            ["Organization"] = ItemReader.Of<TikTokUserSummary>(),
        }),
        new PageBounds(1, 100));

    /// <summary>tiktokSearchUsers: accounts matching a text (the platform fixes pages at 10).</summary>
    public static ApiOperation SearchUsers { get; } = new("tiktokSearchUsers", "/v1/tiktok/search/users", ByQuery, ItemReader.Of<TikTokUserSummary>(), new PageBounds(10, 10));

    /// <summary>tiktokSearchVideos: videos matching a text.</summary>
    public static ApiOperation SearchVideos { get; } = new("tiktokSearchVideos", "/v1/tiktok/search/videos", ByQuery, ItemReader.Of<TikTokVideo>(), new PageBounds(1, 100));

    /// <summary>Every TikTok operation, for tests and documentation.</summary>
    public static IReadOnlyList<ApiOperation> All { get; } = new[]
    {
        User, UserVideos, UserLikes, UserReposts, UserCollections, UserStories, UserFollowing, UserFollowers, UserLive,
        Video, VideoDownload, VideoComments, CommentReplies, VideoTranscript, TagVideos, CollectionVideos, Audio, AudioVideos,
        SearchContent, SearchUsers, SearchVideos,
    };
}
