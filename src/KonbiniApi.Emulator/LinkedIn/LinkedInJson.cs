using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>How a profile or page is shaped for the reserved shape scenarios (emu.minimal, emu.wrongtypes, ...).</summary>
internal enum LinkedInShape
{
    Contract,
    Minimal,
    WrongTypes,
    MissingRequired,
    ExtraFields,
}

/// <summary>Writes LinkedIn's answers in the contract's shapes.</summary>
internal static class LinkedInJson
{
    public static LinkedInShape ShapeOf(Scenario scenario) => scenario.Kind switch
    {
        ScenarioKind.Minimal => LinkedInShape.Minimal,
        ScenarioKind.WrongTypes => LinkedInShape.WrongTypes,
        ScenarioKind.MissingRequired => LinkedInShape.MissingRequired,
        ScenarioKind.ExtraFields => LinkedInShape.ExtraFields,
        _ => LinkedInShape.Contract,
    };

    public static void WriteMember(Utf8JsonWriter writer, LinkedInMember member, LinkedInShape shape)
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        ActivityJson.WriteActorHead(writer, "Person", member.Url, entityId: null, member.DisplayName,
            shape == LinkedInShape.MissingRequired ? null : member.Name);

        ActivityJson.WriteNullable(writer, "summary", member.Headline);
        if (shape != LinkedInShape.Minimal)
        {
            writer.WriteString("location", member.Locality + ", " + member.Region + ", " + member.Country);
            writer.WriteStartObject("address");
            writer.WriteString("addressLocality", member.Locality);
            writer.WriteString("addressRegion", member.Region);
            writer.WriteString("addressCountry", member.Country);
            writer.WriteEndObject();
            ActivityJson.WriteCount(writer, "followerCount", member.FollowerCount,
                shape == LinkedInShape.WrongTypes ? member.FollowerCount.ToString("N0", CultureInfo.InvariantCulture) : null);

            WriteImage(writer, "icon", member.Picture);
            ActivityJson.WriteStrings(writer, "role", member.Roles);
            ActivityJson.WriteStrings(writer, "affiliation", member.Employers);
            ActivityJson.WriteStrings(writer, "education", member.Schools);
            ActivityJson.WriteStrings(writer, "language", member.Languages);
        }

