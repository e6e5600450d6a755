using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>Every Reddit route against the contract: required members, bounds, refusals and their refunds,
/// charged not-founds, paging to the end, the batches and their per-ID cost, and agreement across routes.</summary>
public sealed class RedditRouteTests
{
    private const string Sub = "programming";
    private const string User = "spez";
    private const string NotFoundId = "9906000000000000000";

    private static readonly string[] FoundInOrder = ["abc1", "def2", "ghi3", "abc1"];
    private static readonly string[] PostRequired = ["type", "id", "url", "content", "likeCount"];
    private static readonly string[] CommentRequired = ["type", "id", "content", "likeCount"];
    private static readonly string[] PageRequired = ["@context", "type", "partOf", "totalItems", "cursor", "nextCursor", "next", "itemCount", "orderedItems"];

    /// <summary>Every GET list route: a target, and the members each item must carry.</summary>
    public static TheoryData<string, string> Lists() => new()
    {
        { "/v1/reddit/users/spez/posts", "post" },
        { "/v1/reddit/users/spez/comments", "comment" },
        { "/v1/reddit/users/spez/overview", "either" },
        { "/v1/reddit/subreddits/programming/posts", "post" },
        { "/v1/reddit/subreddits/programming/comments", "comment" },
        { "/v1/reddit/subreddits/programming/search?q=rust", "post" },
        { "/v1/reddit/posts/9900000000000000040/duplicates", "post" },
        { "/v1/reddit/posts/9900000000000000040/comments", "comment" },
        { "/v1/reddit/posts/1tlh5aj/comments/9900000000000000040/replies", "comment" },
        { "/v1/reddit/feeds/hot", "post" },
        { "/v1/reddit/search/posts?q=rust", "post" },
        { "/v1/reddit/search/users?q=spez", "user" },
        { "/v1/reddit/search/subreddits?q=code", "subreddit" },
    };

    private static void HasAll(JsonElement element, IEnumerable<string> members, string where)
    {
        foreach (var member in members)
        {
            Assert.True(element.TryGetProperty(member, out _), where + " lacks " + member + ": " + element);
        }
    }

    private static void CheckItem(JsonElement item, string kind)
    {
        switch (kind)
        {
            case "post":
                HasAll(item, PostRequired, "a post");
                Assert.Equal("Note", item.GetProperty("type").GetString());
                Assert.DoesNotContain("comments/" + item.GetProperty("entityId").GetString() + "/x", item.GetProperty("url").GetString()!, StringComparison.Ordinal);
                break;
            case "comment":
                HasAll(item, CommentRequired, "a comment");
                Assert.True(item.TryGetProperty("inReplyTo", out _));
                break;
            case "either":
                HasAll(item, CommentRequired, "an activity");
                break;
            case "user":
                HasAll(item, ["type", "id", "url"], "a user");
                Assert.Equal("Person", item.GetProperty("type").GetString());
                break;
            case "subreddit":
                HasAll(item, ["type", "id", "url", "name"], "a subreddit");
                Assert.Equal("Group", item.GetProperty("type").GetString());
                break;
        }
    }

