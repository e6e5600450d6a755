using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>One row per Instagram route: how to reach it, its subject's scenario spelling, its count bounds (0 when it
/// takes none), whether it is paged, and the checker for each item (or for the whole object).</summary>
internal sealed record InstagramRow(string Name, string Stats, string Style, string Ordinary, Func<string, string> Target, Action<JsonElement, string, List<string>> Check, int Min = 0, int Max = 0, bool Paged = false, int PageSize = 0)
{
    public string With(string subject, string query) => Api.WithQuery(Target(subject), query);

    /// <summary>The scenario in the style the subject allows: dotted names, '_' for shortcodes, 99SS IDs.</summary>
    public string Reserved(string scenario, long number = 0) => Style == "id"
        ? ReservedSpelling.Id(scenario, number)
        : ReservedSpelling.Name(scenario, number, Style == "underscore" ? '_' : '.');

    public override string ToString() => Name;
}

public sealed class InstagramRouteTests
{
    private const string User = "luna.rivera42";

    private static readonly InstagramRow[] Rows =
    [
        new("user", "instagram.users", "dot", User, s => $"/v1/instagram/users/{s}", InstagramSchema.User),
        new("user posts", "instagram.users.posts", "dot", User, s => $"/v1/instagram/users/{s}/posts", InstagramSchema.Post, 1, 12, true),
        new("user reels", "instagram.users.reels", "dot", User, s => $"/v1/instagram/users/{s}/reels", InstagramSchema.Post, 1, 12, true),
        new("user tagged", "instagram.users.tagged", "dot", "mika_sato7", s => $"/v1/instagram/users/{s}/tagged", InstagramSchema.Post, 1, 12, true),
        new("user highlights", "instagram.users.highlights", "dot", User, s => $"/v1/instagram/users/{s}/highlights", InstagramSchema.Highlight, Paged: true, PageSize: 10),
        new("post", "instagram.posts", "underscore", "DVRYDo-Cjw3", s => $"/v1/instagram/posts/{s}", InstagramSchema.Post),
        new("post comments", "instagram.posts.comments", "underscore", "DVRYDo-Cjw3", s => $"/v1/instagram/posts/{s}/comments", InstagramSchema.Comment, 15, 15, true),
        new("search", "instagram.search", "dot", "music", s => $"/v1/instagram/search?query={Uri.EscapeDataString(s)}", InstagramSchema.Post, 1, 24, true),
        new("location posts", "instagram.locations", "id", "212999109", s => $"/v1/instagram/locations/{s}", InstagramSchema.Post, 21, 21, true),
        new("highlight stories", "instagram.highlights", "id", "17986596002776443", s => $"/v1/instagram/highlights/{s}", InstagramSchema.Stories),
    ];

    public static TheoryData<string> Every => Names(_ => true);

    public static TheoryData<string> Paged => Names(row => row.Paged);

    public static TheoryData<string> Counted => Names(row => row.Max > 0);

    private static TheoryData<string> Names(Func<InstagramRow, bool> filter) =>
        TheoryRows.Names(Rows.Where(filter), row => row.Name);

    private static InstagramRow Get(string name) => Rows.Single(row => row.Name == name);

    private static int PageOf(InstagramRow row) => row.Max > 0 ? row.Max : row.PageSize;

    private static IReadOnlyList<string> Problems(InstagramRow row, JsonElement body) =>
        row.Paged ? TikTokSchemas.Page(body, row.Check) : TikTokSchemas.Single(body, row.Check);

    private static string WithoutContext(JsonElement data) =>
        JsonSerializer.Serialize(data.EnumerateObject().Where(p => p.Name != "@context").ToDictionary(p => p.Name, p => p.Value));

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Every_route_answers_its_schema_and_is_charged_one_credit(string name)
    {
        var row = Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await Api.GetAsync(emulator, row.Target(row.Ordinary));
        await Api.AssertAnsweredForOneCreditAsync(emulator, answer, row.Stats);
        Assert.Empty(Problems(row, answer.Body!.Value));
    }

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Many_subjects_answer_the_schema_and_the_same_bytes_every_time(string name)
    {
        var row = Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        var subjects = row.Style switch
        {
            "id" => new[] { row.Ordinary, "1", "108218539205487", "3300000000120000001" },
            "underscore" => new[] { row.Ordinary, "CybWViruta1", "C_x1", "Bx7-Qa_Lm2Z", "emu_full" },
            _ when row.Name == "search" => new[] { row.Ordinary, "日本 料理", "cats & dogs", "x" },
            _ => new[] { row.Ordinary, "khaby00", "emu.full", "emu.minimal", "a_b.c9" },
        };
        foreach (var subject in subjects)
        {
            var first = await Api.GetAsync(emulator, row.Target(subject));
            Assert.True(first.Status == 200, $"{subject}: {first.Status} {first.Text}");
            Assert.Empty(Problems(row, first.Body!.Value));
            Assert.Equal(first.Text, (await Api.GetAsync(emulator, row.Target(subject))).Text);
        }
    }