        if (shape == LinkedInShape.ExtraFields)
        {
            writer.WriteString("pronouns", "they/them");
            writer.WriteStartObject("emulatorExtra");
            writer.WriteNumber("version", 2);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static void WriteCompany(Utf8JsonWriter writer, LinkedInCompanyPage company, LinkedInShape shape)
    {
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        ActivityJson.WriteActorHead(writer, "Organization", company.Url, entityId: null, company.DisplayName,
            shape == LinkedInShape.MissingRequired ? null : company.Name);

        if (shape == LinkedInShape.Minimal)
        {
            writer.WriteNull("summary");
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("summary", company.Description);
        writer.WriteString("location", company.Locality + ", " + company.Region + ", " + company.Country);
        writer.WriteStartObject("address");
        writer.WriteString("streetAddress", company.Street);
        writer.WriteString("addressLocality", company.Locality);
        writer.WriteString("addressRegion", company.Region);
        writer.WriteString("postalCode", company.PostalCode);
        writer.WriteString("addressCountry", company.Country);
        writer.WriteEndObject();
        ActivityJson.WriteCount(writer, "memberCount", company.EmployeeCount,
            shape == LinkedInShape.WrongTypes ? "about " + company.EmployeeCount.ToString(CultureInfo.InvariantCulture) : null);

        WriteImage(writer, "icon", company.Logo);
        writer.WriteString("tagline", company.Tagline);
        writer.WriteStartArray("attachment");
        ActivityJson.WriteLink(writer, company.Website);
        writer.WriteEndArray();
        if (shape == LinkedInShape.ExtraFields)
        {
            writer.WriteString("industry", "Software Development");
        }

        writer.WriteEndObject();
    }

    /// <summary>A post: whole for a lookup by ID (with <paramref name="lookup"/>), or as a list item.</summary>
    public static void WritePost(Utf8JsonWriter writer, LinkedInPostModel post, bool lookup)
    {
        writer.WriteStartObject();
        if (lookup)
        {
            PersonJson.WriteContext(writer);
        }

        writer.WriteString("type", "Note");
        writer.WriteString("id", post.Url);
        writer.WriteString("url", post.Url);
        if (lookup || post.ListsEntityId)
        {
            writer.WriteString("entityId", post.ActivityId);
        }

        writer.WriteString("content", post.Text);
        if (post.Published is { } published)
        {
            writer.WriteString("published", published.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (post.LikeCount is { } likes)
        {
            writer.WriteNumber("likeCount", likes);
        }

        if (lookup)
        {
            writer.WriteNumber("replyCount", post.ReplyCount);
        }

        WriteAuthor(writer, post.Ref);
        if (lookup)
        {
            if (post.Image is { } image)
            {
                writer.WriteStartArray("image");
                ActivityJson.WriteImage(writer, image);
                writer.WriteEndArray();
            }

            if (post.Video is { } video)
            {
                writer.WriteStartArray("attachment");
                writer.WriteStartObject();
                writer.WriteString("type", "Video");
                writer.WriteStartArray("url");
                writer.WriteStringValue(video.FileUrl);
                writer.WriteEndArray();
                writer.WriteString("mediaType", "video/mp4");
                writer.WriteNumber("width", video.Width);
                writer.WriteNumber("height", video.Height);
                writer.WriteNumber("duration", video.DurationSeconds);
                WriteImage(writer, "preview", video.Cover);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteStartArray("replies");
            foreach (var (author, text, when, commentLikes) in LinkedInContent.Comments(post))
            {
                writer.WriteStartObject();
                writer.WriteString("type", "Note");
                writer.WriteString("content", text);
                writer.WriteString("published", when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                writer.WriteNumber("likeCount", commentLikes);
                writer.WriteStartObject("attributedTo");
                writer.WriteString("type", "Person");
                writer.WriteString("name", author);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static void WriteArticle(Utf8JsonWriter writer, LinkedInMember member, (string Url, string Title, string Cover, long Likes) article)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Article");
        writer.WriteString("url", article.Url);
        writer.WriteString("name", article.Title);
        writer.WriteStartArray("image");
        ActivityJson.WriteImage(writer, article.Cover);
        writer.WriteEndArray();
        writer.WriteNumber("likeCount", article.Likes);
        writer.WriteStartObject("attributedTo");
        WriteMemberAuthorFields(writer, member);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteTranscript(Utf8JsonWriter writer, LinkedInPostModel post)
    {
        var captions = LinkedInContent.Captions(post);
        writer.WriteStartObject();
        PersonJson.WriteContext(writer);
        writer.WriteString("type", "Document");
        writer.WriteString("id", post.Url + "/transcript");
        writer.WriteString("url", post.Url);
        writer.WriteString("mediaType", post.Video!.CaptionType);
        writer.WriteNumber("size", Encoding.UTF8.GetByteCount(captions));
        writer.WriteString("content", captions);
        writer.WriteEndObject();
    }

    private static void WriteAuthor(Utf8JsonWriter writer, PostRef at)
    {
        writer.WriteStartObject("attributedTo");
        if (at.Owner == PostOwner.Member)
        {
            WriteMemberAuthorFields(writer, LinkedInContent.Member(at.Name, LinkedInNames.Resolve(at.Name)));
        }
        else
        {
            var company = LinkedInContent.Company(at.Name);
            ActivityJson.WriteActorHead(writer, "Organization", company.Url, entityId: null, company.DisplayName, company.Name);
            writer.WriteNumber("followerCount", company.FollowerCount);
        }

        writer.WriteEndObject();
    }

    private static void WriteMemberAuthorFields(Utf8JsonWriter writer, LinkedInMember member)
    {
        ActivityJson.WriteActorHead(writer, "Person", member.Url, entityId: null, member.DisplayName, member.Name);
        writer.WriteNumber("followerCount", member.FollowerCount);
    }

    private static void WriteImage(Utf8JsonWriter writer, string name, string url)
    {
        writer.WritePropertyName(name);
        ActivityJson.WriteImage(writer, url);
    }
}
