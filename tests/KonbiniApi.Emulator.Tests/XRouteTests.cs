using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using KonbiniApi.Emulator.X;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>X's seven routes against the contract: shapes, bounds, refusals and their credits, paging to the
/// end, reserved scenarios, and the same post, user and community whichever route shows them.</summary>
public sealed class XRouteTests
{
    private const string Community = "1669501013441806336";

    /// <summary>Route name, target for a subject, an ordinary subject, page bounds (0 = not a list, -1 = cursor only).</summary>
    private static readonly (string Name, Func<string, string> Target, string Ordinary, int Max, string Stats)[] Routes =
    [
        ("user", s => $"/v1/x/users/{s}", "KhabyLame", 0, "x.users"),
        ("user posts", s => $"/v1/x/users/{s}/posts", "KhabyLame", -1, "x.users.posts"),
        ("user highlights", s => $"/v1/x/users/{s}/highlights", "KhabyLame", 100, "x.users.highlights"),
        ("post", s => $"/v1/x/posts/{s}", "2024515585569083437", 0, "x.posts"),
        ("community", s => $"/v1/x/communities/{s}", Community, 0, "x.communities"),
        ("community posts", s => $"/v1/x/communities/{s}/posts", Community, 100, "x.communities.posts"),
        ("community media", s => $"/v1/x/communities/{s}/media", Community, 100, "x.communities.media"),
    ];

    public static TheoryData<string> Every => Names(_ => true);

    public static TheoryData<string> Lists => Names(row => row.Max != 0);

    public static TheoryData<string> Counted => Names(row => row.Max > 0);

    public static TheoryData<string> OfUsers => Names(row => row.Target("u").StartsWith("/v1/x/users/", StringComparison.Ordinal));

    private static TheoryData<string> Names(Func<(string Name, Func<string, string> Target, string Ordinary, int Max, string Stats), bool> filter) =>
        TheoryRows.Names(Routes.Where(filter), row => row.Name);

    private static (string Name, Func<string, string> Target, string Ordinary, int Max, string Stats) Row(string name) => Routes.Single(row => row.Name == name);

    private static bool OfUser(string name) => Row(name).Target("u").StartsWith("/v1/x/users/", StringComparison.Ordinal);

    /// <summary>A reserved scenario spelled for the route's subject: emu_list_N for users, 99SS... for IDs.</summary>
    private static string Reserved(string name, string scenario, long number = 0) => OfUser(name)
        ? ReservedSpelling.Name(scenario, number, '_')
        : ReservedSpelling.Id(scenario, number);

    private static IReadOnlyList<string> Problems(string name, JsonElement body) => name switch
    {
        "user" => TikTokSchemas.Single(body, XSchemas.User),
        "post" => TikTokSchemas.Single(body, XSchemas.Post),
        "community" => TikTokSchemas.Single(body, XSchemas.Community),
        _ => TikTokSchemas.Page(body, XSchemas.Post),
    };

    private static string With(string target, string query) => Api.WithQuery(target, query);

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Every_route_answers_its_schema_and_is_charged_one_credit(string name)
    {
        var row = Row(name);
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, row.Target(row.Ordinary));
        await Api.AssertAnsweredForOneCreditAsync(emulator, answer, row.Stats);
        Assert.Empty(Problems(name, answer.Body!.Value));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Many_subjects_answer_the_schema_on_their_first_pages(string name)
    {
        var row = Row(name);
        await using var emulator = await TestEmulator.StartAsync();
        var items = 0;
        for (var i = 0; i < 6; i++)
        {
            var subject = OfUser(name) ? $"user_{i}x{i * 31}" : (1_600_000_000_000_000_000L + (i * 7919)).ToString(CultureInfo.InvariantCulture);
            var answer = await Api.GetAsync(emulator, row.Target(subject));
            Assert.Equal(200, answer.Status);
            Assert.Empty(Problems(name, answer.Body!.Value));
            items += answer.ItemCount;
            if (answer.NextCursor is not null)
            {
                var next = await Api.GetAsync(emulator, Api.NextTarget(answer));
                Assert.Empty(Problems(name, next.Body!.Value));
            }
        }

        Assert.True(items > 0, "no items at all");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Paging_ends_exactly_at_the_last_item(string name)
    {
        var row = Row(name);
        var count = row.Max < 0 ? XPlatform.UserPostsPage : 7;
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var total in (long[])[0, 1, count - 1, count, count + 1, 2 * count])
        {
            var target = row.Target(Reserved(name, "list", total));
            if (row.Max > 0)
            {
                target = With(target, "count=" + count.ToString(CultureInfo.InvariantCulture));
            }

            var seen = new List<string>();
            var pages = 0;
            while (target is not null)
            {
                var answer = await Api.GetAsync(emulator, target);
                Assert.Equal(200, answer.Status);
                Assert.Empty(Problems(name, answer.Body!.Value));
                Assert.Equal(total, answer.Data.GetProperty("totalItems").GetInt64());
                pages++;
                seen.AddRange(answer.Data.GetProperty("orderedItems").EnumerateArray().Select(item => item.GetProperty("entityId").GetString()!));
                target = answer.NextCursor is null ? null : Api.NextTarget(answer);
                if (target is not null)
                {
                    Assert.Equal(count, answer.ItemCount);
                }

                Assert.True(pages <= 3, $"{total} items took more than 3 pages");
            }

            Assert.Equal(total, seen.Count);
            Assert.Equal(total, seen.Distinct().Count());
            Assert.Equal(Math.Max(1, (total + count - 1) / count), pages);
        }
    }

