using System.Text.Json;

namespace KonbiniApi.Emulator.X;

/// <summary>Writes X content in the contract's ActivityStreams shapes.</summary>
internal static class XJson
{
    /// <summary>A profile; the reserved data scenarios break it in the ways they name.</summary>
    public static void WriteUser(Utf8JsonWriter writer, XProfile profile)
    {
        var kind = profile.Scenario.Kind;
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        ActivityJson.WriteActorHead(writer, "Person", profile.ProfileUrl, profile.UserId, profile.DisplayName,
            kind == ScenarioKind.MissingRequired ? null : profile.Username);

        WriteProfileDetails(writer, profile);
        ActivityJson.WriteCount(writer, "followerCount", profile.FollowerCount,
            kind == ScenarioKind.WrongTypes ? profile.FollowerCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);

        writer.WriteNumber("followingCount", profile.FollowingCount);
        writer.WriteNumber("likeCount", profile.LikeCount);
        writer.WriteNumber("postCount", profile.PostCount);
        writer.WriteNumber("mediaCount", profile.MediaCount);
        if (profile.Published() is { } published)
        {
            writer.WriteString("published", published);
        }

        if (profile.Banner is { } banner)
        {
            writer.WriteStartArray("image");
            ActivityJson.WriteImage(writer, banner, 1500, 500);
            writer.WriteEndArray();
        }

        if (kind == ScenarioKind.ExtraFields)
        {
            writer.WriteString("pinnedPostId", XPostId.For(profile.Username, 0).Text);
            writer.WriteStartObject("professional");
            writer.WriteString("category", "Creator");
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>An account as a post or a community embeds it.</summary>
    public static void WriteEmbeddedUser(Utf8JsonWriter writer, XProfile profile)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Person");
        writer.WriteString("id", profile.ProfileUrl);
        writer.WriteString("url", profile.ProfileUrl);
        writer.WriteString("entityId", profile.UserId);
        writer.WriteString("preferredUsername", profile.Username);
        writer.WriteString("name", profile.DisplayName);
        WriteProfileDetails(writer, profile);
        writer.WriteNumber("followerCount", profile.FollowerCount);
        writer.WriteNumber("followingCount", profile.FollowingCount);
        writer.WriteNumber("likeCount", profile.LikeCount);
        writer.WriteNumber("postCount", profile.PostCount);
        writer.WriteNumber("mediaCount", profile.MediaCount);
        writer.WriteEndObject();
    }

    private static string? Published(this XProfile profile) => profile.Created is { } created ? PersonJson.FormatTime(created) : null;

    private static void WriteProfileDetails(Utf8JsonWriter writer, XProfile profile)
    {
        if (profile.Bio is { } bio)
        {
            writer.WriteString("summary", bio);
        }

        if (profile.Links.Length > 0)
        {
            writer.WriteStartArray("attachment");
            foreach (var link in profile.Links)
            {
                ActivityJson.WriteLink(writer, link);
            }

            writer.WriteEndArray();
        }

        if (profile.Location is { } location)
        {
            writer.WriteString("location", location);
        }

        if (profile.ListedCount is { } listed)
        {
            writer.WriteNumber("listedCount", listed);
        }

        if (profile.Avatar is { } avatar)
        {
            writer.WritePropertyName("icon");
            ActivityJson.WriteImage(writer, avatar, 400, 400);
        }

        writer.WriteBoolean("isPrivate", profile.IsPrivate);
        writer.WriteBoolean("isVerified", profile.IsVerified);
        writer.WriteBoolean("isPaidVerified", profile.IsPaidVerified);
    }

    public static void WritePost(Utf8JsonWriter writer, XPostModel post, bool withContext)
    {
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        WritePostCore(writer, post);
        writer.WriteNumber("viewCount", post.ViewCount);
        writer.WriteNumber("repostCount", post.RepostCount);
        writer.WriteNumber("quoteCount", post.QuoteCount);
        writer.WriteNumber("saveCount", post.SaveCount);
        writer.WriteBoolean("isEdited", post.IsEdited);
        if (post.ReplyTo is { } replyTo)
        {
            writer.WriteString("inReplyTo", XContent.Post(replyTo).Url);
        }

        if (post.Quoted is { } quoted)
        {
            writer.WritePropertyName("quote");
            writer.WriteStartObject();
            WritePostCore(writer, XContent.Post(quoted));
            writer.WriteEndObject();
        }

        if (post.Tags.Length > 0)
        {
            writer.WriteStartArray("tag");
            foreach (var tag in post.Tags)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Tag");
                writer.WriteString("name", tag);
                writer.WriteString("href", "https://x.com/hashtag/" + tag);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>What a post and a quoted post share.</summary>
    private static void WritePostCore(Utf8JsonWriter writer, XPostModel post)
    {
        writer.WriteString("type", "Note");
        writer.WriteString("id", post.Url);
        writer.WriteString("url", post.Url);
        writer.WriteString("entityId", post.Id);
        writer.WriteString("content", post.Text);
        writer.WriteString("published", PersonJson.FormatTime(post.Published));
        writer.WriteNumber("likeCount", post.LikeCount);
        writer.WriteNumber("replyCount", post.ReplyCount);
        writer.WriteString("contentFormat", post.ContentFormat);
        writer.WritePropertyName("attributedTo");
        WriteEmbeddedUser(writer, XContent.Profile(post.Author));
        WriteAttachments(writer, post);
    }

    private static void WriteAttachments(Utf8JsonWriter writer, XPostModel post)
    {
        var media = post.Media;
        if (media is not null)
        {
            writer.WriteStartArray("image");
            for (var i = 0; i < media.Count; i++)
            {
                ActivityJson.WriteImage(writer, $"{XContent.MediaBase}/media/{post.Id}_{i}.jpg", media.Width, media.Height);
            }

            writer.WriteEndArray();
        }

        if (media is null && post.Extra == 0)
        {
            return;
        }

        writer.WriteStartArray("attachment");
        if (media is { IsVideo: true })
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Video");
            writer.WriteStartArray("url");
            writer.WriteStringValue($"{XContent.VideoBase}/ext_tw_video/{post.Id}/vid/avc1/1280x720/clip.mp4");
            writer.WriteStringValue($"{XContent.VideoBase}/ext_tw_video/{post.Id}/vid/avc1/640x360/clip.mp4");
            writer.WriteEndArray();
            writer.WriteString("mediaType", "video/mp4");
            writer.WriteNumber("width", media.Width);
            writer.WriteNumber("height", media.Height);
            writer.WriteNumber("bitrate", 950_000);
            writer.WriteNumber("duration", media.Duration);
            writer.WriteEndObject();
        }
        else if (media is not null)
        {
            for (var i = 0; i < media.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Image");
                writer.WriteStartArray("url");
                writer.WriteStringValue($"{XContent.MediaBase}/media/{post.Id}_{i}.jpg");
                writer.WriteEndArray();
                writer.WriteString("mediaType", "image/jpeg");
                writer.WriteNumber("width", media.Width);
                writer.WriteNumber("height", media.Height);
                writer.WriteEndObject();
            }
        }
        else if (post.Extra == 1)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Link");
            writer.WriteString("href", $"https://news.example.com/story/{post.Id}");
            writer.WriteString("name", "A story worth reading");
            writer.WriteString("summary", "What happened, and why it matters.");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Question");
            writer.WriteStartArray("oneOf");
            var votes = StableRandom.Hash("x-poll:" + post.Id);
            long voters = 0;
            foreach (var choice in (string[])["Yes", "No", "Show me the results"])
            {
                var count = (long)(votes % 500);
                votes /= 500;
                voters += count;
                writer.WriteStartObject();
                writer.WriteString("type", "Note");
                writer.WriteString("name", choice);
                writer.WriteNumber("voteCount", count);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("voterCount", voters);
            writer.WriteString("closed", PersonJson.FormatTime(post.Published.AddDays(1)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteCommunity(Utf8JsonWriter writer, XCommunityModel community)
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        writer.WriteString("type", "Group");
        writer.WriteString("id", community.Url);
        writer.WriteString("url", community.Url);
        writer.WriteString("entityId", community.Id);
        writer.WriteString("name", community.Name);
        writer.WriteString("summary", community.Summary);
        writer.WriteString("published", PersonJson.FormatTime(community.Created));
        writer.WriteNumber("memberCount", community.MemberCount);
        writer.WriteString("category", community.Category);
        writer.WriteStartArray("tag");
        foreach (var topic in community.Topics)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Tag");
            writer.WriteString("name", topic);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rule");
        for (var i = 0; i < community.Rules.Length; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Document");
            writer.WriteString("entityId", community.Id + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("name", community.Rules[i]);
            writer.WriteString("content", community.Rules[i] + ". Moderators remove posts that do not follow this rule.");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("attributedTo");
        WriteEmbeddedUser(writer, XContent.Profile(community.Creator));
        writer.WriteStartArray("image");
        ActivityJson.WriteImage(writer, $"{XContent.MediaBase}/community_banner_img/{community.Id}/banner.jpg", 1200, 480);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
