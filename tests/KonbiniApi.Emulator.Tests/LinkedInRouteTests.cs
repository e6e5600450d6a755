using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>LinkedIn's seven routes against the contract: shapes, bounds, refusals, charges, paging and agreement across routes.</summary>
public sealed class LinkedInRouteTests
{
    private static readonly string[] Context = ["https://www.w3.org/ns/activitystreams#", "https://konbiniapi.com/ns/social#"];

    /// <summary>Each route, an ordinary target, and the members the contract requires of its data object and of each item.</summary>
    public static TheoryData<string, string, string[], string[]> Routes => new()
    {
        { "linkedin.users", "/v1/linkedin/users/reidhoffman", ["@context", "type", "id", "url", "name", "preferredUsername", "summary"], [] },
        { "linkedin.users.articles", "/v1/linkedin/users/emu.list.3/articles", ["@context", "type", "id", "url", "totalItems", "orderedItems"], ["type"] },
        { "linkedin.users.posts", "/v1/linkedin/users/reidhoffman/posts", ["@context", "type", "id", "url", "totalItems", "orderedItems"], ["type", "content"] },
        { "linkedin.companies", "/v1/linkedin/companies/stripe", ["@context", "type", "id", "url", "name", "preferredUsername", "summary"], [] },
        { "linkedin.companies.posts", "/v1/linkedin/companies/stripe/posts", ["@context", "type", "partOf", "totalItems", "cursor", "nextCursor", "next", "itemCount", "orderedItems"], ["type", "id", "url", "content"] },
        { "linkedin.posts", "/v1/linkedin/posts/" + MemberPost("reidhoffman", 0), ["@context", "type", "id", "url", "content"], [] },
        { "linkedin.posts.transcript", "/v1/linkedin/posts/" + MemberPost("reidhoffman", 0) + "/transcript", ["@context", "type", "id", "url", "mediaType", "content"], [] },
    };

    private static string MemberPost(string name, long index) => PostNumbers.For(PostOwner.Member, name, index);

    private static void AssertHas(JsonElement element, IEnumerable<string> members, string where)
    {
        foreach (var member in members)
        {
            Assert.True(element.TryGetProperty(member, out _), where + " lacks " + member + ": " + element.GetRawText());
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_route_answers_the_contracts_shape_for_one_credit(string stats, string target, string[] required, string[] itemRequired)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, target);

        await Api.AssertAnsweredForOneCreditAsync(emulator, answer, stats);
        AssertHas(answer.Data, required, "data");
        Assert.Equal(Context, answer.Data.GetProperty("@context").EnumerateArray().Select(item => item.GetString()));
        if (answer.Data.TryGetProperty("orderedItems", out var items))
        {
            Assert.True(items.GetArrayLength() > 0, "an ordinary list has items");
            foreach (var item in items.EnumerateArray())
            {
                AssertHas(item, itemRequired, "item");
            }
        }
    }

    [Theory]
    [InlineData("/v1/linkedin/users/reid%20hoffman")]
    [InlineData("/v1/linkedin/users/a%2Fb/posts")]
    [InlineData("/v1/linkedin/users/...")]
    [InlineData("/v1/linkedin/companies/stripe%3F/posts")]
    [InlineData("/v1/linkedin/posts/hello-world")]
    [InlineData("/v1/linkedin/posts/urn:li:share:123")]
    [InlineData("/v1/linkedin/posts/74832535167661096961/transcript")]
    [InlineData("/v1/linkedin/companies/stripe/posts?cursor=not-a-cursor")]
    public async Task Bad_names_ids_and_cursors_are_400_and_refunded(string target) =>
        Api.AssertRefusedAndRefunded(await Api.OnceAsync(target));

