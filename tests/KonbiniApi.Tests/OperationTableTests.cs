using System;
using System.Collections.Generic;
using System.Linq;
using KonbiniApi.Errors;
using KonbiniApi.Input;
using KonbiniApi.Operations;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>
/// One table of operations drives the route and encoding tests: every operation, every value it takes,
/// today's hostile inputs and the URL forms people paste. A new operation is a new row, not a new test.
/// </summary>
public class OperationTableTests
{
    /// <summary>Operation, a valid value per parameter, and the path those values must give: every platform's
    /// rows (OperationRows/*.cs), so a new operation is a new row in its platform's file.</summary>
    public static TheoryData<string, string[], string> Routes()
    {
        var data = new TheoryData<string, string[], string>();
        foreach (var (name, values, path) in OperationRows.All)
        {
            data.Add(name, values, path);
        }

        return data;
    }

    /// <summary>Inputs no identifier accepts: path tricks, encodings, controls, other hosts.</summary>
    public static readonly string?[] Hostile =
    {
        null, string.Empty, "   ", "..", ".", "../admin", "a/b", "a%2Fb", "%2e%2e", "a?b=c", "a#b", "a\\b", "a\u0000b", "a\r\nb",
        "a\u202Eb", "a\u200Bb", "\uD800", "https://evil.example/@a/video/1", "http://tiktok.com.evil.example/@a", "javascript:alert(1)",
        "file:///etc/passwd", new string('1', 25), new string('a', 10_000), "@", "#", "1 2", "１２３",
    };

    private static ApiOperation Operation(string name) => ApiCatalog.All.Single(operation => operation.Name == name);