    [Theory]
    [MemberData(nameof(Paged))]
    public async Task Paging_ends_exactly_at_the_last_item(string name)
    {
        var row = Get(name);
        var count = row.Min == row.Max && row.Max > 0 ? row.Max : row.Max > 0 ? 5 : row.PageSize;
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var total in (long[])[0, 1, count - 1, count, count + 1, 2 * count])
        {
            var target = row.Max > 0 ? row.With(row.Reserved("list", total), "count=" + count.ToString(CultureInfo.InvariantCulture)) : row.Target(row.Reserved("list", total));
            var seen = new List<string>();
            var pages = 0;
            string? cursor = "0";
            while (target is not null)
            {
                var answer = await Api.GetAsync(emulator, target);
                Assert.Equal(200, answer.Status);
                Assert.Empty(Problems(row, answer.Body!.Value));
                Assert.Equal(total, answer.Data.GetProperty("totalItems").GetInt64());
                Assert.Equal(cursor, answer.Data.GetProperty("cursor").GetString());
                pages++;
                seen.AddRange(answer.Data.GetProperty("orderedItems").EnumerateArray().Select(item => item.GetProperty("entityId").GetString()!));
                cursor = answer.NextCursor;
                target = cursor is null ? null : Api.NextTarget(answer);
                if (cursor is not null)
                {
                    Assert.Equal(count, answer.ItemCount);
                    Assert.Equal(row.Max > 0, target!.Contains("count=", StringComparison.Ordinal));
                }

                Assert.True(pages <= 3, $"{total} items took more than 3 pages");
            }

            Assert.Equal(total, seen.Count);
            Assert.Equal(total, seen.Distinct().Count());
            Assert.Equal(Math.Max(1, (total + count - 1) / count), pages);
        }
    }

    [Theory]
    [MemberData(nameof(Paged))]
    public async Task Ten_million_items_cost_nothing_until_paged(string name)
    {
        const long total = 10_000_000;
        var row = Get(name);
        var size = PageOf(row);
        await using var emulator = await TestEmulator.StartAsync();
        var first = row.Target(row.Reserved("list", total));
        var page1 = await Api.GetAsync(emulator, first);
        Assert.Equal(total, page1.Data.GetProperty("totalItems").GetInt64());
        Assert.Equal(size, page1.ItemCount);
        var far = InstagramPlatform.CursorFor(first, new ListPosition(total - size + 1, 999_999));
        var last = await Api.GetAsync(emulator, Api.WithQuery(first, "cursor=" + Uri.EscapeDataString(far)));
        Assert.Equal(200, last.Status);
        Assert.Empty(Problems(row, last.Body!.Value));
        Assert.Equal(size - 1, last.ItemCount);
        Assert.Null(last.NextCursor);
    }

    [Theory]
    [MemberData(nameof(Counted))]
    public async Task Counts_outside_the_contracts_bounds_are_400_and_refunded(string name)
    {
        var row = Get(name);
        await using var emulator = await TestEmulator.StartAsync();
        foreach (var count in new[] { (row.Min - 1).ToString(CultureInfo.InvariantCulture), (row.Max + 1).ToString(CultureInfo.InvariantCulture), "abc", "1.5", "", "9999999999999" })
        {
            var answer = await Api.GetAsync(emulator, row.With(row.Ordinary, "count=" + Uri.EscapeDataString(count)));
            Assert.True(answer.Status == 400, $"count={count} gave {answer.Status}");
            Assert.Equal("validation_error", answer.Code);
            Assert.Equal(0, answer.Used);
        }

        var largest = await Api.GetAsync(emulator, row.With(row.Ordinary, "count=" + row.Max.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(200, largest.Status);
        var byDefault = await Api.GetAsync(emulator, row.Target(row.Ordinary));
        Assert.Equal(largest.ItemCount, byDefault.ItemCount);
    }

    [Theory]
    [InlineData("/v1/instagram/users/bad-name")]
    [InlineData("/v1/instagram/users/abcdefghijabcdefghijabcdefghijk/posts")]
    [InlineData("/v1/instagram/posts/bad.code")]
    [InlineData("/v1/instagram/posts/abcdefghijabcdefghijabcde/comments")]
    [InlineData("/v1/instagram/locations/12a")]
    [InlineData("/v1/instagram/locations/12345678901234567890")]
    [InlineData("/v1/instagram/highlights/highlight%3A17")]
    [InlineData("/v1/instagram/search?query=%20")]
    [InlineData("/v1/instagram/search")]
    [InlineData("/v1/instagram/users/luna.rivera42/posts?cursor=not-ours")]
    [InlineData("/v1/instagram/users/emu.invalid")]
    [InlineData("/v1/instagram/posts/emu_invalid")]
    public async Task Bad_input_is_400_validation_error_and_refunded(string target) =>
        Api.AssertRefusedAndRefunded(await Api.OnceAsync(target));

    [Theory]
    [MemberData(nameof(Every))]
    public async Task Not_found_is_404_and_charged(string name)
    {
        var row = Get(name);
        Api.AssertNotFoundAndCharged(await Api.OnceAsync(row.Target(row.Reserved("notfound"))));
    }

    [Fact]
    public async Task A_cursor_of_one_list_is_refused_by_another()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, "/v1/instagram/users/emu.list.30/posts?count=5");
        var other = await Api.GetAsync(emulator, "/v1/instagram/users/emu.list.30/reels?count=5&cursor=" + Uri.EscapeDataString(page.NextCursor!));
        Assert.Equal(400, other.Status);
        Assert.Equal(0, other.Used);
    }

    [Theory]
    [InlineData("luna.rivera42")]
    [InlineData("mika_sato7")]
    [InlineData("emu.list.30")]
    [InlineData("emu.full")]
    public async Task A_users_posts_and_reels_are_what_get_post_serves_and_the_totals_match_the_profile(string username)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var profile = (await Api.GetAsync(emulator, "/v1/instagram/users/" + username)).Data;
        foreach (var (list, member) in new[] { ("posts", "mediaCount"), ("reels", "videoCount"), ("highlights", "highlightCount") })
        {
            var page = await Api.GetAsync(emulator, $"/v1/instagram/users/{username}/{list}");
            Assert.Equal(profile.GetProperty(member).GetInt64(), page.Data.GetProperty("totalItems").GetInt64());
            if (list == "highlights")
            {
                continue;
            }

            foreach (var item in page.Data.GetProperty("orderedItems").EnumerateArray().Take(4))
            {
                Assert.Equal(username, item.GetProperty("attributedTo").ValueKind == JsonValueKind.Array
                    ? item.GetProperty("attributedTo")[0].GetProperty("preferredUsername").GetString()
                    : item.GetProperty("attributedTo").GetProperty("preferredUsername").GetString());
                if (list == "reels")
                {
                    Assert.Equal("reel", item.GetProperty("contentFormat").GetString());
                }

                var single = await Api.GetAsync(emulator, "/v1/instagram/posts/" + item.GetProperty("entityId").GetString());
                Assert.Equal(WithoutContext(item), WithoutContext(single.Data));
                var comments = await Api.GetAsync(emulator, $"/v1/instagram/posts/{item.GetProperty("entityId").GetString()}/comments");
                Assert.Equal(item.GetProperty("commentCount").GetInt64(), comments.Data.GetProperty("totalItems").GetInt64());
                foreach (var comment in comments.Data.GetProperty("orderedItems").EnumerateArray())
                {
                    Assert.Equal(item.GetProperty("url").GetString(), comment.GetProperty("inReplyTo").GetString());
                }
            }
        }
    }

    [Fact]
    public async Task Tagged_location_and_search_posts_are_what_get_post_serves_and_say_why_they_were_listed()
    {
        await using var emulator = await TestEmulator.StartAsync();
        // A generated name (or a reserved one) survives inside the shortcode; other names leave only a hash there.
        foreach (var item in (await Api.GetAsync(emulator, "/v1/instagram/users/mika_sato7/tagged")).Data.GetProperty("orderedItems").EnumerateArray())
        {
            Assert.Contains(item.GetProperty("tag").EnumerateArray(), tag => tag.GetProperty("name").GetString() == "mika_sato7");
            Assert.NotEqual("mika_sato7", (item.GetProperty("attributedTo").ValueKind == JsonValueKind.Array ? item.GetProperty("attributedTo")[0] : item.GetProperty("attributedTo")).GetProperty("preferredUsername").GetString());
            Assert.Equal(WithoutContext(item), WithoutContext((await Api.GetAsync(emulator, "/v1/instagram/posts/" + item.GetProperty("entityId").GetString())).Data));
        }

        foreach (var item in (await Api.GetAsync(emulator, "/v1/instagram/locations/212999109")).Data.GetProperty("orderedItems").EnumerateArray().Take(5))
        {
            Assert.Equal("212999109", item.GetProperty("location").GetProperty("id").GetString());
            Assert.Equal(WithoutContext(item), WithoutContext((await Api.GetAsync(emulator, "/v1/instagram/posts/" + item.GetProperty("entityId").GetString())).Data));
        }

        foreach (var item in (await Api.GetAsync(emulator, "/v1/instagram/search?query=music")).Data.GetProperty("orderedItems").EnumerateArray().Take(5))
        {
            Assert.Equal("Video", item.GetProperty("type").GetString());
            Assert.Equal(WithoutContext(item), WithoutContext((await Api.GetAsync(emulator, "/v1/instagram/posts/" + item.GetProperty("entityId").GetString())).Data));
            var author = item.GetProperty("attributedTo").ValueKind == JsonValueKind.Array ? item.GetProperty("attributedTo")[0] : item.GetProperty("attributedTo");
            Assert.Equal(200, (await Api.GetAsync(emulator, "/v1/instagram/users/" + author.GetProperty("preferredUsername").GetString())).Status);
        }
    }

    [Fact]
    public async Task A_highlight_in_the_list_is_the_highlight_its_route_serves_with_all_its_stories()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var listed = (await Api.GetAsync(emulator, "/v1/instagram/users/emu.list.3/highlights")).Data.GetProperty("orderedItems");
        Assert.Equal(3, listed.GetArrayLength());
        foreach (var highlight in listed.EnumerateArray())
        {
            var id = highlight.GetProperty("entityId").GetString()!["highlight:".Length..];
            var whole = (await Api.GetAsync(emulator, "/v1/instagram/highlights/" + id)).Data;
            Assert.Equal(highlight.GetProperty("name").GetString(), whole.GetProperty("name").GetString());
            Assert.Equal(highlight.GetProperty("totalItems").GetInt64(), whole.GetProperty("orderedItems").GetArrayLength());
            Assert.Equal(highlight.GetProperty("totalItems").GetInt64(), whole.GetProperty("totalItems").GetInt64());
            Assert.All(whole.GetProperty("orderedItems").EnumerateArray(), story => Assert.Equal("emu.list.3", story.GetProperty("attributedTo").GetProperty("preferredUsername").GetString()));
        }

        var exact = (await Api.GetAsync(emulator, "/v1/instagram/highlights/9900000000000000007")).Data;
        Assert.Equal(7, exact.GetProperty("orderedItems").GetArrayLength());
    }

    [Fact]
    public async Task Reserved_shortcodes_shape_the_comments_and_the_post_agrees()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var post = (await Api.GetAsync(emulator, "/v1/instagram/posts/emu_list_40")).Data;
        Assert.Equal(40, post.GetProperty("commentCount").GetInt64());
        var page = await Api.GetAsync(emulator, "/v1/instagram/posts/emu_list_40/comments");
        Assert.Equal(40, page.Data.GetProperty("totalItems").GetInt64());
        Assert.Equal(15, page.ItemCount);
        var fault = await Api.GetAsync(emulator, "/v1/instagram/posts/emu_fault_503");
        Assert.Equal(503, fault.Status);
        Assert.Equal(0, fault.Used);
    }
}

