using System;
using System.Globalization;

namespace KonbiniApi.Emulator;

internal sealed record RedditSubredditModel(
    string Name, string Id, string Title, string Summary, string Description, string Guidelines, DateTimeOffset Created,
    bool IsAdult, string Category, long Members, long PostCount, long CommentCount, int StickyCount, int RuleCount, bool Minimal)
{
    public string Url => "https://www.reddit.com/r/" + Name + "/";
}

internal sealed record RedditUserModel(
    string Name, string Id, string DisplayName, string Bio, DateTimeOffset Created, bool IsVerified, bool IsEmployee, bool IsMod,
    bool IsPremium, long PostKarma, long CommentKarma, long AwarderKarma, long AwardeeKarma, long PostCount, long CommentCount, bool Minimal)
{
    public string Url => "https://www.reddit.com/user/" + Name + "/";
}

internal sealed record RedditPostModel(
    string Id, string Subreddit, string Author, string Title, string? Text, DateTimeOffset Published, long Likes, long Score,
    long CommentCount, long CrosspostCount, bool IsPinned, bool IsEdited, bool IsLocked, bool IsOriginal, bool IsSpoiler,
    int Media, string? Flair)
{
    public string Url => "https://www.reddit.com/r/" + Subreddit + "/comments/" + Id + "/" + Slug + "/";

    private string Slug
    {
        get
        {
            // Reddit's slugs keep letters and digits and join the words with '_'.
            var slug = new System.Text.StringBuilder(Title.Length);
            foreach (var c in Title.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    slug.Append(c);
                }
                else if (slug.Length > 0 && slug[^1] != '_')
                {
                    slug.Append('_');
                }
            }

            var text = slug.ToString().TrimEnd('_');
            return text.Length > 40 ? text[..40] : text;
        }
    }
}

internal sealed record RedditCommentModel(
    string Id, RedditPostModel Post, string Author, string Text, DateTimeOffset Published, long Likes, long Score, long ReplyCount,
    string InReplyTo, bool IsPinned, bool WithImage)
{
    public string Url => Post.Url + Id + "/";
}

