using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Batching;
using KonbiniApi.Concurrency;
using KonbiniApi.Credits;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Input;
using KonbiniApi.Models;
using KonbiniApi.Operations;
using KonbiniApi.Paging;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>
/// Batches against a scripted service: one POST of up to 100 IDs instead of one request each, every ID
/// ending as its object or its own error in input order, the single GET for one ID, refused batches named,
/// and -MaxCredits counting a batch's IDs before it goes.
/// </summary>
public sealed class BatchTests : IDisposable
{
    private static readonly ThingIdKind ThingId = new();
    private static readonly ApiOperation Single = new("testGetThing", "/v1/test/things/{thingId}", new[] { OperationParameter.Path("thingId", ThingId) }, ItemReader.Of<TikTokUserSummary>());
    private static readonly ApiOperation Batch = new("testGetThingsBatch", "/v1/test/things/batch", new[] { OperationParameter.Path("thingId", ThingId) }, ItemReader.Of<TikTokUserSummary>(), shape: OperationShape.Batch, singleLookup: Single);
    private static readonly ApiOperation BatchOnly = new("testGetWidgetsBatch", "/v1/test/widgets/batch", new[] { OperationParameter.Path("widgetId", ThingId) }, ItemReader.Of<TikTokUserSummary>(), shape: OperationShape.Batch);
    private static readonly ConvertItem EntityId = static (element, _, _) => element.GetProperty("entityId").GetString()!;

    private readonly List<IDisposable> disposables = new();

    public void Dispose()
    {
        foreach (var item in disposables)
        {
            item.Dispose();
        }
    }

