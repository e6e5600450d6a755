using System;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

/// <summary>What a route answered: a status, a body and whether the reserved credit is kept.</summary>
internal sealed class RouteResult(int status, ReadOnlyMemory<byte> body, bool charge, IDisposable? owner = null) : IDisposable
{
    public int Status { get; } = status;

    public ReadOnlyMemory<byte> Body { get; } = body;

    public bool Charge { get; } = charge;

    public static RouteResult Error(ApiError error, bool charge) => new(error.Status, error.Body, charge);

    public void Dispose() => owner?.Dispose();
}

/// <summary>One validated request to a TikTok route.</summary>
internal sealed class TikTokCall : IRouteCall, IPagedCall
{
    public required TikTokRouteSpec Spec { get; init; }

    /// <summary>The path parameters after validation: lower-cased usernames and tags, IDs as sent.</summary>
    public required string[] Values { get; init; }

    public required string BaseUrl { get; init; }

    /// <summary>The reserved behaviour of the user, tag or query the request is about.</summary>
    public Scenario Subject { get; init; }

    /// <summary>What <c>emu.retry.N.*</c> counts attempts against (null when retry scenarios cannot apply).</summary>
    public string? RetryKey { get; init; }

    public ApiError NotFound { get; init; } = ApiErrors.NotFound;

    public ApiError Rejected { get; init; } = ApiErrors.RejectedUsername;

    public int Count { get; init; }

    public ListPosition Position { get; init; } = ListPosition.Start;

    public string CursorText { get; init; } = ListCursor.StartText;

    /// <summary>0 keeps the underlying order, 1 reverses it, 2 shuffles it.</summary>
    public int Order { get; init; }

    public string? OrderText { get; init; }

    public string? Published { get; init; }

    /// <summary>The search query as sent (trimmed) and its lower-cased form for scenarios and seeds.</summary>
    public string? Query { get; init; }

    public string? QueryKey { get; init; }

    public string Identity { get; init; } = string.Empty;

    public string PartOf { get; init; } = string.Empty;

    public string? PageKey { get; init; }

    public RouteResult Execute(EmulatorState state) => TikTokRoutes.Execute(this, state);
}

internal static class TikTokRoutes
{
    private const int MaxTagLength = 100;

