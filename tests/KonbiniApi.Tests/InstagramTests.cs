using System;
using System.Linq;
using KonbiniApi.Input;
using KonbiniApi.Json;
using KonbiniApi.Models;
using KonbiniApi.Operations;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>Instagram: what people paste for each identifier, and the models read from hand-written answers.</summary>
public class InstagramTests
{
    [Theory]
    [InlineData("harbour.noodles", "harbour.noodles")]
    [InlineData(" @Harbour_Noodles ", "Harbour_Noodles")]
    [InlineData("https://www.instagram.com/harbour.noodles/", "harbour.noodles")]
    [InlineData("instagram.com/harbour.noodles?igsh=xyz", "harbour.noodles")]
    [InlineData("https://instagram.com/harbour.noodles/reels/", "harbour.noodles")]
    [InlineData("a1", "a1")]
    [InlineData("abcdefghijabcdefghijabcdefghij", "abcdefghijabcdefghijabcdefghij")]
    public void Usernames_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, InstagramIdentifiers.Username.Parse(input));

    [Theory]
    [InlineData("https://www.instagram.com/p/DVRYDo-Cjw3/", "not a profile address")]
    [InlineData("https://www.instagram.com/explore/tags/food/", "not a profile address")]
    [InlineData("https://www.tiktok.com/@harbour", "not on Instagram")]
    [InlineData("abcdefghijabcdefghijabcdefghijk", "at most 30")]
    [InlineData("harbour.", "begin or end")]
    [InlineData(".harbour", "begin or end")]
    [InlineData("har..bour", "two '.'")]
    [InlineData("779085683", "numeric ID")]
    [InlineData("harbour-noodles", "'-'")]
    public void Username_refusals_say_why(string input, string reason) =>
        Refusal.Assert(InstagramIdentifiers.Username, input, reason);

    [Theory]
    [InlineData("DVRYDo-Cjw3", "DVRYDo-Cjw3")]
    [InlineData("https://www.instagram.com/p/DVRYDo-Cjw3/", "DVRYDo-Cjw3")]
    [InlineData("https://www.instagram.com/reel/DVRYDo-Cjw3/?utm_source=ig_web_copy_link", "DVRYDo-Cjw3")]
    [InlineData("www.instagram.com/reels/C_x1/", "C_x1")]
    [InlineData("https://www.instagram.com/tv/B8aaaaaaaaa", "B8aaaaaaaaa")]
    [InlineData("https://www.instagram.com/harbour.noodles/p/Bx7-Qa_Lm2Z/", "Bx7-Qa_Lm2Z")]
    public void Shortcodes_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, InstagramIdentifiers.Shortcode.Parse(input));

    [Theory]
    [InlineData("https://www.instagram.com/harbour.noodles/", "not a post or reel address")]
    [InlineData("DVRYDo.Cjw3", "'.'")]
    [InlineData("https://www.youtube.com/watch?v=1", "not on Instagram")]
    public void Shortcode_refusals_say_why(string input, string reason) =>
        Refusal.Assert(InstagramIdentifiers.Shortcode, input, reason);

    [Fact]
    public void Shortcodes_keep_their_case_and_usernames_do_not()
    {
        Assert.NotEqual(InstagramOperations.Post.Bind("AbC").Key, InstagramOperations.Post.Bind("abc").Key);
        Assert.Equal(InstagramOperations.User.Bind("Harbour").Key, InstagramOperations.User.Bind("@harbour").Key);
    }

    [Theory]
    [InlineData("17986596002776443", "17986596002776443")]
    [InlineData("highlight:17986596002776443", "17986596002776443")]
    [InlineData("HIGHLIGHT:17986596002776443", "17986596002776443")]
    [InlineData("https://www.instagram.com/stories/highlights/17986596002776443/", "17986596002776443")]
    public void Highlight_ids_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, InstagramIdentifiers.HighlightId.Parse(input));

    [Theory]
    [InlineData("212999109", "212999109")]
    [InlineData("https://www.instagram.com/explore/locations/212999109/los-angeles-california/", "212999109")]
    public void Location_ids_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, InstagramIdentifiers.LocationId.Parse(input));

    [Theory]
    [InlineData("highlight:", "no digits")]
    [InlineData("highlight:12a", "digits only")]
    [InlineData("https://www.instagram.com/stories/harbour/", "holds no such ID")]
    public void Highlight_id_refusals_say_why(string input, string reason) =>
        Refusal.Assert(InstagramIdentifiers.HighlightId, input, reason);

    [Fact]
    public void Page_bounds_follow_the_contract()
    {
        Assert.Equal("the platform fixes its page size at 15", InstagramOperations.PostComments.Paging!.Describe());
        Assert.Equal("the platform fixes its page size at 21", InstagramOperations.LocationPosts.Paging!.Describe());
        Assert.Equal(12, InstagramOperations.UserPosts.Paging!.Maximum);
        Assert.Equal(24, InstagramOperations.Search.Paging!.Maximum);
        Assert.Equal(1, InstagramOperations.Search.Paging!.Minimum);
        Assert.Null(InstagramOperations.UserHighlights.Paging);
        Assert.Equal(OperationShape.Page, InstagramOperations.UserHighlights.Shape);
        Assert.Equal(OperationShape.Whole, InstagramOperations.HighlightStories.Shape);
        Assert.Equal("/v1/instagram/users/a.b/highlights?cursor=x", InstagramOperations.UserHighlights.Bind("a.b").PathFor(InstagramOperations.UserHighlights.Bind("a.b").DefaultPageSize, "x"));
    }

    [Fact]
    public void A_full_profile_fills_every_property_and_ignores_unknown_members()
    {
        var user = Fixture.Read<InstagramUser>("instagram-user.json", "/v1/instagram/users/harbour.noodles");
        Assert.Equal("harbour.noodles", user.Username);
        Assert.Equal("Harbour Noodles 🍜", user.DisplayName);
        Assert.Equal("Hand-pulled since 1998\nKowloon ⇄ Lisbon", user.Bio);
        Assert.Equal("https://example.org/menu https://example.org/book", user.Links.ToString());
        Assert.Equal("preferred", user.Links[0].Rel);
        Assert.True(user.IsVerified && user.IsBusiness && user.IsProfessional && user.HasChannel && user.HasVideos);
        Assert.False(user.IsPaidVerified || user.IsPrivate || user.HasThreads);
        Assert.Equal("Restaurant", user.Category);
        Assert.Equal("they/them", user.Pronouns.ToString());
        Assert.Equal(3_400_000_000, user.FollowerCount);
        Assert.Equal(212, user.FollowingCount);
        Assert.Equal(1873, user.PostCount);
        Assert.Equal(340, user.ReelCount);
        Assert.Equal(14, user.HighlightCount);
        Assert.Equal("https://cdn.example.org/hn/avatar.jpg", user.Avatar!.Url);
        Assert.Equal(150, user.Images[0].Width);
        Assert.Null(user.Images[1].Width);
        Assert.Equal("51234098765", user.UserId);
        Assert.Equal("@harbour.noodles", user.ToString());
    }

    [Theory]
    [InlineData("preferredUsername")]
    [InlineData("isPaidVerified")]
    [InlineData("highlightCount")]
    [InlineData("entityId")]
    public void A_profile_without_a_required_member_is_refused_and_names_it(string member)
    {
        var refused = Fixture.Refused<InstagramUser>("instagram-user.json", "/v1/instagram/users/x", data => data.Remove(member));
        Assert.Contains("data." + member, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_carousel_with_collaborators_reads_every_author_slide_and_file()
    {
        var post = Fixture.Read<InstagramPost>("instagram-post-carousel.json", "/v1/instagram/posts/Bx7-Qa_Lm2Z");
        Assert.Equal("Bx7-Qa_Lm2Z", post.PostId);
        Assert.Equal("Image", post.Type);
        Assert.Equal("carousel", post.ContentFormat);
        Assert.Equal(new DateTime(2025, 11, 3, 7, 15, 0, DateTimeKind.Utc), post.Published);
        Assert.Equal(DateTimeKind.Utc, post.Published!.Value.Kind);
        Assert.Equal(48211, post.LikeCount);
        Assert.Equal(310, post.CommentCount);
        Assert.Null(post.ViewCount);
        Assert.Equal(2, post.Authors.Count);
        Assert.Equal("harbour.noodles", post.AuthorUsername);
        Assert.Equal("collaborator", post.Authors[1].Role);
        Assert.Equal("@harbour.noodles @tile_and_steam", post.Authors.ToString());
        Assert.Equal("Alfama, Lisbon", post.Place!.ToString());
        Assert.Equal("108218539205487", post.Place.LocationId);
        Assert.Equal("noodles tile_and_steam", post.Tags.ToString());
        Assert.Equal("https://cdn.example.org/hn/bowl1.jpg", post.Files.ToString());
        Assert.Equal(2, post.Files[0].Urls.Count);
        Assert.Equal(2, post.SlideCount);
        Assert.Equal("Video", post.Slides[1].Type);
        Assert.Equal("https://cdn.example.org/hn/s2.mp4", post.Slides[1].ToString());
        Assert.Equal("https://cdn.example.org/hn/s1.jpg", post.Slides[0].ToString());
        Assert.True(post.IsEdited);
        Assert.Equal("Three bowls of noodles on a tiled table", post.AltText);
    }

    [Fact]
    public void A_post_with_one_author_object_holds_a_list_of_one()
    {
        var post = Fixture.Read<InstagramPost>("instagram-post-carousel.json", "/v1/instagram/posts/x", data => data["attributedTo"] = data["attributedTo"]![0]!.DeepClone());
        Assert.Single(post.Authors);
        Assert.Equal("harbour.noodles", post.AuthorUsername);
    }

    [Fact]
    public void A_post_with_no_author_has_an_empty_list()
    {
        const string Json = "{\"type\":\"Video\",\"id\":\"https://www.instagram.com/p/A/\",\"url\":\"https://www.instagram.com/p/A/\",\"entityId\":\"A\",\"attributedTo\":null}";
        using var document = System.Text.Json.JsonDocument.Parse(Json);
        var post = ModelReader.Read<InstagramPost>(document.RootElement, "/v1/instagram/posts/A", "data");
        Assert.Empty(post.Authors);
        Assert.Null(post.AuthorUsername);
        Assert.Null(post.Published);
    }

    [Fact]
    public void Comments_read_with_and_without_an_author()
    {
        using var document = Fixture.Document("instagram-comments-page.json");
        var items = document.RootElement.GetProperty("data").GetProperty("orderedItems");
        var first = ModelReader.Read<InstagramComment>(items[0], "/v1/instagram/posts/Bx7-Qa_Lm2Z/comments", "data.orderedItems[0]");
        var second = ModelReader.Read<InstagramComment>(items[1], "/v1/instagram/posts/Bx7-Qa_Lm2Z/comments", "data.orderedItems[1]");
        Assert.Equal("18011112222333444", first.CommentId);
        Assert.Equal("Which one is the spicy one? 🌶️", first.Text);
        Assert.Equal("ana.eats", first.AuthorUsername);
        Assert.Equal(57, first.LikeCount);
        Assert.Equal(2, first.ReplyCount);
        Assert.Equal("https://www.instagram.com/p/Bx7-Qa_Lm2Z/", first.InReplyTo);
        Assert.Null(second.Author);
        Assert.Null(second.Published);
    }

    [Fact]
    public void Comments_are_annotated_with_their_post_and_what_they_were_listed_for()
    {
        using var document = Fixture.Document("instagram-comments-page.json");
        var call = InstagramOperations.PostComments.Bind("https://www.instagram.com/p/Bx7-Qa_Lm2Z/");
        var comment = (InstagramComment)call.Complete(call.Operation.Reader.Read(document.RootElement.GetProperty("data").GetProperty("orderedItems")[0], "/x", "data.orderedItems[0]"));
        Assert.Equal("Bx7-Qa_Lm2Z", comment.PostId);
        Assert.Equal("Bx7-Qa_Lm2Z", comment.ListedFor);
    }

    [Fact]
    public void Highlight_stories_read_media_and_link_stickers_and_carry_their_highlight()
    {
        using var document = Fixture.Document("instagram-highlight.json");
        var call = InstagramOperations.HighlightStories.Bind("highlight:17999000111222333");
        var items = document.RootElement.GetProperty("data").GetProperty("orderedItems");
        var stories = Enumerable.Range(0, items.GetArrayLength())
            .Select(i => (InstagramStory)call.Complete(call.Operation.Reader.Read(items[i], "/x", "data.orderedItems[" + i + "]")))
            .ToArray();
        Assert.Equal("3400000000000000010", stories[0].StoryId);
        Assert.Equal("Video", stories[0].Type);
        Assert.Equal(9.5, stories[0].DurationSeconds);
        Assert.Equal("https://cdn.example.org/hn/story10.mp4 https://example.org/book", stories[0].Attachments.ToString());
        Assert.Equal("https://example.org/book", stories[0].Attachments[1].Href);
        Assert.Empty(stories[0].Attachments[1].Urls);
        Assert.Equal("Steam rising from a pot", stories[0].AltText);
        Assert.All(stories, story => Assert.Equal("17999000111222333", story.HighlightId));
        Assert.All(stories, story => Assert.Equal("17999000111222333", story.ListedFor));
        Assert.Null(stories[1].Url);
        Assert.Equal("3400000000000000011", stories[1].ToString());
    }

    [Fact]
    public void A_highlight_in_a_list_keeps_the_id_the_story_cmdlet_takes()
    {
        const string Json = "{\"type\":\"OrderedCollection\",\"id\":\"https://www.instagram.com/stories/highlights/17/\",\"entityId\":\"highlight:17\",\"name\":\"Kitchen\",\"totalItems\":null}";
        using var document = System.Text.Json.JsonDocument.Parse(Json);
        var highlight = ModelReader.Read<InstagramHighlight>(document.RootElement, "/x", "data.orderedItems[0]");
        Assert.Equal("highlight:17", highlight.HighlightId);
        Assert.Null(highlight.StoryCount);
        Assert.Equal("17", InstagramIdentifiers.HighlightId.Parse(highlight.HighlightId));
        Assert.Equal("Kitchen", highlight.ToString());
    }
}
