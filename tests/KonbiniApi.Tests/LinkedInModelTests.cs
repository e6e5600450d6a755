using System;
using System.Collections.Generic;
using System.Linq;
using KonbiniApi.Models;
using KonbiniApi.Operations;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>LinkedIn's models read from hand-written answers in the contract's shapes (Fixtures/linkedin-*.json).</summary>
public class LinkedInModelTests
{
    private static T Read<T>(string fixture)
        where T : class => Fixture.Read<T>(fixture, "/v1/linkedin/test");

    /// <summary>Reads each item of a list answer as the engine does: through the operation's reader, completed by the call.</summary>
    private static List<object> ReadItems(string fixture, ApiOperation operation, string input)
    {
        using var document = Fixture.Document(fixture);
        var call = operation.Bind(input);
        return document.RootElement.GetProperty("data").GetProperty("orderedItems").EnumerateArray()
            .Select((item, index) => call.Complete(operation.Reader.Read(item, call.PathFor(), "data.orderedItems[" + index + "]")))
            .ToList();
    }

    [Fact]
    public void A_profile_fills_every_property_and_keeps_names_with_commas_apart()
    {
        var user = Read<LinkedInUser>("linkedin-user.json");
        Assert.Equal("tove-lindqvist", user.Username);
        Assert.Equal("Tove Lindqvist", user.Name);
        Assert.Equal("Building tools for field researchers, one sensor at a time", user.Headline);
        Assert.Equal("Uppsala, Uppsala County, SE", user.Location);
        Assert.Equal("Uppsala, Uppsala County, SE", user.Address!.ToString());
        Assert.Equal(4821, user.FollowerCount);
        Assert.Equal(2, user.Roles.Count);
        Assert.Equal("Founder, Chief Executive", user.Roles[0]);
        Assert.Equal("Founder, Chief Executive; Research Engineer", user.Roles.ToString());
        Assert.Equal("Fieldnote Sensors; Uppsala University", user.Employers.ToString());
        Assert.Equal("Uppsala University", user.Education.ToString());
        Assert.Equal("Swedish; English", user.Languages.ToString());
        Assert.EndsWith("/0/1", user.Picture!.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://www.linkedin.com/in/tove-lindqvist", user.Url);
    }

    [Fact]
    public void A_minimal_profile_has_a_null_headline_and_empty_lists()
    {
        var user = Read<LinkedInUser>("linkedin-user-minimal.json");
        Assert.Equal("2024", user.Username);
        Assert.Null(user.Headline);
        Assert.Null(user.FollowerCount);
        Assert.Empty(user.Roles);
        Assert.Equal(string.Empty, user.Employers.ToString());
    }

    [Theory]
    [InlineData("preferredUsername")]
    [InlineData("summary")]
    [InlineData("name")]
    [InlineData("url")]
    [InlineData("id")]
    public void A_profile_without_a_required_member_is_refused_by_name(string member)
    {
        var failure = Fixture.Refused<LinkedInUser>("linkedin-user-minimal.json", "/v1/linkedin/users/2024", data => data.Remove(member));
        Assert.Contains("data." + member, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_company_page_fills_every_property()
    {
        var company = Read<LinkedInCompany>("linkedin-company.json");
        Assert.Equal("fieldnote-sensors", company.Company);
        Assert.Equal("Fieldnote Sensors", company.Name);
        Assert.Equal("Measure the wild.", company.Tagline);
        Assert.StartsWith("Rugged, low-power", company.Description, StringComparison.Ordinal);
        Assert.Equal("Kungsgatan 4, Uppsala, Uppsala County, 753 21, SE", company.Address!.ToString());
        Assert.Equal(37, company.EmployeeCount);
        Assert.Equal("https://fieldnote.example https://jobs.fieldnote.example", company.Links.ToString());
        Assert.NotNull(company.Logo);
    }

    [Fact]
    public void A_company_summary_must_be_there_but_may_be_null()
    {
        Assert.Null(Fixture.Read<LinkedInCompany>("linkedin-company.json", "/c", data => data["summary"] = null).Description);
        var failure = Fixture.Refused<LinkedInCompany>("linkedin-company.json", "/c", data => data.Remove("summary"));
        Assert.Contains("data.summary is missing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_looked_up_by_id_has_its_video_images_and_first_comments()
    {
        var post = Read<LinkedInPost>("linkedin-post.json");
        Assert.Equal("7412345678901234567", post.PostId);
        Assert.Equal("Our first winter deployment:\n\n40 sensors, -31 °C, zero failures.", post.Text);
        Assert.Equal(new DateTime(2026, 2, 3, 8, 15, 30, 250, DateTimeKind.Utc), post.Published);
        Assert.Equal(DateTimeKind.Utc, post.Published!.Value.Kind);
        Assert.Equal(312, post.LikeCount);
        Assert.Equal(27, post.CommentCount);
        Assert.Equal("fieldnote-sensors", post.AuthorUsername);
        Assert.True(post.Author!.IsCompany);
        Assert.Equal(2950, post.Author.FollowerCount);
        Assert.True(post.HasVideo);
        var video = Assert.Single(post.Videos);
        Assert.Equal(42.5, video.DurationSeconds);
        Assert.Equal("https://dms.licdn.com/playlist/vid/v2/fixture/mp4-720p-30fp-crf28/0/3", video.ToString());
        Assert.Equal(2, post.Comments.Count);
        Assert.Equal("Jonas Brennan", post.Comments[0].Author!.ToString());
        Assert.Null(post.Comments[1].Published);
        Assert.Equal("Minus 31! Impressive. Which battery chemistry?", post.Comments.ToString());
        Assert.Null(post.ListedFor);
    }

    [Fact]
    public void A_members_posts_read_whole_and_take_their_id_from_the_address_when_the_list_leaves_it_out()
    {
        var posts = ReadItems("linkedin-user-posts.json", LinkedInOperations.UserPosts, "https://www.linkedin.com/in/Tove-Lindqvist").Cast<LinkedInPost>().ToList();
        Assert.Equal(3, posts.Count);
        Assert.Equal("7412000000000000001", posts[0].PostId);
        Assert.Equal("7411000000000000002", posts[1].PostId);
        Assert.Null(posts[2].PostId);
        Assert.Null(posts[2].Url);
        Assert.All(posts, post => Assert.Equal("Tove-Lindqvist", post.ListedFor));
        Assert.False(posts[0].HasVideo);
        Assert.Null(posts[1].Author);
    }

    [Fact]
    public void Articles_say_whose_they_are()
    {
        var article = Assert.IsType<LinkedInArticle>(Assert.Single(ReadItems("linkedin-articles.json", LinkedInOperations.UserArticles, "tove-lindqvist")));
        Assert.Equal("Why sensors fail in the cold", article.Title);
        Assert.Equal(140, article.LikeCount);
        Assert.Equal("tove-lindqvist", article.AuthorUsername);
        Assert.Equal("tove-lindqvist", article.ListedFor);
        Assert.Single(article.Images);
    }

    [Fact]
    public void A_subrip_transcript_gives_its_cues_and_says_its_format()
    {
        using var document = Fixture.Document("linkedin-transcript-srt.json");
        var call = LinkedInOperations.PostTranscript.Bind("urn:li:activity:7412345678901234567");
        var transcript = (LinkedInTranscript)call.Complete(call.Operation.Reader.Read(document.RootElement.GetProperty("data"), call.PathFor(), "data"));
        Assert.Equal("7412345678901234567", transcript.PostId);
        Assert.Equal("SubRip", transcript.Format);
        Assert.Equal(118, transcript.SizeBytes);
        Assert.Equal(2, transcript.Cues.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(120), transcript.Cues[0].Start);
        Assert.Equal(TimeSpan.FromMilliseconds(2480), transcript.Cues[0].End);
        Assert.Equal("Every one of them\ncame back working.", transcript.Cues[1].Text);
        Assert.StartsWith("1\n00:00:00,120", transcript.Content, StringComparison.Ordinal);
        Assert.Equal("Forty sensors went out in November. Every one of them\ncame back working.", transcript.ToString());
    }

    [Fact]
    public void A_webvtt_transcript_gives_its_cues()
    {
        using var document = Fixture.Document("linkedin-transcript-vtt.json");
        var call = LinkedInOperations.PostTranscript.Bind("7400000000000000009");
        var transcript = (LinkedInTranscript)call.Complete(call.Operation.Reader.Read(document.RootElement.GetProperty("data"), call.PathFor(), "data"));
        Assert.Equal("WebVTT", transcript.Format);
        Assert.Null(transcript.SizeBytes);
        Assert.Equal(TimeSpan.FromSeconds(1), transcript.Cues[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(3.5), transcript.Cues[1].Start);
        Assert.Equal("Second line.", transcript.Cues[1].Text);
    }

    [Fact]
    public void A_transcript_without_content_is_refused()
    {
        var failure = Fixture.Refused<LinkedInTranscript>("linkedin-transcript-vtt.json", "/t", data => data.Remove("content"));
        Assert.Contains("data.content", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_linkedin_operations_have_the_shapes_the_contract_gives_them()
    {
        Assert.Equal(OperationShape.Whole, LinkedInOperations.UserPosts.Shape);
        Assert.Equal(OperationShape.Whole, LinkedInOperations.UserArticles.Shape);
        Assert.Equal(OperationShape.Page, LinkedInOperations.CompanyPosts.Shape);
        Assert.Null(LinkedInOperations.CompanyPosts.Paging);
        Assert.Null(LinkedInOperations.CompanyPosts.Bind("stripe").DefaultPageSize);
        Assert.Equal("/v1/linkedin/companies/stripe/posts?cursor=abc", LinkedInOperations.CompanyPosts.Bind("stripe").PathFor(null, "abc"));
        foreach (var operation in new[] { LinkedInOperations.User, LinkedInOperations.Company, LinkedInOperations.Post, LinkedInOperations.PostTranscript })
        {
            Assert.Equal(OperationShape.One, operation.Shape);
        }
    }
}
