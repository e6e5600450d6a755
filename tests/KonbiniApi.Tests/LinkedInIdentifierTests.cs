using KonbiniApi.Input;
using KonbiniApi.Operations;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>What people paste for LinkedIn members, companies and posts, and what is refused before any request.</summary>
public class LinkedInIdentifierTests
{
    [Theory]
    [InlineData("reidhoffman", "reidhoffman")]
    [InlineData("  ReidHoffman ", "ReidHoffman")]
    [InlineData("12345", "12345")]
    [InlineData("007", "007")]
    [InlineData("jane-doe-0b1a2c3", "jane-doe-0b1a2c3")]
    [InlineData("john_smith", "john_smith")]
    [InlineData("j.smith", "j.smith")]
    [InlineData("jürgen-müller", "jürgen-müller")]
    [InlineData("王小明", "王小明")]
    [InlineData("https://www.linkedin.com/in/reidhoffman/", "reidhoffman")]
    [InlineData("https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller?trk=x", "jürgen-müller")]
    [InlineData("linkedin.com/in/12345", "12345")]
    [InlineData("www.linkedin.com/in/reidhoffman/recent-activity/all/", "reidhoffman")]
    [InlineData("http://linkedin.com/in/emu.list.5", "emu.list.5")]
    public void Member_names_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, LinkedInIdentifiers.Username.Parse(input));

    [Theory]
    [InlineData("stripe", "stripe")]
    [InlineData("2135371", "2135371")]
    [InlineData("1", "1")]
    [InlineData("https://www.linkedin.com/company/stripe/posts/?feedView=all", "stripe")]
    [InlineData("https://www.linkedin.com/company/2135371/", "2135371")]
    [InlineData("linkedin.com/company/the-new-york-times", "the-new-york-times")]
    public void Companies_come_from_vanity_names_numeric_ids_and_page_urls(string input, string expected) =>
        Assert.Equal(expected, LinkedInIdentifiers.Company.Parse(input));

    [Theory]
    [InlineData("7483253516766109696", "7483253516766109696")]
    [InlineData("urn:li:activity:7483253516766109696", "7483253516766109696")]
    [InlineData("URN:LI:ACTIVITY:7483253516766109696", "7483253516766109696")]
    [InlineData("stripe_new-providers-on-stripe-projects-are-available-activity-7483253516766109696-xCr3", "7483253516766109696")]
    [InlineData("reidhoffman_activity-is-a-word-here-activity-7486053762244079616-zWLl", "7486053762244079616")]
    [InlineData("https://www.linkedin.com/posts/stripe_new-providers-activity-7483253516766109696-xCr3/?utm_source=share", "7483253516766109696")]
    [InlineData("https://www.linkedin.com/feed/update/urn:li:activity:7483258151840993280/", "7483258151840993280")]
    [InlineData("https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7483258151840993280", "7483258151840993280")]
    [InlineData("https://www.linkedin.com/feed/update/7483258151840993280", "7483258151840993280")]
    [InlineData("9906000000000000001", "9906000000000000001")]
    public void Posts_come_from_ids_urns_slugs_and_urls(string input, string expected) =>
        Assert.Equal(expected, LinkedInIdentifiers.PostId.Parse(input));

    [Theory]
    [InlineData("reid hoffman", "U+0020")]
    [InlineData("reid/hoffman", "'/'")]
    [InlineData("...", "dots only")]
    [InlineData("https://www.linkedin.com/company/stripe", "company address")]
    [InlineData("https://www.linkedin.com/feed/", "not a /in/ address")]
    [InlineData("https://www.tiktok.com/in/reidhoffman", "not on LinkedIn")]
    [InlineData("https://linkedin.com.evil.example/in/x", "not on LinkedIn")]
    public void Member_refusals_say_why(string input, string reason) =>
        Refusal.Assert(LinkedInIdentifiers.Username, input, reason);

    [Fact]
    public void A_name_over_linkedins_limit_is_refused_and_one_at_it_is_accepted()
    {
        Assert.Equal(new string('a', 100), LinkedInIdentifiers.Username.Parse(new string('a', 100)));
        Refusal.Assert(LinkedInIdentifiers.Company, new string('1', 101), "at most 100");
    }

    [Theory]
    [InlineData("https://www.linkedin.com/in/reidhoffman", "member's profile address")]
    [InlineData("stripe inc", "U+0020")]
    public void Company_refusals_say_why(string input, string reason) =>
        Refusal.Assert(LinkedInIdentifiers.Company, input, reason);

    [Theory]
    [InlineData("urn:li:share:7483253516766109696", "share URN")]
    [InlineData("urn:li:ugcPost:7483253516766109696", "ugcPost URN")]
    [InlineData("hello-world", "neither an activity ID nor a post slug")]
    [InlineData("name_title-activity-", "no activity ID")]
    [InlineData("name_title-activity-12x4-abcd", "not an activity ID")]
    [InlineData("74832535167661096961", "at most 19")]
    [InlineData("https://www.linkedin.com/in/reidhoffman", "not a post address")]
    [InlineData("https://www.linkedin.com/pulse/some-article-reid-hoffman-qcu3c", "not a post address")]
    public void Post_refusals_say_why(string input, string reason) =>
        Refusal.Assert(LinkedInIdentifiers.PostId, input, reason);

    [Fact]
    public void Names_are_one_request_whatever_their_case_and_posts_whatever_their_form()
    {
        Assert.Equal(LinkedInOperations.User.Bind("ReidHoffman").Key, LinkedInOperations.User.Bind("https://www.linkedin.com/in/reidhoffman").Key);
        Assert.Equal(LinkedInOperations.Post.Bind("urn:li:activity:7483253516766109696").Key, LinkedInOperations.Post.Bind("x_y-activity-7483253516766109696-abcd").Key);
        Assert.NotEqual(LinkedInOperations.UserPosts.Bind("stripe").Key, LinkedInOperations.CompanyPosts.Bind("stripe").Key);
    }
}
