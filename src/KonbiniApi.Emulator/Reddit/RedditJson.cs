using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>Writes the contract's Reddit objects. Required members are always written; optional ones come
/// and go with the content (and <c>emu_minimal</c> leaves every optional member out).</summary>
internal static class RedditJson
{
    public static void WriteUser(Utf8JsonWriter writer, RedditUserModel user, bool withContext)
    {
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type", "Person");
        writer.WriteString("id", user.Url);
        writer.WriteString("url", user.Url);
        if (!user.Minimal)
        {
            writer.WriteString("entityId", "t2_" + user.Id);
            writer.WriteString("preferredUsername", user.Name);
            writer.WriteString("name", user.DisplayName);
            writer.WritePropertyName("icon");
            ActivityJson.WriteImage(writer, "https://styles.redditmedia.com/u_" + user.Name + "/avatar.png", 256, 256);
            if (user.IsEmployee)
            {
                writer.WriteString("role", "admin");
            }

            if (user.Bio.Length > 0)
            {
                writer.WriteString("summary", user.Bio);
            }

            writer.WriteString("published", PersonJson.FormatTime(user.Created));
            writer.WriteBoolean("isVerified", user.IsVerified);
            writer.WriteBoolean("isEmployee", user.IsEmployee);
            writer.WriteBoolean("isMod", user.IsMod);
            writer.WriteBoolean("isPremium", user.IsPremium);
            writer.WriteBoolean("isSearchable", true);
            writer.WriteBoolean("isFollowable", true);
            writer.WriteBoolean("isAdult", false);
            writer.WriteNumber("score", user.PostKarma + user.CommentKarma);
            writer.WriteNumber("postScore", user.PostKarma);
            writer.WriteNumber("commentScore", user.CommentKarma);
            writer.WriteNumber("awarderScore", user.AwarderKarma);
            writer.WriteNumber("awardeeScore", user.AwardeeKarma);
            writer.WriteString("status", "active");
        }

        writer.WriteEndObject();
    }

    /// <summary>An author as posts and comments embed it: the profile's own members, fewer of them.</summary>
    public static void WriteAuthor(Utf8JsonWriter writer, string name)
    {
        var user = RedditContent.User(name);
        writer.WriteStartObject("attributedTo");
        writer.WriteString("type", "Person");
        writer.WriteString("id", user.Url);
        writer.WriteString("url", user.Url);
        writer.WriteString("entityId", "t2_" + user.Id);
        writer.WriteString("preferredUsername", user.Name);
        writer.WriteString("name", user.DisplayName);
        writer.WriteEndObject();
    }

    public static void WriteSubreddit(Utf8JsonWriter writer, RedditSubredditModel subreddit, bool withContext)
    {
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type", "Group");
        writer.WriteString("id", subreddit.Url);
        writer.WriteString("url", subreddit.Url);
        writer.WriteString("name", subreddit.Title);
        if (!subreddit.Minimal)
        {
            writer.WriteString("entityId", subreddit.Id);
            writer.WriteString("slug", subreddit.Name);
            writer.WriteString("summary", subreddit.Summary);
            writer.WriteString("description", subreddit.Description);
            writer.WriteString("guidelines", subreddit.Guidelines);
            writer.WriteString("published", PersonJson.FormatTime(subreddit.Created));
            writer.WriteBoolean("isAdult", subreddit.IsAdult);
            writer.WriteBoolean("isSearchable", true);
            writer.WriteString("category", subreddit.Category);
            writer.WriteNumber("memberCount", subreddit.Members);
            writer.WritePropertyName("icon");
            ActivityJson.WriteImage(writer, "https://styles.redditmedia.com/t5_" + subreddit.Id + "/icon.png", 256, 256);
            writer.WritePropertyName("image");
            ActivityJson.WriteImage(writer, "https://styles.redditmedia.com/t5_" + subreddit.Id + "/banner.png", 1920, 384);
        }

        writer.WriteEndObject();
    }