    /// <summary>A service that knows every ID except those in <paramref name="missing"/>, answering found items last-first and with the t9_ prefix.</summary>
    private (KonbiniClient Client, ConcurrentQueue<(string Line, string Body)> Seen) Service(HashSet<string>? missing = null, Func<string[], HttpResponseMessage?>? refuse = null)
    {
        var seen = new ConcurrentQueue<(string, string)>();
        var handler = new FakeHandler((request, _) =>
        {
            var body = request.Content is null ? string.Empty : request.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            seen.Enqueue((request.Method.Method + " " + request.RequestUri!.PathAndQuery, body));
            if (request.Method == HttpMethod.Get)
            {
                var id = request.RequestUri.Segments.Last();
                return missing?.Contains(id) == true
                    ? Responses.Error(HttpStatusCode.NotFound, "not_found", "No such thing.", used: 1, remaining: 900)
                    : Responses.Json(HttpStatusCode.OK, "{\"data\":{\"entityId\":\"" + id + "\"}}", used: 1, remaining: 900);
            }

            var ids = JsonDocument.Parse(body).RootElement.GetProperty("entityIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
            if (refuse?.Invoke(ids) is { } refusal)
            {
                return refusal;
            }

            var found = ids.Where(id => missing?.Contains(id) != true).Reverse().Select(id => "{\"entityId\":\"t9_" + id + "\"}");
            return Responses.Json(HttpStatusCode.OK, "{\"data\":{\"type\":\"Collection\",\"items\":[" + string.Join(",", found) + "]}}", used: ids.Length, remaining: 900);
        });
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        disposables.Add(http);
        var options = new KonbiniClientOptions
        {
            BaseUri = new Uri("https://api.example.test"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(2),
            MaxRetries = 1,
            UserAgent = "KonbiniApi.Tests/1.0",
        };
        return (new KonbiniClient(options, ApiKey.FromPlainText("knbn_batchtests"), new CreditLedger(), http), seen);
    }

    private static OperationCall[] Calls(ApiOperation operation, params string[] ids) => ids.Select(id => operation.Bind(id)).ToArray();

    [Fact]
    public async Task Many_ids_go_in_one_post_and_come_back_in_input_order_whatever_order_the_answer_has()
    {
        var (client, seen) = Service();
        var outcomes = await BatchReader.ReadAsync(client, Calls(Batch, "aa", "T9_BB", "cc"), EntityId, null, CancellationToken.None);
        Assert.Equal(new object?[] { "t9_aa", "t9_bb", "t9_cc" }, outcomes.Select(o => o.Output));
        var (line, body) = Assert.Single(seen);
        Assert.Equal("POST /v1/test/things/batch", line);
        Assert.Equal("{\"entityIds\":[\"aa\",\"bb\",\"cc\"]}", body);
        Assert.Equal(3, client.CallCredits.Charged);
    }

    [Fact]
    public async Task An_id_the_answer_leaves_out_is_a_not_found_error_for_that_id_alone()
    {
        var (client, _) = Service(missing: new HashSet<string> { "bb" });
        var outcomes = await BatchReader.ReadAsync(client, Calls(Batch, "aa", "bb", "cc"), EntityId, null, CancellationToken.None);
        Assert.Equal("t9_aa", outcomes[0].Output);
        var missing = Assert.IsType<KonbiniApiException>(outcomes[1].Error);
        Assert.Equal(ApiErrorKind.NotFound, missing.Kind);
        Assert.Contains("'bb' was not found", missing.Message, StringComparison.Ordinal);
        Assert.Contains("one credit per ID", missing.Message, StringComparison.Ordinal);
        Assert.Equal("t9_cc", outcomes[2].Output);
    }

    [Fact]
    public async Task One_id_alone_uses_the_single_lookup_when_the_batch_pairs_one()
    {
        var (client, seen) = Service(missing: new HashSet<string> { "zz" });
        var found = await BatchReader.ReadAsync(client, Calls(Batch, "aa"), EntityId, null, CancellationToken.None);
        Assert.Equal("aa", Assert.Single(found).Output);
        var missing = await BatchReader.ReadAsync(client, Calls(Batch, "zz"), EntityId, null, CancellationToken.None);
        Assert.Equal(ApiErrorKind.NotFound, Assert.IsType<KonbiniApiException>(Assert.Single(missing).Error).Kind);
        Assert.Equal(["GET /v1/test/things/aa", "GET /v1/test/things/zz"], seen.Select(s => s.Line));
    }

    [Fact]
    public async Task One_id_alone_still_goes_as_a_batch_when_there_is_no_single_lookup()
    {
        var (client, seen) = Service();
        var outcomes = await BatchReader.ReadAsync(client, Calls(BatchOnly, "aa"), EntityId, null, CancellationToken.None);
        Assert.Equal("t9_aa", Assert.Single(outcomes).Output);
        Assert.Equal("POST /v1/test/widgets/batch", Assert.Single(seen).Line);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ApiErrorKind.ValidationError)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, ApiErrorKind.RequestTooLarge)]
    public async Task A_refused_batch_is_an_error_that_names_its_ids_and_was_not_charged(HttpStatusCode status, ApiErrorKind kind)
    {
        var (client, _) = Service(refuse: _ => Responses.Error(status, "validation_error", "entityIds is invalid.", used: 0, remaining: 900));
        var refused = await Assert.ThrowsAsync<KonbiniApiException>(() => BatchReader.ReadAsync(client, Calls(Batch, "aa", "bb", "cc"), EntityId, null, CancellationToken.None));
        Assert.Equal(kind, refused.Kind);
        Assert.Contains("The batch of 3 IDs ('aa' to 'cc') was refused", refused.Message, StringComparison.Ordinal);
        Assert.Contains("none was charged", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.CallCredits.Charged);
    }

    [Fact]
    public async Task A_batch_costs_its_ids_against_max_credits_before_it_is_sent()
    {
        var (client, seen) = Service();
        var budget = client.LimitTo(5);
        Assert.Equal(5, budget.Room);
        var stopped = await Assert.ThrowsAsync<KonbiniApiException>(() => BatchReader.ReadAsync(client, Calls(Batch, "a1", "a2", "a3", "a4", "a5", "a6"), EntityId, null, CancellationToken.None));
        Assert.Equal(ApiErrorKind.CreditLimitReached, stopped.Kind);
        Assert.Empty(seen);
        await BatchReader.ReadAsync(client, Calls(Batch, "a1", "a2", "a3", "a4", "a5"), EntityId, null, CancellationToken.None);
        Assert.Equal(0, budget.Room);
        Assert.Equal(5, client.CallCredits.Charged);
    }

