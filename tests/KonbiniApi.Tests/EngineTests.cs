using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Concurrency;
using KonbiniApi.Credits;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Operations;
using KonbiniApi.Paging;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>
/// The pager and the credit budget against a scripted service: pages of follower-shaped items served by
/// cursor, so each rule of the engine (where a list ends, what guards it, what a failure leaves) is
/// checked without the emulator, request by request.
/// </summary>
public sealed class EngineTests : IDisposable
{
    private static readonly ConvertItem Identity = static (element, _, _) => element.GetProperty("n").GetInt32();
    private readonly List<IDisposable> disposables = new();

    public void Dispose()
    {
        foreach (var item in disposables)
        {
            item.Dispose();
        }
    }

    /// <summary>
    /// Serves a list of <paramref name="total"/> numbered items; cursors are "c" + offset unless <paramref name="next"/> says otherwise.
    /// A list whose cursors never end is stopped after 20 requests (well before the work item's backpressure would
    /// block, since nothing takes its entries until the read ends), so a broken guard fails its test instead of hanging the run.
    /// </summary>
    private (KonbiniClient Client, FakeHandler Handler) Service(int total, Func<int, int, string?>? next = null, Func<int, HttpResponseMessage?>? failPage = null)
    {
        var handler = new FakeHandler((request, call) =>
        {
            if (call > 20)
            {
                return Responses.Error(HttpStatusCode.BadRequest, "validation_error", "The scripted service answers 20 requests at most; the pager ran away.");
            }

            var query = request.RequestUri!.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
            var offset = query.TryGetValue("cursor", out var cursor) ? int.Parse(cursor.TrimStart('c'), CultureInfo.InvariantCulture) : 0;
            var count = query.TryGetValue("count", out var size) ? int.Parse(size, CultureInfo.InvariantCulture) : 10;
            var page = (offset / Math.Max(count, 1)) + 1;
            if (failPage?.Invoke(page) is { } failure)
            {
                return failure;
            }

            var items = Enumerable.Range(offset, Math.Max(0, Math.Min(count, total - offset))).Select(n => "{\"n\":" + n.ToString(CultureInfo.InvariantCulture) + "}");
            var nextCursor = next is null
                ? (offset + count < total ? "c" + (offset + count).ToString(CultureInfo.InvariantCulture) : null)
                : next(page, offset + count);
            var json = "{\"data\":{\"type\":\"OrderedCollectionPage\",\"totalItems\":" + total.ToString(CultureInfo.InvariantCulture) +
                ",\"nextCursor\":" + (nextCursor is null ? "null" : "\"" + nextCursor + "\"") + ",\"orderedItems\":[" + string.Join(",", items) + "]}}";
            return Responses.Json(HttpStatusCode.OK, json, used: 1, remaining: 1000);
        });
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        disposables.Add(http);
        var options = new KonbiniClientOptions
        {
            BaseUri = new Uri("https://api.example.test"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(2),
            MaxRetries = 2,
            UserAgent = "KonbiniApi.Tests/1.0",
        };
        return (new KonbiniClient(options, ApiKey.FromPlainText("knbn_enginetests"), new CreditLedger(), http), handler);
    }

    private static OperationCall Followers() => TikTokOperations.UserFollowers.Bind("someone");

    private static async Task<(List<int> Items, List<string> Warnings, WorkItem Sink)> Read(KonbiniClient client, PagingOptions options)
    {
        var sink = new WorkItem("someone", 0, keepLimit: 1_000_000);
        await Pager.ReadPagesAsync(client, Followers(), options, Identity, sink, CancellationToken.None);
        var entries = sink.TakeEntries();
        return (
            entries.Where(e => e.Kind == WorkEntryKind.Output).Select(e => (int)e.Payload!).ToList(),
            entries.Where(e => e.Kind == WorkEntryKind.Warning).Select(e => (string)e.Payload!).ToList(),
            sink);
    }

    private static List<string> Paths(FakeHandler handler) => handler.Requests.Select(r => r.RequestUri!.PathAndQuery).ToList();

    [Fact]
    public async Task One_page_by_default_at_the_largest_page_size()
    {
        var (client, handler) = Service(100);
        var (items, _, _) = await Read(client, new PagingOptions());
        Assert.Equal(Enumerable.Range(0, 30), items);
        Assert.Equal("/v1/tiktok/users/someone/followers?count=30", Assert.Single(Paths(handler)));
    }

    [Theory]
    [InlineData(31, 0, 2)]
    [InlineData(30, 0, 1)]
    [InlineData(5, 28, 2)]
    [InlineData(1, 0, 1)]
    public async Task First_and_skip_read_only_the_pages_they_need(int first, int skip, int pages)
    {
        var (client, handler) = Service(1000);
        var (items, _, _) = await Read(client, new PagingOptions { First = (ulong)first, Skip = (ulong)skip });
        Assert.Equal(Enumerable.Range(skip, first), items);
        Assert.Equal(pages, handler.Calls);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(30, 1)]
    [InlineData(31, 2)]
    [InlineData(95, 4)]
    public async Task All_ends_exactly_at_the_last_page(int total, int pages)
    {
        var (client, handler) = Service(total);
        var (items, warnings, sink) = await Read(client, new PagingOptions { All = true });
        Assert.Equal(Enumerable.Range(0, total), items);
        Assert.Equal(pages, handler.Calls);
        Assert.Empty(warnings);
        Assert.Null(sink.ResumeCursor);
    }

    [Fact]
    public async Task An_empty_next_cursor_ends_the_list_too()
    {
        var (client, handler) = Service(1000, next: (_, _) => string.Empty);
        var (items, _, _) = await Read(client, new PagingOptions { All = true });
        Assert.Equal(30, items.Count);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_cursor_given_twice_ends_the_input_with_a_warning_and_no_repeated_request()
    {
        // Page 3 points back at page 2's cursor: not the one just read, so only a memory of every cursor catches it.
        var (client, handler) = Service(1000, next: (page, end) => page == 3 ? "c30" : "c" + end.ToString(CultureInfo.InvariantCulture));
        var (items, warnings, _) = await Read(client, new PagingOptions { All = true });
        Assert.Equal(90, items.Count);
        Assert.Equal(3, handler.Calls);
        Assert.Equal(3, Paths(handler).Distinct().Count());
        var warning = Assert.Single(warnings);
        Assert.Contains("'c30' a second time", warning, StringComparison.Ordinal);
        Assert.Contains("ends after page 3", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_empty_pages_that_promise_more_end_the_input_and_name_the_cursor()
    {
        var (client, handler) = Service(30, next: (_, end) => "c" + end.ToString(CultureInfo.InvariantCulture));
        var (items, warnings, _) = await Read(client, new PagingOptions { All = true });
        Assert.Equal(30, items.Count);
        Assert.Equal(4, handler.Calls);
        var warning = Assert.Single(warnings);
        Assert.Contains("3 pages in a row were empty", warning, StringComparison.Ordinal);
        Assert.Contains("ends after page 4", warning, StringComparison.Ordinal);
        Assert.Contains("-Cursor 'c120'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_later_page_keeps_the_earlier_items_and_names_its_cursor()
    {
        var (client, handler) = Service(1000, failPage: page => page == 3 ? Responses.Error(HttpStatusCode.BadGateway, "platform_error", "upstream failed") : null);
        var sink = new WorkItem("someone", 0);
        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() => Pager.ReadPagesAsync(client, Followers(), new PagingOptions { All = true }, Identity, sink, CancellationToken.None));
        Assert.Equal(ApiErrorKind.PlatformError, failure.Kind);
        Assert.Equal("c60", failure.ResumeCursor);
        Assert.Contains("It was page 3 of", failure.Message, StringComparison.Ordinal);
        Assert.Contains("-Cursor 'c60'", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, failure.Attempts);
        Assert.Equal(60, sink.TakeEntries().Count(e => e.Kind == WorkEntryKind.Output));
        Assert.Equal(2 + 3, handler.Calls);
    }

    [Fact]
    public async Task A_failed_first_page_has_nothing_to_resume_from()
    {
        var (client, _) = Service(1000, failPage: _ => Responses.Error(HttpStatusCode.BadGateway, "platform_error", "upstream failed"));
        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() => Pager.ReadPagesAsync(client, Followers(), new PagingOptions(), Identity, new WorkItem("x", 0), CancellationToken.None));
        Assert.Null(failure.ResumeCursor);
        Assert.DoesNotContain("-Cursor", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_size_and_start_cursor_are_sent_encoded()
    {
        var (client, handler) = Service(1000);
        _ = await Read(client, new PagingOptions { PageSize = 7, StartCursor = "c14" });
        Assert.Equal("/v1/tiktok/users/someone/followers?count=7&cursor=c14", Assert.Single(Paths(handler)));
    }

    [Fact]
    public async Task The_budget_stops_before_a_page_that_could_go_over()
    {
        var (client, handler) = Service(1000);
        client.LimitTo(3);
        var sink = new WorkItem("someone", 0);
        var stopped = await Assert.ThrowsAsync<KonbiniApiException>(() => Pager.ReadPagesAsync(client, Followers(), new PagingOptions { All = true }, Identity, sink, CancellationToken.None));
        Assert.Equal(ApiErrorKind.CreditLimitReached, stopped.Kind);
        Assert.Equal(3, handler.Calls);
        Assert.Equal("c90", sink.ResumeCursor);
    }

    [Fact]
    public async Task The_budget_never_goes_over_with_many_requests_at_once()
    {
        var spent = new CallCredits();
        var budget = new CreditBudget(10, spent);
        var entered = 0;
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                await budget.EnterAsync(1, CancellationToken.None);
                Interlocked.Increment(ref entered);
                await Task.Yield();
                spent.Record(1);
                budget.Exit(1);
            }
            catch (KonbiniApiException limit) when (limit.Kind == ApiErrorKind.CreditLimitReached)
            {
                Interlocked.Increment(ref refused);
            }
        }));
        Assert.Equal(10, entered);
        Assert.Equal(40, refused);
        Assert.Equal(10, spent.Charged);
    }

    [Fact]
    public async Task A_waiting_request_goes_ahead_when_one_in_flight_is_refunded()
    {
        var spent = new CallCredits();
        var budget = new CreditBudget(1, spent);
        await budget.EnterAsync(1, CancellationToken.None);
        var waiting = budget.EnterAsync(1, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        spent.Record(0);
        budget.Exit(1);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, budget.InFlight);
    }
}
