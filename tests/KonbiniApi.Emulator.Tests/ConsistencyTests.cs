using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>Different routes describe the same things the same way.</summary>
public sealed partial class ConsistencyTests
{
    private static string WithoutContext(JsonElement data) =>
        JsonSerializer.Serialize(data.EnumerateObject().Where(p => p.Name != "@context").ToDictionary(p => p.Name, p => p.Value));

    [Theory]
    [InlineData("khaby.lame")]
    [InlineData("charlidamelio")]
    [InlineData("any.name")]
    [InlineData("demo.creator")]
    [InlineData("emu.full")]
    [InlineData("emu.page.hole")]
    [InlineData("emu.list.3")]
    [InlineData("emu.page.fail.3")]
    [InlineData("luna.rivera42")]
    public async Task A_users_videos_are_what_get_video_serves_and_the_totals_match_the_profile(string username)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var profile = (await Api.GetAsync(emulator, "/v1/tiktok/users/" + username)).Data;
        var page = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/videos?count=5");
        if (!username.StartsWith("emu.page", StringComparison.Ordinal))
        {
            Assert.Equal(profile.GetProperty("mediaCount").GetInt64(), page.Data.GetProperty("totalItems").GetInt64());
        }

        foreach (var item in page.Data.GetProperty("orderedItems").EnumerateArray())
        {
            var id = item.GetProperty("entityId").GetString()!;
            Assert.Matches("^[0-9]{19}$", id);
            Assert.Equal($"https://www.tiktok.com/@{username}/video/{id}", item.GetProperty("url").GetString());
            Assert.Equal(username, item.GetProperty("attributedTo").GetProperty("preferredUsername").GetString());
            var single = await Api.GetAsync(emulator, "/v1/tiktok/videos/" + id);
            Assert.Equal(WithoutContext(item), WithoutContext(single.Data));
        }

