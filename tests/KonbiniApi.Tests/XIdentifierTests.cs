using KonbiniApi.Input;
using KonbiniApi.Operations;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>What people paste for X: handles, profile, post and community addresses on x.com and twitter.com.</summary>
public class XIdentifierTests
{
    [Theory]
    [InlineData("KhabyLame", "KhabyLame")]
    [InlineData("@KhabyLame", "KhabyLame")]
    [InlineData(" @Khaby_Lame ", "Khaby_Lame")]
    [InlineData("x", "x")]
    [InlineData("abcdefghijklmno", "abcdefghijklmno")]
    [InlineData("https://x.com/KhabyLame", "KhabyLame")]
    [InlineData("https://x.com/KhabyLame?s=20", "KhabyLame")]
    [InlineData("x.com/KhabyLame/", "KhabyLame")]
    [InlineData("https://twitter.com/KhabyLame", "KhabyLame")]
    [InlineData("https://mobile.twitter.com/KhabyLame?s=21&t=abc", "KhabyLame")]
    [InlineData("http://www.twitter.com/KhabyLame#top", "KhabyLame")]
    [InlineData("https://mobile.x.com/KhabyLame/media", "KhabyLame")]
    [InlineData("https://x.com/KhabyLame/status/2024515585569083437", "KhabyLame")]
    public void Usernames_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, XIdentifiers.Username.Parse(input));

    [Theory]
    [InlineData("abcdefghijklmnop", "at most 15")]
    [InlineData("khaby.lame", "'.'")]
    [InlineData("khaby-lame", "'-'")]
    [InlineData("@", "no name after '@'")]
    [InlineData("https://x.com/i/communities/1669501013441806336", "not a profile address")]
    [InlineData("https://x.com/home", "not a profile address")]
    [InlineData("https://x.com/", "not a profile address")]
    [InlineData("https://www.tiktok.com/@khaby.lame", "not on x.com or twitter.com")]
    [InlineData("https://x.com.evil.example/KhabyLame", "not on x.com or twitter.com")]
    [InlineData("https://notx.com/KhabyLame", "not on x.com or twitter.com")]
    public void Username_refusals_say_why(string input, string reason) =>
        Refusal.Assert(XIdentifiers.Username, input, reason);

    [Theory]
    [InlineData("2024515585569083437", "2024515585569083437")]
    [InlineData("https://x.com/KhabyLame/status/2024515585569083437", "2024515585569083437")]
    [InlineData("https://twitter.com/KhabyLame/status/2024515585569083437?s=20", "2024515585569083437")]
    [InlineData("https://mobile.twitter.com/KhabyLame/status/2024515585569083437/photo/1", "2024515585569083437")]
    [InlineData("x.com/i/web/status/2024515585569083437", "2024515585569083437")]
    [InlineData("https://twitter.com/KhabyLame/statuses/20", "20")]
    public void Post_ids_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, XIdentifiers.PostId.Parse(input));

    [Theory]
    [InlineData("https://x.com/KhabyLame", "not a post")]
    [InlineData("20245155855690834370", "at most 19")]
    [InlineData("2024515585569083437x", "digits only")]
    [InlineData("https://x.com/KhabyLame/status/abc", "digits only")]
    public void Post_id_refusals_say_why(string input, string reason) =>
        Refusal.Assert(XIdentifiers.PostId, input, reason);

    [Theory]
    [InlineData("1669501013441806336", "1669501013441806336")]
    [InlineData("https://x.com/i/communities/1669501013441806336", "1669501013441806336")]
    [InlineData("https://twitter.com/i/communities/1669501013441806336/about?s=20", "1669501013441806336")]
    public void Community_ids_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, XIdentifiers.CommunityId.Parse(input));

    [Fact]
    public void A_post_address_is_not_a_community() =>
        Refusal.Assert(XIdentifiers.CommunityId, "https://x.com/a/status/1", "not a community");

    [Fact]
    public void Handles_repeat_whatever_their_case_and_lists_differ_by_route()
    {
        Assert.Equal(XOperations.UserPosts.Bind("KhabyLame").Key, XOperations.UserPosts.Bind("@khabylame").Key);
        Assert.NotEqual(XOperations.UserPosts.Bind("khabylame").Key, XOperations.UserHighlights.Bind("khabylame").Key);
        Assert.NotEqual(XOperations.CommunityPosts.Bind("1").Key, XOperations.CommunityMedia.Bind("1").Key);
    }

    [Fact]
    public void A_users_posts_are_paged_by_cursor_alone()
    {
        var call = XOperations.UserPosts.Bind("KhabyLame");
        Assert.Null(XOperations.UserPosts.Paging);
        Assert.Equal(OperationShape.Page, XOperations.UserPosts.Shape);
        Assert.Equal("/v1/x/users/KhabyLame/posts", call.PathFor());
        Assert.Equal("/v1/x/users/KhabyLame/posts?cursor=abc", call.PathFor(call.DefaultPageSize, "abc"));
        Assert.Equal("its page size is 1 to 100", XOperations.UserHighlights.Paging!.Describe());
    }
}