    [Theory]
    [InlineData("/v1/linkedin/users/12345")]
    [InlineData("/v1/linkedin/users/007/articles")]
    [InlineData("/v1/linkedin/companies/2135371/posts")]
    [InlineData("/v1/linkedin/users/j%C3%BCrgen-m%C3%BCller")]
    [InlineData("/v1/linkedin/posts/urn:li:activity:7483253516766109696")]
    [InlineData("/v1/linkedin/posts/stripe_new-providers-activity-7483253516766109696-xCr3")]
    public async Task Names_of_digits_numeric_company_ids_and_every_post_id_form_are_accepted(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(200, (await Api.GetAsync(emulator, target)).Status);
    }

    [Theory]
    [InlineData("/v1/linkedin/users/emu.notfound")]
    [InlineData("/v1/linkedin/users/emu-notfound/posts")]
    [InlineData("/v1/linkedin/companies/emu_notfound")]
    [InlineData("/v1/linkedin/posts/9906000000000000001")]
    [InlineData("/v1/linkedin/posts/9907000000000000001/transcript")]
    public async Task Not_found_is_404_and_charged(string target) =>
        Api.AssertNotFoundAndCharged(await Api.OnceAsync(target));

    [Fact]
    public async Task A_post_without_captions_has_no_transcript_and_its_404_is_charged()
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var index in new[] { 1, 6 })
        {
            var answer = await Api.GetAsync(emulator, "/v1/linkedin/posts/" + MemberPost("emu.list.10", index) + "/transcript");
            Assert.Equal(404, answer.Status);
            Assert.Equal(1, answer.Used);
        }
    }

    [Fact]
    public async Task Captions_come_as_webvtt_or_subrip_with_their_size()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var vtt = (await Api.GetAsync(emulator, "/v1/linkedin/posts/" + MemberPost("ada", 0) + "/transcript")).Data;
        var srt = (await Api.GetAsync(emulator, "/v1/linkedin/posts/" + MemberPost("ada", 3) + "/transcript")).Data;
        Assert.Equal("text/vtt", vtt.GetProperty("mediaType").GetString());
        Assert.StartsWith("WEBVTT\n\n00:00.000 --> ", vtt.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/x-subrip", srt.GetProperty("mediaType").GetString());
        Assert.StartsWith("1\n00:00:00,000 --> ", srt.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(srt.GetProperty("content").GetString()!), srt.GetProperty("size").GetInt64());
        Assert.Equal(srt.GetProperty("url").GetString() + "/transcript", srt.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Member_posts_and_articles_come_whole_with_no_cursor_and_ignore_paging_parameters()
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var section in new[] { "posts", "articles" })
        {
            var answer = await Api.GetAsync(emulator, "/v1/linkedin/users/emu.list.40/" + section + "?count=5&cursor=abc");
            Assert.Equal(200, answer.Status);
            Assert.Equal("OrderedCollection", answer.Data.GetProperty("type").GetString());
            Assert.Equal(40, answer.Data.GetProperty("totalItems").GetInt64());
            Assert.Equal(40, answer.Data.GetProperty("orderedItems").GetArrayLength());
            Assert.False(answer.Data.TryGetProperty("nextCursor", out _));
            Assert.Equal("https://www.linkedin.com/in/emu.list.40/" + section + "/", answer.Data.GetProperty("url").GetString());
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(10L)]
    [InlineData(11L)]
    [InlineData(25L)]
    public async Task Company_posts_page_by_cursor_alone_in_tens_and_end_exactly(long total)
    {
        await using var emulator = await TestEmulator.StartAsync();
        string? target = "/v1/linkedin/companies/emu.list." + total + "/posts";
        var seen = new List<string>();
        var pages = 0;
        while (target is not null)
        {
            var answer = await Api.GetAsync(emulator, target);
            Assert.Equal(200, answer.Status);
            var data = answer.Data;
            Assert.Equal(total, data.GetProperty("totalItems").GetInt64());
            Assert.Equal(pages == 0 ? JsonValueKind.Null : JsonValueKind.String, data.GetProperty("cursor").ValueKind);
            seen.AddRange(data.GetProperty("orderedItems").EnumerateArray().Select(item => item.GetProperty("entityId").GetString()!));
            pages++;
            if (answer.NextCursor is null)
            {
                Assert.Equal(JsonValueKind.Null, data.GetProperty("next").ValueKind);
                target = null;
            }
            else
            {
                Assert.Equal(10, answer.ItemCount);
                Assert.DoesNotContain("count=", data.GetProperty("next").GetString(), StringComparison.Ordinal);
                target = Api.NextTarget(answer);
            }
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        Assert.Equal(Math.Max(1, (total + 9) / 10), pages);
    }

    [Fact]
    public async Task A_natural_company_feed_does_not_know_its_length_and_a_count_changes_nothing()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var plain = await Api.GetAsync(emulator, "/v1/linkedin/companies/stripe/posts");
        var counted = await Api.GetAsync(emulator, "/v1/linkedin/companies/stripe/posts?count=3");
        Assert.Equal(JsonValueKind.Null, plain.Data.GetProperty("totalItems").ValueKind);
        Assert.Equal(10, plain.ItemCount);
        Assert.Equal(plain.Text, counted.Text);
        Assert.Equal(plain.Data.GetProperty("partOf").GetString() + "?cursor=" + Uri.EscapeDataString(plain.NextCursor!), plain.Data.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Company_paging_scenarios_act_out_their_misbehaviour()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var repeat = await Api.GetAsync(emulator, "/v1/linkedin/companies/emu.page.repeat/posts");
        var again = await Api.GetAsync(emulator, Api.NextTarget(repeat));
        Assert.Equal(again.NextCursor, again.Data.GetProperty("cursor").GetString());
        var failing = await Api.GetAsync(emulator, "/v1/linkedin/companies/emu.page.fail.2/posts");
        var failed = await Api.GetAsync(emulator, Api.NextTarget(failing));
        Assert.Equal(502, failed.Status);
        Assert.Equal(0, failed.Used);
    }

    [Fact]
    public async Task A_listed_post_is_the_same_post_fetched_by_any_of_its_ids_and_its_author_agrees_with_the_profile()
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var (list, profile) in new[] { ("/v1/linkedin/users/reidhoffman/posts", "/v1/linkedin/users/reidhoffman"), ("/v1/linkedin/companies/stripe/posts", "/v1/linkedin/companies/stripe") })
        {
            var items = (await Api.GetAsync(emulator, list)).Data.GetProperty("orderedItems").EnumerateArray().ToList();
            var owner = (await Api.GetAsync(emulator, profile)).Data;
            foreach (var item in items)
            {
                var url = item.GetProperty("url").GetString()!;
                var slug = url[(url.LastIndexOf('/') + 1)..];
                var id = item.TryGetProperty("entityId", out var entityId) ? entityId.GetString()! : slug.Split("-activity-")[1].Split('-')[0];
                foreach (var form in new[] { id, "urn:li:activity:" + id, slug })
                {
                    var post = (await Api.GetAsync(emulator, "/v1/linkedin/posts/" + Uri.EscapeDataString(form))).Data;
                    Assert.Equal(id, post.GetProperty("entityId").GetString());
                    Assert.Equal(url, post.GetProperty("url").GetString());
                    foreach (var member in new[] { "content", "published", "likeCount" })
                    {
                        Assert.Equal(item.TryGetProperty(member, out var listed) ? listed.GetRawText() : null, post.TryGetProperty(member, out var fetched) ? fetched.GetRawText() : null);
                    }

                    Assert.Equal(item.GetProperty("attributedTo").GetRawText(), post.GetProperty("attributedTo").GetRawText());
                }

                var author = item.GetProperty("attributedTo");
                Assert.Equal(owner.GetProperty("preferredUsername").GetString(), author.GetProperty("preferredUsername").GetString());
                Assert.Equal(owner.GetProperty("name").GetString(), author.GetProperty("name").GetString());
                Assert.Equal(owner.GetProperty("url").GetString(), author.GetProperty("url").GetString());
                if (owner.TryGetProperty("followerCount", out var followers))
                {
                    Assert.Equal(followers.GetInt64(), author.GetProperty("followerCount").GetInt64());
                }
            }
        }
    }

    [Fact]
    public async Task Answers_do_not_depend_on_request_order_or_on_the_process()
    {
        var targets = new[]
        {
            "/v1/linkedin/users/reidhoffman", "/v1/linkedin/users/reidhoffman/posts", "/v1/linkedin/users/reidhoffman/articles",
            "/v1/linkedin/companies/stripe", "/v1/linkedin/companies/stripe/posts", "/v1/linkedin/posts/" + MemberPost("reidhoffman", 0),
            "/v1/linkedin/posts/7483253516766109696", "/v1/linkedin/posts/" + MemberPost("reidhoffman", 0) + "/transcript",
        };
        await using var first = await TestEmulator.StartAsync();
        var forward = new List<string>();
        foreach (var target in targets)
        {
            forward.Add((await Api.GetAsync(first, target)).Text);
        }

        await using var second = await TestEmulator.StartAsync();
        var backward = new List<string>();
        foreach (var target in targets.Reverse())
        {
            backward.Add((await Api.GetAsync(second, target)).Text.Replace(second.BaseAddress.Authority, first.BaseAddress.Authority, StringComparison.Ordinal));
        }

        backward.Reverse();
        Assert.Equal(forward, backward);
    }

    [Theory]
    [InlineData("reidhoffman")]
    [InlineData("emu.list.5")]
    [InlineData("a")]
    [InlineData("12345678901")]
    [InlineData("stripe")]
    public void Post_numbers_name_their_author_and_position(string name)
    {
        foreach (var owner in new[] { PostOwner.Member, PostOwner.Company })
        {
            var limit = owner == PostOwner.Member ? 10 : 5000;
            foreach (var index in new long[] { 0, 1, limit - 1 })
            {
                var number = PostNumbers.For(owner, name, index);
                Assert.Equal(19, number.Length);
                Assert.False(number.StartsWith("99", StringComparison.Ordinal));
                var read = PostNumbers.Read(number);
                if (owner == PostOwner.Company && name.Length > 9)
                {
                    Assert.True(read.StandIn);
                    continue;
                }

                Assert.Equal(new PostRef(owner, name, index, false), read);
            }
        }
    }

    [Fact]
    public async Task Reserved_shapes_break_the_contract_on_purpose()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var missing = (await Api.GetAsync(emulator, "/v1/linkedin/users/emu.missing")).Data;
        Assert.False(missing.TryGetProperty("preferredUsername", out _));
        var wrong = (await Api.GetAsync(emulator, "/v1/linkedin/companies/emu.wrongtypes")).Data;
        Assert.Equal(JsonValueKind.String, wrong.GetProperty("memberCount").ValueKind);
        var minimal = (await Api.GetAsync(emulator, "/v1/linkedin/users/emu.minimal")).Data;
        Assert.Equal(JsonValueKind.Null, minimal.GetProperty("summary").ValueKind);
        Assert.False(minimal.TryGetProperty("followerCount", out _));
        var invalid = await Api.GetAsync(emulator, "/v1/linkedin/users/emu.invalid/posts");
        Assert.Equal(400, invalid.Status);
        Assert.Equal(0, invalid.Used);
    }

    [Theory]
    [InlineData("/v1/linkedin/users")]
    [InlineData("/v1/linkedin/users/x/likes")]
    [InlineData("/v1/linkedin/users/x/posts/1")]
    [InlineData("/v1/linkedin/users/%2e%2e/posts")]
    [InlineData("/v1/linkedin/companies/x/articles")]
    [InlineData("/v1/linkedin/posts/1/comments")]
    public async Task Anything_else_is_route_not_found_and_free(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, target);
        Assert.Equal(404, answer.Status);
        Assert.Equal("route_not_found", answer.Code);
        Assert.Null(answer.Used);
    }
}