    /// <param name="rawTarget">The target as sent, which with <paramref name="baseUrl"/> keys a kept page.</param>
    public static ApiError? Prepare(TikTokRouteMatch match, QueryString query, string baseUrl, string rawTarget, out TikTokCall? call)
    {
        call = null;
        var spec = match.Spec;
        var values = new string[match.Parameters.Length];
        var templateIndex = 0;
        for (var i = 0; i < values.Length; i++)
        {
            while (spec.Template[templateIndex] != "{}")
            {
                templateIndex++;
            }

            var owner = spec.Template[templateIndex - 1];
            var raw = match.Parameters[i];
            templateIndex++;
            string? value = owner switch
            {
                "users" => ReservedNames.NormalizeUsername(raw),
                "tags" => NormalizeTag(raw),
                "transcripts" => Array.IndexOf(TikTokRouteTable.TranscriptLanguages, raw) >= 0 ? raw : null,
                _ => PathValues.IsId(raw) ? raw : null,
            };
            if (value is null)
            {
                return owner switch
                {
                    "users" => ApiErrors.InvalidUsername,
                    "tags" => ApiErrors.InvalidTag,
                    "transcripts" => ApiErrors.InvalidLanguage,
                    "comments" => ApiErrors.InvalidId("comment"),
                    "collections" => ApiErrors.InvalidId("collection"),
                    "audios" => ApiErrors.InvalidId("audio"),
                    _ => ApiErrors.InvalidId("video"),
                };
            }

            values[i] = value;
        }

        string? searchText = null;
        string? searchKey = null;
        if (spec.Searches)
        {
            searchText = query["query"]?.Trim();
            if (string.IsNullOrEmpty(searchText))
            {
                return ApiErrors.MissingQuery;
            }

            searchKey = searchText.ToLowerInvariant();
        }

        var count = 0;
        if (spec.Count is { } bounds)
        {
            var countText = query["count"];
            count = bounds.Default;
            if (countText is not null
                && (!int.TryParse(countText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count) || count < bounds.Min || count > bounds.Max))
            {
                return ApiErrors.BadCount(bounds);
            }
        }

        var orderText = query["order"];
        var order = 0;
        if (spec.Orders is { } orders && orderText is not null)
        {
            order = Array.IndexOf(orders, orderText);
            if (order < 0)
            {
                return ApiErrors.BadEnum("order", orders);
            }

            // Both enums list the natural order first, a popularity order second and a time order third:
            // the first keeps the sequence, the second shuffles it, the third reverses it.
            order = order switch { 1 => 2, 2 => 1, _ => 0 };
        }

        var published = spec.Searches && spec.Kind != TikTokRouteKind.SearchUsers ? query["published"] : null;
        if (published is not null && Array.IndexOf(TikTokRouteTable.SearchPeriods, published) < 0)
        {
            return ApiErrors.BadEnum("published", TikTokRouteTable.SearchPeriods);
        }

        if (spec.Kind == TikTokRouteKind.VideoDownload && query["url"] is { } hint
            && !(Uri.TryCreate(hint, UriKind.Absolute, out var hintUri) && (hintUri.Scheme == Uri.UriSchemeHttps || hintUri.Scheme == Uri.UriSchemeHttp)))
        {
            return ApiErrors.BadDownloadHint;
        }

        var partOf = baseUrl + CanonicalPath(spec, values);
        var identity = string.Join('|', spec.StatsName, string.Join('|', values), searchKey ?? string.Empty, published ?? string.Empty);
        var cursorText = ListCursor.StartText;
        var position = ListPosition.Start;
        if (spec.IsList)
        {
            var sent = query["cursor"];
            if (!ListCursor.TryDecode(identity, sent, out position))
            {
                return ApiErrors.BadCursor;
            }

            cursorText = string.IsNullOrEmpty(sent) ? ListCursor.StartText : sent;
        }

        var (subject, retryKey, notFound, rejected) = SubjectOf(spec, values, searchKey);
        call = new TikTokCall
        {
            Spec = spec,
            Values = values,
            BaseUrl = baseUrl,
            Subject = subject,
            RetryKey = retryKey,
            NotFound = notFound,
            Rejected = rejected,
            Count = count,
            Position = position,
            CursorText = cursorText,
            Order = order,
            OrderText = orderText,
            Published = published,
            Query = searchText,
            QueryKey = searchKey,
            Identity = identity,
            PartOf = partOf,
            // TikTok pages are pure functions of what was asked and where (no route reads emulator state), so
            // the same target at the same address may be answered with the page rendered for it before.
            PageKey = spec.IsList ? baseUrl + rawTarget : null,
        };
        return null;
    }

    /// <summary>The cursor the list at <paramref name="rawTarget"/> would issue for a position, so a test
    /// can jump deep into a long list without walking it.</summary>
    internal static string CursorFor(string rawTarget, ListPosition position)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var match = TikTokRouteTable.Match(HttpMethods.Get, query < 0 ? rawTarget : rawTarget[..query])
            ?? throw new ArgumentException("Not a route.", nameof(rawTarget));
        if (Prepare(match, QueryString.Parse(rawTarget), "http://localhost", rawTarget, out var call) is { } error)
        {
            throw new ArgumentException(error.Message, nameof(rawTarget));
        }

