using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Credits;
using KonbiniApi.Http;
using Xunit;

namespace KonbiniApi.Tests;

public class CreditLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_ledger_knows_nothing()
    {
        var snapshot = new CreditLedger().Snapshot();

        Assert.False(snapshot.IsKnown);
        Assert.Null(snapshot.Remaining);
        Assert.Null(snapshot.LastSeen);
        Assert.Equal(0, snapshot.Charged);
        Assert.Equal(0, snapshot.Refunded);
        Assert.Equal(0, snapshot.Requests);
        Assert.StartsWith("Balance unknown", snapshot.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Charged_refunded_and_requests_are_counted()
    {
        var ledger = new CreditLedger();
        ledger.Record(1, 100, T0);
        ledger.Record(1, 99, T0.AddMilliseconds(10));
        ledger.Record(0, 99, T0.AddMilliseconds(20));
        ledger.Record(null, null, T0.AddMilliseconds(30));
        ledger.Record(3, 96, T0.AddMilliseconds(40));

        var snapshot = ledger.Snapshot();
        Assert.Equal(5, snapshot.Charged);
        Assert.Equal(1, snapshot.Refunded);
        Assert.Equal(5, snapshot.Requests);
        Assert.Equal(96, snapshot.Remaining);
        Assert.Equal(96, ledger.LastRemaining);
        Assert.True(snapshot.IsKnown);
        Assert.Equal(T0.AddMilliseconds(40).LocalDateTime, snapshot.LastSeen);
        Assert.Equal("96 credits remaining", snapshot.ToString());
    }

    [Fact]
    public void A_response_without_headers_keeps_the_known_balance()
    {
        var ledger = new CreditLedger();
        ledger.Record(1, 50, T0);
        ledger.Record(null, null, T0.AddSeconds(30));

        Assert.Equal(50, ledger.LastRemaining);
        Assert.Equal(T0.LocalDateTime, ledger.Snapshot().LastSeen);
    }

    [Fact]
    public void The_newest_answer_wins_even_when_a_refund_raises_the_balance()
    {
        var ledger = new CreditLedger();
        ledger.Record(1, 995, T0);
        // A refunded request gives back the credit it held while it ran.
        ledger.Record(0, 996, T0.AddMilliseconds(5));
        Assert.Equal(996, ledger.LastRemaining);

        ledger.Record(1, 995, T0.AddMilliseconds(9));
        Assert.Equal(995, ledger.LastRemaining);
    }

    [Fact]
    public void A_higher_balance_after_a_top_up_replaces_the_old_one()
    {
        var ledger = new CreditLedger();
        ledger.Record(1, 3, T0);
        ledger.Record(1, 5_000, T0.AddSeconds(1));
        Assert.Equal(5_000, ledger.LastRemaining);
    }

    [Fact]
    public void Overlapping_answers_in_any_order_give_the_anchor_minus_the_charges_since()
    {
        var ledger = new CreditLedger();
        var alone = ledger.BeginRequest();
        ledger.Record(alone, 1, 1_000, T0);
        Assert.Equal(1_000, ledger.LastRemaining);

        var first = ledger.BeginRequest();
        var second = ledger.BeginRequest();
        // The service wrote the second answer after both charges, the first before the second's
        // reservation; the first arrives last.
        ledger.Record(second, 1, 998, T0.AddMilliseconds(10));
        ledger.Record(first, 1, 999, T0.AddMilliseconds(11));

        Assert.Equal(998, ledger.LastRemaining);
    }

    [Fact]
    public void A_refund_among_overlapping_answers_does_not_lower_the_balance()
    {
        var ledger = new CreditLedger();
        ledger.Record(ledger.BeginRequest(), 1, 1_000, T0);
        var charged = ledger.BeginRequest();
        var refunded = ledger.BeginRequest();
        // Written while the refunded request still held its reservation.
        ledger.Record(charged, 1, 998, T0.AddMilliseconds(10));
        ledger.Record(refunded, 0, 999, T0.AddMilliseconds(11));

        Assert.Equal(999, ledger.LastRemaining);
    }

    [Fact]
    public void Before_any_request_ran_alone_the_lowest_figure_is_shown()
    {
        var ledger = new CreditLedger();
        var first = ledger.BeginRequest();
        var second = ledger.BeginRequest();
        ledger.Record(second, 1, 98, T0);
        ledger.Record(first, 1, 99, T0.AddMilliseconds(1));

        Assert.Equal(98, ledger.LastRemaining);
    }

    [Fact]
    public void A_cancelled_request_does_not_make_later_ones_look_overlapped()
    {
        var ledger = new CreditLedger();
        ledger.EndRequest(ledger.BeginRequest());
        ledger.Record(ledger.BeginRequest(), 1, 500, T0);
        var next = ledger.BeginRequest();
        ledger.Record(next, 1, 7_000, T0.AddSeconds(1));

        // Each ran alone, so each answer is exact: a top-up shows at once.
        Assert.Equal(7_000, ledger.LastRemaining);
    }

    [Fact]
    public void A_top_up_seen_while_requests_overlap_replaces_the_estimate()
    {
        var ledger = new CreditLedger();
        ledger.Record(ledger.BeginRequest(), 1, 10, T0);
        var first = ledger.BeginRequest();
        var second = ledger.BeginRequest();
        ledger.Record(first, 1, 5_009, T0.AddSeconds(1));
        Assert.Equal(5_009, ledger.LastRemaining);
        ledger.Record(second, 1, 5_008, T0.AddSeconds(2));
        Assert.Equal(5_008, ledger.LastRemaining);
    }

    [Fact]
    public void Reset_forgets_everything()
    {
        var ledger = new CreditLedger();
        ledger.Record(1, 10, T0);
        ledger.Reset();

        var snapshot = ledger.Snapshot();
        Assert.Null(snapshot.Remaining);
        Assert.Equal(0, snapshot.Charged + snapshot.Refunded + snapshot.Requests);
        ledger.Record(1, 500, T0.AddMilliseconds(1));
        Assert.Equal(500, ledger.LastRemaining);
    }

    [Fact]
    public async Task Concurrent_records_total_exactly()
    {
        const int Threads = 8;
        const int PerThread = 5_000;
        var ledger = new CreditLedger();
        var credits = new CallCredits();
        var now = DateTimeOffset.UtcNow;
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < PerThread; i++)
                {
                    var used = i % 4 == 0 ? 0 : 1;
                    ledger.Record(used, 1_000_000 - ((t * PerThread) + i), now);
                    credits.Record(used);
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));

        var snapshot = ledger.Snapshot();
        Assert.Equal(Threads * PerThread, snapshot.Requests);
        Assert.Equal(Threads * PerThread / 4, snapshot.Refunded);
        Assert.Equal(Threads * PerThread * 3 / 4, snapshot.Charged);
        // The newest answer wins: whichever thread recorded last, its last figure is the balance.
        var lastFigures = Enumerable.Range(0, Threads).Select(t => (long?)(1_000_000 - ((t * PerThread) + PerThread - 1)));
        Assert.Contains(snapshot.Remaining, lastFigures);
        Assert.Equal(Threads * PerThread * 3 / 4, credits.Charged);
        Assert.Equal(Threads * PerThread / 4, credits.Refunded);
    }

    [Fact]
    public void CallCredits_counts_charges_by_amount_and_refunds_by_response()
    {
        var credits = new CallCredits();
        credits.Record(1);
        credits.Record(2);
        credits.Record(0);
        credits.Record(0);

        Assert.Equal(3, credits.Charged);
        Assert.Equal(2, credits.Refunded);
    }
}
