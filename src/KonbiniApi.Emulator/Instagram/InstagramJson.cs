using System.Globalization;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>Writes Instagram objects in the contract's shapes.</summary>
internal static class InstagramJson
{
    public static void WriteUser(Utf8JsonWriter writer, InstagramProfile profile, ScenarioKind shape)
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        ActivityJson.WriteActorHead(writer, "Person", profile.ProfileUrl, profile.UserId, profile.DisplayName,
            shape == ScenarioKind.MissingRequired ? null : profile.Username);

        if (profile.Bio is { } bio)
        {
            writer.WriteString("summary", bio);
        }

        if (profile.Links.Length > 0)
        {
            writer.WriteStartArray("attachment");
            for (var i = 0; i < profile.Links.Length; i++)
            {
                ActivityJson.WriteLink(writer, profile.Links[i], i == 0 ? "preferred" : null);
            }

            writer.WriteEndArray();
        }

        writer.WriteBoolean("isPrivate", profile.IsPrivate);
        writer.WriteBoolean("isVerified", profile.IsVerified);
        writer.WriteBoolean("isPaidVerified", profile.IsPaidVerified);
        writer.WriteBoolean("isBusiness", profile.IsBusiness);
        writer.WriteBoolean("isProfessional", profile.IsProfessional);
        if (profile.Category is { } category)
        {
            writer.WriteString("category", category);
        }

        if (profile.Pronouns is { } pronouns)
        {
            ActivityJson.WriteStrings(writer, "pronouns", pronouns);
        }

        writer.WriteBoolean("hasVideos", profile.VideoCount > 0);
        writer.WriteBoolean("hasChannel", profile.HasChannel);
        writer.WriteBoolean("hasMicroblog", profile.HasThreads);
        ActivityJson.WriteCount(writer, "followerCount", profile.FollowerCount,
            shape == ScenarioKind.WrongTypes ? InstagramContent.Number(profile.FollowerCount) : null);

        writer.WriteNumber("followingCount", profile.FollowingCount);
        writer.WriteNumber("mediaCount", profile.MediaCount);
        writer.WriteNumber("videoCount", profile.VideoCount);
        writer.WriteNumber("highlightCount", profile.HighlightCount);
        if (profile.WithAvatar)
        {
            writer.WritePropertyName("icon");
            ActivityJson.WriteImage(writer, profile.AvatarUrl, null, null);
            writer.WriteStartArray("image");
            ActivityJson.WriteImage(writer, profile.AvatarUrl, 150, 150);
            ActivityJson.WriteImage(writer, profile.AvatarUrl.Replace(".jpg", "_320.jpg", System.StringComparison.Ordinal), 320, 320);
            writer.WriteEndArray();
        }