    [Fact]
    public async Task A_users_posts_take_no_count_and_their_next_link_carries_none()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, "/v1/x/users/emu_list_45/posts");
        Assert.Equal(XPlatform.UserPostsPage, answer.ItemCount);
        var next = answer.Data.GetProperty("next").GetString()!;
        Assert.DoesNotContain("count=", next, StringComparison.Ordinal);
        Assert.Contains("cursor=", next, StringComparison.Ordinal);
        var last = await Api.GetAsync(emulator, Api.NextTarget(await Api.GetAsync(emulator, Api.NextTarget(answer))));
        Assert.Equal(5, last.ItemCount);
        Assert.Null(last.NextCursor);
    }

    [Theory]
    [MemberData(nameof(Counted))]
    public async Task Counts_outside_1_to_100_or_not_integers_are_400_and_refunded(string name)
    {
        var row = Row(name);
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var count in (string[])["0", "101", "abc", "1.5", "", "-1", "9999999999999"])
        {
            var answer = await Api.GetAsync(emulator, With(row.Target(row.Ordinary), "count=" + Uri.EscapeDataString(count)));
            Assert.True(answer.Status == 400, $"count={count} gave {answer.Status}");
            Assert.Equal("validation_error", answer.Code);
            Assert.Equal(0, answer.Used);
        }

        Assert.Equal(100, (await Api.GetAsync(emulator, With(row.Target(Reserved(name, "list", 500)), "count=100"))).ItemCount);
        var defaulted = await Api.GetAsync(emulator, row.Target(Reserved(name, "list", 500)));
        Assert.Equal(40, defaulted.ItemCount);
        Assert.EndsWith("count=40", defaulted.Data.GetProperty("next").GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task A_cursor_the_list_did_not_issue_is_400_and_refunded(string name)
    {
        var row = Row(name);
        await using var emulator = await TestEmulator.StartAsync();
        var other = await Api.GetAsync(emulator, row.Target(Reserved(name, "list", 300)));
        var foreign = other.NextCursor!;
        foreach (var cursor in (string[])["nonsense", foreign])
        {
            var answer = await Api.GetAsync(emulator, With(row.Target(row.Ordinary), "cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(400, answer.Status);
            Assert.Equal(0, answer.Used);
        }
    }

    [Theory]
    [InlineData("/v1/x/users/abcdefghijklmnop")]
    [InlineData("/v1/x/users/khaby.lame/posts")]
    [InlineData("/v1/x/users/khaby-lame/highlights")]
    [InlineData("/v1/x/users/%40")]
    [InlineData("/v1/x/posts/12a")]
    [InlineData("/v1/x/posts/20245155855690834370")]
    [InlineData("/v1/x/communities/abc/posts")]
    [InlineData("/v1/x/communities/%31%2F2/media")]
    public async Task Bad_usernames_and_ids_are_400_and_refunded(string target) =>
        Api.AssertRefusedAndRefunded(await Api.OnceAsync(target));

    [Theory]
    [InlineData("/v1/x/users/a/b")]
    [InlineData("/v1/x/users/a/likes")]
    [InlineData("/v1/x/posts/1/comments")]
    [InlineData("/v1/x/users/..")]
    [InlineData("/v1/x/users/%2e%2e/posts")]
    [InlineData("/v1/x/communities//posts")]
    public async Task Paths_that_are_no_route_are_route_not_found_and_not_charged(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, target);
        Assert.Equal(404, answer.Status);
        Assert.Equal("route_not_found", answer.Code);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task A_subject_that_does_not_exist_is_404_and_charged(string name)
    {
        var row = Row(name);
        Api.AssertNotFoundAndCharged(await Api.OnceAsync(row.Target(Reserved(name, "notfound"))));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Paging_scenarios_act_out_their_misbehaviour(string name)
    {
        var row = Row(name);
        await using var emulator = await TestEmulator.StartAsync();
        var repeat = await Api.GetAsync(emulator, row.Target(Reserved(name, "repeat")));
        var second = await Api.GetAsync(emulator, Api.NextTarget(repeat));
        Assert.Equal(second.NextCursor, second.Data.GetProperty("cursor").GetString());

        var hole = await Api.GetAsync(emulator, row.Target(Reserved(name, "hole")));
        var empty = await Api.GetAsync(emulator, Api.NextTarget(hole));
        Assert.Equal(0, empty.ItemCount);
        Assert.NotNull(empty.NextCursor);

        var failing = await Api.GetAsync(emulator, row.Target(Reserved(name, "fail", 2)));
        var failed = await Api.GetAsync(emulator, Api.NextTarget(failing));
        Assert.Equal(502, failed.Status);
        Assert.Equal(0, failed.Used);
    }

    [Theory]
    [MemberData(nameof(OfUsers))]
    public async Task Reserved_user_names_reach_the_shared_scenarios(string name)
    {
        var row = Row(name);
        await using var emulator = await TestEmulator.StartAsync();
        var invalid = await Api.GetAsync(emulator, row.Target("emu_invalid"));
        Assert.Equal(400, invalid.Status);
        Assert.Equal(0, invalid.Used);
        Assert.Equal(503, (await Api.GetAsync(emulator, row.Target("emu_fault_503"))).Status);
        Assert.Equal(503, (await Api.GetAsync(emulator, row.Target("emu_retry_1_a"))).Status);
        Assert.Equal(200, (await Api.GetAsync(emulator, row.Target("emu_retry_1_a"))).Status);
    }

    [Fact]
    public async Task Reserved_profiles_change_the_shape_they_name()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var full = (await Api.GetAsync(emulator, "/v1/x/users/emu_full")).Data;
        foreach (var member in (string[])["summary", "attachment", "location", "published", "listedCount", "icon", "image"])
        {
            Assert.True(full.TryGetProperty(member, out _), member);
        }

        var minimal = (await Api.GetAsync(emulator, "/v1/x/users/emu_minimal")).Data;
        Assert.False(minimal.TryGetProperty("summary", out _));
        Assert.False(minimal.TryGetProperty("icon", out _));
        Assert.Empty(TikTokSchemas.Single((await Api.GetAsync(emulator, "/v1/x/users/emu_minimal")).Body!.Value, XSchemas.User));
        Assert.False((await Api.GetAsync(emulator, "/v1/x/users/emu_missing")).Data.TryGetProperty("preferredUsername", out _));
        Assert.Equal(JsonValueKind.String, (await Api.GetAsync(emulator, "/v1/x/users/emu_wrongtypes")).Data.GetProperty("followerCount").ValueKind);
        Assert.True((await Api.GetAsync(emulator, "/v1/x/users/emu_private")).Data.GetProperty("isPrivate").GetBoolean());
        Assert.Equal(JsonValueKind.Null, (await Api.GetAsync(emulator, "/v1/x/users/emu_datanull")).Body!.Value.GetProperty("data").ValueKind);
    }

    [Theory]
    [InlineData("/v1/x/users/{0}/posts")]
    [InlineData("/v1/x/users/{0}/highlights")]
    [InlineData("/v1/x/communities/" + Community + "/posts")]
    [InlineData("/v1/x/communities/" + Community + "/media")]
    public async Task A_listed_post_is_the_same_post_by_id_and_its_author_the_same_user(string template)
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var user in (string[])["KhabyLame", "mika_vibes417", "nasa", "someone_else"])
        {
            var page = await Api.GetAsync(emulator, string.Format(CultureInfo.InvariantCulture, template, user));
            foreach (var item in page.Data.GetProperty("orderedItems").EnumerateArray().Take(8))
            {
                var id = item.GetProperty("entityId").GetString()!;
                var single = (await Api.GetAsync(emulator, "/v1/x/posts/" + id)).Data;
                Assert.Equal(Without(single, "@context"), item.GetRawText());
                var author = item.GetProperty("attributedTo");
                var username = author.GetProperty("preferredUsername").GetString()!;
                if (template.Contains("/users/", StringComparison.Ordinal))
                {
                    Assert.Equal(user.ToLowerInvariant(), username);
                }

                var profile = (await Api.GetAsync(emulator, "/v1/x/users/" + username)).Data;
                Assert.Equal(profile.GetProperty("entityId").GetString(), author.GetProperty("entityId").GetString());
                Assert.Equal(profile.GetProperty("postCount").GetInt64(), author.GetProperty("postCount").GetInt64());
                if (template.EndsWith("/media", StringComparison.Ordinal))
                {
                    Assert.Contains(item.GetProperty("attachment").EnumerateArray(), a => a.GetProperty("type").GetString() is "Video" or "Image");
                }
            }

            if (!template.Contains("/users/", StringComparison.Ordinal))
            {
                break;
            }
        }
    }

    [Fact]
    public async Task Replies_and_quotes_point_at_posts_that_exist_and_a_communitys_creator_is_a_user()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = (await Api.GetAsync(emulator, "/v1/x/communities/" + Community + "/posts?count=100")).Data;
        var replies = 0;
        var quotes = 0;
        foreach (var item in page.GetProperty("orderedItems").EnumerateArray())
        {
            if (item.TryGetProperty("inReplyTo", out var reply))
            {
                var id = reply.GetString()!.Split('/')[^1];
                var parent = (await Api.GetAsync(emulator, "/v1/x/posts/" + id)).Data;
                Assert.Equal(reply.GetString(), parent.GetProperty("url").GetString());
                replies++;
            }

            if (item.TryGetProperty("quote", out var quote))
            {
                var quoted = (await Api.GetAsync(emulator, "/v1/x/posts/" + quote.GetProperty("entityId").GetString())).Data;
                Assert.Equal(quote.GetProperty("content").GetString(), quoted.GetProperty("content").GetString());
                quotes++;
            }
        }

        Assert.True(replies > 0 && quotes > 0, $"{replies} replies and {quotes} quotes in 100 posts");
        var community = (await Api.GetAsync(emulator, "/v1/x/communities/" + Community)).Data;
        var creator = community.GetProperty("attributedTo");
        var profile = (await Api.GetAsync(emulator, "/v1/x/users/" + creator.GetProperty("preferredUsername").GetString())).Data;
        Assert.Equal(profile.GetProperty("entityId").GetString(), creator.GetProperty("entityId").GetString());
    }

    [Fact]
    public async Task A_users_counts_say_how_long_their_lists_are()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var profile = (await Api.GetAsync(emulator, "/v1/x/users/emu_list_33")).Data;
        Assert.Equal(33, profile.GetProperty("postCount").GetInt64());
        Assert.Equal(33, (await Api.GetAsync(emulator, "/v1/x/users/emu_list_33/posts")).Data.GetProperty("totalItems").GetInt64());
        var ordinary = (await Api.GetAsync(emulator, "/v1/x/users/KhabyLame")).Data;
        Assert.Equal(ordinary.GetProperty("postCount").GetInt64(), (await Api.GetAsync(emulator, "/v1/x/users/KhabyLame/posts")).Data.GetProperty("totalItems").GetInt64());
    }

    [Fact]
    public async Task A_cursor_far_into_a_long_list_answers_its_last_page()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var cursor = XRoutes.CursorFor("x.users.posts", "emu_list_999999", new ListPosition(999_990, 50_000));
        var far = await Api.GetAsync(emulator, "/v1/x/users/emu_list_999999/posts?cursor=" + Uri.EscapeDataString(cursor));
        Assert.Equal(200, far.Status);
        Assert.Equal(9, far.ItemCount);
        Assert.Null(far.NextCursor);
        Assert.Empty(TikTokSchemas.Page(far.Body!.Value, XSchemas.Post));
    }

    /// <summary>The raw JSON of an object without one member, to compare a single answer with a list item.</summary>
    private static string Without(JsonElement element, string member)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText())!.AsObject();
        node.Remove(member);
        return node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

/// <summary>The handles post IDs carry: every kind comes back as itself, and generated handles are valid X handles.</summary>
public sealed class XNameTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("nasa")]
    [InlineData("a_b_c_9")]
    [InlineData("khabylame")]
    [InlineData("emu_list_999999")]
    [InlineData("emu_page_fail_3")]
    [InlineData("emu_page_hollow")]
    public void A_post_id_names_its_author_again(string username)
    {
        var id = XPostId.For(username, 123_456);
        Assert.Equal(19, id.Text.Length);
        var parsed = XPostId.Parse(id.Text);
        Assert.Equal(username, parsed.Author);
        Assert.Equal(123_456, parsed.Index);
    }

    [Fact]
    public void Generated_handles_are_valid_and_reversible()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 5_000; i++)
        {
            var name = XNames.Generated(random.NextInt64(XNames.GeneratedLimit));
            Assert.InRange(name.Length, 1, 15);
            Assert.All(name, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_', name));
            Assert.False(name.StartsWith("emu", StringComparison.Ordinal));
            Assert.Equal(name, XPostId.Parse(XPostId.For(name, 1).Text).Author);
        }
    }
}
