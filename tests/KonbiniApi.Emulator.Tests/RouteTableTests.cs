using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>Behaviour every route shares, driven by <see cref="RouteTable"/>.</summary>
public sealed class RouteTableTests
{
    public static TheoryData<string> Every => RouteTable.Every;

    public static TheoryData<string> Lists => RouteTable.Lists;

    public static TheoryData<string> Ordered => RouteTable.Ordered;

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Every_route_answers_its_schema_and_is_charged_one_credit(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, row.Target(row.Ordinary));

        Assert.Equal(200, answer.Status);
        Assert.Empty(RouteTable.Problems(row, answer.Body!.Value));
        Assert.Equal(1, answer.Used);
        Assert.Equal(999_999, answer.Remaining);
        var stats = await emulator.StatsAsync();
        Assert.Equal(1, stats.GetProperty("routes").GetProperty(row.Stats).GetProperty("200").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Many_pages_of_many_subjects_answer_the_schema(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var subjects = new List<string> { row.Ordinary };
        for (var i = 0; i < 6; i++)
        {
            subjects.Add(row.Subject switch
            {
                SubjectKind.User => $"creator_{i}.x{i * 31}",
                SubjectKind.Tag => $"tag{i}",
                SubjectKind.Query => $"query {i} ünïcode",
                _ => row.Ordinary[..^2] + (i * 13).ToString("D2", CultureInfo.InvariantCulture),
            });
        }

        var items = 0;
        foreach (var subject in subjects)
        {
            var target = row.With(subject, "count=" + row.Max.ToString(CultureInfo.InvariantCulture));
            for (var page = 0; page < 2 && target is not null; page++)
            {
                var answer = await Api.GetAsync(emulator, target);
                Assert.Equal(200, answer.Status);
                Assert.Empty(RouteTable.Problems(row, answer.Body!.Value));
                items += answer.ItemCount;
                target = answer.NextCursor is null ? null : Api.NextTarget(answer);
            }
        }

        Assert.True(items > 0, "no items at all");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Paging_ends_exactly_at_the_last_item(string name)
    {
        var row = RouteTable.Get(name);
        var count = row.Min == row.Max ? row.Max : 5;
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var total in (long[])[0, 1, count - 1, count, count + 1, 2 * count])
        {
            var target = row.With(row.Reserved("list", total), "count=" + count.ToString(CultureInfo.InvariantCulture));
            var seen = new List<string>();
            var pages = 0;
            string? cursor = "0";
            while (target is not null)
            {
                var answer = await Api.GetAsync(emulator, target);
                Assert.Equal(200, answer.Status);
                Assert.Empty(RouteTable.Problems(row, answer.Body!.Value));
                var data = answer.Data;
                Assert.Equal(total, data.GetProperty("totalItems").GetInt64());
                Assert.Equal(cursor, data.GetProperty("cursor").GetString());
                pages++;
                seen.AddRange(data.GetProperty("orderedItems").EnumerateArray().Select(item => item.GetRawText()));
                cursor = answer.NextCursor;
                if (cursor is null)
                {
                    Assert.Equal(JsonValueKind.Null, data.GetProperty("next").ValueKind);
                    target = null;
                }
                else
                {
                    Assert.Equal(count, answer.ItemCount);
                    target = Api.NextTarget(answer);
                }

                Assert.True(pages <= 3, $"{total} items took more than 3 pages");
            }

            Assert.Equal(total, seen.Count);
            Assert.Equal(Math.Max(1, (total + count - 1) / count), pages);
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Ten_million_items_cost_nothing_until_paged(string name)
    {
        const long total = 10_000_000;
        var row = RouteTable.Get(name);
        var count = row.Max;
        await using var emulator = await TestEmulator.StartAsync();
        var first = row.With(row.Reserved("list", total), "count=" + count.ToString(CultureInfo.InvariantCulture));
        var page1 = await Api.GetAsync(emulator, first);
        Assert.Equal(total, page1.Data.GetProperty("totalItems").GetInt64());
        Assert.Equal(count, page1.ItemCount);

        var farCursor = TikTokRoutes.CursorFor(first, new ListPosition(total - count + 1, 999_999));
        var far = await Api.GetAsync(emulator, first + "&cursor=" + Uri.EscapeDataString(farCursor));
        Assert.Equal(200, far.Status);
        Assert.Empty(RouteTable.Problems(row, far.Body!.Value));
        Assert.Equal(count - 1, far.ItemCount);
        Assert.Null(far.NextCursor);
        Assert.Equal(farCursor, far.Data.GetProperty("cursor").GetString());
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Counts_outside_the_bounds_or_not_integers_are_400_and_refunded(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var bad = new List<string> { (row.Min - 1).ToString(CultureInfo.InvariantCulture), (row.Max + 1).ToString(CultureInfo.InvariantCulture), "abc", "1.5", "", "1e1", "9999999999999" };
        foreach (var count in bad)
        {
            var answer = await Api.GetAsync(emulator, row.With(row.Ordinary, "count=" + Uri.EscapeDataString(count)));
            Assert.True(answer.Status == 400, $"count={count} gave {answer.Status}");
            Assert.Equal("validation_error", answer.Code);
            Assert.Equal(0, answer.Used);
            Assert.Equal(1_000_000, answer.Remaining);
        }

        foreach (var count in (int[])[row.Min, row.Max])
        {
            var answer = await Api.GetAsync(emulator, row.With(row.Ordinary, "count=" + count.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(200, answer.Status);
        }

        var defaulted = await Api.GetAsync(emulator, row.With(row.Reserved("list", 500), "x=1"));
        Assert.Equal(row.Default, defaulted.ItemCount);
        Assert.EndsWith("count=" + row.Default.ToString(CultureInfo.InvariantCulture), defaulted.Data.GetProperty("next").GetString()!, StringComparison.Ordinal);
        var stats = await emulator.StatsAsync();
        Assert.Equal(bad.Count, stats.GetProperty("routes").GetProperty(row.Stats).GetProperty("400").GetInt64());
        Assert.Equal(3, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
    }

    [Theory]
    [MemberData(nameof(Ordered))]
    public async Task Orders_and_periods_outside_the_enum_are_400_and_every_listed_value_works(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var order in row.Orders!)
        {
            Assert.Equal(200, (await Api.GetAsync(emulator, row.With(row.Ordinary, "order=" + order))).Status);
        }

        foreach (var order in (string[])["Newest", "random", "", row.Orders![0] + " "])
        {
            var answer = await Api.GetAsync(emulator, row.With(row.Ordinary, "order=" + Uri.EscapeDataString(order)));
            Assert.Equal(400, answer.Status);
            Assert.Equal(0, answer.Used);
        }

        if (row.Published)
        {
            foreach (var period in (string[])["all-time", "yesterday", "this-week", "this-month", "last-3-months", "last-6-months"])
            {
                Assert.Equal(200, (await Api.GetAsync(emulator, row.With(row.Ordinary, "published=" + period))).Status);
            }

            Assert.Equal(400, (await Api.GetAsync(emulator, row.With(row.Ordinary, "published=today"))).Status);
        }
    }

    [Theory]
    [MemberData(nameof(Ordered))]
    public async Task Every_order_lists_the_same_items_and_oldest_reverses_newest(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var lists = new Dictionary<string, List<string>>();
        foreach (var order in row.Orders!)
        {
            var answer = await Api.GetAsync(emulator, row.With(row.Reserved("list", 7), $"order={order}&count=10"));
            lists[order] = answer.Data.GetProperty("orderedItems").EnumerateArray().Select(item => item.GetRawText()).ToList();
        }

        var first = lists[row.Orders[0]];
        Assert.Equal(7, first.Count);
        Assert.All(lists.Values, list => Assert.Equal(first.Order(StringComparer.Ordinal), list.Order(StringComparer.Ordinal)));
        Assert.Equal(Enumerable.Reverse(first), lists[row.Orders[2]]);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Cursors_that_do_not_decode_for_this_list_are_400_and_refunded(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, row.With(row.Reserved("list", 100), "count=" + row.Min.ToString(CultureInfo.InvariantCulture)));
        var good = page.NextCursor!;
        var other = await Api.GetAsync(emulator, row.With(row.Reserved("list", 101), "count=" + row.Min.ToString(CultureInfo.InvariantCulture)));
        var tampered = (good[0] == 'A' ? 'B' : 'A') + good[1..];
        foreach (var cursor in (string[])["zzz", "1", "-1", tampered, other.NextCursor!, good + "A", "AAAAAAAAAAAAAAAAAAAAAA"])
        {
            var answer = await Api.GetAsync(emulator, row.With(row.Reserved("list", 100), "cursor=" + Uri.EscapeDataString(cursor)));
            Assert.True(answer.Status == 400, $"cursor {cursor} gave {answer.Status}");
            Assert.Equal("validation_error", answer.Code);
            Assert.Equal(0, answer.Used);
        }

        Assert.Equal(200, (await Api.GetAsync(emulator, row.With(row.Reserved("list", 100), "cursor=" + Uri.EscapeDataString(good)))).Status);
        Assert.Equal(200, (await Api.GetAsync(emulator, row.With(row.Reserved("list", 100), "cursor=0"))).Status);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Malformed_paths_are_route_not_found_and_not_accounted(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var target = row.Target(row.Ordinary);
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];
        var suffix = query < 0 ? string.Empty : target[query..];
        var lastSlash = path.LastIndexOf('/');
        var variants = new List<string>
        {
            path + "/" + suffix,
            path + "/extra" + suffix,
            path.Insert(lastSlash, "/") + suffix,
            path[..(lastSlash + 1)] + "." + suffix,
            path[..(lastSlash + 1)] + "%2E%2E" + suffix,
            path.ToUpperInvariant() + suffix,
        };

        foreach (var variant in variants)
        {
            var response = await RawHttp.SendAsync(emulator.BaseAddress, "GET", variant);
            Assert.True(response.Status == 404, $"{variant} gave {response.Status}");
            Assert.Equal("route_not_found", TestEmulator.ErrorCode(TestEmulator.JsonElementFrom(response.Body)));
            Assert.False(response.Headers.ContainsKey("X-Credits-Used"));
        }

        var post = await RawHttp.SendAsync(emulator.BaseAddress, "POST", target);
        Assert.Equal(404, post.Status);
        var stats = await emulator.StatsAsync();
        Assert.Equal(0, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
        Assert.Equal(variants.Count + 1, stats.GetProperty("routes").GetProperty("route_not_found").GetProperty("404").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Keys_faults_and_the_body_limit_apply_to_every_route(string name)
    {
        var row = RouteTable.Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var target = row.Target(row.Ordinary);

        var missing = await Api.GetAsync(emulator, target, key: null);
        Assert.Equal(401, missing.Status);
        Assert.Null(missing.Used);
        Assert.Equal(403, (await Api.GetAsync(emulator, target, "knbn_disabled")).Status);
        Assert.Equal(402, (await Api.GetAsync(emulator, target, "knbn_empty")).Status);

        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, target)))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestEmulator.Key);
            request.Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]);
            using var response = await emulator.Client.SendAsync(request);
            Assert.Equal(413, (int)response.StatusCode);
            Assert.Equal("0", TestEmulator.Header(response, "X-Credits-Used"));
        }

        await emulator.PostJsonAsync("_emulator/config", """{"faultRate":1,"faults":["503"]}""");
        var faulted = await Api.GetAsync(emulator, target);
        Assert.Equal(503, faulted.Status);
        Assert.Equal(0, faulted.Used);
        await emulator.PostJsonAsync("_emulator/config", """{"faultRate":1,"faults":["truncate"]}""");
        await Assert.ThrowsAnyAsync<Exception>(() => Api.GetAsync(emulator, target));

        var stats = await emulator.StatsAsync();
        var routes = stats.GetProperty("routes").GetProperty(row.Stats);
        Assert.Equal(1, routes.GetProperty("413").GetInt64());
        Assert.Equal(1, routes.GetProperty("503").GetInt64());
        Assert.Equal(0, stats.GetProperty("creditsCharged").GetProperty(TestEmulator.Key).GetInt64());
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task The_same_request_gives_the_same_bytes(string name)
    {
        var row = RouteTable.Get(name);
        if (row.Name == "video download")
        {
            return; // each call issues a fresh URL, by design
        }

        await using var first = await TestEmulator.StartAsync();
        await using var second = await TestEmulator.StartAsync();
        var a = await Api.GetAsync(first, row.Target(row.Ordinary));
        var b = await Api.GetAsync(second, row.Target(row.Ordinary));
        var again = await Api.GetAsync(first, row.Target(row.Ordinary));
        // Only the port in absolute links differs between the two servers.
        Assert.Equal(a.Text.Replace(first.BaseAddress.Authority, "HOST", StringComparison.Ordinal), b.Text.Replace(second.BaseAddress.Authority, "HOST", StringComparison.Ordinal));
        Assert.Equal(a.Text, again.Text);
    }
}
