using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>What a route's subject is, which decides how its reserved scenarios are spelled.</summary>
internal enum SubjectKind
{
    User,
    Tag,
    Query,
    Id,
}

/// <summary>One row per TikTok route: how to address it, its subject, its paging bounds and enums, and the
/// checker for its answer. The route tests below iterate this table instead of repeating themselves.</summary>
internal sealed record RouteRow(
    string Name,
    string Stats,
    SubjectKind Subject,
    string Ordinary,
    Func<string, string> Target,
    Action<JsonElement, string, List<string>> Item,
    int Min = 0,
    int Max = 0,
    int Default = 0,
    string[]? Orders = null,
    bool Published = false)
{
    public const string Video = "7000000000000000005";

    public bool IsList => Max > 0;

    /// <summary>A target with more query members appended.</summary>
    public string With(string subject, string query) => Api.WithQuery(Target(subject), query);

    /// <summary>The spelling of a reserved scenario for this route's subject.</summary>
    /// <param name="scenario">list, empty, repeat, hole, hollow, fail or notfound.</param>
    public string Reserved(string scenario, long number = 0) => Subject == SubjectKind.Id
        ? ReservedSpelling.Id(scenario, number)
        : ReservedSpelling.Name(scenario, number, Subject == SubjectKind.Tag ? '_' : '.');

    public override string ToString() => Name;
}

internal static class RouteTable
{
    private static readonly string[] VideoOrders = ["newest", "popular", "oldest"];
    private static readonly string[] SearchOrders = ["relevance", "most-liked", "date-posted"];

    public static readonly RouteRow[] All =
    [
        new("user", "tiktok.users", SubjectKind.User, "khaby.lame", s => $"/v1/tiktok/users/{s}", (_, _, _) => { }),
        new("user videos", "tiktok.users.videos", SubjectKind.User, "khaby.lame", s => $"/v1/tiktok/users/{s}/videos", TikTokSchemas.Video, 1, 35, 35, VideoOrders),
        new("user likes", "tiktok.users.likes", SubjectKind.User, "khaby.lame", s => $"/v1/tiktok/users/{s}/likes", TikTokSchemas.Video, 1, 35, 35),
        new("user reposts", "tiktok.users.reposts", SubjectKind.User, "khaby.lame", s => $"/v1/tiktok/users/{s}/reposts", TikTokSchemas.Video, 1, 30, 30, VideoOrders),
        new("user collections", "tiktok.users.collections", SubjectKind.User, "demo.creator", s => $"/v1/tiktok/users/{s}/collections", TikTokSchemas.Collection, 1, 30, 30),
        new("user stories", "tiktok.users.stories", SubjectKind.User, "khaby.lame", s => $"/v1/tiktok/users/{s}/stories", TikTokSchemas.Story, 1, 35, 4),
        new("user following", "tiktok.users.following", SubjectKind.User, "khaby.lame", s => $"/v1/tiktok/users/{s}/following", TikTokSchemas.Person, 1, 30, 30),
        new("user followers", "tiktok.users.followers", SubjectKind.User, "khaby.lame", s => $"/v1/tiktok/users/{s}/followers", TikTokSchemas.Person, 1, 30, 30),
        new("user live", "tiktok.users.live", SubjectKind.User, "emu.live", s => $"/v1/tiktok/users/{s}/live", TikTokSchemas.Live),
        new("video", "tiktok.videos", SubjectKind.Id, RouteRow.Video, s => $"/v1/tiktok/videos/{s}", TikTokSchemas.Video),
        new("video download", "tiktok.videos.download", SubjectKind.Id, RouteRow.Video, s => $"/v1/tiktok/videos/{s}/download", TikTokSchemas.DownloadUrl),
        new("video comments", "tiktok.videos.comments", SubjectKind.Id, RouteRow.Video, s => $"/v1/tiktok/videos/{s}/comments", TikTokSchemas.Comment, 1, 50, 20),
        new("comment replies", "tiktok.videos.comments.replies", SubjectKind.Id, CommentWithReplies(), s => $"/v1/tiktok/videos/{RouteRow.Video}/comments/{s}/replies", TikTokSchemas.Comment, 1, 50, 50),
        new("video transcript", "tiktok.videos.transcripts", SubjectKind.Id, RouteRow.Video, s => $"/v1/tiktok/videos/{s}/transcripts/en-US", TikTokSchemas.Transcript),
        new("tag", "tiktok.tags", SubjectKind.Tag, "learnfromkhaby", s => $"/v1/tiktok/tags/{s}", TikTokSchemas.Video, 1, 30, 30),
        new("collection", "tiktok.collections", SubjectKind.Id, "5000000000300000001", s => $"/v1/tiktok/collections/{s}", TikTokSchemas.Video, 1, 35, 20),
        new("audio", "tiktok.audios", SubjectKind.Id, "6000000000000000005", s => $"/v1/tiktok/audios/{s}", TikTokSchemas.Audio),
        new("audio videos", "tiktok.audios.videos", SubjectKind.Id, "6000000000000000005", s => $"/v1/tiktok/audios/{s}/videos", TikTokSchemas.Video, 1, 30, 30),
        new("search", "tiktok.search", SubjectKind.Query, "khaby lame", s => $"/v1/tiktok/search?query={Uri.EscapeDataString(s)}", TikTokSchemas.SearchItem, 1, 100, 50, SearchOrders, true),
        new("search users", "tiktok.search.users", SubjectKind.Query, "khaby", s => $"/v1/tiktok/search/users?query={Uri.EscapeDataString(s)}", TikTokSchemas.Person, 10, 10, 10),
        new("search videos", "tiktok.search.videos", SubjectKind.Query, "cats", s => $"/v1/tiktok/search/videos?query={Uri.EscapeDataString(s)}", TikTokSchemas.Video, 1, 100, 50, SearchOrders, true),
    ];

    /// <summary>A comment the emulator lists under <see cref="RouteRow.Video"/> that has replies.</summary>
    public static string CommentWithReplies()
    {
        var video = TikTokContent.Video(RouteRow.Video, AuthoredId.AuthorOf(RouteRow.Video, AuthoredId.VideoType));
        var index = Enumerable.Range(0, 50).First(i => TikTokContent.Comment(video, i).ReplyCount > 3);
        return TikTokContent.Comment(video, index).Id;
    }

    public static RouteRow Get(string name) => All.Single(row => row.Name == name);

    public static TheoryData<string> Names(Func<RouteRow, bool> filter) =>
        TheoryRows.Names(All.Where(filter), row => row.Name);

    public static TheoryData<string> Every => Names(_ => true);

    public static TheoryData<string> Lists => Names(row => row.IsList);

    public static TheoryData<string> Ordered => Names(row => row.Orders is not null);

    /// <summary>Routes with a user subject, where emu.* names apply.</summary>
    public static TheoryData<string> OfUsers => Names(row => row.Subject == SubjectKind.User);

    public static IReadOnlyList<string> Problems(RouteRow row, JsonElement body) => row.Name switch
    {
        "user" => TikTokUserSchema.Problems(body),
        _ when row.IsList => TikTokSchemas.Page(body, row.Item),
        _ => TikTokSchemas.Single(body, row.Item),
    };
}