    [Fact]
    public void The_table_covers_every_declared_operation()
    {
        var covered = Routes().Select(row => (string)row[0]).ToHashSet();
        Assert.Equal(ApiCatalog.All.Select(operation => operation.Name).OrderBy(name => name), covered.OrderBy(name => name));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Each_operation_sends_its_values_as_one_encoded_segment_or_query_value(string name, string[] values, string expected)
    {
        var call = Operation(name).Bind(values);
        Assert.Equal(expected, call.PathFor(null, null));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Lists_ask_for_their_largest_page_and_carry_the_cursor(string name, string[] values, string expected)
    {
        var operation = Operation(name);
        var call = operation.Bind(values);
        if (operation.Paging is not { } bounds)
        {
            Assert.Equal(expected, call.PathFor());
            return;
        }

        var separator = expected.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        Assert.Equal(expected + separator + "count=" + bounds.Maximum, call.PathFor());
        Assert.Equal(expected + separator + "count=7&cursor=a%2Fb%3Dc", call.PathFor(7, "a/b=c"));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Every_hostile_value_in_every_parameter_is_refused_locally(string name, string[] values, string expected)
    {
        _ = expected;
        var operation = Operation(name);
        for (var position = 0; position < values.Length; position++)
        {
            foreach (var hostile in Hostile)
            {
                var inputs = (string?[])values.Clone();
                inputs[position] = hostile;
                var kind = operation.Parameters[position].Kind;
                if (kind.IsFreeText)
                {
                    // Free text (and tags, in any script) may be accepted, but only ever as one encoded value.
                    if (kind.TryParse(hostile, out var value, out _))
                    {
                        var sent = operation.Bind(inputs).PathFor(null, null);
                        Assert.Equal(operation.Route.Template.Split('/').Length, sent.Split('?')[0].Split('/').Length);
                        Assert.DoesNotContain("#", sent, StringComparison.Ordinal);
                        Assert.Contains(Uri.EscapeDataString(value), sent, StringComparison.Ordinal);
                        continue;
                    }
                }

                var refused = Assert.Throws<KonbiniApiException>(() => operation.Bind(inputs));
                Assert.Equal(ApiErrorKind.InvalidInput, refused.Kind);
                Assert.Contains("No request was made", refused.Message, StringComparison.Ordinal);
                Assert.StartsWith("Pass ", refused.RecommendedAction, StringComparison.Ordinal);
                Assert.True(refused.Message.Length < 400, "The message echoes the input in bounded form: " + refused.Message.Length + " characters.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Accepted_values_never_add_a_path_segment(string name, string[] values, string expected)
    {
        _ = expected;
        var operation = Operation(name);
        var random = new Random(20261202);
        const string Alphabet = "aZ09_.-@#/%?&=+ \\:~é日\u200d";
        var segments = operation.Route.Template.Split('/').Length;
        for (var round = 0; round < 2000; round++)
        {
            var inputs = (string?[])values.Clone();
            var position = random.Next(values.Length);
            inputs[position] = new string(Enumerable.Range(0, random.Next(1, 30)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            OperationCall call;
            try
            {
                call = operation.Bind(inputs);
            }
            catch (KonbiniApiException refused) when (refused.Kind == ApiErrorKind.InvalidInput)
            {
                continue;
            }

            var path = call.PathFor(null, null).Split('?')[0];
            Assert.Equal(segments, path.Split('/').Length);
            Assert.DoesNotContain(path.Split('/'), segment => segment is "." or ".." || segment.Length == 0 && path.IndexOf(segment, StringComparison.Ordinal) > 0);
        }
    }

    [Theory]
    [InlineData("https://www.tiktok.com/@a/video/7611615657754381599", "7611615657754381599")]
    [InlineData("www.tiktok.com/@a/video/7611615657754381599/", "7611615657754381599")]
    [InlineData("https://m.tiktok.com/v/7611615657754381599.html", "7611615657754381599")]
    [InlineData("https://www.tiktok.com/@a/photo/7611615657754381599", "7611615657754381599")]
    [InlineData(" 7611615657754381599 ", "7611615657754381599")]
    public void Video_ids_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, TikTokIdentifiers.VideoId.Parse(input));

    [Theory]
    [InlineData("https://vm.tiktok.com/ZMabcdef/", "short link")]
    [InlineData("https://www.tiktok.com/@a", "holds no such ID")]
    [InlineData("https://www.youtube.com/watch?v=1", "not on TikTok")]
    [InlineData("76116156577543815x", "digits only")]
    public void Video_id_refusals_say_why(string input, string reason) =>
        Refusal.Assert(TikTokIdentifiers.VideoId, input, reason);

    [Theory]
    [InlineData("#learnfromkhaby", "learnfromkhaby")]
    [InlineData("https://www.tiktok.com/tag/learnfromkhaby?lang=en", "learnfromkhaby")]
    [InlineData("日本", "日本")]
    [InlineData("tag_with_underscore", "tag_with_underscore")]
    public void Tags_come_from_what_people_paste(string input, string expected) =>
        Assert.Equal(expected, TikTokIdentifiers.Tag.Parse(input));

    [Fact]
    public void Repeats_are_recognised_by_operation_value_and_fixed_query()
    {
        var order = new KeyValuePair<string, string>("order", "popular");
        Assert.Equal(TikTokOperations.UserVideos.Bind("Khaby.Lame", order).Key, TikTokOperations.UserVideos.Bind("@khaby.lame", order).Key);
        Assert.NotEqual(TikTokOperations.UserVideos.Bind("khaby.lame", order).Key, TikTokOperations.UserVideos.Bind("khaby.lame").Key);
        Assert.NotEqual(TikTokOperations.UserVideos.Bind("khaby.lame").Key, TikTokOperations.UserLikes.Bind("khaby.lame").Key);
    }

    [Theory]
    [InlineData(Models.TikTokSearchOrder.MostLiked, "most-liked")]
    [InlineData(Models.TikTokPublished.Last3Months, "last-3-months")]
    [InlineData(Models.TikTokPublished.AllTime, "all-time")]
    [InlineData(Models.TikTokVideoOrder.Newest, "newest")]
    public void Enum_values_are_sent_as_the_api_spells_them(Enum value, string expected) => Assert.Equal(expected, WireName.Of(value));

    [Fact]
    public void An_operation_whose_parameters_do_not_match_its_route_is_refused_at_declaration()
    {
        Assert.Throws<ArgumentException>(() => new ApiOperation(
            "broken", "/v1/x/{id}", new[] { OperationParameter.Path("other", TikTokIdentifiers.VideoId) }, ItemReader.Of<Models.TikTokVideo>()));
    }

    [Fact]
    public void Page_bounds_describe_themselves()
    {
        Assert.Equal("the platform fixes its page size at 10", TikTokOperations.SearchUsers.Paging!.Describe());
        Assert.Equal("its page size is 1 to 30", TikTokOperations.UserFollowers.Paging!.Describe());
        Assert.False(TikTokOperations.SearchUsers.Paging.Allows(20));
    }
}
