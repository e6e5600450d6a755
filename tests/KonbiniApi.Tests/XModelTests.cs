using System;
using System.Linq;
using System.Text.Json.Nodes;
using KonbiniApi.Errors;
using KonbiniApi.Models;
using KonbiniApi.Operations;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>X's models read from hand-written answers: every member lands, the four attachment shapes share one
/// class, required members are enforced, and everything prints as plain text for tables and CSV.</summary>
public class XModelTests
{
    private static T Read<T>(string fixture)
        where T : class => Fixture.Read<T>(fixture, "/v1/x/test");

    private static KonbiniApiException Refused<T>(string fixture, Action<JsonObject> change)
        where T : class => Fixture.Refused<T>(fixture, "/v1/x/test", change);

    [Fact]
    public void A_user_fills_every_property_and_keeps_counts_beyond_2_31()
    {
        var user = Read<XUser>("x-user.json");
        Assert.Equal("Lantern_Fox", user.Username);
        Assert.Equal("Lantern Fox 🦊", user.DisplayName);
        Assert.Equal("Night walks, paper lanterns.\nKyoto", user.Bio);
        Assert.Equal("1702233445566778899", user.UserId);
        Assert.Equal(3_100_000_000L, user.FollowerCount);
        Assert.Equal(17L, user.FollowingCount);
        Assert.Equal(904L, user.LikeCount);
        Assert.Equal(12_034L, user.PostCount);
        Assert.Equal(2_210L, user.MediaCount);
        Assert.Equal(88L, user.ListedCount);
        Assert.True(user.IsPaidVerified);
        Assert.False(user.IsVerified);
        Assert.Equal("Kyoto, Japan", user.Location);
        Assert.Equal(new DateTime(2012, 4, 9, 8, 15, 0, DateTimeKind.Utc), user.Created);
        Assert.Equal("https://t.co/lanternfox https://example.org/fox", user.Links.ToString());
        Assert.Equal("preferred", user.Links[0].Rel);
        Assert.Equal(400, user.Avatar!.Width);
        Assert.Equal("https://images.example.net/fox_banner/1500x500", user.Images.ToString());
        Assert.Equal("https://x.com/Lantern_Fox", user.ProfileUrl);
        Assert.Equal("@Lantern_Fox", user.ToString());
    }

