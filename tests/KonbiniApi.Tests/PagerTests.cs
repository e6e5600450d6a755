using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Credits;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Json;
using KonbiniApi.Models;
using KonbiniApi.Operations;
using KonbiniApi.Paging;
using KonbiniApi.Tests.Support;
using Xunit;

// Expected sequences are written inline, next to the case they belong to.
#pragma warning disable CA1861

namespace KonbiniApi.Tests;

/// <summary>
/// The one pager against hand-scripted pages: what each request asks for, how each page is read and
/// checked, and the guard and failure cases a counting service cannot script (see EngineTests for how
/// far a list reads, its repeat and empty-page guards and what a failure leaves).
/// </summary>
public sealed class PagerTests : IDisposable
{
    private const string Account = "midnight.onigiri";
    private static readonly ConvertItem Number = static (element, _, _) => element.GetProperty("n").GetInt32();
    private readonly List<IDisposable> disposables = new();

    public void Dispose()
    {
        foreach (var item in disposables)
        {
            item.Dispose();
        }
    }

    /// <summary>tiktokGetUserVideos: count 1 to 35.</summary>
    private static OperationCall Videos() => TikTokOperations.UserVideos.Bind(Account);

    private KonbiniClient Client(FakeHandler handler, int maxRetries = 3)
    {
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        disposables.Add(http);
        var options = new KonbiniClientOptions
        {
            BaseUri = new Uri("https://api.example.test"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(2),
            MaxRetries = maxRetries,
            Timeout = TimeSpan.FromSeconds(10),
        };
        return new KonbiniClient(options, ApiKey.FromPlainText("knbn_pager_tests"), new CreditLedger(), http);
    }

    /// <summary>Pages of three items each: page k holds 3k-2..3k and points at "c(k+1)"; the last has no next cursor.</summary>
    private static PagedService ThreePerPage(int pages, string? lastNext = null)
    {
        var service = new PagedService();
        for (var k = 1; k <= pages; k++)
        {
            var items = Enumerable.Range((3 * k) - 2, 3);
            var next = k == pages ? lastNext : "c" + (k + 1);
            service.On(k == 1 ? null : "c" + k, PageJson.Page(items, next, total: 3 * pages));
        }

        return service;
    }

    private async Task<RecordingSink> Read(PagedService service, PagingOptions options, ConvertItem? convert = null, bool wholePages = false)
    {
        var sink = new RecordingSink();
        await Pager.ReadPagesAsync(Client(service.Handler), Videos(), options, convert ?? Number, sink, CancellationToken.None, wholePages);
        return sink;
    }

    [Theory]
    [InlineData(0UL, new[] { 1, 2, 3 })]
    [InlineData(2UL, new[] { 3 })]
    [InlineData(5UL, new int[0])]
    public async Task Skip_without_First_or_All_passes_over_items_of_the_one_page_and_reads_no_further(ulong skip, int[] expected)
    {
        var service = ThreePerPage(3);

        var sink = await Read(service, new PagingOptions { Skip = skip });

        Assert.Equal(1, service.Handler.Calls);
        Assert.Equal(expected.Cast<object?>(), sink.Items);
    }

    [Fact]
    public async Task The_start_cursor_coming_back_counts_as_a_repeat()
    {
        var service = new PagedService()
            .On("start", PageJson.Page(new[] { 1 }, "c2"))
            .On("c2", PageJson.Page(new[] { 2 }, "start"));

        var sink = await Read(service, new PagingOptions { All = true, StartCursor = "start" });

        Assert.Equal(new string?[] { "start", "c2" }, service.Asked.ToArray());
        Assert.Contains("'start' a second time", Assert.Single(sink.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_pages_that_are_not_three_in_a_row_are_read_past()
    {
        var service = new PagedService()
            .On(null, PageJson.Page(new[] { 1 }, "c2"))
            .On("c2", PageJson.Page(Array.Empty<int>(), "c3"))
            .On("c3", PageJson.Page(new[] { 2 }, "c4"))
            .On("c4", PageJson.Page(Array.Empty<int>(), "c5"))
            .On("c5", PageJson.Page(Array.Empty<int>(), "c6"))
            .On("c6", PageJson.Page(new[] { 3 }, null));

        var sink = await Read(service, new PagingOptions { All = true });

        Assert.Equal(6, service.Handler.Calls);
        Assert.Equal(new object?[] { 1, 2, 3 }, sink.Items);
        Assert.Empty(sink.Warnings);
    }

    [Fact]
    public async Task A_failing_first_page_at_a_given_cursor_resumes_there()
    {
        var service = new PagedService()
            .On("given", () => Responses.Error(HttpStatusCode.BadGateway, "platform_error", "Upstream failed.", used: 0));

        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() =>
            Pager.ReadPagesAsync(Client(service.Handler, maxRetries: 0), Videos(), new PagingOptions { StartCursor = "given" }, Number, new RecordingSink(), CancellationToken.None));

        Assert.Equal("given", failure.ResumeCursor);
        Assert.Contains("-Cursor 'given'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_failure_on_a_later_page_keeps_its_own_message_but_still_carries_the_cursor()
    {
        var service = new PagedService()
            .On(null, PageJson.Page(new[] { 1 }, "c2"))
            .On("c2", () => Responses.Error(HttpStatusCode.Unauthorized, "invalid_api_key", "The key is not valid."));

        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() =>
            Pager.ReadPagesAsync(Client(service.Handler), Videos(), new PagingOptions { All = true }, Number, new RecordingSink(), CancellationToken.None));

        Assert.Equal(ApiErrorKind.InvalidApiKey, failure.Kind);
        Assert.Equal("c2", failure.ResumeCursor);
        Assert.DoesNotContain("-Cursor", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12, "a b+c/d=e&f?g#h%", "/v1/tiktok/users/midnight.onigiri/videos?count=12&cursor=a%20b%2Bc%2Fd%3De%26f%3Fg%23h%25")]
    [InlineData(null, "クーポン", "/v1/tiktok/users/midnight.onigiri/videos?count=35&cursor=%E3%82%AF%E3%83%BC%E3%83%9D%E3%83%B3")]
    public async Task A_cursor_with_reserved_or_non_ASCII_characters_is_sent_percent_encoded_as_one_query_value(int? pageSize, string? cursor, string expectedPath)
    {
        var service = new PagedService().On(cursor, PageJson.Page(new[] { 1 }, null));

        await Read(service, new PagingOptions { PageSize = pageSize, StartCursor = cursor });

        Assert.Equal("https://api.example.test" + expectedPath, Assert.Single(service.Sent));
        Assert.Equal(cursor, Assert.Single(service.Asked));
    }

    [Fact]
    public async Task Later_pages_ask_with_the_same_page_size_and_their_cursor()
    {
        var service = ThreePerPage(2);

        await Read(service, new PagingOptions { All = true, PageSize = 3 });

        Assert.Equal(
            new[]
            {
                "https://api.example.test/v1/tiktok/users/midnight.onigiri/videos?count=3",
                "https://api.example.test/v1/tiktok/users/midnight.onigiri/videos?count=3&cursor=c2",
            },
            service.Sent);
    }

    [Fact]
    public async Task The_total_is_reported_once_from_the_first_page()
    {
        var service = new PagedService()
            .On(null, PageJson.Page(new[] { 1 }, "c2", total: 42))
            .On("c2", PageJson.Page(new[] { 2 }, "c3", total: 99))
            .On("c3", PageJson.Page(new[] { 3 }, null, total: 7));

        var sink = await Read(service, new PagingOptions { All = true });

        Assert.Equal(new long?[] { 42 }, sink.Totals);

        // And it comes before the first item, so a progress bar knows its size from the start.
        var events = sink.Events.Select(e => e.Kind).ToList();
        Assert.True(events.IndexOf("total") < events.IndexOf("item"));
    }

    [Fact]
    public async Task An_unknown_total_is_reported_as_null()
    {
        var service = new PagedService().On(null, PageJson.Page(new[] { 1 }, null));

        var sink = await Read(service, new PagingOptions());

        Assert.Equal(new long?[] { null }, sink.Totals);
    }

    [Theory]
    [InlineData("{\"nextCursor\":null}", "the required field data.orderedItems is missing")]
    [InlineData("{\"orderedItems\":{},\"nextCursor\":null}", "data.orderedItems should be an array but is an object")]
    [InlineData("{\"orderedItems\":null}", "data.orderedItems should be an array but is null")]
    [InlineData("{\"orderedItems\":\"[]\"}", "data.orderedItems should be an array but is a string")]
    [InlineData("{\"orderedItems\":[],\"nextCursor\":5}", "data.nextCursor should be a string or null but is a number")]
    [InlineData("{\"orderedItems\":[],\"nextCursor\":[\"c2\"]}", "data.nextCursor should be a string or null but is an array")]
    [InlineData("{\"orderedItems\":[],\"nextCursor\":true}", "data.nextCursor should be a string or null but is a boolean")]
    [InlineData("{\"orderedItems\":[],\"totalItems\":\"12\"}", "data.totalItems should be a whole number or null but is a string")]
    [InlineData("{\"orderedItems\":[],\"totalItems\":1.5}", "data.totalItems should be a whole number or null but is a number")]
    public async Task A_page_that_breaks_the_contract_is_InvalidResponse_naming_the_member(string dataObject, string expected)
    {
        var service = new PagedService().On(null, PageJson.Data(dataObject));
        var sink = new RecordingSink();

        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() =>
            Pager.ReadPagesAsync(Client(service.Handler), Videos(), new PagingOptions { All = true }, Number, sink, CancellationToken.None));

        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Equal(200, failure.StatusCode);
        Assert.Equal(1, failure.CreditsUsed);
        Assert.Equal(1, service.Handler.Calls);
        Assert.Empty(sink.Items);
    }

    [Fact]
    public async Task A_broken_item_is_written_as_a_failure_in_its_place_that_names_it()
    {
        static string Video(int n, string author) =>
            "{\"entityId\":\"" + n + "\",\"published\":\"2026-01-02T03:04:05Z\",\"viewCount\":1,\"likeCount\":1,\"commentCount\":1," +
            "\"repostCount\":1,\"shareCount\":1,\"saveCount\":1,\"url\":\"https://t/" + n + "\",\"id\":\"https://t/" + n + "\",\"attributedTo\":" + author + "}";
        const string Good = "{\"url\":\"https://t/@a\",\"id\":\"https://t/@a\",\"isPrivate\":false,\"isVerified\":true}";
        const string Broken = "{\"url\":\"https://t/@a\",\"id\":\"https://t/@a\",\"isPrivate\":false,\"isVerified\":\"yes\"}";
        var items = string.Join(",", Video(0, Good), Video(1, Good), Video(2, Good), Video(3, Broken), Video(4, Good));
        var service = new PagedService().On(null, "{\"data\":{\"orderedItems\":[" + items + "],\"nextCursor\":null}}");
        var call = Videos();
        ConvertItem convert = (element, requestPath, jsonPath) => call.Complete(call.Operation.Reader.Read(element, requestPath, jsonPath));
        var sink = new RecordingSink();

        await Pager.ReadPagesAsync(Client(service.Handler), call, new PagingOptions(), convert, sink, CancellationToken.None);

        Assert.Equal(5, sink.Items.Count);
        Assert.Equal(new[] { "0", "1", "2", "4" }, sink.Items.OfType<TikTokVideo>().Select(video => video.VideoId));
        var failure = Assert.IsType<ItemFailure>(sink.Items[3]).Error;
        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("data.orderedItems[3].attributedTo.isVerified should be a boolean but is a string", failure.Message, StringComparison.Ordinal);
        Assert.Equal(200, failure.StatusCode);
        Assert.Equal(1, failure.CreditsUsed);
        Assert.Equal(1, service.Handler.Calls);
    }

    [Fact]
    public async Task A_broken_item_does_not_end_the_list()
    {
        ConvertItem refuseFive = static (element, requestPath, jsonPath) =>
            element.GetProperty("n").GetInt32() is var n && n == 5 ? throw ModelReader.Invalid(requestPath, jsonPath + ".n is five") : n;

        var sink = await Read(ThreePerPage(3), new PagingOptions { All = true }, refuseFive);

        Assert.Equal(9, sink.Items.Count);
        Assert.Equal(new object?[] { 1, 2, 3, 4, 6, 7, 8, 9 }, sink.Items.Where(item => item is int));
        Assert.Contains("data.orderedItems[1].n is five", Assert.IsType<ItemFailure>(sink.Items[4]).Error.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Warnings);
    }

    [Fact]
    public async Task Items_passed_over_or_past_First_are_not_read()
    {
        var read = new List<string>();
        ConvertItem recording = (element, _, jsonPath) =>
        {
            read.Add(jsonPath);
            return element.GetProperty("n").GetInt32();
        };

        var sink = await Read(ThreePerPage(3), new PagingOptions { Skip = 2, First = 3 }, recording);

        Assert.Equal(new object?[] { 3, 4, 5 }, sink.Items);
        Assert.Equal(new[] { "data.orderedItems[2]", "data.orderedItems[0]", "data.orderedItems[1]" }, read);
    }

    [Fact]
    public async Task The_next_page_is_asked_for_before_the_items_of_this_one_are_read()
    {
        var service = ThreePerPage(2);
        var callsSeenWhileReadingPageOne = new List<bool>();
        ConvertItem waiting = (element, _, _) =>
        {
            var n = element.GetProperty("n").GetInt32();
            if (n <= 3)
            {
                // Without the early request this waits in vain: page 2 would only be asked for after this returns.
                callsSeenWhileReadingPageOne.Add(SpinWait.SpinUntil(() => service.Handler.Calls >= 2, TimeSpan.FromSeconds(5)));
            }

            return n;
        };

        var sink = await Read(service, new PagingOptions { All = true }, waiting);

        Assert.Equal(new object?[] { 1, 2, 3, 4, 5, 6 }, sink.Items);
        Assert.Equal(new[] { true, true, true }, callsSeenWhileReadingPageOne);
        Assert.Equal(2, service.Handler.Calls);
    }

    [Fact]
    public async Task Without_room_for_the_page_the_next_one_waits_until_its_items_are_added()
    {
        var service = ThreePerPage(2);
        var callsWhileReading = new List<int>();
        ConvertItem recording = (element, _, _) =>
        {
            callsWhileReading.Add(service.Handler.Calls);
            return element.GetProperty("n").GetInt32();
        };
        var sink = new RecordingSink { Room = false };

        await Pager.ReadPagesAsync(Client(service.Handler), Videos(), new PagingOptions { All = true }, recording, sink, CancellationToken.None);

        Assert.Equal(new object?[] { 1, 2, 3, 4, 5, 6 }, sink.Items);
        Assert.Equal(new[] { 1, 1, 1, 2, 2, 2 }, callsWhileReading);
    }

    [Fact]
    public async Task A_page_is_not_asked_for_early_when_this_one_ends_the_list()
    {
        // -First met, the last page, a cursor given again: none of them may cost a request read ahead.
        var repeating = new PagedService()
            .On(null, PageJson.Page(new[] { 1, 2, 3 }, "again"))
            .On("again", PageJson.Page(new[] { 4, 5, 6 }, "again"));
        var three = ThreePerPage(3);
        var first = await Read(three, new PagingOptions { First = 3 });
        var last = ThreePerPage(1);
        var whole = await Read(last, new PagingOptions { All = true });
        var repeated = await Read(repeating, new PagingOptions { All = true });

        Assert.Equal(new object?[] { 1, 2, 3 }, first.Items);
        Assert.Equal(1, three.Handler.Calls);
        Assert.Equal(new object?[] { 1, 2, 3 }, whole.Items);
        Assert.Equal(1, last.Handler.Calls);
        Assert.Equal(new object?[] { 1, 2, 3, 4, 5, 6 }, repeated.Items);
        Assert.Equal(2, repeating.Handler.Calls);
        Assert.Single(repeated.Warnings);
    }

    [Fact]
    public async Task Whole_pages_mode_gives_one_output_per_page()
    {
        var service = ThreePerPage(3);
        ConvertItem countItems = static (element, _, jsonPath) => jsonPath + ":" + element.GetProperty("orderedItems").GetArrayLength();

        var sink = await Read(service, new PagingOptions { All = true }, countItems, wholePages: true);

        Assert.Equal(3, service.Handler.Calls);
        Assert.Equal(new object?[] { "data:3", "data:3", "data:3" }, sink.Items);
        Assert.Equal(3, sink.Adds);
    }

    [Fact]
    public async Task Whole_pages_mode_reads_one_page_by_default()
    {
        var service = ThreePerPage(3);
        ConvertItem raw = static (element, _, _) => element.GetRawText();

        var sink = await Read(service, new PagingOptions(), raw, wholePages: true);

        Assert.Equal(1, service.Handler.Calls);
        var page = (string)Assert.Single(sink.Items)!;
        using var document = JsonDocument.Parse(page);
        Assert.Equal("c2", document.RootElement.GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task Each_page_is_reported_with_its_cursor_and_count()
    {
        var service = ThreePerPage(2);

        var sink = await Read(service, new PagingOptions { All = true });

        var pageLines = sink.Reports.Where(line => line.StartsWith(Account + ": page", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pageLines.Count);
        Assert.Equal(Account + ": page 1: 3 items; next cursor 'c2'.", pageLines[0]);
        Assert.Equal(Account + ": page 2 (cursor 'c2'): 3 items, the last page.", pageLines[1]);
    }

    [Fact]
    public async Task A_lookup_that_is_not_found_is_rephrased_by_the_operation()
    {
        var handler = FakeHandler.Always(() => Responses.Error(HttpStatusCode.NotFound, "not_found", "Not found.", used: 1));
        var call = TikTokOperations.UserLive.Bind(Account);

        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() =>
            Pager.ReadOneAsync(Client(handler), call, (element, requestPath, jsonPath) => call.Operation.Reader.Read(element, requestPath, jsonPath), new RecordingSink(), CancellationToken.None));

        Assert.Equal(ApiErrorKind.NotFound, failure.Kind);
        Assert.StartsWith("@" + Account + " is not live now", failure.Message, StringComparison.Ordinal);
        Assert.Contains("charged one credit", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_delivers_its_one_object()
    {
        var handler = FakeHandler.Always(() => Responses.User());
        var call = TikTokOperations.User.Bind(Account);
        var sink = new RecordingSink();

        await Pager.ReadOneAsync(Client(handler), call, (element, requestPath, jsonPath) => call.Operation.Reader.Read(element, requestPath, jsonPath), sink, CancellationToken.None);

        Assert.IsType<TikTokUser>(Assert.Single(sink.Items));
        Assert.Equal(1, handler.Calls);
    }
}
