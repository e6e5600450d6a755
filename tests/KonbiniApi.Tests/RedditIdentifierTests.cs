using System;
using KonbiniApi.Errors;
using KonbiniApi.Input;
using KonbiniApi.Operations;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>Reddit inputs as people paste them: the u/ and r/ forms, fullname prefixes and every reddit.com address.</summary>
public class RedditIdentifierTests
{
    [Theory]
    [InlineData("spez", "spez")]
    [InlineData("u/spez", "spez")]
    [InlineData("/u/spez", "spez")]
    [InlineData("/user/spez/", "spez")]
    [InlineData("U/Spez", "Spez")]
    [InlineData("https://www.reddit.com/user/spez/", "spez")]
    [InlineData("https://old.reddit.com/u/spez/comments/", "spez")]
    [InlineData("reddit.com/user/Some-One_2", "Some-One_2")]
    public void Usernames_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, RedditIdentifiers.Username.Parse(input));

    [Theory]
    [InlineData("programming", "programming")]
    [InlineData("r/programming", "programming")]
    [InlineData("/r/AskReddit/", "AskReddit")]
    [InlineData("https://www.reddit.com/r/programming/", "programming")]
    [InlineData("https://old.reddit.com/r/programming/comments/1tlh5aj/title/", "programming")]
    [InlineData("de", "de")]
    public void Subreddits_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, RedditIdentifiers.Subreddit.Parse(input));

    [Theory]
    [InlineData("1tlh5aj", "1tlh5aj")]
    [InlineData("t3_1tlh5aj", "1tlh5aj")]
    [InlineData("T3_1tlh5aj", "1tlh5aj")]
    [InlineData("https://www.reddit.com/r/programming/comments/1tlh5aj/launch_day/", "1tlh5aj")]
    [InlineData("https://old.reddit.com/r/programming/comments/1tlh5aj/launch_day/onflihe/", "1tlh5aj")]
    [InlineData("www.reddit.com/comments/1tlh5aj", "1tlh5aj")]
    [InlineData("https://redd.it/1tlh5aj", "1tlh5aj")]
    public void Post_ids_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, RedditIdentifiers.PostId.Parse(input));

    [Theory]
    [InlineData("onflihe", "onflihe")]
    [InlineData("t1_onflihe", "onflihe")]
    [InlineData("https://www.reddit.com/r/programming/comments/1tlh5aj/launch_day/onflihe/", "onflihe")]
    [InlineData("https://www.reddit.com/r/programming/comments/1tlh5aj/comment/onflihe/", "onflihe")]
    [InlineData("https://old.reddit.com/r/programming/comments/1tlh5aj/launch_day/onflihe/?context=3", "onflihe")]
    public void Comment_ids_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, RedditIdentifiers.CommentId.Parse(input));

    [Theory]
    [InlineData("2qh0y", "2qh0y")]
    [InlineData("t5_2qh0y", "2qh0y")]
    public void Subreddit_ids_take_the_t5_prefix(string input, string expected) =>
        Assert.Equal(expected, RedditIdentifiers.SubredditId.Parse(input));

    [Theory]
    [InlineData("t1_onflihe", "another kind of Reddit object")]
    [InlineData("https://www.reddit.com/r/programming/", "holds no such ID")]
    [InlineData("https://www.reddit.com/r/programming/s/AbCdEf", "share link")]
    [InlineData("https://www.youtube.com/watch?v=1", "not on Reddit")]
    [InlineData("abc-def", "letters and digits only")]
    public void Post_id_refusals_say_why(string input, string reason)
    {
        var refused = Assert.Throws<KonbiniApiException>(() => RedditIdentifiers.PostId.Parse(input));
        Assert.Equal(ApiErrorKind.InvalidInput, refused.Kind);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab", "3 to 20")]
    [InlineData("spez.dot", "'.'")]
    [InlineData("https://www.reddit.com/r/programming/", "names no user")]
    public void Username_refusals_say_why(string input, string reason)
    {
        var refused = Assert.Throws<KonbiniApiException>(() => RedditIdentifiers.Username.Parse(input));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_repeats_in_any_letter_case_and_ids_are_not()
    {
        Assert.Equal(RedditOperations.User.Bind("u/Spez").Key, RedditOperations.User.Bind("spez").Key);
        Assert.Equal(RedditOperations.Subreddit.Bind("r/Programming").Key, RedditOperations.Subreddit.Bind("programming").Key);
        Assert.NotEqual(RedditOperations.Post.Bind("AbC").Key, RedditOperations.Post.Bind("abc").Key);
    }

    [Fact]
    public void Every_batch_names_its_kind_and_only_posts_have_a_lookup_of_one_id()
    {
        Assert.Same(RedditOperations.Post, RedditOperations.PostsBatch.SingleLookup);
        Assert.Null(RedditOperations.CommentsBatch.SingleLookup);
        Assert.Null(RedditOperations.SubredditsBatch.SingleLookup);
        Assert.Same(RedditIdentifiers.PostId, RedditOperations.PostsBatch.Parameters[0].Kind);
        Assert.Same(RedditIdentifiers.CommentId, RedditOperations.CommentsBatch.Parameters[0].Kind);
        Assert.Same(RedditIdentifiers.SubredditId, RedditOperations.SubredditsBatch.Parameters[0].Kind);
        Assert.All(new[] { RedditOperations.PostsBatch, RedditOperations.CommentsBatch, RedditOperations.SubredditsBatch }, batch => Assert.Equal(OperationShape.Batch, batch.Shape));
    }
}