    [Fact]
    public async Task The_body_is_the_ids_as_sent_and_the_path_never_carries_them()
    {
        Assert.Equal("{\"entityIds\":[\"a\\u0022b\",\"c\"]}", System.Text.Encoding.UTF8.GetString(BatchReader.BodyFor(["a\"b", "c"])));
        Assert.Equal("/v1/test/things/batch", Batch.Bind("aa").PathFor(null, null));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BatchReader.ReadAsync(Service().Client, Array.Empty<OperationCall>(), EntityId, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BatchReader.ReadAsync(Service().Client, Enumerable.Range(0, 101).Select(i => Batch.Bind("id" + i)).ToArray(), EntityId, null, CancellationToken.None));
    }

    [Fact]
    public void A_batch_declares_one_kind_of_id_and_only_a_batch_pairs_a_single_lookup()
    {
        Assert.Throws<ArgumentException>(() => new ApiOperation("broken", "/v1/test/batch", new[] { OperationParameter.Path("a", ThingId), OperationParameter.Path("b", ThingId) }, ItemReader.Of<TikTokUserSummary>(), shape: OperationShape.Batch));
        Assert.Throws<ArgumentException>(() => new ApiOperation("broken", "/v1/test/{a}", new[] { OperationParameter.Path("a", ThingId) }, ItemReader.Of<TikTokUserSummary>(), singleLookup: Single));
    }

    [Theory]
    [InlineData(true, new[] { 4, 12, 36, 100, 100 })]
    [InlineData(false, new[] { 100, 100 })]
    public void Batches_start_small_when_something_downstream_may_stop_early_and_widen_with_every_outcome_written(bool rampUp, int[] sizes)
    {
        long outcomes = 0;
        var collector = new BatchCollector(BatchReader.MaxIds, rampUp ? () => outcomes : null);
        var sequence = 0;
        var taken = new List<int>();
        foreach (var _ in sizes)
        {
            while (!collector.IsFull)
            {
                collector.Add(new WorkItem("x", sequence, 1), Batch.Bind("id" + sequence++));
            }

            var batch = collector.Take(int.MaxValue);
            taken.Add(batch.Count);
            collector.Answered(batch.Count);
            if (rampUp && batch.Count < BatchReader.MaxIds)
            {
                // Answered is not enough: until outcomes are written downstream, nothing else may go.
                Assert.Equal(0, collector.Allowance);
                Assert.Empty(collector.Take(int.MaxValue));
            }

            outcomes += batch.Count;
        }

        Assert.Equal(sizes, taken);
        Assert.Equal(0, collector.InFlight);
    }

    [Fact]
    public void A_stop_after_three_outcomes_written_has_paid_for_at_most_eight_ids_whatever_order_answers_came_in()
    {
        // A lone first ID (its own GET) answers last; the batch after it answers first. Only what is written
        // widens the ramp, so while the head of the line waits, nothing more goes.
        long outcomes = 0;
        var collector = new BatchCollector(BatchReader.MaxIds, () => outcomes);
        var items = Enumerable.Range(0, 20).Select(i => new WorkItem(i, i)).ToArray();
        collector.Add(items[0], Batch.Bind("id0"));
        var lone = collector.Take(1);
        for (var i = 1; i < items.Length; i++)
        {
            collector.Add(items[i], Batch.Bind("id" + i));
        }

        var rest = collector.Take(int.MaxValue);
        Assert.Equal(3, rest.Count);
        collector.Answered(rest.Count);
        Assert.Empty(collector.Take(int.MaxValue));
        collector.Answered(lone.Count);
        var sent = lone.Count + rest.Count;
        for (var written = 0; written < 2; written++)
        {
            // Outcomes 1 and 2 are written; the third write is where Select-Object -First 3 stops the call.
            outcomes++;
            sent += collector.Take(int.MaxValue).Count;
        }

        Assert.InRange(sent, 4, 8);
    }

