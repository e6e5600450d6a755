using System.Linq;
using System.Text.Json;
using KonbiniApi.Errors;
using KonbiniApi.Json;
using KonbiniApi.Models;
using KonbiniApi.Operations;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>Reddit's models against fixtures written for these tests: what the contract allows to be absent or
/// null, mixed attachments, what the permalink says, and how the overview tells posts from comments.</summary>
public class RedditModelTests
{
    private const string RequestPath = "/v1/reddit/posts/9zq1x2";

    private static RedditPost ReadPost()
    {
        using var document = Fixture.Document("reddit-post.json");
        return ModelReader.Read<RedditPost>(document.RootElement.GetProperty("data"), RequestPath, "data");
    }

    [Fact]
    public void A_post_reads_its_members_its_subreddit_from_the_permalink_and_its_mixed_attachments()
    {
        var post = ReadPost();
        Assert.Equal("9zq1x2", post.PostId);
        Assert.Equal("Ship it Friday", post.Title);
        Assert.Null(post.Text);
        Assert.Equal("pwsh", post.Subreddit);
        Assert.Equal("tea_kettle7", post.AuthorUsername);
        Assert.Equal("u/tea_kettle7", post.Author!.ToString());
        Assert.Equal(3_100_000_000L, post.LikeCount);
        Assert.Equal(2950, post.Score);
        Assert.Equal(41, post.CommentCount);
        Assert.Equal(3, post.CrosspostCount);
        Assert.True(post.IsLocked);
        Assert.Null(post.IsOriginal);
        Assert.Equal(System.DateTimeKind.Utc, post.Published!.Value.Kind);
        Assert.Equal("pwsh Showcase", post.Tags.ToString());
        Assert.Equal("https://i.redd.it/a_640.jpg https://i.redd.it/a_1080.jpg", post.Images.ToString());
        Assert.Equal(["Video", "Image", "Link"], post.Attachments.Select(a => a.Type));
        Assert.Equal(2, post.Attachments[0].Urls.Count);
        Assert.Equal(12.5, post.Attachments[0].DurationSeconds);
        Assert.Equal("https://i.redd.it/a.jpg", post.Attachments[1].ToString());
        Assert.Equal("https://example.org/news", post.Attachments[2].ToString());
        Assert.Equal("8yy0a1", post.CrosspostOf);
        Assert.Equal("dotnet", post.Crosspost!.Subreddit);
    }

    [Theory]
    [InlineData("likeCount")]
    [InlineData("url")]
    [InlineData("id")]
    public void A_post_without_a_required_member_is_an_invalid_response_that_names_it(string member)
    {
        using var document = Fixture.Document("reddit-post.json");
        var data = System.Text.Json.Nodes.JsonNode.Parse(document.RootElement.GetProperty("data").GetRawText())!.AsObject();
        data.Remove(member);
        using var broken = JsonDocument.Parse(data.ToJsonString());
        var failure = Assert.Throws<KonbiniApiException>(() => ModelReader.Read<RedditPost>(broken.RootElement, RequestPath, "data"));
        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("data." + member, failure.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_overview_reads_posts_as_posts_and_comments_as_comments()
    {
        using var document = Fixture.Document("reddit-overview-page.json");
        var items = document.RootElement.GetProperty("data").GetProperty("orderedItems").EnumerateArray()
            .Select((item, i) => RedditOperations.UserOverview.Reader.Read(item, "/v1/reddit/users/tea_kettle7/overview", "data.orderedItems[" + i + "]"))
            .ToList();
        var post = Assert.IsType<RedditPost>(items[0]);
        Assert.Equal("Ship it Friday", post.Title);
        var reply = Assert.IsType<RedditComment>(items[1]);
        Assert.Equal("9zq1x2", reply.PostId);
        Assert.Equal("kk3m0p", reply.CommentId);
        Assert.Equal("jj2l9o", reply.ParentCommentId);
        Assert.Equal("pwsh", reply.Subreddit);
        var bare = Assert.IsType<RedditComment>(items[2]);
        Assert.Equal("9zq1x2", bare.PostId);
        Assert.Null(bare.ParentCommentId);
        Assert.Equal([typeof(RedditPost), typeof(RedditComment)], RedditOperations.UserOverview.Reader.ModelTypes);
    }

    [Fact]
    public void A_subreddit_without_a_slug_takes_its_name_from_its_address()
    {
        using var document = JsonDocument.Parse("""{"type":"Group","id":"https://www.reddit.com/r/Cooking/","url":"https://www.reddit.com/r/Cooking/","name":"Cooking together"}""");
        var subreddit = ModelReader.Read<RedditSubreddit>(document.RootElement, "/v1/reddit/subreddits/cooking", "data");
        Assert.Equal("Cooking", subreddit.Name);
        Assert.Equal("Cooking together", subreddit.Title);
        Assert.Equal("r/Cooking", subreddit.ToString());
    }

    [Fact]
    public void A_rule_says_which_subreddit_it_belongs_to()
    {
        using var document = JsonDocument.Parse("""{"type":"Document","name":"Be kind","content":"No insults."}""");
        var call = RedditOperations.SubredditRules.Bind("r/Cooking");
        var rule = (RedditRule)call.Complete(call.Operation.Reader.Read(document.RootElement, call.PathFor(), "data.orderedItems[0]"));
        Assert.Equal("Cooking", rule.Subreddit);
        Assert.Equal("Cooking", rule.ListedFor);
        Assert.Equal("Be kind", rule.ToString());
    }
}