    [Theory]
    [InlineData("preferredUsername")]
    [InlineData("isPaidVerified")]
    [InlineData("postCount")]
    [InlineData("entityId")]
    public void A_user_without_a_required_member_is_refused_by_name(string member)
    {
        var failure = Refused<XUser>("x-user.json", data => data.Remove(member));
        Assert.Contains("data." + member, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_fills_its_counts_author_reply_and_quote()
    {
        var post = Read<XPost>("x-post.json");
        Assert.Equal("1811122233344455566", post.PostId);
        Assert.Equal("Which lantern should lead the parade? #lanterns", post.Text);
        Assert.Equal(new DateTime(2026, 3, 14, 19, 5, 0, DateTimeKind.Utc), post.Published);
        Assert.Equal(4_200L, post.LikeCount);
        Assert.Equal(31L, post.ReplyCount);
        Assert.Equal(98_000L, post.ViewCount);
        Assert.Equal(12L, post.RepostCount);
        Assert.Equal(2L, post.QuoteCount);
        Assert.Equal(40L, post.SaveCount);
        Assert.Equal("text", post.ContentFormat);
        Assert.True(post.IsEdited);
        Assert.Equal("Lantern_Fox", post.AuthorUsername);
        Assert.Equal("@Lantern_Fox", post.Author!.ToString());
        Assert.True(post.Author.IsPaidVerified);
        Assert.Null(post.Author.FollowerCount);
        Assert.Equal("https://x.com/paper_moth/status/1811100000000000000", post.InReplyTo);
        Assert.Equal("1811000000000000001", post.QuotedPostId);
        Assert.Equal("paper_moth", post.Quote!.Author!.Username);
        Assert.Equal("https://example.org/route", post.Quote.Attachments.Single().Urls.Single());
        Assert.Equal("#lanterns", post.Tags.ToString());
        Assert.Equal("https://x.com/Lantern_Fox/status/1811122233344455566", post.ToString());
        Assert.Null(post.CommunityId);
    }

    [Fact]
    public void The_four_attachment_shapes_read_into_one_class()
    {
        var attachments = Read<XPost>("x-post.json").Attachments;
        var video = attachments[0];
        Assert.Equal("Video", video.Type);
        Assert.True(video.IsMedia);
        Assert.Equal(["https://video.example.net/a/720.mp4", "https://video.example.net/a/360.mp4"], video.Urls);
        Assert.Equal("video/mp4", video.MediaType);
        Assert.Equal(950_000L, video.Bitrate);
        Assert.Equal(16.266, video.DurationSeconds);
        Assert.Equal("https://video.example.net/a/720.mp4", video.ToString());

        var card = attachments[1];
        Assert.False(card.IsMedia);
        Assert.Equal("https://example.org/lanterns", card.Href);
        Assert.Equal("Lantern history", card.Name);
        Assert.Equal("https://example.org/lanterns", card.ToString());

        var poll = attachments[2];
        Assert.Equal("Question", poll.Type);
        Assert.Equal(194L, poll.VoterCount);
        Assert.Equal(new DateTime(2026, 3, 15, 19, 5, 0, DateTimeKind.Utc), poll.Closed);
        Assert.Equal(128L, poll.PollOptions[0].VoteCount);
        Assert.Null(poll.PollOptions[1].VoteCount);
        Assert.Equal("poll: Red / Gold", poll.ToString());
        Assert.Equal("Red (128) Gold", poll.PollOptions.ToString());

        Assert.True(Read<XPost>("x-post.json").HasMedia);
    }

    [Theory]
    [InlineData("entityId")]
    [InlineData("content")]
    [InlineData("likeCount")]
    [InlineData("url")]
    public void A_post_without_a_required_member_is_refused_by_name(string member)
    {
        var failure = Refused<XPost>("x-post.json", data => data.Remove(member));
        Assert.Contains("data." + member, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attachment_url_that_is_neither_a_string_nor_a_list_of_strings_is_refused()
    {
        var failure = Refused<XPost>("x-post.json", data => data["attachment"]![0]!["url"] = 5);
        Assert.Contains("data.attachment[0].url", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_without_optional_members_has_empty_lists_and_nulls()
    {
        var post = Fixture.Read<XPost>("x-post.json", "/v1/x/test", data =>
        {
            foreach (var optional in (string[])["published", "replyCount", "viewCount", "attributedTo", "quote", "image", "attachment", "tag", "inReplyTo"])
            {
                data.Remove(optional);
            }
        });
        Assert.Null(post.Published);
        Assert.Null(post.AuthorUsername);
        Assert.Null(post.QuotedPostId);
        Assert.Empty(post.Attachments);
        Assert.False(post.HasMedia);
        Assert.Equal(string.Empty, post.Tags.ToString());
    }

    [Fact]
    public void A_community_fills_its_rules_creator_and_topics()
    {
        var community = Read<XCommunity>("x-community.json");
        Assert.Equal("1700000000000000042", community.CommunityId);
        Assert.Equal("Paper Lantern Makers", community.Name);
        Assert.Equal("Share your lanterns, ask for help with frames.", community.Description);
        Assert.Equal(515_319L, community.MemberCount);
        Assert.Equal("Arts", community.Category);
        Assert.Equal("#crafts", community.Tags.ToString());
        Assert.Equal("Lanterns only | Be kind", community.Rules.ToString());
        Assert.Equal("1848458992051159411", community.Rules[0].RuleId);
        Assert.Equal("Posts should show or ask about lanterns.", community.Rules[0].Text);
        Assert.Equal("Lantern_Fox", community.CreatorUsername);
        Assert.Equal(new DateTime(2023, 6, 16, 0, 23, 54, 93, DateTimeKind.Utc), community.Created);
        Assert.Equal("Paper Lantern Makers", community.ToString());
    }

    [Fact]
    public void Community_lists_say_which_community_each_post_came_from()
    {
        using var document = Fixture.Document("x-post.json");
        var call = XOperations.CommunityMedia.Bind("https://x.com/i/communities/1700000000000000042");
        var post = (XPost)call.Complete(call.Operation.Reader.Read(document.RootElement.GetProperty("data"), "/v1/x/test", "data"));
        Assert.Equal("1700000000000000042", post.CommunityId);
        Assert.Equal("1700000000000000042", post.ListedFor);

        var highlights = XOperations.UserHighlights.Bind("@Lantern_Fox");
        var highlighted = (XPost)highlights.Complete(highlights.Operation.Reader.Read(document.RootElement.GetProperty("data"), "/v1/x/test", "data"));
        Assert.Equal("Lantern_Fox", highlighted.ListedFor);
        Assert.Null(highlighted.CommunityId);
    }
}
