using KonbiniApi.Tests.Support;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Concurrency;
using Xunit;

namespace KonbiniApi.Tests;

public class OrderedRunnerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    /// <summary>Takes finished heads until <paramref name="count"/> items came out (or a generous deadline passes).</summary>
    private static List<WorkItem> TakeAll(OrderedRunner runner, int count)
    {
        var taken = new List<WorkItem>();
        var deadline = DateTime.UtcNow + Generous;
        while (taken.Count < count && DateTime.UtcNow < deadline)
        {
            taken.AddRange(runner.TakeFinishedHead());
            if (taken.Count < count)
            {
                runner.WaitForCompletion(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            }
        }

        return taken;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Throttle_must_be_at_least_one(int throttle)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderedRunner(throttle));
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(16, 64)]
    [InlineData(32, 128)]
    public void Window_is_four_times_the_throttle_but_at_least_64(int throttle, int window)
    {
        using var runner = new OrderedRunner(throttle);
        Assert.Equal(throttle, runner.Throttle);
        Assert.Equal(window, runner.Window);
    }

    [Fact]
    public void Results_come_out_in_input_order_though_finished_in_reverse()
    {
        using var runner = new OrderedRunner(5);
        var gates = Enumerable.Range(0, 5).Select(_ => new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        for (var i = 0; i < 5; i++)
        {
            var item = runner.NewItem("input" + i);
            var gate = gates[i];
            runner.StartLookup(item, (_, _) => gate.Task, CancellationToken.None);
        }

        Assert.False(runner.HasFreeSlot);
        for (var i = 4; i >= 1; i--)
        {
            gates[i].SetResult("result" + i);
        }

        // Everything but the head is done: nothing may come out yet.
        SpinWait.SpinUntil(() => runner.Running == 1, Generous);
        Assert.Empty(runner.TakeFinishedHead());
        Assert.False(runner.HeadIsFinished);

        gates[0].SetResult("result0");
        var taken = TakeAll(runner, 5);

        Assert.Equal("input0 input1 input2 input3 input4", string.Join(" ", taken.Select(t => (string)t.Input!)));
        Assert.Equal("result0 result1 result2 result3 result4", string.Join(" ", taken.Select(t => (string)t.Result()!)));
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, taken.Select(t => t.Sequence));
        Assert.All(taken, t => Assert.True(t.Started));
        Assert.Equal(0, runner.Pending);
    }

    [Fact]
    public void Never_more_than_Throttle_run_at_once_and_order_survives_random_finishing()
    {
        const int Throttle = 4;
        const int Inputs = 200;
        using var runner = new OrderedRunner(Throttle);
        var random = new Random(20260301);
        var delays = Enumerable.Range(0, Inputs).Select(_ => random.Next(0, 4)).ToArray();
        var inFlight = 0;
        var most = 0;
        var output = new List<WorkItem>();

        for (var i = 0; i < Inputs; i++)
        {
            while (!runner.HasFreeSlot)
            {
                output.AddRange(runner.TakeFinishedHead());
                if (!runner.HasFreeSlot)
                {
                    Assert.True(runner.WaitForCompletion(Generous, CancellationToken.None), "no completion within the generous bound");
                }
            }

            var delay = delays[i];
            runner.StartLookup(
                runner.NewItem(i),
                async (item, token) =>
                {
                    var now = Interlocked.Increment(ref inFlight);
                    InterlockedMax(ref most, now);
                    try
                    {
                        await Task.Delay(delay, token);
                        return (int)item.Input! * 10;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                    }
                },
                CancellationToken.None);
            Assert.True(runner.Running <= Throttle);
            output.AddRange(runner.TakeFinishedHead());
        }

        output.AddRange(TakeAll(runner, Inputs - output.Count));

        Assert.Equal(Enumerable.Range(0, Inputs), output.Select(o => (int)o.Input!));
        Assert.Equal(Enumerable.Range(0, Inputs).Select(i => i * 10), output.Select(o => (int)o.Result()!));
        Assert.InRange(Volatile.Read(ref most), 1, Throttle);
        Assert.True(runner.WaitForAllRunning(Generous));
        Assert.Equal(0, runner.Running);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Fact]
    public void HasFreeSlot_is_false_while_the_window_is_full()
    {
        using var runner = new OrderedRunner(1);
        for (var i = 0; i < runner.Window - 1; i++)
        {
            runner.AddCompletedResult(runner.NewItem(i), i, null);
        }

        Assert.True(runner.HasFreeSlot);
        runner.AddCompletedResult(runner.NewItem("last"), null, null);
        Assert.False(runner.HasFreeSlot);
        Assert.Equal(runner.Window, runner.Pending);

        var first = runner.TakeFinishedHead().First();
        Assert.Equal(0, first.Input);
        Assert.True(runner.HasFreeSlot);
    }

    [Fact]
    public void HasFreeSlot_is_false_while_Throttle_requests_run()
    {
        using var runner = new OrderedRunner(2);
        var gate = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.StartLookup(runner.NewItem(0), (_, _) => gate.Task, CancellationToken.None);
        Assert.True(runner.HasFreeSlot);
        runner.StartLookup(runner.NewItem(1), (_, _) => gate.Task, CancellationToken.None);
        Assert.False(runner.HasFreeSlot);
        Assert.Equal(2, runner.Running);

        gate.SetResult(null);
        Assert.True(runner.WaitForAllRunning(Generous));
        Assert.True(runner.HasFreeSlot);
    }

    [Fact]
    public void The_in_flight_limit_starts_small_and_widens_as_outcomes_are_taken()
    {
        using var runner = new OrderedRunner(16);
        Assert.Equal(OrderedRunner.InitialInFlight, runner.InFlightLimit);
        var gate = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < OrderedRunner.InitialInFlight; i++)
        {
            Assert.True(runner.HasFreeSlot);
            runner.StartLookup(runner.NewItem(i), (_, _) => gate.Task, CancellationToken.None);
        }

        Assert.False(runner.HasFreeSlot);
        gate.SetResult(null);
        Assert.True(runner.WaitForAllRunning(Generous));
        Assert.Equal(OrderedRunner.InitialInFlight, runner.InFlightLimit);
        Assert.Equal(OrderedRunner.InitialInFlight, runner.TakeFinishedHead().Count());
        Assert.Equal(OrderedRunner.InitialInFlight * 3, runner.InFlightLimit);

        var more = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 8; i++)
        {
            runner.StartLookup(runner.NewItem(i), (_, _) => more.Task, CancellationToken.None);
        }

        more.SetResult(null);
        Assert.True(runner.WaitForAllRunning(Generous));
        Assert.Equal(8, runner.TakeFinishedHead().Count());
        Assert.Equal(16, runner.InFlightLimit);
    }

    [Fact]
    public void Answers_behind_a_slow_head_of_the_line_do_not_widen_the_window()
    {
        // The first lookup is slow and the three after it answer: until the head is taken, nothing more may
        // start, so a stop after three objects has paid for at most eight lookups.
        using var runner = new OrderedRunner(32);
        var slow = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.StartLookup(runner.NewItem(0), (_, _) => slow.Task, CancellationToken.None);
        for (var i = 1; i < OrderedRunner.InitialInFlight; i++)
        {
            runner.StartLookup(runner.NewItem(i), (_, _) => Task.FromResult<object?>(i), CancellationToken.None);
        }

        Assert.True(SpinWait.SpinUntil(() => runner.Running == 1, Generous));
        Assert.Empty(runner.TakeReady());
        Assert.False(runner.HasFreeSlot);
        slow.SetResult(null);
        Assert.True(runner.WaitForAllRunning(Generous));
        Assert.Equal(OrderedRunner.InitialInFlight, runner.TakeReady().Count);
        Assert.True(runner.HasFreeSlot);
        Assert.Equal(OrderedRunner.InitialInFlight * 3, runner.InFlightLimit);
    }

    [Fact]
    public void Completed_and_repeat_items_interleave_in_input_order()
    {
        using var runner = new OrderedRunner(4);
        var gate = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var original = runner.NewItem("alice");
        runner.StartLookup(original, (_, _) => gate.Task, CancellationToken.None);
        var refused = runner.NewItem("bad/name");
        var refusal = new InvalidOperationException("refused");
        runner.AddCompletedResult(refused, null, refusal);
        var repeat = runner.NewItem("@alice");
        runner.AddRepeat(repeat, original);
        var other = runner.NewItem("bob");
        runner.StartLookup(other, (_, _) => Task.FromResult<object?>("user bob"), CancellationToken.None);

        SpinWait.SpinUntil(() => other.IsCompleted, Generous);
        Assert.Empty(runner.TakeFinishedHead());

        gate.SetResult("user alice");
        var taken = TakeAll(runner, 4);

        Assert.Equal(new object[] { "alice", "bad/name", "@alice", "bob" }, taken.Select(t => t.Input!));
        Assert.Equal("user alice", taken[0].Result());
        Assert.Same(refusal, taken[1].Error);
        Assert.False(taken[1].Started);
        Assert.Same(original, taken[2].SameAs);
        Assert.False(taken[2].IsCompleted);
        Assert.Equal("user bob", taken[3].Result());
    }

    [Fact]
    public void A_repeat_waits_for_its_original()
    {
        using var runner = new OrderedRunner(2);
        var gate = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var original = runner.NewItem("a");
        runner.StartLookup(original, (_, _) => gate.Task, CancellationToken.None);
        var repeat = runner.NewItem("a again");
        runner.AddRepeat(repeat, original);
        Assert.False(runner.HeadIsFinished);
        gate.SetResult("done");
        var taken = TakeAll(runner, 2);
        Assert.Equal(2, taken.Count);
        Assert.Same(original, taken[1].SameAs);
    }

    [Fact]
    public void A_throwing_work_item_completes_with_its_error()
    {
        using var runner = new OrderedRunner(3);
        var boom = new InvalidOperationException("boom");
        runner.StartLookup(runner.NewItem("async throw"), async (_, _) =>
        {
            await Task.Yield();
            throw boom;
        }, CancellationToken.None);
        runner.StartLookup(runner.NewItem("sync throw"), (_, _) => throw new FormatException("sync"), CancellationToken.None);
        runner.StartLookup(runner.NewItem("ok"), (_, _) => Task.FromResult<object?>(1), CancellationToken.None);

        var taken = TakeAll(runner, 3);

        Assert.Equal(3, taken.Count);
        Assert.Same(boom, taken[0].Error);
        Assert.Null(taken[0].Result());
        Assert.IsType<FormatException>(taken[1].Error);
        Assert.Null(taken[2].Error);
        Assert.Equal(1, taken[2].Result());
        Assert.Equal(0, runner.Running);
    }

    [Fact]
    public void Start_refuses_no_work()
    {
        using var runner = new OrderedRunner(1);
        Assert.Throws<ArgumentNullException>(() => runner.StartLookup(runner.NewItem(0), null!, CancellationToken.None));
        Assert.Equal(0, runner.Running);
        Assert.Equal(0, runner.Pending);
    }

    [Fact]
    public async Task The_cancellation_token_reaches_the_work()
    {
        using var runner = new OrderedRunner(2);
        using var cancel = new CancellationTokenSource();
        var seen = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.StartLookup(runner.NewItem("x"), async (_, token) =>
        {
            seen.SetResult(token);
            await Task.Delay(Timeout.Infinite, token);
            return null;
        }, cancel.Token);

        Assert.Equal(cancel.Token, await seen.Task.WaitAsync(Generous));
        cancel.Cancel();

        var item = Assert.Single(TakeAll(runner, 1));
        Assert.IsAssignableFrom<OperationCanceledException>(item.Error);
        Assert.Equal(0, runner.Running);
    }

    [Fact]
    public void Work_started_with_an_already_cancelled_token_still_completes()
    {
        using var runner = new OrderedRunner(1);
        runner.StartLookup(runner.NewItem("x"), (_, token) =>
        {
            token.ThrowIfCancellationRequested();
            return Task.FromResult<object?>("ran");
        }, new CancellationToken(canceled: true));

        var item = Assert.Single(TakeAll(runner, 1));
        Assert.IsAssignableFrom<OperationCanceledException>(item.Error);
    }

    [Fact]
    public void WaitForAllRunning_returns_when_everything_started_has_finished()
    {
        using var runner = new OrderedRunner(3);
        var finished = 0;
        for (var i = 0; i < 3; i++)
        {
            runner.StartLookup(runner.NewItem(i), async (_, _) =>
            {
                await Task.Delay(30, CancellationToken.None);
                Interlocked.Increment(ref finished);
                return null;
            }, CancellationToken.None);
        }

        Assert.True(runner.WaitForAllRunning(Generous));
        Assert.Equal(3, Volatile.Read(ref finished));
        Assert.Equal(0, runner.Running);
        Assert.Equal(3, runner.DrainAll().Count);
        Assert.Equal(0, runner.Pending);
    }

    [Fact]
    public void WaitForAllRunning_gives_up_at_its_timeout()
    {
        using var runner = new OrderedRunner(1);
        var gate = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.StartLookup(runner.NewItem(0), (_, _) => gate.Task, CancellationToken.None);

        Assert.False(runner.WaitForAllRunning(TimeSpan.FromMilliseconds(50)));
        Assert.Equal(1, runner.Running);

        gate.SetResult(null);
        Assert.True(runner.WaitForAllRunning(Generous));
    }

    [Fact]
    public void WaitForAllRunning_with_nothing_running_returns_at_once()
    {
        using var runner = new OrderedRunner(1);
        Assert.True(runner.WaitForAllRunning(TimeSpan.Zero));
    }

    [Fact]
    public void WaitForCompletion_times_out_and_honours_cancellation()
    {
        using var runner = new OrderedRunner(1);
        Assert.False(runner.WaitForCompletion(TimeSpan.FromMilliseconds(10), CancellationToken.None));
        Assert.Throws<OperationCanceledException>(() => runner.WaitForCompletion(Generous, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void DrainAll_returns_unfinished_items_in_order()
    {
        using var runner = new OrderedRunner(2);
        var gate = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        runner.StartLookup(runner.NewItem("a"), (_, _) => gate.Task, CancellationToken.None);
        runner.AddCompletedResult(runner.NewItem("b"), "B", null);

        var rest = runner.DrainAll();

        Assert.Equal(new object[] { "a", "b" }, rest.Select(r => r.Input!));
        Assert.Equal(0, runner.Pending);
        gate.SetResult(null);
        Assert.True(runner.WaitForAllRunning(Generous));
    }

    [Fact]
    public void Work_items_keep_their_messages_in_order_until_taken()
    {
        var item = new WorkItem("x", 0);
        Parallel.For(0, 100, i => item.Report("line " + i));
        item.Report("last");

        var lines = item.TakeMessages();
        Assert.Equal(101, lines.Count);
        Assert.Equal("last", lines[^1]);
        Assert.Empty(item.TakeMessages());
    }
}
