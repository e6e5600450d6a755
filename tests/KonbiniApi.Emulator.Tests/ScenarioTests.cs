using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>The reserved names, tags, queries and IDs, on every list route that has such a subject.</summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Lists => RouteTable.Lists;

    public static TheoryData<string> OfUsers => RouteTable.OfUsers;

    private static string Count(int count) => "count=" + count.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Empty_lists_have_no_items_and_no_next_page(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, row.Target(row.Reserved("empty")));
        Assert.Equal(200, page.Status);
        Assert.Equal(0, page.ItemCount);
        Assert.Null(page.NextCursor);
        Assert.Equal(0, page.Data.GetProperty("totalItems").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Repeat_hands_back_the_cursor_page_two_was_asked_with(string name)
    {
        var row = RouteTable.Get(name);
        var count = row.Min == row.Max ? row.Max : 3;
        await using var emulator = await TestEmulator.StartAsync();
        var page1 = await Api.GetAsync(emulator, row.With(row.Reserved("repeat"), Count(count)));
        Assert.Equal(count, page1.ItemCount);
        var page2 = await Api.GetAsync(emulator, Api.NextTarget(page1));
        Assert.Equal(page1.NextCursor, page2.NextCursor);
        Assert.Equal(page1.NextCursor, page2.Data.GetProperty("cursor").GetString());
        var page3 = await Api.GetAsync(emulator, Api.NextTarget(page2));
        Assert.Equal(page2.Text, page3.Text);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Hole_has_an_empty_second_page_then_a_last_one(string name)
    {
        var row = RouteTable.Get(name);
        var count = row.Min == row.Max ? row.Max : 4;
        await using var emulator = await TestEmulator.StartAsync();
        var page1 = await Api.GetAsync(emulator, row.With(row.Reserved("hole"), Count(count)));
        var page2 = await Api.GetAsync(emulator, Api.NextTarget(page1));
        var page3 = await Api.GetAsync(emulator, Api.NextTarget(page2));
        Assert.Equal([count, 0, count], [page1.ItemCount, page2.ItemCount, page3.ItemCount]);
        Assert.NotNull(page2.NextCursor);
        Assert.NotEqual(page1.NextCursor, page2.NextCursor);
        Assert.Null(page3.NextCursor);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Hollow_is_empty_after_page_one_with_fresh_cursors_forever(string name)
    {
        var row = RouteTable.Get(name);
        var count = row.Min == row.Max ? row.Max : 2;
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, row.With(row.Reserved("hollow"), Count(count)));
        Assert.Equal(count, page.ItemCount);
        var cursors = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal) { page.NextCursor! };
        for (var i = 0; i < 5; i++)
        {
            page = await Api.GetAsync(emulator, Api.NextTarget(page));
            Assert.Equal(0, page.ItemCount);
            Assert.True(cursors.Add(page.NextCursor!), "a cursor came back twice");
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Fail_on_page_k_answers_502_there_refunded_and_the_other_pages_normally(string name)
    {
        var row = RouteTable.Get(name);
        var count = row.Min == row.Max ? row.Max : 3;
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, row.With(row.Reserved("fail", 2), Count(count)));
        Assert.Equal(200, page.Status);
        Assert.Equal(5L * count, page.Data.GetProperty("totalItems").GetInt64());
        var next = Api.NextTarget(page);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var failed = await Api.GetAsync(emulator, next);
            Assert.Equal(502, failed.Status);
            Assert.Equal("platform_error", failed.Code);
            Assert.Equal(0, failed.Used);
        }

        // Pages after K still answer when reached by a cursor; the list is five full pages.
        var position = new ListPosition(3L * count, 4);
        var fourth = await Api.GetAsync(emulator, row.With(row.Reserved("fail", 2), Count(count) + "&cursor=" + Uri.EscapeDataString(
            TikTokRoutes.CursorFor(row.With(row.Reserved("fail", 2), Count(count)), position))));
        Assert.Equal(count, fourth.ItemCount);
        var fifth = await Api.GetAsync(emulator, Api.NextTarget(fourth));
        Assert.Equal(count, fifth.ItemCount);
        Assert.Null(fifth.NextCursor);

        var first = await Api.GetAsync(emulator, row.With(row.Reserved("fail", 1), Count(count)));
        Assert.Equal(502, first.Status);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Not_found_subjects_are_404_and_charged(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, row.Target(row.Reserved("notfound")));
        Assert.Equal(404, answer.Status);
        Assert.Equal("not_found", answer.Code);
        Assert.Equal(1, answer.Used);
    }

    [Theory]
    [MemberData(nameof(OfUsers))]
    public async Task Reserved_user_names_apply_to_every_route_of_that_user(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(404, (await Api.GetAsync(emulator, row.Target("EMU.NotFound"))).Status);
        Assert.Equal(400, (await Api.GetAsync(emulator, row.Target("emu.invalid"))).Status);
        Assert.Equal(502, (await Api.GetAsync(emulator, row.Target("emu.fault.502"))).Status);
        Assert.Equal(500, (await Api.GetAsync(emulator, row.Target("emu.fault.500"))).Status);
        var html = await Api.GetAsync(emulator, row.Target("emu.fault.html"));
        Assert.Equal(502, html.Status);
        Assert.Null(html.Used);
        Assert.Equal("{\"data\":null}", (await Api.GetAsync(emulator, row.Target("emu.datanull"))).Text);
        var statuses = new System.Collections.Generic.List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Api.GetAsync(emulator, row.Target("emu.retry.2.scenario"))).Status);
        }

        Assert.Equal([503, 503, row.Name == "user live" ? 404 : 200], statuses);
    }

    [Fact]
    public async Task Retry_counts_are_shared_by_all_routes_of_one_user()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(503, (await Api.GetAsync(emulator, "/v1/tiktok/users/emu.retry.2.shared")).Status);
        Assert.Equal(503, (await Api.GetAsync(emulator, "/v1/tiktok/users/emu.retry.2.shared/videos")).Status);
        Assert.Equal(200, (await Api.GetAsync(emulator, "/v1/tiktok/users/emu.retry.2.shared/followers")).Status);
        Assert.Equal(503, (await Api.GetAsync(emulator, "/v1/tiktok/tags/emu_retry_1_x")).Status);
        Assert.Equal(200, (await Api.GetAsync(emulator, "/v1/tiktok/tags/emu_retry_1_x")).Status);
        Assert.Equal(503, (await Api.GetAsync(emulator, "/v1/tiktok/search?query=emu.retry.1.x")).Status);
    }

    [Theory]
    [InlineData("emu.list.25")]
    [InlineData("emu.list.25.anything")]
    [InlineData("EMU.List.25")]
    public async Task List_names_set_every_count_and_every_list(string username)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var profile = (await Api.GetAsync(emulator, "/v1/tiktok/users/" + username)).Data;
        foreach (var member in (string[])["followerCount", "followingCount", "mediaCount", "likedCount"])
        {
            Assert.Equal(25, profile.GetProperty(member).GetInt64());
        }

        foreach (var list in (string[])["videos", "likes", "reposts", "collections", "stories", "following", "followers"])
        {
            var page = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/{list}?count=30");
            Assert.Equal(25, page.Data.GetProperty("totalItems").GetInt64());
            Assert.Equal(25, page.ItemCount);
            Assert.Null(page.NextCursor);
        }
    }

    [Theory]
    [InlineData("emu.list.10000001")]
    [InlineData("emu.list.")]
    [InlineData("emu.list.x")]
    [InlineData("emu.page.other")]
    public async Task Names_outside_the_grammar_are_ordinary_users(string username)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/videos");
        var profile = await Api.GetAsync(emulator, "/v1/tiktok/users/" + username);
        Assert.Equal(200, page.Status);
        Assert.Equal(profile.Data.GetProperty("mediaCount").GetInt64(), page.Data.GetProperty("totalItems").GetInt64());
    }

    [Theory]
    [InlineData("emu.live")]
    [InlineData("emu.live.studio")]
    [InlineData("@EMU.LIVE")]
    public async Task Live_names_are_live(string username)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var live = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/live");
        Assert.Equal(200, live.Status);
        Assert.True(live.Data.GetProperty("isLive").GetBoolean());
        Assert.Equal("https://www.tiktok.com/@" + username.TrimStart('@').ToLowerInvariant() + "/live", live.Data.GetProperty("url").GetString());
        Assert.True((await Api.GetAsync(emulator, "/v1/tiktok/users/" + username)).Data.GetProperty("isLive").GetBoolean());
    }

    [Theory]
    [InlineData("khaby.lame")]
    [InlineData("emu.full")]
    [InlineData("emu.livex")]
    public async Task Everyone_else_is_not_live_404_charged(string username)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/live");
        Assert.Equal(404, answer.Status);
        Assert.Equal("not_found", answer.Code);
        Assert.Contains("live", answer.Body!.Value.GetProperty("errors")[0].GetProperty("message").GetString()!, StringComparison.Ordinal);
        Assert.Equal(1, answer.Used);
    }

    [Fact]
    public async Task Live_answers_exactly_the_generated_profiles_that_say_they_are_live()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var people = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var page = await Api.GetAsync(emulator, $"/v1/tiktok/users/live.survey{i}/followers?count=30");
            people.AddRange(page.Data.GetProperty("orderedItems").EnumerateArray().Select(p => p.GetProperty("preferredUsername").GetString()!));
        }

        var live = 0;
        foreach (var username in people)
        {
            var isLive = (await Api.GetAsync(emulator, "/v1/tiktok/users/" + username)).Data.GetProperty("isLive").GetBoolean();
            var stream = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/live");
            Assert.True(stream.Status == (isLive ? 200 : 404), $"{username}: isLive {isLive}, /live {stream.Status}");
            live += isLive ? 1 : 0;
        }

        // About one generated profile in twelve is live: enough in 120 that both answers were checked.
        Assert.InRange(live, 1, people.Count - 1);
    }

    [Fact]
    public async Task Id_9906_is_not_found_on_every_route_that_names_it()
    {
        const string gone = "9906000000000000123";
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var target in (string[])[
            $"/v1/tiktok/videos/{gone}", $"/v1/tiktok/videos/{gone}/download", $"/v1/tiktok/videos/{gone}/comments",
            $"/v1/tiktok/videos/{gone}/transcripts/original", $"/v1/tiktok/videos/{gone}/comments/{RouteRow.Video}/replies",
            $"/v1/tiktok/videos/{RouteRow.Video}/comments/{gone}/replies", $"/v1/tiktok/collections/{gone}",
            $"/v1/tiktok/audios/{gone}", $"/v1/tiktok/audios/{gone}/videos"])
        {
            var answer = await Api.GetAsync(emulator, target);
            Assert.True(answer.Status == 404, $"{target} gave {answer.Status}");
            Assert.Equal("not_found", answer.Code);
            Assert.Equal(1, answer.Used);
        }
    }

    [Fact]
    public async Task Id_9907_is_a_video_without_a_transcript()
    {
        const string silent = "9907000000000000001";
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal(200, (await Api.GetAsync(emulator, "/v1/tiktok/videos/" + silent)).Status);
        var transcript = await Api.GetAsync(emulator, $"/v1/tiktok/videos/{silent}/transcripts/en-US");
        Assert.Equal(404, transcript.Status);
        Assert.Equal("not_found", transcript.Code);
        Assert.Equal(1, transcript.Used);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("12a")]
    [InlineData("-1")]
    [InlineData("12345678901234567890")]
    [InlineData("%201")]
    public async Task Non_numeric_ids_are_400_on_every_id_route(string id)
    {
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var target in (string[])[
            $"/v1/tiktok/videos/{id}", $"/v1/tiktok/videos/{id}/download", $"/v1/tiktok/videos/{id}/comments",
            $"/v1/tiktok/videos/{id}/transcripts/original", $"/v1/tiktok/videos/{RouteRow.Video}/comments/{id}/replies",
            $"/v1/tiktok/collections/{id}", $"/v1/tiktok/audios/{id}", $"/v1/tiktok/audios/{id}/videos"])
        {
            var answer = await Api.GetAsync(emulator, target);
            Assert.True(answer.Status == 400, $"{target} gave {answer.Status}");
            Assert.Equal(0, answer.Used);
        }
    }

    [Theory]
    [InlineData("/v1/tiktok/videos/7000000000000000005/transcripts/en")]
    [InlineData("/v1/tiktok/videos/7000000000000000005/transcripts/EN-US")]
    [InlineData("/v1/tiktok/videos/7000000000000000005/transcripts/xx-YY")]
    [InlineData("/v1/tiktok/tags/has-dash")]
    [InlineData("/v1/tiktok/tags/has.dot")]
    [InlineData("/v1/tiktok/search")]
    [InlineData("/v1/tiktok/search?query=")]
    [InlineData("/v1/tiktok/search?query=%20%20")]
    [InlineData("/v1/tiktok/search/users?query=+")]
    [InlineData("/v1/tiktok/search/videos?q=cats")]
    [InlineData("/v1/tiktok/search/users?query=cats&count=9")]
    [InlineData("/v1/tiktok/videos/7000000000000000005/download?url=not-a-url")]
    [InlineData("/v1/tiktok/users/has-dash/videos")]
    public async Task Other_validation_failures_are_400_and_refunded(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, target);
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_error", answer.Code);
        Assert.Equal(0, answer.Used);
    }

    [Theory]
    [InlineData("/v1/tiktok/search?query=cats+and+dogs&unknown=1", "cats and dogs")]
    [InlineData("/v1/tiktok/search?query=caf%C3%A9%20%26%20co", "café & co")]
    [InlineData("/v1/tiktok/search/videos?query=%E6%96%99%E7%90%86", "料理")]
    public async Task Queries_are_form_decoded_and_travel_into_next(string target, string query)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, target + "&count=5");
        Assert.Equal(200, page.Status);
        Assert.Equal(JsonNull, page.Data.GetProperty("totalItems").ValueKind);
        var next = new Uri(page.Data.GetProperty("next").GetString()!);
        Assert.Contains("query=" + Uri.EscapeDataString(query), next.Query, StringComparison.Ordinal);
        Assert.Equal(200, (await Api.GetAsync(emulator, next.PathAndQuery)).Status);
    }

    [Fact]
    public async Task Generated_searches_are_finite()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var target = "/v1/tiktok/search/videos?query=finite&count=100";
        var total = 0;
        for (var pages = 0; target is not null; pages++)
        {
            Assert.True(pages < 10);
            var page = await Api.GetAsync(emulator, target);
            total += page.ItemCount;
            target = page.NextCursor is null ? null : Api.NextTarget(page);
        }

        Assert.InRange(total, 50, 500);
    }

    [Fact]
    public async Task The_broken_item_user_has_one_video_whose_view_count_is_a_string_wherever_its_page_starts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var whole = await Api.GetAsync(emulator, "/v1/tiktok/users/emu.item.broken/videos?count=5");
        var first = await Api.GetAsync(emulator, "/v1/tiktok/users/emu.item.broken/videos?count=2");
        var second = await Api.GetAsync(emulator, Api.NextTarget(first));

        var kinds = whole.Data.GetProperty("orderedItems").EnumerateArray().Select(video => video.GetProperty("viewCount").ValueKind).ToArray();
        Assert.Equal(new[] { JsonNumber, JsonNumber, JsonString, JsonNumber, JsonNumber }, kinds);
        Assert.Equal(JsonString, second.Data.GetProperty("orderedItems")[0].GetProperty("viewCount").ValueKind);
        Assert.Equal(
            whole.Data.GetProperty("orderedItems")[2].GetProperty("entityId").GetString(),
            second.Data.GetProperty("orderedItems")[0].GetProperty("entityId").GetString());
        var followers = await Api.GetAsync(emulator, "/v1/tiktok/users/emu.item.broken/followers?count=5");
        Assert.Equal(200, followers.Status);
        Assert.Equal(5, followers.ItemCount);
    }

    private const System.Text.Json.JsonValueKind JsonNumber = System.Text.Json.JsonValueKind.Number;

    private const System.Text.Json.JsonValueKind JsonString = System.Text.Json.JsonValueKind.String;

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