/// <summary>
/// Reddit's content, generated from identifiers alone: the same subreddit, user, post or comment whichever
/// route asks, so a post in a listing is the post by ID and in a batch, and a post's comment count is the
/// length of its comment list.
/// </summary>
internal static class RedditContent
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Topics =
    [
        "Launch day", "What is your favourite tool", "I built a tiny compiler", "Weekly discussion thread", "Today I learned something odd",
        "Finally finished my project", "Is this normal", "Ask me anything", "A question about performance", "Show and tell",
        "Best advice you ever got", "My cat found the keyboard", "Release notes", "Unpopular opinion", "Help wanted",
    ];

    private static readonly string[] Categories = ["Technology", "Gaming", "Science", "Entertainment", "News", "Animals", "Learning"];

    private static readonly string[] Flairs = ["Discussion", "Question", "News", "Meta", "Showcase"];

    private static readonly string[] Remarks =
    [
        "This is the way.", "Source?", "Came here to say this.", "Underrated comment.", "I tried this and it worked.",
        "Can confirm, same here.", "Thanks for sharing!", "This aged well.", "Wait, really?", "Take my upvote.",
    ];

    private static readonly string[] RuleTitles =
    [
        "Keep it civil", "Stay on topic", "No spam or self-promotion", "Use descriptive titles", "No reposts",
        "Flair your posts", "No personal information", "Follow Reddit's content policy",
    ];

    public static RedditSubredditModel Subreddit(string name)
    {
        var random = StableRandom.ForName("reddit.subreddit:" + name);
        var minimal = name == "emu_minimal";
        var created = Epoch.AddDays(-random.NextLong(30, 6_000)).AddSeconds(-random.NextLong(0, 86_399));
        return new RedditSubredditModel(
            name,
            RedditId.Subreddit(name),
            name,
            "A community about " + name.Replace('_', ' ') + ".",
            "r/" + name + " is a place to share and discuss everything about " + name.Replace('_', ' ') + ".",
            "Read the rules in the sidebar before posting.",
            created,
            random.Chance(0.05),
            random.Pick(Categories),
            random.NextLong(10, 40_000_000),
            random.NextLong(40, 3_000),
            random.NextLong(100, 5_000),
            random.Next(3),
            random.Next(RuleTitles.Length + 1),
            minimal);
    }

    public static RedditUserModel User(string name)
    {
        var random = StableRandom.ForName("reddit.user:" + name);
        var created = Epoch.AddDays(-random.NextLong(10, 7_000)).AddSeconds(-random.NextLong(0, 86_399));
        var postKarma = random.NextLong(0, 2_000_000);
        var commentKarma = random.NextLong(0, 2_000_000);
        return new RedditUserModel(
            name,
            RedditId.User(name),
            random.Chance(0.6) ? char.ToUpperInvariant(name[0]) + name[1..].Replace('_', ' ') : name,
            random.Chance(0.5) ? "Posting about " + random.Pick(Topics).ToLowerInvariant() + "." : string.Empty,
            created,
            random.Chance(0.7),
            name is "spez" or "kn0thing",
            random.Chance(0.2),
            random.Chance(0.1),
            postKarma,
            commentKarma,
            random.NextLong(0, 5_000),
            random.NextLong(0, 5_000),
            random.NextLong(0, 400),
            random.NextLong(0, 1_500),
            name == "emu_minimal");
    }

    /// <summary>Any post ID: one of ours names its subreddit or author; any other gets both from its hash.</summary>
    public static RedditPostModel Post(string id)
    {
        var parsed = RedditId.Parse(id);
        string subreddit;
        string author;
        switch (parsed.Kind)
        {
            case RedditIdKind.SubredditPost:
                subreddit = RedditNames.Decode(parsed.Owner);
                author = RedditNames.GeneratedFor("reddit.author:" + id);
                break;
            case RedditIdKind.UserPost:
                author = RedditNames.Decode(parsed.Owner);
                subreddit = RedditNames.Popular[(int)(StableRandom.Hash("reddit.where:" + id) % (ulong)RedditNames.Popular.Length)];
                break;
            default:
                subreddit = RedditNames.Popular[(int)(StableRandom.Hash("reddit.where:" + id) % (ulong)RedditNames.Popular.Length)];
                author = RedditNames.GeneratedFor("reddit.author:" + id);
                break;
        }

        var random = StableRandom.ForName("reddit.post:" + id);
        var published = Epoch.AddMinutes(-(parsed.Index * 37) - random.NextLong(0, 36));
        var likes = random.NextLong(1, 90_000);
        var hasText = random.Chance(0.6);
        var pinned = parsed.Kind == RedditIdKind.SubredditPost && parsed.Index < Subreddit(subreddit).StickyCount;
        var crossposts = IdScenario.Parse(id).FixedLength ?? random.NextLong(0, 5);
        return new RedditPostModel(
            id,
            subreddit,
            author,
            random.Pick(Topics) + " #" + (parsed.Index + 1).ToString(CultureInfo.InvariantCulture),
            hasText ? "Posted in r/" + subreddit + " by u/" + author + ". " + random.Pick(Remarks) : null,
            published,
            likes,
            likes - random.NextLong(0, likes / 3 + 1),
            IdScenario.Parse(id).FixedLength ?? random.NextLong(0, 400),
            crossposts,
            pinned,
            random.Chance(0.1),
            random.Chance(0.05),
            random.Chance(0.1),
            random.Chance(0.03),
            hasText ? 0 : 1 + random.Next(3),
            random.Chance(0.5) ? random.Pick(Flairs) : null);
    }

    /// <summary>The comments of a post: the post itself when it is one of ours, else a stand-in of ours (the
    /// comment IDs must name a post the emulator can rebuild).</summary>
    public static string ThreadPostFor(string postId)
    {
        var parsed = RedditId.Parse(postId);
        if (parsed.Kind is RedditIdKind.SubredditPost or RedditIdKind.UserPost)
        {
            return postId;
        }

        var subreddit = RedditNames.Popular[(int)(StableRandom.Hash("reddit.where:" + postId) % (ulong)RedditNames.Popular.Length)];
        return RedditId.SubredditPost(subreddit, (long)(StableRandom.Hash("reddit.standin:" + postId) % 1000));
    }

    /// <summary>Any comment ID. One of ours names its post; another takes <paramref name="postHint"/> (the
    /// route's post), or a stand-in post when it arrives alone (a batch).</summary>
    public static RedditCommentModel Comment(string id, string? postHint)
    {
        var parsed = RedditId.Parse(id);
        var random = StableRandom.ForName("reddit.comment:" + id);
        RedditPostModel post;
        string author;
        string inReplyTo;
        long replies;
        switch (parsed.Kind)
        {
            case RedditIdKind.ThreadComment:
                post = Post(parsed.PostId);
                author = RedditNames.GeneratedFor("reddit.author:" + id);
                inReplyTo = parsed.Path.Length == 1 ? post.Url : post.Url + RedditId.ThreadComment(post.Id, parsed.Path[..^1]) + "/";
                replies = parsed.Path.Length >= RedditId.MaxDepth ? 0 : random.NextLong(0, parsed.Path.Length == 1 ? 6 : 3);
                break;
            case RedditIdKind.UserComment:
                {
                    author = RedditNames.Decode(parsed.Owner);
                    var where = RedditNames.Popular[(int)(StableRandom.Hash("reddit.where:" + id) % (ulong)RedditNames.Popular.Length)];
                    post = Post(RedditId.SubredditPost(where, (long)(StableRandom.Hash("reddit.on:" + id) % 1000)));
                    inReplyTo = post.Url;
                    replies = 0;
                    break;
                }

            default:
                post = Post(ThreadPostFor(postHint ?? "comment:" + id));
                author = RedditNames.GeneratedFor("reddit.author:" + id);
                inReplyTo = post.Url;
                replies = IdScenario.Parse(id).FixedLength ?? random.NextLong(0, 6);
                break;
        }

        var likes = random.NextLong(1, 20_000);
        return new RedditCommentModel(
            id,
            post,
            author,
            random.Pick(Remarks),
            post.Published.AddMinutes(random.NextLong(1, 2_000)),
            likes,
            likes - random.NextLong(0, likes / 4 + 1),
            replies,
            inReplyTo,
            parsed.Kind == RedditIdKind.ThreadComment && parsed.Path.Length == 1 && parsed.Path[0] == 0 && random.Chance(0.2),
            random.Chance(0.05));
    }

    /// <summary>Whether a comment ID may be asked for under <paramref name="postId"/>: ours must name that post.</summary>
    public static bool BelongsTo(string commentId, string postId)
    {
        var parsed = RedditId.Parse(commentId);
        return parsed.Kind switch
        {
            RedditIdKind.ThreadComment => parsed.PostId == ThreadPostFor(postId),
            RedditIdKind.UserComment => Comment(commentId, null).Post.Id == postId,
            RedditIdKind.Foreign => true,
            _ => false,
        };
    }

    /// <summary>The ID of reply <paramref name="index"/> to <paramref name="commentId"/> on <paramref name="postId"/>.</summary>
    public static string ReplyId(string postId, string commentId, long index)
    {
        var parsed = RedditId.Parse(commentId);
        if (parsed.Kind == RedditIdKind.ThreadComment && parsed.Path.Length < RedditId.MaxDepth)
        {
            return RedditId.ThreadComment(parsed.PostId, [.. parsed.Path, (int)(index % 100)]);
        }

        // Replies to a comment that is not one of ours hang under a top-level comment of ours on the same post.
        var top = (int)(StableRandom.Hash("reddit.parent:" + commentId) % 100_000);
        return RedditId.ThreadComment(ThreadPostFor(postId), [top, (int)(index % 1000)]);
    }

    public static string Rule(int index) => RuleTitles[index % RuleTitles.Length];
}
