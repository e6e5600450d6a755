using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Concurrency;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>
/// How a list's entries stream to the pipeline thread: a work item's entries in order, its backpressure,
/// and the runner handing out the head's entries while it still runs. Every wait is on a signal the code
/// under test gives, bounded by a generous deadline that only a broken run reaches.
/// </summary>
public sealed class WorkItemStreamingTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private static WorkEntry Out(object? payload) => new(WorkEntryKind.Output, payload);

    private static object?[] Range(int start, int count) => Enumerable.Range(start, count).Cast<object?>().ToArray();

    /// <summary>Waits on the runner's completion signal (released by every page and every finished item) until <paramref name="item"/> has finished.</summary>
    private static void WaitUntilFinished(OrderedRunner runner, WorkItem item)
    {
        while (!item.IsCompleted)
        {
            Assert.True(runner.WaitForCompletion(Generous, CancellationToken.None), "The runner gave no signal while " + item.Input + " was unfinished.");
        }
    }

    [Fact]
    public void Entries_keep_the_order_they_were_added_in_across_every_kind()
    {
        var item = new WorkItem("input", 0);

        item.Report("page 1 asked");
        item.Total(42);
        item.Add(new object?[] { 1, 2 });
        item.Warn("careful");
        item.Add(Array.Empty<object?>());
        item.Report("page 2 asked");
        item.Add(new object?[] { 3, null });
        item.Total(null);

        Assert.Equal(
            new[]
            {
                new WorkEntry(WorkEntryKind.Verbose, "page 1 asked"),
                new WorkEntry(WorkEntryKind.Total, 42L),
                Out(1),
                Out(2),
                new WorkEntry(WorkEntryKind.Warning, "careful"),
                new WorkEntry(WorkEntryKind.Verbose, "page 2 asked"),
                Out(3),
                Out(null),
                new WorkEntry(WorkEntryKind.Total, null),
            },
            item.TakeEntries());
        Assert.Empty(item.TakeEntries());
        Assert.Equal(4, item.OutputCount);
        Assert.Equal(new object?[] { 1, 2, 3, null }, item.Kept);
    }

    [Fact]
    public void Taking_part_way_loses_nothing_and_repeats_nothing()
    {
        var item = new WorkItem("input", 0);
        item.Add(new object?[] { 1 });
        item.Warn("w1");
        var first = item.TakeEntries();
        item.Add(new object?[] { 2, 3 });
        item.Report("v");
        var second = item.TakeEntries();

        Assert.Equal(new[] { Out(1), new WorkEntry(WorkEntryKind.Warning, "w1") }, first);
        Assert.Equal(new[] { Out(2), Out(3), new WorkEntry(WorkEntryKind.Verbose, "v") }, second);
    }

    [Fact]
    public void Room_runs_out_at_exactly_MaxWaitingOutputs_unwritten_outputs_and_messages_do_not_count()
    {
        var item = new WorkItem("input", 0);
        for (var i = 0; i < 5000; i++)
        {
            item.Report("line " + i);
            item.Warn("warning " + i);
        }

        item.Add(Range(0, WorkItem.MaxWaitingOutputs - 1));
        Assert.True(item.WaitForRoomAsync(CancellationToken.None).IsCompletedSuccessfully, "One output short of the limit, a worker must not wait.");

        item.Add(Range(WorkItem.MaxWaitingOutputs - 1, 1));
        Assert.False(item.WaitForRoomAsync(CancellationToken.None).IsCompleted, "At the limit, a worker must wait.");
    }

    [Fact]
    public async Task One_take_frees_every_waiting_worker_and_the_count_starts_again()
    {
        var item = new WorkItem("input", 0);
        item.Add(Range(0, 600));
        item.Add(Range(600, 400));

        var waiting = item.WaitForRoomAsync(CancellationToken.None);
        var second = item.WaitForRoomAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted, "A worker must wait while 1,000 outputs are unwritten.");
        Assert.False(second.IsCompleted);

        // Messages and warnings do not release the wait.
        item.Report("still here");
        item.Warn("still here");
        Assert.False(waiting.IsCompleted);
        Assert.False(second.IsCompleted);

        var taken = item.TakeEntries();

        await Task.WhenAll(waiting, second).WaitAsync(Generous);
        Assert.Equal(1002, taken.Count);
        Assert.Equal(Range(0, 1000), taken.Where(entry => entry.Kind == WorkEntryKind.Output).Select(entry => entry.Payload));

        // The count starts again from nothing: room for another 999 without a take.
        item.Add(Range(1000, 999));
        Assert.True(item.WaitForRoomAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_wait_for_room_can_be_cancelled()
    {
        var item = new WorkItem("input", 0);
        item.Add(Range(0, WorkItem.MaxWaitingOutputs));
        using var cancel = new CancellationTokenSource();

        var waiting = item.WaitForRoomAsync(cancel.Token);
        Assert.False(waiting.IsCompleted);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Generous));
    }

    [Fact]
    public async Task A_producer_on_another_thread_waits_each_time_the_limit_is_unwritten_and_loses_nothing()
    {
        const int Batch = 100;
        const int Total = 20_000;
        var item = new WorkItem("input", 0, keepLimit: 10);
        using var producerWaits = new SemaphoreSlim(0);
        var producer = Task.Run(async () =>
        {
            for (var next = 0; next < Total; next += Batch)
            {
                var room = item.WaitForRoomAsync(CancellationToken.None);
                if (!room.IsCompleted)
                {
                    producerWaits.Release();
                }

                await room;
                item.Add(Range(next, Batch));
            }
        });

        // The consumer takes only while the producer waits: each take is exactly the limit, and the
        // producer waits once per full thousand except after its last batch.
        var outputs = new List<object?>();
        for (var pause = 1; pause < Total / WorkItem.MaxWaitingOutputs; pause++)
        {
            Assert.True(await producerWaits.WaitAsync(Generous), "The producer did not wait for room a " + pause + "th time.");
            var taken = item.TakeEntries();
            Assert.Equal(WorkItem.MaxWaitingOutputs, taken.Count);
            outputs.AddRange(taken.Select(entry => entry.Payload));
        }

        await producer.WaitAsync(Generous);
        outputs.AddRange(item.TakeEntries().Select(entry => entry.Payload));
        Assert.Equal(0, producerWaits.CurrentCount);
        Assert.Equal(Range(0, Total), outputs);

        // Past its keep limit the item holds nothing for a repeat, so memory stays flat.
        Assert.Null(item.Kept);
    }

    [Fact]
    public void TakeReady_gives_the_heads_partial_entries_while_it_runs_and_the_rest_once_it_finishes()
    {
        using var runner = new OrderedRunner(4);
        using var firstPageIn = new ManualResetEventSlim(false);
        var secondPage = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var head = runner.NewItem("head");
        var behind = runner.NewItem("behind");

        runner.Start(head, async (item, _) =>
        {
            item.Add(new object?[] { "h1", "h2" });
            firstPageIn.Set();
            await secondPage.Task;
            item.Report("page 2");
            item.Add(new object?[] { "h3" });
        }, CancellationToken.None);
        runner.Start(behind, (item, _) =>
        {
            item.Add(new object?[] { "b1" });
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.True(firstPageIn.Wait(Generous));
        WaitUntilFinished(runner, behind);

        // The head is still running: only its first page comes out, and nothing of the item behind it.
        var partial = runner.TakeReady();
        var (partialItem, partialEntries, partialFinished) = Assert.Single(partial);
        Assert.Same(head, partialItem);
        Assert.False(partialFinished);
        Assert.Equal(new[] { Out("h1"), Out("h2") }, partialEntries);

        // Nothing new has arrived: nothing is handed out, not even the same entries again.
        Assert.Empty(runner.TakeReady());

        secondPage.SetResult(true);
        WaitUntilFinished(runner, head);
        var rest = runner.TakeReady();

        Assert.Equal(2, rest.Count);
        Assert.Same(head, rest[0].Item);
        Assert.True(rest[0].Finished);
        Assert.Equal(new[] { new WorkEntry(WorkEntryKind.Verbose, "page 2"), Out("h3") }, rest[0].Entries);
        Assert.Same(behind, rest[1].Item);
        Assert.True(rest[1].Finished);
        Assert.Equal(new[] { Out("b1") }, rest[1].Entries);
        Assert.Equal(0, runner.Pending);
        Assert.Empty(runner.TakeReady());
    }

    [Theory]
    [InlineData(8, 4, 40, 7)]
    [InlineData(20, 8, 25, 13)]
    [InlineData(3, 1, 100, 3)]
    public void Concurrent_items_adding_pages_stream_out_in_input_order_with_no_entry_lost_or_repeated(int items, int throttle, int pages, int pageSize)
    {
        using var runner = new OrderedRunner(throttle);
        using var stop = new CancellationTokenSource(Generous);
        using var headSeenPartly = new ManualResetEventSlim(false);
        var expected = new List<WorkEntry>();
        var work = new List<WorkItem>();
        for (var i = 0; i < items; i++)
        {
            work.Add(runner.NewItem("input" + i));
            for (var page = 0; page < pages; page++)
            {
                expected.Add(new WorkEntry(WorkEntryKind.Verbose, i + ":page" + page));
                for (var n = 0; n < pageSize; n++)
                {
                    expected.Add(Out(i + ":" + page + ":" + n));
                }
            }

            expected.Add(new WorkEntry(WorkEntryKind.Warning, i + ":done"));
        }

        async Task Produce(WorkItem item, CancellationToken token)
        {
            var index = (int)item.Sequence;
            for (var page = 0; page < pages; page++)
            {
                // The first item holds halfway until the pipeline has taken part of it while it runs.
                if (index == 0 && page == pages / 2)
                {
                    await Task.Run(() => headSeenPartly.Wait(token), token);
                }

                await item.WaitForRoomAsync(token);
                item.Report(index + ":page" + page);
                item.Add(Enumerable.Range(0, pageSize).Select(n => (object?)(index + ":" + page + ":" + n)).ToArray());
                await Task.Yield();
            }

            item.Warn(index + ":done");
        }

        var streamed = new List<WorkEntry>();
        var finishedOrder = new List<WorkItem>();
        var partialTakes = 0;
        var started = 0;
        while (true)
        {
            while (started < items && runner.HasFreeSlot)
            {
                runner.Start(work[started], Produce, stop.Token);
                started++;
            }

            foreach (var (item, entries, finished) in runner.TakeReady())
            {
                Assert.Same(work[finishedOrder.Count], item);
                streamed.AddRange(entries);
                if (finished)
                {
                    Assert.Null(item.Error);
                    finishedOrder.Add(item);
                }
                else
                {
                    partialTakes++;
                    if (item.Sequence == 0 && entries.Count > 0)
                    {
                        headSeenPartly.Set();
                    }
                }
            }

            if (finishedOrder.Count == items)
            {
                break;
            }

            // Every page and every finished item releases this signal, so the loop never waits on a clock.
            Assert.True(runner.WaitForCompletion(Generous, CancellationToken.None), "The run stalled with " + finishedOrder.Count + " of " + items + " items out.");
        }

        Assert.Equal(work, finishedOrder);
        Assert.Equal(expected.Count, streamed.Count);
        Assert.Equal(expected, streamed);
        Assert.True(partialTakes > 0, "The head's entries never came out while it ran.");
        Assert.Equal(0, runner.Pending);
    }
}
