using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

public sealed class ProfileTests
{
    [Theory]
    [InlineData("khaby.lame")]
    [InlineData("a")]
    [InlineData("user_123")]
    [InlineData("x.y.z")]
    [InlineData("abcdefghijklmnopqrstuvwx")]
    public async Task A_generated_profile_satisfies_the_contract(string username)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync(username);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await TestEmulator.BodyAsync(response);
        Assert.Empty(TikTokUserSchema.Problems(body));
        var data = body.GetProperty("data");
        Assert.Equal(username, data.GetProperty("preferredUsername").GetString());
        Assert.Equal($"https://www.tiktok.com/@{username}", data.GetProperty("id").GetString());
        Assert.Equal($"https://www.tiktok.com/@{username}", data.GetProperty("url").GetString());
        Assert.StartsWith("MS4wLjABAAAA", data.GetProperty("entityId").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", TestEmulator.Header(response, "X-Credits-Used"));
        Assert.Equal("999999", TestEmulator.Header(response, "X-Credits-Remaining"));
    }

    [Fact]
    public async Task The_same_name_gives_the_same_body_whatever_its_case_or_at_sign()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var bodies = new List<string>();
        foreach (var spelling in (string[])["khaby.lame", "Khaby.Lame", "@khaby.lame", "%40KHABY.lame", "khaby.lame"])
        {
            using var response = await emulator.GetUserAsync(spelling);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Single(bodies.Distinct());
        Assert.Contains("\"preferredUsername\":\"khaby.lame\"", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_come_from_a_stable_hash_not_from_the_process()
    {
        // FNV-1a of "a" is a published constant; string.GetHashCode would differ per process.
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableRandom.Hash("a"));
        Assert.Equal(ApiHandler.RenderPerson("khaby.lame", ScenarioKind.Generated), ApiHandler.RenderPerson("khaby.lame", ScenarioKind.Generated));
    }

    [Fact]
    public async Task Five_hundred_names_cover_the_variety_the_module_must_survive()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var bodies = new ConcurrentBag<JsonElement>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 500), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var response = await emulator.GetUserAsync($"creator_{i}.{i * 7919 % 1000}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await TestEmulator.BodyAsync(response);
            Assert.Empty(TikTokUserSchema.Problems(body));
            bodies.Add(body.GetProperty("data"));
        });

        var people = bodies.ToList();
        Assert.Contains(people, p => p.GetProperty("likeCount").GetInt64() > int.MaxValue);
        Assert.Contains(people, p => p.GetProperty("likeCount").GetInt64() <= int.MaxValue);
        foreach (var optional in (string[])["summary", "attachment", "published", "hasLikes", "hasPlaylists", "language", "likedCount", "icon", "image"])
        {
            Assert.Contains(people, p => p.TryGetProperty(optional, out _));
            Assert.Contains(people, p => !p.TryGetProperty(optional, out _));
        }

        var linkCounts = people.Where(p => p.TryGetProperty("attachment", out _)).Select(p => p.GetProperty("attachment").GetArrayLength()).ToHashSet();
        Assert.Contains(0, linkCounts);
        Assert.Contains(1, linkCounts);
        Assert.True(linkCounts.Max() >= 3);
        Assert.Contains(people, p => p.TryGetProperty("attachment", out var links) && links.EnumerateArray().Any(l => l.TryGetProperty("rel", out _)));
        Assert.Contains(people, p => p.TryGetProperty("image", out var images) && images.GetArrayLength() >= 3);
        Assert.Contains(people, p => p.TryGetProperty("image", out var images) && images.EnumerateArray().Any(i => !i.TryGetProperty("width", out _)));
        var widths = people.Where(p => p.TryGetProperty("image", out _))
            .SelectMany(p => p.GetProperty("image").EnumerateArray())
            .Where(i => i.TryGetProperty("width", out _))
            .Select(i => i.GetProperty("width").GetInt32())
            .ToHashSet();
        Assert.True(widths.Count >= 3);

        foreach (var flag in (string[])["isPrivate", "isVerified", "isLive"])
        {
            Assert.Contains(people, p => p.GetProperty(flag).GetBoolean());
            Assert.Contains(people, p => !p.GetProperty(flag).GetBoolean());
        }

        var texts = people.Select(p => p.GetProperty("name").GetString()!)
            .Concat(people.Where(p => p.TryGetProperty("summary", out _)).Select(p => p.GetProperty("summary").GetString()!))
            .ToList();
        Assert.Contains(texts, t => t.Any(char.IsSurrogate));                          // emoji
        Assert.Contains(texts, t => t.Any(c => c is >= '\u00C0' and <= '\u017F'));    // accented Latin
        Assert.Contains(texts, t => t.Any(c => c is >= '\u4E00' and <= '\u9FFF'));    // CJK
        Assert.Contains(texts, t => t.Any(c => c is >= '\u0590' and <= '\u06FF'));    // Hebrew or Arabic (RTL)
        Assert.Contains(people, p => p.GetProperty("name").GetString()!.Any(c => c > 127));
        Assert.Contains(people, p => p.GetProperty("followerCount").GetInt64() > 1_000_000);
    }

    [Fact]
    public async Task Emu_full_has_every_optional_member()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.full");
        var body = await TestEmulator.BodyAsync(response);
        Assert.Empty(TikTokUserSchema.Problems(body));
        var data = body.GetProperty("data");
        foreach (var optional in (string[])["summary", "attachment", "published", "hasLikes", "hasPlaylists", "language", "likedCount", "icon", "image"])
        {
            Assert.True(data.TryGetProperty(optional, out _), optional);
        }

        Assert.Equal(2_600_000_000, data.GetProperty("likeCount").GetInt64());
        var links = data.GetProperty("attachment").EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        Assert.Single(links, l => l.TryGetProperty("rel", out _));
        Assert.Equal(3, data.GetProperty("image").GetArrayLength());
        Assert.Contains(data.GetProperty("name").GetString()!, c => c > 127);
        Assert.Equal("2020-03-15T00:00:00.000Z", data.GetProperty("published").GetString());
        Assert.Equal("1", TestEmulator.Header(response, "X-Credits-Used"));
    }

    [Fact]
    public async Task Emu_minimal_has_only_the_required_members()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.minimal");
        var body = await TestEmulator.BodyAsync(response);
        Assert.Empty(TikTokUserSchema.Problems(body));
        var names = body.GetProperty("data").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["@context", "entityId", "followerCount", "followingCount", "id", "isLive", "isPrivate", "isVerified", "likeCount", "mediaCount", "name", "preferredUsername", "type", "url"],
            names);
    }

    [Theory]
    [InlineData("emu.private", "isPrivate")]
    [InlineData("emu.verified", "isVerified")]
    [InlineData("emu.live", "isLive")]
    [InlineData("EMU.Live", "isLive")]
    public async Task Flag_scenarios_set_their_flag(string username, string flag)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync(username);
        var body = await TestEmulator.BodyAsync(response);
        Assert.Empty(TikTokUserSchema.Problems(body));
        Assert.True(body.GetProperty("data").GetProperty(flag).GetBoolean());
    }

    [Fact]
    public async Task Emu_datanull_answers_200_with_null_data_and_is_charged()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.datanull");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"data\":null}", await response.Content.ReadAsStringAsync());
        Assert.Equal("1", TestEmulator.Header(response, "X-Credits-Used"));
    }

    [Fact]
    public async Task Emu_wrongtypes_sends_a_string_count_and_a_numeric_flag()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.wrongtypes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestEmulator.BodyAsync(response);
        var data = body.GetProperty("data");
        Assert.Equal(JsonValueKind.String, data.GetProperty("followerCount").ValueKind);
        Assert.Equal(JsonValueKind.Number, data.GetProperty("isVerified").ValueKind);
        Assert.Equal(2, TikTokUserSchema.Problems(body).Count);
    }

    [Fact]
    public async Task Emu_missing_lacks_entityId_and_followerCount()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.missing");
        var body = await TestEmulator.BodyAsync(response);
        Assert.Equal(
            ["required 'entityId' is missing", "required 'followerCount' is missing"],
            TikTokUserSchema.Problems(body));
    }

    [Fact]
    public async Task Emu_extra_is_a_valid_person_with_unknown_nested_members()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.extra");
        var body = await TestEmulator.BodyAsync(response);
        Assert.Empty(TikTokUserSchema.Problems(body));
        var data = body.GetProperty("data");
        Assert.Equal(JsonValueKind.Object, data.GetProperty("stats").GetProperty("history").ValueKind);
        Assert.Equal(JsonValueKind.Array, data.GetProperty("badges").ValueKind);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("pronouns").ValueKind);
        Assert.True(data.GetProperty("icon").TryGetProperty("mediaType", out _));
    }

    [Fact]
    public async Task Unlisted_emu_names_are_ordinary_profiles()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("emu.somethingelse");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(TikTokUserSchema.Problems(await TestEmulator.BodyAsync(response)));
    }

    [Fact]
    public async Task The_served_body_is_the_rendered_profile_byte_for_byte()
    {
        var full = ApiHandler.RenderPerson("abc", ScenarioKind.Generated);
        await using var emulator = await TestEmulator.StartAsync();
        using var response = await emulator.GetUserAsync("abc");
        Assert.Equal(full, await response.Content.ReadAsByteArrayAsync(CancellationToken.None));
    }
}
