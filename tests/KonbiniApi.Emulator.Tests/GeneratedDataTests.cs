using System;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

/// <summary>The pieces that make generated pages cheap must not change what is generated.</summary>
public sealed class GeneratedDataTests
{
    [Theory]
    [InlineData("tag:fyp:", 0L)]
    [InlineData("other:search:SearchVideos:zoë café::", 99L)]
    [InlineData("person:followers:khaby.lame:", 9_999_999L)]
    [InlineData("", -12L)]
    public void Extending_a_hash_by_a_number_is_hashing_the_whole_text(string prefix, long number) =>
        Assert.Equal(StableRandom.Hash(prefix + number), StableRandom.Extend(StableRandom.Hash(prefix), number));

    [Theory]
    [InlineData("cookie:", "7100000000000000012")]
    [InlineData("", "")]
    [InlineData("山田:", "🌸 Zoë")]
    public void Extending_a_hash_by_a_text_is_hashing_the_whole_text(string prefix, string text) =>
        Assert.Equal(StableRandom.Hash(prefix + text), StableRandom.Extend(StableRandom.Hash(prefix), text));

    [Fact]
    public void A_value_is_kept_only_from_its_second_miss()
    {
        var cache = new GeneratedCache<string>(64);
        var generated = 0;
        string Generate(string key)
        {
            generated++;
            return key.ToUpperInvariant();
        }

        Assert.Equal("A", cache.GetOrAdd("a", Generate));
        Assert.Equal("A", cache.GetOrAdd("a", Generate));
        Assert.Equal(2, generated);
        Assert.Equal("A", cache.GetOrAdd("a", Generate));
        Assert.Equal("A", cache.GetOrAdd("a", Generate));
        Assert.Equal(2, generated);
    }

    [Fact]
    public void A_cache_never_holds_more_than_its_slots_and_answers_right_for_every_key()
    {
        var cache = new GeneratedCache<string>(16);
        for (var i = 0; i < 1_000; i++)
        {
            // Each key asked twice in a row is kept, and takes its slot from whichever key had it.
            var key = "key" + i;
            Assert.Equal(key + "!", cache.GetOrAdd(key, k => k + "!"));
            Assert.Equal(key + "!", cache.GetOrAdd(key, k => k + "!"));
        }

        var kept = 0;
        for (var i = 0; i < 1_000; i++)
        {
            if (cache.Find("key" + i).Value is not null)
            {
                kept++;
            }
        }

        Assert.InRange(kept, 1, 16);
    }

    [Theory]
    [InlineData(2026, 3, 1, 0, 0, 0, 0)]
    [InlineData(2014, 12, 31, 23, 59, 59, 999)]
    [InlineData(2007, 6, 5, 4, 3, 2, 1)]
    public void Times_are_spelled_as_the_format_string_would(int year, int month, int day, int hour, int minute, int second, int millisecond)
    {
        var time = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.FromHours(9));
        Assert.Equal(
            time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            PersonJson.FormatTime(time));
    }

    [Theory]
    [InlineData("15")]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-42")]
    [InlineData("123.456")]
    [InlineData("999999999999999")]
    [InlineData("1e15")]
    [InlineData("-179.123456")]
    public void Numbers_are_spelled_as_the_writer_spells_them(string text)
    {
        var value = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, PersonJson.WriterOptions))
        {
            writer.WriteNumberValue(value);
        }

        var built = new JsonBytes(new byte[64]).Number(value).Written.ToArray();
        Assert.Equal(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), System.Text.Encoding.UTF8.GetString(built));
    }

    [Theory]
    [InlineData("plain text, no escapes")]
    [InlineData("Zoë 山田 🌸 \"quoted\" back\\slash\nnew line")]
    [InlineData("")]
    public void Strings_are_spelled_as_the_writer_spells_them(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, PersonJson.WriterOptions))
        {
            writer.WriteStringValue(text);
        }

        for (var again = 0; again < 3; again++)
        {
            // The first and second ask escape the text; from the third its kept form is used.
            var built = new JsonBytes(new byte[256]).String(text).Written.ToArray();
            Assert.Equal(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), System.Text.Encoding.UTF8.GetString(built));
        }
    }

    [Fact]
    public void Text_that_would_need_escaping_is_refused_where_none_is_expected() =>
        Assert.Throws<ArgumentException>(() => new JsonBytes(new byte[64]).Text("a\"b"));

    [Fact]
    public void A_video_id_is_the_same_digits_as_before()
    {
        var id = AuthoredId.For(AuthoredId.VideoType, new AuthorCode(1, 42), 7);
        Assert.Equal("7100000000420000007", id.Text);
        Assert.True(AuthoredId.TryParse(id.Text, AuthoredId.VideoType, out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData("/v1/tiktok/search/videos?query=kept%20page&count=40")]
    [InlineData("/v1/tiktok/users/kept.page/followers?count=30")]
    [InlineData("/v1/tiktok/tags/keptpage?count=30")]
    public async Task A_page_asked_for_again_is_the_same_bytes_and_costs_a_credit_each_time(string target)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = await Api.GetAsync(emulator, target);
        Assert.Equal(200, first.Status);
        long? remaining = first.Remaining;
        for (var again = 0; again < 3; again++)
        {
            // The second request keeps the page, the third and fourth are answered with what was kept.
            var answer = await Api.GetAsync(emulator, target);
            Assert.Equal(200, answer.Status);
            Assert.Equal(first.Text, answer.Text);
            Assert.Equal(1, answer.Used);
            Assert.Equal(remaining - 1, answer.Remaining);
            remaining = answer.Remaining;
        }

        var next = Api.NextTarget(first);
        var second = await Api.GetAsync(emulator, next);
        Assert.NotEqual(first.Text, second.Text);
    }

    [Fact]
    public async Task A_page_that_fails_is_never_kept()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = await Api.GetAsync(emulator, "/v1/tiktok/users/emu.page.fail.2/followers?count=30");
        var failing = Api.NextTarget(first);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var answer = await Api.GetAsync(emulator, failing);
            Assert.Equal(502, answer.Status);
            Assert.Equal(0, answer.Used);
        }
    }
}