        if (shape == ScenarioKind.ExtraFields)
        {
            writer.WriteString("region", "JP");
            writer.WriteStartObject("insights");
            writer.WriteNumber("reach", 3_000_000_000);
            writer.WriteStartArray("tags");
            writer.WriteStringValue("food");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The account as posts, comments and stories embed it.</summary>
    public static void WriteAccount(Utf8JsonWriter writer, string username, string? role = null)
    {
        var profile = InstagramContent.ProfileOf(username);
        writer.WriteStartObject();
        writer.WriteString("type", "Person");
        writer.WriteString("id", profile.ProfileUrl);
        writer.WriteString("url", profile.ProfileUrl);
        writer.WriteString("entityId", profile.UserId);
        writer.WriteString("preferredUsername", profile.Username);
        writer.WriteString("name", profile.DisplayName);
        if (profile.WithAvatar)
        {
            writer.WritePropertyName("icon");
            ActivityJson.WriteImage(writer, profile.AvatarUrl, null, null);
        }

        if (role is not null)
        {
            writer.WriteString("role", role);
        }

        writer.WriteEndObject();
    }

    public static void WritePost(Utf8JsonWriter writer, InstagramPostModel post, bool withContext)
    {
        writer.WriteStartObject();
        if (withContext)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type", post.Type);
        writer.WriteString("id", post.Url);
        writer.WriteString("url", post.Url);
        writer.WriteString("entityId", post.Code);
        writer.WriteString("content", post.Caption);
        writer.WriteString("published", PersonJson.FormatTime(post.Published));
        writer.WriteNumber("likeCount", post.LikeCount);
        writer.WriteNumber("commentCount", post.CommentCount);
        if (post.Collaborator is { } collaborator)
        {
            writer.WriteStartArray("attributedTo");
            WriteAccount(writer, post.AuthorName);
            WriteAccount(writer, collaborator, "collaborator");
            writer.WriteEndArray();
        }
        else
        {
            writer.WritePropertyName("attributedTo");
            WriteAccount(writer, post.AuthorName);
        }

        if (post.Place is { } place)
        {
            writer.WriteStartObject("location");
            writer.WriteString("type", "Place");
            writer.WriteString("id", place.Id);
            writer.WriteString("name", place.Name);
            writer.WriteString("url", $"https://www.instagram.com/explore/locations/{place.Id}/");
            writer.WriteNumber("latitude", place.Latitude);
            writer.WriteNumber("longitude", place.Longitude);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("tag");
        foreach (var tag in post.Hashtags)
        {
            WriteTag(writer, tag, $"https://www.instagram.com/explore/tags/{System.Uri.EscapeDataString(tag)}/");
        }

        if (post.TaggedUser is { } tagged)
        {
            WriteTag(writer, tagged, $"https://www.instagram.com/{tagged}/");
        }

        writer.WriteEndArray();
        writer.WriteString("language", post.Language);
        writer.WriteBoolean("isEdited", post.IsEdited);
        writer.WriteBoolean("isSponsored", post.IsSponsored);
        if (post.ViewCount is { } views)
        {
            writer.WriteNumber("viewCount", views);
        }

        if (post.Duration is { } duration)
        {
            writer.WriteNumber("duration", duration);
        }

        writer.WriteString("contentFormat", post.ContentFormat);
        writer.WriteStartArray("attachment");
        WriteFile(writer, post.Code, post.Type == "Video");
        writer.WriteEndArray();
        writer.WriteStartArray("image");
        ActivityJson.WriteImage(writer, $"https://{InstagramContent.MediaHost}/p/{post.Code}.jpg", 1080, post.Type == "Video" ? 1920 : 1350);
        writer.WriteEndArray();
        if (post.WithAudio)
        {
            var audioId = "29" + (StableRandom.Hash("ig-audio:" + post.Code) % 10_000_000_000_000).ToString("D13", CultureInfo.InvariantCulture);
            writer.WriteStartObject("audio");
            writer.WriteString("type", "Audio");
            writer.WriteString("id", $"https://www.instagram.com/reels/audio/{audioId}/");
            writer.WriteString("entityId", audioId);
            writer.WriteString("name", "Original audio");
            writer.WriteString("artist", post.AuthorName);
            writer.WriteBoolean("isOriginal", true);
            writer.WriteNumber("duration", post.Duration ?? 15);
            writer.WriteEndObject();
        }

        if (post.AltText is { } alt)
        {
            writer.WriteString("name", alt);
        }

        if (post.Slides > 0)
        {
            writer.WriteNumber("totalItems", post.Slides);
            writer.WriteStartArray("items");
            for (var i = 0; i < post.Slides; i++)
            {
                var slide = post.Code + "_" + i.ToString(CultureInfo.InvariantCulture);
                var video = StableRandom.Hash("ig-slide:" + slide) % 4 == 0;
                writer.WriteStartObject();
                writer.WriteString("type", video ? "Video" : "Image");
                writer.WriteString("entityId", "31" + (StableRandom.Hash("ig-slide-id:" + slide) % 100_000_000_000_000_000).ToString("D17", CultureInfo.InvariantCulture));
                writer.WriteStartArray("image");
                ActivityJson.WriteImage(writer, $"https://{InstagramContent.MediaHost}/p/{slide}.jpg", 1080, 1350);
                writer.WriteEndArray();
                writer.WriteStartArray("attachment");
                WriteFile(writer, slide, video);
                writer.WriteEndArray();
                writer.WriteString("name", post.AltText ?? "Photo");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static void WriteComment(Utf8JsonWriter writer, InstagramPostModel post, InstagramCommentModel comment)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Note");
        writer.WriteString("id", $"{post.Url}c/{comment.Id}/");
        writer.WriteString("entityId", comment.Id);
        writer.WriteString("content", comment.Text);
        writer.WriteString("published", PersonJson.FormatTime(comment.Published));
        writer.WriteNumber("likeCount", comment.LikeCount);
        writer.WriteNumber("replyCount", comment.ReplyCount);
        writer.WritePropertyName("attributedTo");
        WriteAccount(writer, comment.AuthorName);
        writer.WriteString("inReplyTo", post.Url);
        writer.WriteEndObject();
    }

    /// <summary>A highlight as the list shows it, or (with its stories) as the highlight route answers it.</summary>
    public static void WriteHighlightHead(Utf8JsonWriter writer, InstagramHighlightModel highlight)
    {
        writer.WriteString("type", "OrderedCollection");
        writer.WriteString("id", $"https://www.instagram.com/stories/highlights/{highlight.Id}/");
        writer.WriteString("entityId", "highlight:" + highlight.Id);
        writer.WriteString("name", highlight.Title);
        writer.WriteStartArray("image");
        ActivityJson.WriteImage(writer, $"https://{InstagramContent.MediaHost}/highlights/{highlight.Id}.jpg", null, null);
        writer.WriteEndArray();
        writer.WriteNumber("totalItems", highlight.StoryCount);
    }

    public static void WriteStory(Utf8JsonWriter writer, InstagramHighlightModel highlight, InstagramStoryModel story)
    {
        writer.WriteStartObject();
        writer.WriteString("type", story.IsVideo ? "Video" : "Image");
        writer.WriteString("url", $"https://www.instagram.com/stories/{highlight.AuthorName}/{story.Id}/");
        writer.WriteString("entityId", story.Id);
        writer.WriteString("published", PersonJson.FormatTime(story.Published));
        writer.WriteString("summary", $"Photo by {highlight.AuthorName}.");
        writer.WriteBoolean("isSponsored", story.IsSponsored);
        writer.WriteStartArray("image");
        ActivityJson.WriteImage(writer, $"https://{InstagramContent.MediaHost}/stories/{story.Id}.jpg", 1080, 1920);
        writer.WriteEndArray();
        writer.WriteStartArray("attachment");
        WriteFile(writer, story.Id, story.IsVideo);
        if (story.LinkSticker is { } link)
        {
            ActivityJson.WriteLink(writer, link);
        }

        writer.WriteEndArray();
        if (story.Duration is { } duration)
        {
            writer.WriteNumber("duration", duration);
        }

        writer.WritePropertyName("attributedTo");
        WriteAccount(writer, highlight.AuthorName);
        writer.WriteEndObject();
    }

    private static void WriteTag(Utf8JsonWriter writer, string name, string href)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Tag");
        writer.WriteString("name", name);
        writer.WriteString("href", href);
        writer.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter writer, string name, bool video)
    {
        writer.WriteStartObject();
        writer.WriteString("type", video ? "Video" : "Image");
        writer.WriteStartArray("url");
        writer.WriteStringValue($"https://{InstagramContent.MediaHost}/v/{name}.{(video ? "mp4" : "jpg")}");
        writer.WriteEndArray();
        writer.WriteString("mediaType", video ? "video/mp4" : "image/jpeg");
        writer.WriteNumber("width", video ? 720 : 1080);
        writer.WriteNumber("height", video ? 1280 : 1350);
        writer.WriteEndObject();
    }
}