/// <summary>Instagram's object shapes from the contract: required members and their JSON types.</summary>
internal static class InstagramSchema
{
    public static void User(JsonElement v, string at, List<string> p)
    {
        Need(v, at, p, "string", "type", "id", "url", "entityId", "name", "preferredUsername");
        Need(v, at, p, "boolean", "isPrivate", "isVerified", "isPaidVerified", "isBusiness", "isProfessional", "hasVideos", "hasChannel", "hasMicroblog");
        Need(v, at, p, "integer", "followerCount", "followingCount", "mediaCount", "videoCount", "highlightCount");
        Eq(v, at, p, "type", "Person");
    }

    public static void Account(JsonElement v, string at, List<string> p)
    {
        Need(v, at, p, "string", "type", "id", "url", "entityId", "preferredUsername");
        Eq(v, at, p, "type", "Person");
    }

    public static void Post(JsonElement v, string at, List<string> p)
    {
        Need(v, at, p, "string", "type", "id", "url", "entityId");
        if (v.TryGetProperty("attributedTo", out var by))
        {
            if (by.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var one in by.EnumerateArray())
                {
                    Account(one, $"{at}.attributedTo[{i++}]", p);
                }
            }
            else
            {
                Account(by, at + ".attributedTo", p);
            }
        }

