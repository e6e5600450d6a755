namespace KonbiniApi.Tests;

/// <summary>TikTok's rows of the operation table.</summary>
internal static partial class OperationRows
{
    public static readonly (string Operation, string[] Values, string Path)[] TikTok =
    [
        ("tiktokGetUser", ["@Khaby.Lame"], "/v1/tiktok/users/Khaby.Lame"),
        ("tiktokGetUserVideos", ["khaby.lame"], "/v1/tiktok/users/khaby.lame/videos"),
        ("tiktokGetUserLikes", ["khaby.lame"], "/v1/tiktok/users/khaby.lame/likes"),
        ("tiktokGetUserReposts", ["khaby.lame"], "/v1/tiktok/users/khaby.lame/reposts"),
        ("tiktokGetUserCollections", ["khaby.lame"], "/v1/tiktok/users/khaby.lame/collections"),
        ("tiktokGetUserStories", ["khaby.lame"], "/v1/tiktok/users/khaby.lame/stories"),
        ("tiktokGetUserFollowing", ["https://www.tiktok.com/@khaby.lame?lang=en"], "/v1/tiktok/users/khaby.lame/following"),
        ("tiktokGetUserFollowers", ["khaby.lame"], "/v1/tiktok/users/khaby.lame/followers"),
        ("tiktokGetUserLive", ["khaby.lame"], "/v1/tiktok/users/khaby.lame/live"),
        ("tiktokGetVideo", ["https://www.tiktok.com/@khaby.lame/video/7611615657754381599?is_from_webapp=1"], "/v1/tiktok/videos/7611615657754381599"),
        ("tiktokGetVideoDownloadUrl", ["7611615657754381599"], "/v1/tiktok/videos/7611615657754381599/download"),
        ("tiktokGetVideoComments", ["7611615657754381599"], "/v1/tiktok/videos/7611615657754381599/comments"),
        ("tiktokGetCommentReplies", ["7611615657754381599", "7611616052479869736"], "/v1/tiktok/videos/7611615657754381599/comments/7611616052479869736/replies"),
        ("tiktokGetVideoTranscript", ["7611615657754381599", "EN-us"], "/v1/tiktok/videos/7611615657754381599/transcripts/en-US"),
        ("tiktokGetTagVideos", ["#LearnFromKhaby"], "/v1/tiktok/tags/LearnFromKhaby"),
        ("tiktokGetCollectionVideos", ["https://www.tiktok.com/@khaby.lame/collection/best-of-6966746276732559110"], "/v1/tiktok/collections/6966746276732559110"),
        ("tiktokGetAudio", ["https://www.tiktok.com/music/original-sound-6931290927570946049"], "/v1/tiktok/audios/6931290927570946049"),
        ("tiktokGetAudioVideos", ["6931290927570946049"], "/v1/tiktok/audios/6931290927570946049/videos"),
        ("tiktokSearchContent", ["khaby lame & co"], "/v1/tiktok/search?query=khaby%20lame%20%26%20co"),
        ("tiktokSearchUsers", ["khaby"], "/v1/tiktok/search/users?query=khaby"),
        ("tiktokSearchVideos", ["日本 料理"], "/v1/tiktok/search/videos?query=%E6%97%A5%E6%9C%AC%20%E6%96%99%E7%90%86"),
    ];
}