    [Fact]
    public void A_smaller_batch_goes_when_the_credits_left_are_fewer_and_the_rest_keep_their_order()
    {
        var collector = new BatchCollector(BatchReader.MaxIds, outcomesTaken: null);
        for (var i = 0; i < 10; i++)
        {
            collector.Add(new WorkItem(i, i), Batch.Bind("id" + i));
        }

        Assert.Equal(new object?[] { 0, 1, 2 }, collector.Take(3).Select(pair => pair.Item.Input));
        Assert.Equal(Enumerable.Range(3, 7).Cast<object?>(), collector.TakeAll().Select(pair => pair.Item.Input));
        Assert.Equal(0, collector.Count);
        Assert.Throws<InvalidOperationException>(() =>
        {
            collector.Add(new WorkItem("a", 0), Batch.Bind("a1"));
            collector.Add(new WorkItem("b", 1), BatchOnly.Bind("b1"));
        });
    }

    [Fact]
    public void Queued_members_of_a_batch_complete_with_their_own_outcomes_and_leave_in_input_order()
    {
        using var runner = new OrderedRunner(4, rampUp: false);
        runner.AllowBatches(BatchReader.MaxIds);
        Assert.True(runner.Window >= BatchReader.MaxIds * 5);
        var members = Enumerable.Range(0, 3).Select(i => runner.NewItem(i)).ToArray();
        foreach (var member in members)
        {
            runner.Enqueue(member);
        }

        var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var missing = new KonbiniApiException(ApiErrorKind.NotFound, "no 1");
        runner.StartBatch(members, async _ =>
        {
            await gate.Task;
            return new[] { new BatchOutcome("zero", null), new BatchOutcome(null, missing), new BatchOutcome("two", null) };
        }, CancellationToken.None);
        Assert.Empty(runner.TakeReady());
        Assert.Equal(1, runner.Running);
        gate.SetResult(true);
        Assert.True(runner.WaitForAllRunning(TimeSpan.FromSeconds(10)));
        var ready = runner.TakeReady();
        Assert.Equal(new object?[] { 0, 1, 2 }, ready.Select(r => r.Item.Input));
        Assert.Equal("zero", Assert.Single(ready[0].Entries).Payload);
        Assert.Same(missing, ready[1].Item.Error);
        Assert.Empty(ready[1].Entries);
        Assert.Equal("two", Assert.Single(ready[2].Entries).Payload);
        Assert.All(members, member => Assert.True(member.Started));
    }

    [Fact]
    public void A_batch_that_fails_as_a_whole_ends_every_member_with_that_failure_and_an_abandoned_one_with_the_stop()
    {
        using var runner = new OrderedRunner(4, rampUp: false);
        var members = Enumerable.Range(0, 2).Select(i => runner.NewItem(i)).ToArray();
        var unsent = runner.NewItem(2);
        foreach (var member in members.Append(unsent))
        {
            runner.Enqueue(member);
        }

        var refused = new KonbiniApiException(ApiErrorKind.ValidationError, "The batch of 2 IDs was refused.");
        runner.StartBatch(members, _ => Task.FromException<BatchOutcome[]>(refused), CancellationToken.None);
        Assert.True(runner.WaitForAllRunning(TimeSpan.FromSeconds(10)));
        var stop = new KonbiniApiException(ApiErrorKind.CreditLimitReached, "limit");
        runner.Abandon(unsent, stop);
        var ready = runner.TakeReady();
        Assert.Equal(3, ready.Count);
        Assert.Same(refused, ready[0].Item.Error);
        Assert.Same(refused, ready[1].Item.Error);
        Assert.Same(stop, ready[2].Item.Error);
        Assert.False(unsent.Started);
    }

    /// <summary>Lower-case letters and digits, with or without a t9_ prefix.</summary>
    private sealed class ThingIdKind : IdentifierKind
    {
        public ThingIdKind()
            : base("a test thing ID", "letters and digits")
        {
        }

        public override string KeyOf(string value) => value;

        public override bool TryParse(string? input, out string value, out string problem)
        {
            value = (input ?? string.Empty).Trim().ToLowerInvariant();
            if (value.StartsWith("t9_", StringComparison.Ordinal))
            {
                value = value.Substring(3);
            }

            problem = value.Length > 0 && value.All(char.IsAsciiLetterOrDigit) ? string.Empty : "it is not letters and digits";
            return problem.Length == 0;
        }
    }
}