        if (v.TryGetProperty("location", out var place))
        {
            Need(place, at + ".location", p, "string", "type", "name");
        }

        Each(v, "tag", at, p, (tag, where) => Need(tag, where, p, "string", "type", "name", "href"));
        Each(v, "attachment", at, p, (file, where) =>
        {
            Need(file, where, p, "string", "type");
            if (!file.TryGetProperty("url", out var urls) || urls.ValueKind != JsonValueKind.Array)
            {
                p.Add(where + ".url is not an array");
            }
        });
        Each(v, "items", at, p, (slide, where) => Need(slide, where, p, "string", "type", "entityId"));
        if (v.TryGetProperty("audio", out var audio))
        {
            Need(audio, at + ".audio", p, "string", "type", "entityId", "name", "artist");
            Need(audio, at + ".audio", p, "boolean", "isOriginal");
        }
    }

    public static void Comment(JsonElement v, string at, List<string> p)
    {
        Need(v, at, p, "string", "type", "id", "entityId", "content", "inReplyTo");
        Need(v, at, p, "integer", "likeCount", "replyCount");
        Eq(v, at, p, "type", "Note");
        if (!v.TryGetProperty("attributedTo", out var by))
        {
            p.Add(at + ".attributedTo is missing");
        }
        else
        {
            Account(by, at + ".attributedTo", p);
        }
    }

    public static void Highlight(JsonElement v, string at, List<string> p)
    {
        Need(v, at, p, "string", "type", "id", "entityId");
        Eq(v, at, p, "type", "OrderedCollection");
        if (!v.TryGetProperty("totalItems", out var total) || total.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null))
        {
            p.Add(at + ".totalItems is not an integer or null");
        }

        if (v.TryGetProperty("entityId", out var id) && id.GetString() is { } text && !text.StartsWith("highlight:", StringComparison.Ordinal))
        {
            p.Add(at + ".entityId does not start with highlight:");
        }
    }

    public static void Stories(JsonElement v, string at, List<string> p)
    {
        Highlight(v, at, p);
        Each(v, "orderedItems", at, p, (story, where) =>
        {
            Need(story, where, p, "string", "type", "entityId");
            Each(story, "attachment", where, p, (file, fileAt) => Need(file, fileAt, p, "string", "type"));
        });
        if (!v.TryGetProperty("orderedItems", out _))
        {
            p.Add(at + ".orderedItems is missing");
        }
    }

    private static void Each(JsonElement v, string member, string at, List<string> p, Action<JsonElement, string> check)
    {
        if (!v.TryGetProperty(member, out var items))
        {
            return;
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            p.Add($"{at}.{member} is not an array");
            return;
        }

        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            check(item, $"{at}.{member}[{i++}]");
        }
    }

    private static void Eq(JsonElement v, string at, List<string> p, string member, string expected)
    {
        if (v.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() != expected)
        {
            p.Add($"{at}.{member} is {value.GetString()}, not {expected}");
        }
    }

    private static void Need(JsonElement v, string at, List<string> p, string kind, params string[] members)
    {
        if (v.ValueKind != JsonValueKind.Object)
        {
            p.Add(at + " is not an object");
            return;
        }

        foreach (var member in members)
        {
            if (!v.TryGetProperty(member, out var value))
            {
                p.Add($"{at}.{member} is missing");
                continue;
            }

            var ok = kind switch
            {
                "string" => value.ValueKind == JsonValueKind.String,
                "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                _ => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            };
            if (!ok)
            {
                p.Add($"{at}.{member} is not a {kind}");
            }
        }
    }
}