        return ListCursor.Encode(call!.Identity, position);
    }

    private static (Scenario Subject, string? RetryKey, ApiError NotFound, ApiError Rejected) SubjectOf(TikTokRouteSpec spec, string[] values, string? searchKey)
    {
        if (spec.Searches)
        {
            return (ReservedNames.Resolve(searchKey!), "search:" + searchKey, ApiErrors.NoResults, ApiErrors.RejectedQuery);
        }

        switch (spec.Template[0])
        {
            case "users":
                return (ReservedNames.Resolve(values[0]), values[0], ApiErrors.NotFound, ApiErrors.RejectedUsername);
            case "tags":
                return (ReservedNames.ResolveTag(values[0]), "tag:" + values[0], ApiErrors.TagNotFound, ApiErrors.RejectedTag);
        }

        // Numeric IDs: only "9906" changes the subject; the other codes shape lists, transcripts and downloads.
        var notFound = spec.Template[0] switch
        {
            "collections" => ApiErrors.ItemNotFound("Collection"),
            "audios" => ApiErrors.ItemNotFound("Audio"),
            _ => ApiErrors.ItemNotFound("Video"),
        };
        if (IdScenario.Parse(values[0]).Kind == IdScenarioKind.NotFound)
        {
            return (new Scenario(ScenarioKind.NotFound), null, notFound, ApiErrors.RejectedUsername);
        }

        if (values.Length > 1 && spec.Kind == TikTokRouteKind.CommentReplies && IdScenario.Parse(values[1]).Kind == IdScenarioKind.NotFound)
        {
            return (new Scenario(ScenarioKind.NotFound), null, ApiErrors.ItemNotFound("Comment"), ApiErrors.RejectedUsername);
        }

        return (new Scenario(ScenarioKind.Generated), null, notFound, ApiErrors.RejectedUsername);
    }

    private static string CanonicalPath(TikTokRouteSpec spec, string[] values)
    {
        var path = new System.Text.StringBuilder("/v1/tiktok");
        var next = 0;
        foreach (var segment in spec.Template)
        {
            path.Append('/').Append(segment == "{}" ? Uri.EscapeDataString(values[next++]) : segment);
        }

        return path.ToString();
    }

    public static RouteResult Execute(TikTokCall call, EmulatorState state)
    {
        var values = call.Values;
        switch (call.Spec.Kind)
        {
            case TikTokRouteKind.User:
                return Ok(ApiHandler.RenderPerson(values[0], call.Subject.Kind));
            case TikTokRouteKind.UserLive:
                {
                    // The profile's isLive decides, so the two routes agree: the live names always are, and so
                    // are the few generated profiles that say they are.
                    var streamer = Profiles.For(values[0]);
                    return streamer.Profile.IsLive
                        ? PageWriter.Single(writer => TikTokJson.WriteLive(writer, streamer))
                        : RouteResult.Error(ApiErrors.NotLive, charge: true);
                }

            case TikTokRouteKind.Video:
                {
                    var (video, author) = VideoWithAuthor(values[0]);
                    return PageWriter.Single(writer => TikTokJson.WriteVideo(writer, video, author, withContext: true));
                }

            case TikTokRouteKind.VideoDownload:
                {
                    var issue = state.IssueDownload(values[0]);
                    var url = $"{call.BaseUrl}{CdnHandler.Prefix}{CdnTokens.Issue(values[0], issue)}.mp4";
                    return PageWriter.Single(writer => TikTokJson.WriteDownload(writer, url));
                }

            case TikTokRouteKind.VideoTranscript:
                {
                    if (IdScenario.Parse(values[0]).Kind == IdScenarioKind.NoTranscript)
                    {
                        return RouteResult.Error(ApiErrors.NoTranscript, charge: true);
                    }

                    var (video, _) = VideoWithAuthor(values[0]);
                    return PageWriter.Single(writer => TikTokJson.WriteTranscript(writer, video, values[1]));
                }

            case TikTokRouteKind.Audio:
                {
                    var audio = TikTokContent.Audio(values[0]);
                    var author = audio.AuthorName is { } name ? Profiles.For(name) : null;
                    return PageWriter.Single(writer => TikTokJson.WriteAudio(writer, audio, author, withContext: true));
                }

            default:
                return ExecuteList(call);
        }
    }

    private static (VideoModel Video, Author Author) VideoWithAuthor(string id)
    {
        var author = Profiles.For(AuthoredId.AuthorOf(id, AuthoredId.VideoType, AuthoredId.StoryType));
        return (TikTokContent.Video(id, author.Name), author);
    }

    private static RouteResult ExecuteList(TikTokCall call)
    {
        var values = call.Values;
        var subject = call.Subject;
        switch (call.Spec.Kind)
        {
            case TikTokRouteKind.UserVideos:
                {
                    var author = Profiles.For(values[0]);
                    return Page(call, ListPlan.From(subject, author.Profile.MediaCount), subject.Kind == ScenarioKind.ItemBroken
                        ? (writer, index) => WriteOwnVideoBrokenAt(writer, author, index)
                        : (writer, index) => WriteOwnVideo(writer, author, index));
                }

            case TikTokRouteKind.UserLikes:
                {
                    var profile = Profiles.For(values[0]).Profile;
                    var natural = profile.LikedCount ?? TikTokContent.NaturalLength("likes", values[0], 2_000);
                    return Page(call, ListPlan.From(subject, natural), OtherVideos("likes:" + values[0]));
                }

            case TikTokRouteKind.UserReposts:
                return Page(call, ListPlan.From(subject, TikTokContent.NaturalLength("reposts", values[0], 400)), OtherVideos("reposts:" + values[0]));
            case TikTokRouteKind.UserCollections:
                {
                    var author = Profiles.For(values[0]);
                    var natural = author.Profile.HasPlaylists == false ? 0 : TikTokContent.NaturalLength("collections", values[0], 24);
                    return Page(call, ListPlan.From(subject, natural), (writer, index) =>
                        TikTokJson.WriteCollection(writer, AuthoredId.For(AuthoredId.CollectionType, author.Code, index).Text, author));
                }

            case TikTokRouteKind.UserStories:
                {
                    var author = Profiles.For(values[0]);
                    return Page(call, ListPlan.From(subject, TikTokContent.NaturalLength("stories", values[0], 5)), (writer, index) =>
                        TikTokJson.WriteStory(writer, AuthoredId.For(AuthoredId.StoryType, author.Code, index).Text, author, index));
                }

            case TikTokRouteKind.UserFollowing:
            case TikTokRouteKind.UserFollowers:
                {
                    var profile = Profiles.For(values[0]).Profile;
                    var following = call.Spec.Kind == TikTokRouteKind.UserFollowing;
                    var people = PersonKeys((following ? "following:" : "followers:") + values[0]);
                    return Page(call, ListPlan.From(subject, following ? profile.FollowingCount : profile.FollowerCount), (writer, index) =>
                        writer.WriteRawValue(Profiles.For(GeneratedPerson(StableRandom.Extend(people, index))).Embedded, skipInputValidation: true));
                }

            case TikTokRouteKind.VideoComments:
                {
                    var (video, _) = VideoWithAuthor(values[0]);
                    return Page(call, IdScenario.Parse(values[0]).Plan(video.CommentCount), (writer, index) =>
                    {
                        var comment = TikTokContent.Comment(video, index);
                        TikTokJson.WriteComment(writer, comment, Profiles.For(comment.AuthorName));
                    });
                }

            case TikTokRouteKind.CommentReplies:
                {
                    var (video, _) = VideoWithAuthor(values[0]);
                    var parentUrl = video.Url + "/comment/" + values[1];
                    return Page(call, IdScenario.Parse(values[1]).Plan(TikTokContent.ReplyTotal(video, values[1])), (writer, index) =>
                    {
                        var reply = TikTokContent.Reply(video, values[1], parentUrl, index);
                        TikTokJson.WriteComment(writer, reply, Profiles.For(reply.AuthorName));
                    });
                }

            case TikTokRouteKind.Tag:
                return Page(call, ListPlan.From(subject, TikTokContent.NaturalLength("tag", values[0], 2_000_000)), OtherVideos("tag:" + values[0]));
            case TikTokRouteKind.Collection:
                {
                    var owner = Profiles.For(AuthoredId.AuthorOf(values[0], AuthoredId.CollectionType));
                    var media = owner.Profile.MediaCount;
                    var start = media == 0 ? 0 : (long)(StableRandom.Hash("collection-start:" + values[0]) % (ulong)media);
                    return Page(call, IdScenario.Parse(values[0]).Plan(TikTokContent.CollectionLength(values[0], owner.Profile)), (writer, index) =>
                        WriteOwnVideo(writer, owner, media == 0 ? index : (start + index) % media));
                }

            case TikTokRouteKind.AudioVideos:
                {
                    var audio = TikTokContent.Audio(values[0]);
                    var others = OtherVideos("audio:" + values[0]);
                    return Page(call, IdScenario.Parse(values[0]).Plan(audio.VideoCount), (writer, index) =>
                    {
                        if (index == 0 && audio.OriginalVideoId is { } original)
                        {
                            var author = Profiles.For(audio.AuthorName!);
                            RenderedVideos.Write(writer, original, author);
                        }
                        else
                        {
                            others(writer, index);
                        }
                    });
                }

            default:
                return ExecuteSearch(call);
        }
    }

    private static RouteResult ExecuteSearch(TikTokCall call)
    {
        var seed = $"search:{call.Spec.Kind}:{call.QueryKey}:{call.Published}";
        var natural = 50 + (long)(StableRandom.Hash(seed) % 451);
        var plan = ListPlan.From(call.Subject, natural);
        // A generated search does not know its size up front, as on the service; scripted ones say theirs.
        var totalKnown = call.Subject.Kind is ScenarioKind.ListExact or ScenarioKind.PageRepeat or ScenarioKind.PageHole
            or ScenarioKind.PageHollow or ScenarioKind.PageFail;
        var kinds = StableRandom.Hash("kind:" + seed + ":");
        var people = PersonKeys(seed);
        var videos = OtherVideos(seed);
        return Page(call, plan, (writer, index) =>
        {
            var person = call.Spec.Kind == TikTokRouteKind.SearchUsers
                || (call.Spec.Kind == TikTokRouteKind.Search && StableRandom.Extend(kinds, index) % 5 == 0);
            if (person)
            {
                writer.WriteRawValue(Profiles.For(GeneratedPerson(StableRandom.Extend(people, index))).Embedded, skipInputValidation: true);
            }
            else
            {
                videos(writer, index);
            }
        }, totalKnown);
    }

    private static void WriteOwnVideo(Utf8JsonWriter writer, Author author, long index) =>
        RenderedVideos.Write(writer, OwnVideoId(author, index), author);

    /// <summary>The ID of the video at <paramref name="index"/> of <paramref name="author"/>'s own list.</summary>
    private static string OwnVideoId(Author author, long index) => AuthoredId.For(AuthoredId.VideoType, author.Code, index).Text;

    /// <summary><c>emu.item.broken</c>'s own videos: the third item states its <c>viewCount</c> as a string, as a
    /// service that changed a member's type would; every other item is as for any user.</summary>
    private static void WriteOwnVideoBrokenAt(Utf8JsonWriter writer, Author author, long index)
    {
        if (index != BrokenItemIndex)
        {
            WriteOwnVideo(writer, author, index);
            return;
        }

        var video = TikTokContent.Video(OwnVideoId(author, index), author.Name);
        var json = System.Text.Encoding.UTF8.GetString(TikTokJson.VideoItem(video, author));
        var broken = new System.Text.RegularExpressions.Regex("\"viewCount\":([0-9]+)").Replace(json, "\"viewCount\":\"$1\"", 1);
        writer.WriteRawValue(broken, skipInputValidation: true);
    }

    /// <summary>Where <c>emu.item.broken</c>'s video list holds its broken item (from 0).</summary>
    internal const long BrokenItemIndex = 2;

    /// <summary>Writes the item at each index of a list of videos by others (likes, reposts, a tag, a sound,
    /// a search) named <paramref name="list"/>; the item at index i is drawn from the hash of
    /// <c>other:{list}:{i}</c>, whose prefix is hashed once per page.</summary>
    private static Action<Utf8JsonWriter, long> OtherVideos(string list)
    {
        var prefix = StableRandom.Hash("other:" + list + ":");
        return (writer, index) => WriteOtherVideo(writer, StableRandom.Extend(prefix, index));
    }

    /// <summary>The hash prefix of the people listed as <paramref name="list"/>: the person at index i is drawn
    /// from the hash of <c>person:{list}:{i}</c>.</summary>
    private static ulong PersonKeys(string list) => StableRandom.Hash("person:" + list + ":");

    /// <summary>A video by someone else: a generated author, one of whose own videos it is, so GET /videos/{id}
    /// and GET /users/{author} agree with the list.</summary>
    private static void WriteOtherVideo(Utf8JsonWriter writer, ulong hash)
    {
        var author = Profiles.For(Authors.GeneratedName((long)(hash % AuthorCode.PayloadLimit)));
        var media = Math.Max(1, author.Profile.MediaCount);
        var index = (long)(hash / AuthorCode.PayloadLimit % (ulong)media);
        WriteOwnVideo(writer, author, index);
    }

    private static string GeneratedPerson(ulong hash) => Authors.GeneratedName((long)(hash % AuthorCode.PayloadLimit));

    private static RouteResult Ok(byte[] body) => new(StatusCodes.Status200OK, body, charge: true);

    /// <summary>A TikTok page: its next link repeats the query, count, order and published filter, and
    /// the requested order maps list positions onto the underlying sequence.</summary>
    private static RouteResult Page(TikTokCall call, ListPlan plan, Action<Utf8JsonWriter, long> writeItem, bool totalKnown = true)
    {
        var order = ListOrder.Create(call.Order, plan.Mode == ListMode.Exact ? plan.Total : 0, StableRandom.Hash("order:" + call.Identity));
        var link = new NextLink(call.Query, Order: call.OrderText, Published: call.Published);
        return PageWriter.Page(call, plan, new PageStyle(link, totalKnown, Order: order), writeItem);
    }

    /// <summary>Tags are letters (any script), digits and '_', compared lower-cased.</summary>
    private static string? NormalizeTag(string text) =>
        PathValues.IsWord(text, MaxTagLength, c => char.IsLetterOrDigit(c) || c == '_') ? text.ToLowerInvariant() : null;
}