    private static async Task<ApiAnswer> PostAsync(TestEmulator emulator, string target, string body, string? key = TestEmulator.Key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseAddress, target))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await emulator.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement? parsed = null;
        try
        {
            parsed = TestEmulator.JsonElementFrom(text);
        }
        catch (JsonException)
        {
        }

        var used = TestEmulator.Header(response, "X-Credits-Used");
        var remaining = TestEmulator.Header(response, "X-Credits-Remaining");
        return new ApiAnswer(
            (int)response.StatusCode,
            used is null ? null : int.Parse(used, CultureInfo.InvariantCulture),
            remaining is null ? null : long.Parse(remaining, CultureInfo.InvariantCulture),
            parsed,
            text);
    }

    private static string Ids(params string[] ids) => JsonSerializer.Serialize(new Dictionary<string, string[]> { ["entityIds"] = ids });

    private static string WithoutContext(JsonElement data) =>
        JsonSerializer.Serialize(data.EnumerateObject().Where(p => p.Name != "@context").ToDictionary(p => p.Name, p => p.Value));

    [Theory]
    [InlineData("/v1/reddit/users/spez", "Person")]
    [InlineData("/v1/reddit/users/u%2Fspez", "Person")]
    [InlineData("/v1/reddit/subreddits/programming", "Group")]
    [InlineData("/v1/reddit/subreddits/r%2Fprogramming", "Group")]
    [InlineData("/v1/reddit/posts/1tlh5aj", "Note")]
    [InlineData("/v1/reddit/posts/t3_1tlh5aj", "Note")]
    [InlineData("/v1/reddit/posts/1tlh5aj/comments/onflihe", "Note")]
    [InlineData("/v1/reddit/subreddits/programming/sticky", "OrderedCollection")]
    [InlineData("/v1/reddit/subreddits/programming/rules", "OrderedCollection")]
    public async Task Single_objects_and_whole_lists_carry_the_contracts_required_members(string target, string type)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, target);
        Assert.Equal(200, answer.Status);
        Assert.Equal(1, answer.Used);
        Assert.Equal(type, answer.Data.GetProperty("type").GetString());
        HasAll(answer.Data, ["@context", "type"], target);
        var required = type switch
        {
            "Person" => new[] { "id", "url" },
            "Group" => ["id", "url", "name"],
            "Note" => target.Contains("/comments/", StringComparison.Ordinal) ? CommentRequired : PostRequired,
            _ => ["id", "url", "totalItems", "orderedItems"],
        };
        HasAll(answer.Data, required, target);
        if (type == "OrderedCollection")
        {
            Assert.Equal(answer.Data.GetProperty("totalItems").GetInt64(), answer.Data.GetProperty("orderedItems").GetArrayLength());
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_pages_within_its_bounds_to_the_end(string target, string kind)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = await Api.GetAsync(emulator, target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "count=100");
        Assert.Equal(200, first.Status);
        HasAll(first.Data, PageRequired, target);
        Assert.Equal("OrderedCollectionPage", first.Data.GetProperty("type").GetString());
        foreach (var item in first.Data.GetProperty("orderedItems").EnumerateArray())
        {
            CheckItem(item, kind);
        }

        var joiner = target.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        foreach (var bad in new[] { "count=0", "count=101", "count=x", "cursor=forged" })
        {
            var refused = await Api.GetAsync(emulator, target + joiner + bad);
            Assert.Equal(400, refused.Status);
            Assert.Equal("validation_error", refused.Code);
            Assert.Equal(0, refused.Used);
        }
    }

    [Fact]
    public async Task A_list_of_seven_ends_exactly_on_its_third_page_of_three()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, "/v1/reddit/subreddits/emu_list_7/posts?count=3");
        var seen = new List<string>();
        var pages = 1;
        while (true)
        {
            Assert.Equal(7, page.Data.GetProperty("totalItems").GetInt64());
            seen.AddRange(page.Data.GetProperty("orderedItems").EnumerateArray().Select(item => item.GetProperty("entityId").GetString()!));
            if (page.NextCursor is null)
            {
                break;
            }

            page = await Api.GetAsync(emulator, Api.NextTarget(page));
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/v1/reddit/users/spez/posts?order=rising")]
    [InlineData("/v1/reddit/users/spez/posts?time=decade")]
    [InlineData("/v1/reddit/subreddits/programming/comments?order=rising")]
    [InlineData("/v1/reddit/posts/1tlh5aj/comments?order=hot")]
    [InlineData("/v1/reddit/search/posts?q=x&order=best")]
    [InlineData("/v1/reddit/search/posts")]
    [InlineData("/v1/reddit/search/users?q=%20")]
    [InlineData("/v1/reddit/feeds/sideways")]
    [InlineData("/v1/reddit/users/a")]
    [InlineData("/v1/reddit/users/spez.dot")]
    [InlineData("/v1/reddit/subreddits/a-b")]
    [InlineData("/v1/reddit/posts/abc-def")]
    [InlineData("/v1/reddit/posts/t1_abc")]
    [InlineData("/v1/reddit/posts/1tlh5aj/comments/t3_abc")]
    [InlineData("/v1/reddit/users/emu_invalid")]
    [InlineData("/v1/reddit/subreddits/emu_invalid/rules")]
    public async Task Bad_input_is_a_refunded_validation_error(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, target);
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_error", answer.Code);
        Assert.Equal(0, answer.Used);
    }

    [Theory]
    [InlineData("/v1/reddit/users/emu_notfound")]
    [InlineData("/v1/reddit/users/emu_notfound/overview")]
    [InlineData("/v1/reddit/subreddits/emu_notfound")]
    [InlineData("/v1/reddit/subreddits/emu_notfound/sticky")]
    [InlineData("/v1/reddit/posts/" + NotFoundId)]
    [InlineData("/v1/reddit/posts/" + NotFoundId + "/comments")]
    [InlineData("/v1/reddit/posts/1tlh5aj/comments/" + NotFoundId)]
    [InlineData("/v1/reddit/search/posts?q=emu.notfound")]
    public async Task Not_found_is_charged(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, target);
        Assert.Equal(404, answer.Status);
        Assert.Equal("not_found", answer.Code);
        Assert.Equal(1, answer.Used);
    }

    [Fact]
    public async Task A_subreddits_posts_are_the_posts_by_id_and_in_a_batch_and_their_comment_counts_are_their_comment_lists()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, $"/v1/reddit/subreddits/{Sub}/posts?count=5");
        var items = page.Data.GetProperty("orderedItems").EnumerateArray().ToList();
        var ids = items.Select(item => item.GetProperty("entityId").GetString()!).ToArray();
        var batch = await PostAsync(emulator, "/v1/reddit/posts/batch", Ids(ids));
        Assert.Equal(200, batch.Status);
        var found = batch.Data.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ids.Length, found.Count);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Contains("/r/" + Sub + "/comments/" + ids[i] + "/", items[i].GetProperty("url").GetString()!, StringComparison.Ordinal);
            var single = await Api.GetAsync(emulator, "/v1/reddit/posts/" + ids[i]);
            Assert.Equal(WithoutContext(items[i]), WithoutContext(single.Data));
            Assert.Equal(WithoutContext(items[i]), WithoutContext(found[i]));
            var comments = await Api.GetAsync(emulator, $"/v1/reddit/posts/{ids[i]}/comments?count=3");
            Assert.Equal(items[i].GetProperty("commentCount").GetInt64(), comments.Data.GetProperty("totalItems").GetInt64());
            var duplicates = await Api.GetAsync(emulator, $"/v1/reddit/posts/{ids[i]}/duplicates?count=3");
            Assert.Equal(items[i].GetProperty("shareCount").GetInt64(), duplicates.Data.GetProperty("totalItems").GetInt64());
        }
    }

    [Fact]
    public async Task Comments_and_replies_are_the_comments_by_id_and_in_a_batch_and_answer_their_parents()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var post = (await Api.GetAsync(emulator, $"/v1/reddit/subreddits/{Sub}/posts?count=30")).Data.GetProperty("orderedItems").EnumerateArray()
            .First(item => item.GetProperty("commentCount").GetInt64() > 3);
        var postId = post.GetProperty("entityId").GetString()!;
        var comments = (await Api.GetAsync(emulator, $"/v1/reddit/posts/{postId}/comments?count=20")).Data.GetProperty("orderedItems").EnumerateArray().ToList();
        var batch = (await PostAsync(emulator, "/v1/reddit/comments/batch", Ids(comments.Select(c => "t1_" + c.GetProperty("entityId").GetString()).ToArray()))).Data.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(comments.Count, batch.Count);
        var checkedReplies = false;
        for (var i = 0; i < comments.Count; i++)
        {
            var comment = comments[i];
            var id = comment.GetProperty("entityId").GetString()!;
            Assert.Equal(post.GetProperty("url").GetString(), comment.GetProperty("inReplyTo").GetString());
            Assert.Equal(WithoutContext(comment), WithoutContext(batch[i]));
            Assert.Equal(WithoutContext(comment), WithoutContext((await Api.GetAsync(emulator, $"/v1/reddit/posts/{postId}/comments/{id}")).Data));
            var replies = await Api.GetAsync(emulator, $"/v1/reddit/posts/{postId}/comments/{id}/replies");
            Assert.Equal(comment.GetProperty("hasReplies").GetBoolean(), replies.Data.GetProperty("totalItems").GetInt64() > 0);
            foreach (var reply in replies.Data.GetProperty("orderedItems").EnumerateArray())
            {
                checkedReplies = true;
                Assert.Equal(comment.GetProperty("url").GetString(), reply.GetProperty("inReplyTo").GetString());
                var replyId = reply.GetProperty("entityId").GetString()!;
                Assert.Equal(WithoutContext(reply), WithoutContext((await Api.GetAsync(emulator, $"/v1/reddit/posts/{postId}/comments/{replyId}")).Data));
            }
        }

        Assert.True(checkedReplies, "some comment had replies");
        var elsewhere = (await Api.GetAsync(emulator, "/v1/reddit/subreddits/rust/posts?count=1")).Data.GetProperty("orderedItems")[0].GetProperty("entityId").GetString();
        var misplaced = await Api.GetAsync(emulator, $"/v1/reddit/posts/{elsewhere}/comments/{comments[0].GetProperty("entityId").GetString()}");
        Assert.Equal(404, misplaced.Status);
    }

    [Fact]
    public async Task A_users_posts_comments_and_overview_are_theirs_and_the_overview_mixes_both()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var posts = (await Api.GetAsync(emulator, $"/v1/reddit/users/{User}/posts?count=5")).Data;
        var comments = (await Api.GetAsync(emulator, $"/v1/reddit/users/{User}/comments?count=5")).Data;
        var overview = (await Api.GetAsync(emulator, $"/v1/reddit/users/{User}/overview?count=10")).Data;
        Assert.Equal(posts.GetProperty("totalItems").GetInt64() + comments.GetProperty("totalItems").GetInt64(), overview.GetProperty("totalItems").GetInt64());
        foreach (var item in posts.GetProperty("orderedItems").EnumerateArray().Concat(comments.GetProperty("orderedItems").EnumerateArray()))
        {
            Assert.Equal(User, item.GetProperty("attributedTo").GetProperty("preferredUsername").GetString());
        }

        var mixed = overview.GetProperty("orderedItems").EnumerateArray().ToList();
        Assert.Contains(mixed, item => item.TryGetProperty("inReplyTo", out _));
        Assert.Contains(mixed, item => !item.TryGetProperty("inReplyTo", out _));
        Assert.Equal(WithoutContext(posts.GetProperty("orderedItems")[0]), WithoutContext(mixed[0]));
        Assert.Equal(WithoutContext(comments.GetProperty("orderedItems")[0]), WithoutContext(mixed[1]));
        var comment = comments.GetProperty("orderedItems")[0];
        var byRoute = await Api.GetAsync(emulator, $"/v1/reddit/posts/{RedditPostOf(comment)}/comments/{comment.GetProperty("entityId").GetString()}");
        Assert.Equal(WithoutContext(comment), WithoutContext(byRoute.Data));
    }

    private static string RedditPostOf(JsonElement comment)
    {
        var segments = new Uri(comment.GetProperty("url").GetString()!).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments[Array.IndexOf(segments, "comments") + 1];
    }

    [Fact]
    public async Task Sticky_posts_are_the_pinned_head_of_the_subreddit_and_subreddits_by_id_are_the_subreddits_by_name()
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var name in new[] { "programming", "askreddit", "rust", "luna_rivera42" })
        {
            var sticky = (await Api.GetAsync(emulator, $"/v1/reddit/subreddits/{name}/sticky")).Data;
            var head = (await Api.GetAsync(emulator, $"/v1/reddit/subreddits/{name}/posts?count=3")).Data.GetProperty("orderedItems").EnumerateArray().ToList();
            var pinned = sticky.GetProperty("orderedItems").EnumerateArray().ToList();
            for (var i = 0; i < pinned.Count; i++)
            {
                Assert.True(pinned[i].GetProperty("isPinned").GetBoolean());
                Assert.Equal(WithoutContext(head[i]), WithoutContext(pinned[i]));
            }

            Assert.All(head.Skip(pinned.Count), post => Assert.False(post.GetProperty("isPinned").GetBoolean()));
            var subreddit = (await Api.GetAsync(emulator, "/v1/reddit/subreddits/" + name)).Data;
            var byId = await PostAsync(emulator, "/v1/reddit/subreddits/batch", Ids("t5_" + subreddit.GetProperty("entityId").GetString()));
            Assert.Equal(WithoutContext(subreddit), WithoutContext(byId.Data.GetProperty("items")[0]));
        }
    }

    [Theory]
    [InlineData("/v1/reddit/posts/batch", "t3_")]
    [InlineData("/v1/reddit/comments/batch", "t1_")]
    [InlineData("/v1/reddit/subreddits/batch", "t5_")]
    public async Task A_batch_costs_one_credit_per_id_and_answers_the_ids_found_in_request_order(string target, string prefix)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var ids = new[] { "abc1", prefix + "def2", NotFoundId, "ghi3", "abc1" };
        var answer = await PostAsync(emulator, target, Ids(ids));
        Assert.Equal(200, answer.Status);
        Assert.Equal(5, answer.Used);
        Assert.Equal(1_000_000 - 5, answer.Remaining);
        Assert.Equal("Collection", answer.Data.GetProperty("type").GetString());
        HasAll(answer.Data, ["@context", "type", "itemCount", "items"], target);
        var found = answer.Data.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("entityId").GetString()).ToArray();
        Assert.Equal(FoundInOrder, found);
        Assert.Equal(4, answer.Data.GetProperty("itemCount").GetInt32());
        var hundred = await PostAsync(emulator, target, Ids(Enumerable.Range(0, 100).Select(i => "id" + i.ToString(CultureInfo.InvariantCulture)).ToArray()));
        Assert.Equal(100, hundred.Used);
        Assert.Equal(100, hundred.Data.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"ids":["abc"]}""")]
    [InlineData("""{"entityIds":"abc"}""")]
    [InlineData("""{"entityIds":[]}""")]
    [InlineData("""{"entityIds":[1]}""")]
    [InlineData("""{"entityIds":["ab-c"]}""")]
    [InlineData("""{"entityIds":["t9_abc"]}""")]
    [InlineData("""{"entityIds":["t1_abc"]}""")]
    [InlineData("""{"entityIds":[""]}""")]
    public async Task A_batch_body_that_breaks_the_contract_is_a_refunded_validation_error(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await PostAsync(emulator, "/v1/reddit/posts/batch", body);
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_error", answer.Code);
        Assert.Equal(0, answer.Used);
        Assert.Equal(1_000_000, answer.Remaining);
    }

    [Fact]
    public async Task A_batch_of_more_than_100_ids_is_refused_and_refunded_and_a_body_over_1_MB_is_413()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var tooMany = await PostAsync(emulator, "/v1/reddit/comments/batch", Ids(Enumerable.Range(0, 101).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray()));
        Assert.Equal(400, tooMany.Status);
        Assert.Equal(0, tooMany.Used);
        var huge = await PostAsync(emulator, "/v1/reddit/posts/batch", "{\"entityIds\":[\"" + new string('a', 1024 * 1024) + "\"]}");
        Assert.Equal(413, huge.Status);
        Assert.Equal("validation_error", huge.Code);
        Assert.Equal(0, huge.Used);
    }

    [Fact]
    public async Task A_batch_the_balance_cannot_cover_is_refused_whole_with_402()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.PostJsonAsync("_emulator/keys", """{"key":"knbn_four","credits":4}""");
        var refused = await PostAsync(emulator, "/v1/reddit/posts/batch", Ids("a1", "a2", "a3", "a4", "a5"), "knbn_four");
        Assert.Equal(402, refused.Status);
        Assert.Equal("credits_exhausted", refused.Code);
        var covered = await PostAsync(emulator, "/v1/reddit/posts/batch", Ids("a1", "a2", "a3", "a4"), "knbn_four");
        Assert.Equal(200, covered.Status);
        Assert.Equal(4, covered.Used);
        Assert.Equal(0, covered.Remaining);
    }

    [Theory]
    [InlineData("GET", "/v1/reddit/comments/batch")]
    [InlineData("POST", "/v1/reddit/posts/1tlh5aj")]
    [InlineData("POST", "/v1/reddit/users/spez")]
    [InlineData("PUT", "/v1/reddit/posts/batch")]
    [InlineData("GET", "/v1/reddit/users/spez/posts/extra")]
    public async Task Batches_take_POST_and_nothing_else_does(string method, string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(emulator.BaseAddress, target))
        {
            Content = method == "GET" ? null : new StringContent(Ids("abc"), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestEmulator.Key);
        using var response = await emulator.Client.SendAsync(request);
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("route_not_found", TestEmulator.ErrorCode(await TestEmulator.BodyAsync(response)));
    }

    [Fact]
    public async Task Orders_and_time_windows_reorder_the_same_items_and_cursors_belong_to_their_order()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var hot = await Api.GetAsync(emulator, "/v1/reddit/subreddits/emu_list_9/posts?count=9");
        var top = await Api.GetAsync(emulator, "/v1/reddit/subreddits/emu_list_9/posts?count=9&order=top&time=week");
        var idsHot = hot.Data.GetProperty("orderedItems").EnumerateArray().Select(i => i.GetProperty("entityId").GetString()).ToList();
        var idsTop = top.Data.GetProperty("orderedItems").EnumerateArray().Select(i => i.GetProperty("entityId").GetString()).ToList();
        Assert.Equal(idsHot.OrderBy(x => x), idsTop.OrderBy(x => x));
        Assert.NotEqual(idsHot, idsTop);
        var firstPage = await Api.GetAsync(emulator, "/v1/reddit/subreddits/emu_list_9/posts?count=3&order=new");
        var otherOrder = await Api.GetAsync(emulator, "/v1/reddit/subreddits/emu_list_9/posts?count=3&order=top&cursor=" + firstPage.NextCursor);
        Assert.Equal(400, otherOrder.Status);
    }
    [Theory]
    [InlineData("/v1/reddit/users/emu_fault_500", 500)]
    [InlineData("/v1/reddit/subreddits/emu_fault_503/posts", 503)]
    [InlineData("/v1/reddit/search/posts?q=emu.fault.502", 502)]
    public async Task Reserved_fault_names_answer_their_fault_refunded(string target, int status)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, target);
        Assert.Equal(status, answer.Status);
        Assert.Equal(0, answer.Used);
    }

    [Fact]
    public async Task A_retry_name_fails_its_first_attempts_then_answers()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(503, (await Api.GetAsync(emulator, "/v1/reddit/users/emu_retry_2_a/posts")).Status);
        Assert.Equal(503, (await Api.GetAsync(emulator, "/v1/reddit/users/emu_retry_2_a/posts")).Status);
        var third = await Api.GetAsync(emulator, "/v1/reddit/users/emu_retry_2_a/posts");
        Assert.Equal(200, third.Status);
        Assert.Equal(1, third.Used);
    }

    [Fact]
    public async Task A_scripted_overview_alternates_posts_and_comments_to_its_exact_length()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, "/v1/reddit/users/emu_list_7/overview?count=100");
        var items = page.Data.GetProperty("orderedItems").EnumerateArray().ToList();
        Assert.Equal(7, items.Count);
        Assert.Null(page.NextCursor);
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(i % 2 == 1, items[i].TryGetProperty("inReplyTo", out _));
        }
    }
}