        foreach (var (list, member) in new[] { ("followers", "followerCount"), ("following", "followingCount") })
        {
            var people = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/{list}?count=3");
            if (!username.StartsWith("emu.page", StringComparison.Ordinal))
            {
                Assert.Equal(profile.GetProperty(member).GetInt64(), people.Data.GetProperty("totalItems").GetInt64());
            }
        }
    }

    [Fact]
    public async Task Other_names_keep_counts_and_caption_while_get_video_names_a_stand_in_author()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var item = (await Api.GetAsync(emulator, "/v1/tiktok/users/someone.unlisted/videos?count=1")).Data.GetProperty("orderedItems")[0];
        var single = (await Api.GetAsync(emulator, "/v1/tiktok/videos/" + item.GetProperty("entityId").GetString())).Data;
        foreach (var member in (string[])["viewCount", "likeCount", "commentCount", "published", "duration"])
        {
            Assert.Equal(item.GetProperty(member).GetRawText(), single.GetProperty(member).GetRawText());
        }

        var standIn = single.GetProperty("attributedTo").GetProperty("preferredUsername").GetString()!;
        Assert.NotEqual("someone.unlisted", standIn);
        Assert.Equal(200, (await Api.GetAsync(emulator, "/v1/tiktok/users/" + standIn)).Status);
    }

    [Fact]
    public async Task A_users_own_list_names_the_user_even_after_the_stand_in_rendering_was_kept()
    {
        // A sound's videos list its original video under the stand-in author; asked for twice, that rendering
        // is kept. The creator's own page must still name the creator, however often either was asked.
        await using var emulator = await TestEmulator.StartAsync();
        const string username = "someone.unlisted";
        var first = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/videos?count=12");
        var originals = first.Data.GetProperty("orderedItems").EnumerateArray()
            .Where(item => item.TryGetProperty("audio", out _))
            .Select(item => (Video: item.GetProperty("entityId").GetString()!, Audio: item.GetProperty("audio").GetProperty("entityId").GetString()!))
            .Where(pair => pair.Audio.AsSpan(1).SequenceEqual(pair.Video.AsSpan(1)))
            .Select(pair => pair.Audio)
            .ToList();
        Assert.NotEmpty(originals);
        foreach (var audioId in originals)
        {
            for (var again = 0; again < 3; again++)
            {
                var sound = await Api.GetAsync(emulator, $"/v1/tiktok/audios/{audioId}/videos?count=1");
                Assert.NotEqual(username, sound.Data.GetProperty("orderedItems")[0].GetProperty("attributedTo").GetProperty("preferredUsername").GetString());
            }
        }

        for (var again = 0; again < 3; again++)
        {
            // Another count, so that the page itself is not the one kept from the first request.
            var page = await Api.GetAsync(emulator, $"/v1/tiktok/users/{username}/videos?count={11 - again}");
            foreach (var item in page.Data.GetProperty("orderedItems").EnumerateArray())
            {
                Assert.Equal(username, item.GetProperty("attributedTo").GetProperty("preferredUsername").GetString());
                Assert.StartsWith($"https://www.tiktok.com/@{username}/video/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("likes")]
    [InlineData("reposts")]
    public async Task Liked_and_reposted_videos_belong_to_resolvable_authors(string list)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, $"/v1/tiktok/users/khaby.lame/{list}?count=6");
        foreach (var item in page.Data.GetProperty("orderedItems").EnumerateArray())
        {
            var single = await Api.GetAsync(emulator, "/v1/tiktok/videos/" + item.GetProperty("entityId").GetString());
            Assert.Equal(WithoutContext(item), WithoutContext(single.Data));
            var author = item.GetProperty("attributedTo");
            var user = await Api.GetAsync(emulator, "/v1/tiktok/users/" + author.GetProperty("preferredUsername").GetString());
            Assert.Equal(WithoutContext(author), WithoutContext(user.Data));
        }
    }

    [Theory]
    [InlineData("followers")]
    [InlineData("following")]
    public async Task Followers_are_users_that_the_profile_route_serves_identically(string list)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, $"/v1/tiktok/users/khaby.lame/{list}?count=10");
        foreach (var person in page.Data.GetProperty("orderedItems").EnumerateArray())
        {
            var name = person.GetProperty("preferredUsername").GetString()!;
            Assert.Matches("^[a-z0-9._]{1,24}$", name);
            var profile = await Api.GetAsync(emulator, "/v1/tiktok/users/" + name);
            Assert.Equal(WithoutContext(person), WithoutContext(profile.Data));
        }
    }

    [Fact]
    public async Task Comments_answer_their_video_and_replies_their_comment()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var video = (await Api.GetAsync(emulator, "/v1/tiktok/videos/" + RouteRow.Video)).Data;
        var comments = await Api.GetAsync(emulator, $"/v1/tiktok/videos/{RouteRow.Video}/comments?count=50");
        Assert.Equal(video.GetProperty("commentCount").GetInt64(), comments.Data.GetProperty("totalItems").GetInt64());
        var withReplies = 0;
        foreach (var comment in comments.Data.GetProperty("orderedItems").EnumerateArray())
        {
            Assert.Equal(video.GetProperty("url").GetString(), comment.GetProperty("inReplyTo").GetString());
            var replyCount = comment.TryGetProperty("replyCount", out var count) ? count.GetInt64() : 0;
            if (replyCount == 0 || withReplies++ > 3)
            {
                continue;
            }

            var replies = await Api.GetAsync(emulator, $"/v1/tiktok/videos/{RouteRow.Video}/comments/{comment.GetProperty("entityId").GetString()}/replies?count=3");
            Assert.Equal(replyCount, replies.Data.GetProperty("totalItems").GetInt64());
            Assert.All(replies.Data.GetProperty("orderedItems").EnumerateArray(), reply =>
                Assert.Equal(comment.GetProperty("url").GetString(), reply.GetProperty("inReplyTo").GetString()));
        }

        Assert.True(withReplies > 0);
    }

    [Fact]
    public async Task Collections_list_their_owners_videos_with_the_advertised_total()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var collections = await Api.GetAsync(emulator, "/v1/tiktok/users/emu.list.12/collections?count=3");
        foreach (var collection in collections.Data.GetProperty("orderedItems").EnumerateArray())
        {
            var page = await Api.GetAsync(emulator, $"/v1/tiktok/collections/{collection.GetProperty("entityId").GetString()}?count=35");
            Assert.Equal(collection.GetProperty("totalItems").GetInt64(), page.Data.GetProperty("totalItems").GetInt64());
            Assert.All(page.Data.GetProperty("orderedItems").EnumerateArray(), video =>
                Assert.Equal("emu.list.12", video.GetProperty("attributedTo").GetProperty("preferredUsername").GetString()));
        }
    }

    [Fact]
    public async Task A_videos_audio_is_what_get_audio_serves()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var page = await Api.GetAsync(emulator, "/v1/tiktok/users/khaby.lame/videos?count=20");
        var checkedOriginal = false;
        foreach (var video in page.Data.GetProperty("orderedItems").EnumerateArray().Where(v => v.TryGetProperty("audio", out _)))
        {
            var audio = video.GetProperty("audio");
            var single = (await Api.GetAsync(emulator, "/v1/tiktok/audios/" + audio.GetProperty("entityId").GetString())).Data;
            foreach (var member in (string[])["id", "name", "duration", "isOriginal", "videoCount"])
            {
                Assert.Equal(audio.GetProperty(member).GetRawText(), single.GetProperty(member).GetRawText());
            }

            if (audio.GetProperty("isOriginal").GetBoolean() && !checkedOriginal)
            {
                checkedOriginal = true;
                var uses = await Api.GetAsync(emulator, $"/v1/tiktok/audios/{audio.GetProperty("entityId").GetString()}/videos?count=1");
                Assert.Equal(video.GetRawText(), uses.Data.GetProperty("orderedItems")[0].GetRawText());
            }
        }

        Assert.True(checkedOriginal);
    }

    [GeneratedRegex(@"^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$")]
    private static partial Regex CueTiming();

    [Fact]
    public async Task Transcripts_are_webvtt_in_the_requested_language()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var video = (await Api.GetAsync(emulator, "/v1/tiktok/videos/" + RouteRow.Video)).Data;
        var multiLine = false;
        var nonAscii = false;
        foreach (var language in (string[])["original", "en-US", "ja-JP", "zh-Hant-CN", "ceb-PH", "sw-SW"])
        {
            var document = (await Api.GetAsync(emulator, $"/v1/tiktok/videos/{RouteRow.Video}/transcripts/{language}")).Data;
            Assert.Equal("text/vtt", document.GetProperty("mediaType").GetString());
            var expected = language == "original" && video.TryGetProperty("language", out var spoken) ? spoken.GetString() : language;
            if (language != "original" || video.TryGetProperty("language", out _))
            {
                Assert.Equal(expected, document.GetProperty("language").GetString());
            }

            var content = document.GetProperty("content").GetString()!;
            Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(content), document.GetProperty("size").GetInt64());
            var blocks = content.Split("\n\n");
            Assert.Equal("WEBVTT", blocks[0]);
            Assert.True(blocks.Length >= 4, "fewer than three cues");
            foreach (var cue in blocks[1..])
            {
                var lines = cue.TrimEnd('\n').Split('\n');
                Assert.Matches(CueTiming(), lines[0]);
                Assert.True(lines.Length >= 2);
                multiLine |= lines.Length > 2;
                nonAscii |= lines.Skip(1).Any(line => line.Any(c => c > 127));
            }
        }

        Assert.True(multiLine && nonAscii);
    }

    [Fact]
    public async Task Items_vary_their_optional_members_and_carry_counts_past_two_to_the_31st()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var videos = new List<JsonElement>();
        for (var i = 0; i < 8; i++)
        {
            var page = await Api.GetAsync(emulator, $"/v1/tiktok/tags/variety{i}?count=30");
            Assert.Empty(TikTokSchemas.Page(page.Body!.Value, TikTokSchemas.Video));
            videos.AddRange(page.Data.GetProperty("orderedItems").EnumerateArray());
        }

        foreach (var optional in (string[])["content", "duration", "language", "isSponsored", "location", "tag", "attachment", "image", "preview", "audio"])
        {
            Assert.Contains(videos, v => v.TryGetProperty(optional, out _));
            Assert.Contains(videos, v => !v.TryGetProperty(optional, out _));
        }

        Assert.Contains(videos, v => v.GetProperty("viewCount").GetInt64() > int.MaxValue);
        Assert.Contains(videos, v => v.GetProperty("content").ValueKind == JsonValueKind.String && v.GetProperty("content").GetString()!.Any(c => c > 127));
    }

    [Fact]
    public async Task Every_answer_is_the_same_bytes_whatever_was_asked_before()
    {
        // What is kept (profiles, rendered videos, escaped texts, pages) must never change an answer: the same
        // targets asked forwards once, then backwards three times each (so everything is kept from the second
        // ask), give the same bytes. TikTok names of every kind an ID can carry (the catalogue, generated,
        // reserved, other), and each other platform's profile and first page.
        await using var emulator = await TestEmulator.StartAsync();
        var targets = new List<string>();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task AskAsync(string target)
        {
            if (first.ContainsKey(target))
            {
                return;
            }

            var answer = await Api.GetAsync(emulator, target);
            Assert.Equal(200, answer.Status);
            first[target] = answer.Text;
            targets.Add(target);
        }

        foreach (var username in (string[])["someone.unlisted", "khaby.lame", "luna.rivera42", "emu.list.12"])
        {
            await AskAsync($"/v1/tiktok/users/{username}");
            foreach (var list in (string[])["videos?count=6", "videos?count=6&order=popular", "likes?count=4", "followers?count=4", "stories"])
            {
                await AskAsync($"/v1/tiktok/users/{username}/{list}");
            }

            foreach (var video in TestEmulator.JsonElementFrom(first[$"/v1/tiktok/users/{username}/videos?count=6"]).GetProperty("data").GetProperty("orderedItems").EnumerateArray())
            {
                var id = video.GetProperty("entityId").GetString()!;
                await AskAsync($"/v1/tiktok/videos/{id}");
                await AskAsync($"/v1/tiktok/videos/{id}/comments?count=3");
                if (video.TryGetProperty("audio", out var audio))
                {
                    await AskAsync($"/v1/tiktok/audios/{audio.GetProperty("entityId").GetString()}");
                    await AskAsync($"/v1/tiktok/audios/{audio.GetProperty("entityId").GetString()}/videos?count=3");
                }

                if (video.TryGetProperty("tag", out var tags) && tags.GetArrayLength() > 0)
                {
                    await AskAsync($"/v1/tiktok/tags/{Uri.EscapeDataString(tags[0].GetProperty("name").GetString()!)}?count=3");
                }
            }
        }

        await AskAsync("/v1/tiktok/search?query=kept%20or%20not&count=10");
        await AskAsync("/v1/tiktok/search/videos?query=kept%20or%20not&count=10");
        foreach (var target in (string[])[
            "/v1/instagram/users/kept.or.not", "/v1/instagram/users/kept.or.not/posts", "/v1/x/users/kept_or_not",
            "/v1/x/users/kept_or_not/posts", "/v1/reddit/users/kept_or_not", "/v1/reddit/subreddits/keptornot/posts",
            "/v1/linkedin/users/kept-or-not", "/v1/linkedin/companies/kept-or-not/posts"])
        {
            await AskAsync(target);
        }
        foreach (var target in Enumerable.Reverse(targets))
        {
            for (var again = 0; again < 3; again++)
            {
                Assert.Equal(first[target], (await Api.GetAsync(emulator, target)).Text);
            }
        }
    }
}