    public static void WritePost(Utf8JsonWriter writer, RedditPostModel post, bool withContext)
    {
        WriteNoteHead(writer, post.Url, post.Id, withContext);
        writer.WriteString("name", post.Title);
        ActivityJson.WriteNullable(writer, "content", post.Text);
        writer.WriteString("published", PersonJson.FormatTime(post.Published));
        writer.WriteBoolean("isEdited", post.IsEdited);
        writer.WriteBoolean("isLocked", post.IsLocked);
        writer.WriteBoolean("isOriginal", post.IsOriginal);
        writer.WriteBoolean("isPinned", post.IsPinned);
        writer.WriteBoolean("isSponsored", false);
        writer.WriteBoolean("isAdult", false);
        writer.WriteBoolean("isSpoiler", post.IsSpoiler);
        writer.WriteBoolean("isSearchable", true);
        writer.WriteNumber("likeCount", post.Likes);
        writer.WriteNumber("voteCount", post.Score);
        writer.WriteNumber("commentCount", post.CommentCount);
        writer.WriteNumber("shareCount", post.CrosspostCount);
        WriteAuthor(writer, post.Author);
        if (post.Media > 0)
        {
            var media = "https://i.redd.it/" + post.Id;
            writer.WritePropertyName("icon");
            ActivityJson.WriteImage(writer, media + "_thumb.jpg", 140, 78);
            writer.WriteStartArray("image");
            ActivityJson.WriteImage(writer, media + "_640.jpg", 640, 360);
            ActivityJson.WriteImage(writer, media + "_1080.jpg", 1080, 608);
            writer.WriteEndArray();
            writer.WriteStartArray("attachment");
            switch (post.Media)
            {
                case 1:
                    ActivityJson.WriteImage(writer, media + ".jpg", 1920, 1080);
                    break;
                case 2:
                    writer.WriteStartObject();
                    writer.WriteString("type", "Video");
                    ActivityJson.WriteStrings(writer, "url", ["https://v.redd.it/" + post.Id + "/DASH_720.mp4", "https://v.redd.it/" + post.Id + "/DASH_480.mp4"]);
                    writer.WriteString("mediaType", "video/mp4");
                    writer.WriteNumber("width", 1280);
                    writer.WriteNumber("height", 720);
                    writer.WriteNumber("duration", 15 + (post.Likes % 100));
                    writer.WriteEndObject();
                    break;
                default:
                    writer.WriteStartObject();
                    writer.WriteString("type", "Link");
                    writer.WriteString("href", "https://example.com/articles/" + post.Id);
                    writer.WriteString("name", post.Title);
                    writer.WriteString("summary", "An article shared on r/" + post.Subreddit + ".");
                    writer.WriteEndObject();
                    break;
            }

            writer.WriteEndArray();
        }

        writer.WriteStartArray("tag");
        writer.WriteStartObject();
        writer.WriteString("type", "Tag");
        writer.WriteString("name", post.Subreddit);
        writer.WriteString("href", "https://www.reddit.com/r/" + post.Subreddit + "/");
        writer.WriteEndObject();
        if (post.Flair is { } flair)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Tag");
            writer.WriteString("name", flair);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteComment(Utf8JsonWriter writer, RedditCommentModel comment, bool withContext)
    {
        WriteNoteHead(writer, comment.Url, comment.Id, withContext);
        writer.WriteString("content", comment.Text);
        writer.WriteString("published", PersonJson.FormatTime(comment.Published));
        writer.WriteBoolean("isPinned", comment.IsPinned);
        writer.WriteBoolean("isSponsored", false);
        writer.WriteBoolean("hasReplies", comment.ReplyCount > 0);
        writer.WriteNumber("likeCount", comment.Likes);
        writer.WriteNumber("voteCount", comment.Score);
        WriteAuthor(writer, comment.Author);
        writer.WriteString("inReplyTo", comment.InReplyTo);
        if (comment.WithImage)
        {
            var url = "https://preview.redd.it/" + comment.Id + ".png";
            writer.WritePropertyName("image");
            ActivityJson.WriteImage(writer, url, 600, 400);
            writer.WriteStartArray("attachment");
            ActivityJson.WriteImage(writer, url, 600, 400);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static void WriteRule(Utf8JsonWriter writer, string subreddit, int index)
    {
        var title = RedditContent.Rule(index);
        writer.WriteStartObject();
        writer.WriteString("type", "Document");
        writer.WriteString("entityId", subreddit + "-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("name", title);
        writer.WriteString("content", "r/" + subreddit + ": " + title.ToLowerInvariant() + ". Posts that break this rule are removed.");
        writer.WriteEndObject();
    }

    /// <summary>Opens a post or a comment: both are Notes with the same head.</summary>
    private static void WriteNoteHead(Utf8JsonWriter writer, string url, string id, bool withContext)
    {
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type", "Note");
        writer.WriteString("id", url);
        writer.WriteString("url", url);
        writer.WriteString("entityId", id);
    }
}
