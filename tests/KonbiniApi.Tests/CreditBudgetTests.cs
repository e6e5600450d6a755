using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Credits;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>
/// -MaxCredits beyond what EngineTests checks (fifty all-charged requests at once, one refund freeing one
/// waiter, the budget stopping a list): refunds under load, several waiters, cancelled waiters, attempts
/// without a credit report, and the budget as the client applies it.
/// </summary>
public sealed class CreditBudgetTests : IDisposable
{
    private const string UserPath = "/v1/tiktok/users/midnight.onigiri";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);
    private readonly List<IDisposable> disposables = new();

    public void Dispose()
    {
        foreach (var item in disposables)
        {
            item.Dispose();
        }
    }

    private KonbiniClient Client(FakeHandler handler)
    {
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        disposables.Add(http);
        var options = new KonbiniClientOptions
        {
            BaseUri = new Uri("https://api.example.test"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(2),
            MaxRetries = 3,
            Timeout = TimeSpan.FromSeconds(10),
        };
        return new KonbiniClient(options, ApiKey.FromPlainText("knbn_budget_tests"), new CreditLedger(), http);
    }

    /// <summary>
    /// Many workers take room, are charged (or refunded) and give it back, all at once. Returns how many
    /// were refused, and the most that was ever charged or held at once (counted by the test itself:
    /// requests let in and not yet answered, plus what answers were charged).
    /// </summary>
    private static async Task<(int Refused, long Peak)> Storm(CreditBudget budget, CallCredits spent, int workers, Func<int, int> chargeOf)
    {
        var start = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = new object();
        long outstanding = 0;
        long charged = 0;
        long peak = 0;
        var refused = 0;
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await budget.EnterAsync(1, CancellationToken.None);
            }
            catch (KonbiniApiException limit) when (limit.Kind == ApiErrorKind.CreditLimitReached)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            lock (count)
            {
                outstanding++;
                peak = Math.Max(peak, outstanding + charged);
            }

            // The answer comes back later, and is recorded before the room is given back, as the client does.
            await Task.Yield();
            var charge = chargeOf(worker);
            lock (count)
            {
                outstanding--;
                charged += charge;
            }

            spent.Record(charge);
            budget.Exit(1);
        })).ToArray();

        start.SetResult(true);
        await Task.WhenAll(tasks).WaitAsync(Generous);
        return (refused, peak);
    }

    [Theory]
    [InlineData(50, 10, 2)]
    [InlineData(200, 25, 3)]
    [InlineData(64, 1, 4)]
    public async Task With_refunds_among_many_requests_at_once_the_limit_is_reached_exactly_and_never_passed(int workers, long max, int everyNthRefunded)
    {
        var spent = new CallCredits();
        var budget = new CreditBudget(max, spent);

        var (refused, peak) = await Storm(budget, spent, workers, worker => worker % everyNthRefunded == 0 ? 0 : 1);

        // More workers would be charged than the limit allows, so some must be refused; a refusal is only
        // right once the limit is charged in full (refunded room was given back, not lost).
        Assert.True(refused > 0, "Nobody was refused.");
        Assert.Equal(max, spent.Charged);
        Assert.True(peak <= max, "At one point " + peak + " credits were charged or held.");
        Assert.Equal(0, budget.InFlight);
    }

    [Fact]
    public async Task A_waiter_fails_when_the_request_in_flight_is_charged_the_last_credit()
    {
        var spent = new CallCredits();
        var budget = new CreditBudget(1, spent);
        await budget.EnterAsync(1, CancellationToken.None);

        var second = budget.EnterAsync(1, CancellationToken.None);
        Assert.False(second.IsCompleted);

        spent.Record(1);
        budget.Exit(1);

        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() => second.WaitAsync(Generous));
        Assert.Equal(ApiErrorKind.CreditLimitReached, failure.Kind);
        Assert.Equal(0, budget.InFlight);
    }

    [Fact]
    public async Task One_refund_lets_exactly_one_of_several_waiters_in_and_the_rest_are_refused_once_the_limit_is_charged()
    {
        var spent = new CallCredits();
        var budget = new CreditBudget(2, spent);
        await budget.EnterAsync(1, CancellationToken.None);
        await budget.EnterAsync(1, CancellationToken.None);
        var waiters = Enumerable.Range(0, 3).Select(_ => Outcome(budget.EnterAsync(1, CancellationToken.None))).ToArray();
        Assert.All(waiters, waiter => Assert.False(waiter.IsCompleted));

        // The first request is refunded: one waiter takes its room.
        spent.Record(0);
        budget.Exit(1);
        Assert.True(await (await Task.WhenAny(waiters).WaitAsync(Generous)));
        Assert.Equal(2, budget.InFlight);

        // The second request and the one let in are charged: the limit is reached and the other two are refused.
        spent.Record(1);
        budget.Exit(1);
        spent.Record(1);
        budget.Exit(1);
        var outcomes = await Task.WhenAll(waiters).WaitAsync(Generous);

        Assert.Equal(1, outcomes.Count(entered => entered));
        Assert.Equal(2, outcomes.Count(entered => !entered));
        Assert.Equal(2, spent.Charged);
        Assert.Equal(0, budget.InFlight);
    }

    [Fact]
    public async Task A_waiter_can_be_cancelled_and_takes_no_room()
    {
        var spent = new CallCredits();
        var budget = new CreditBudget(1, spent);
        await budget.EnterAsync(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiter = budget.EnterAsync(1, cancel.Token);
        Assert.False(waiter.IsCompleted);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter.WaitAsync(Generous));
        Assert.Equal(1, budget.InFlight);

        spent.Record(0);
        budget.Exit(1);
        Assert.Equal(0, budget.InFlight);
        Assert.True(budget.HasRoom());
    }

    [Fact]
    public async Task Attempts_without_a_credit_report_count_against_the_limit_and_are_named_when_it_is_reached()
    {
        var spent = new CallCredits();
        var budget = new CreditBudget(2, spent);
        spent.RecordUnreported();
        Assert.True(budget.HasRoom());
        await budget.EnterAsync(1, CancellationToken.None);
        spent.Record(1);
        budget.Exit(1);

        Assert.False(budget.HasRoom());
        var failure = await Assert.ThrowsAsync<KonbiniApiException>(() => budget.EnterAsync(1, CancellationToken.None));
        Assert.Equal(ApiErrorKind.CreditLimitReached, failure.Kind);
        Assert.Contains("charged 1 of the 2 credits", failure.Message, StringComparison.Ordinal);
        Assert.Contains("1 attempts that ended without a credit report", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, 0L, 1L, false)]
    [InlineData(5L, 4L, 1L, true)]
    [InlineData(5L, 4L, 2L, false)]
    [InlineData(5L, 5L, 1L, false)]
    [InlineData(100L, 0L, 100L, true)]
    public void HasRoom_is_whether_what_was_charged_plus_the_cost_stays_within_the_limit(long max, long charged, long cost, bool expected)
    {
        var spent = new CallCredits();
        for (var i = 0; i < charged; i++)
        {
            spent.Record(1);
        }

        Assert.Equal(expected, new CreditBudget(max, spent).HasRoom(cost));
    }

    [Fact]
    public async Task Through_the_client_refunded_retries_do_not_use_up_the_limit()
    {
        var handler = FakeHandler.Sequence(
            () => Responses.Error(HttpStatusCode.ServiceUnavailable, "service_unavailable", "Down for a moment.", used: 0),
            () => Responses.Error(HttpStatusCode.ServiceUnavailable, "service_unavailable", "Down for a moment.", used: 0),
            () => Responses.User(used: 1));
        var client = Client(handler);
        client.LimitTo(1);

        using (var answer = await client.GetAsync(UserPath, null, CancellationToken.None))
        {
            Assert.Equal(3, answer.Attempts);
        }

        Assert.Equal(3, handler.Calls);
        Assert.Equal(1, client.CallCredits.Charged);
        await Assert.ThrowsAsync<KonbiniApiException>(() => client.GetAsync(UserPath, null, CancellationToken.None));
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Through_the_client_requests_at_the_service_hold_their_room_so_no_more_than_the_limit_are_sent()
    {
        var atService = 0;
        var fiveAtService = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeHandler(async (_, _, token) =>
        {
            if (Interlocked.Increment(ref atService) == 5)
            {
                fiveAtService.SetResult(true);
            }

            await answer.Task.WaitAsync(token);
            return Responses.User(used: 1);
        });
        var client = Client(handler);
        client.LimitTo(5);

        var attempts = Enumerable.Range(0, 20).Select(_ => Task.Run(() => Outcome(client.GetAsync(UserPath, null, CancellationToken.None)))).ToArray();

        // Five are at the service and unanswered: their room is held, so the other fifteen wait (none is sent or refused).
        await fiveAtService.Task.WaitAsync(Generous);
        Assert.Equal(5, client.Budget!.InFlight);
        Assert.False(client.Budget.HasRoom());
        Assert.DoesNotContain(attempts, attempt => attempt.IsCompleted);

        answer.SetResult(true);
        var outcomes = await Task.WhenAll(attempts).WaitAsync(Generous);

        Assert.Equal(5, outcomes.Count(sent => sent));
        Assert.Equal(5, handler.Calls);
        Assert.Equal(5, client.CallCredits.Charged);
        Assert.Equal(0, client.Budget.InFlight);
    }

    /// <summary>True when the budget let the request in, false when the limit refused it.</summary>
    private static async Task<bool> Outcome(Task entry)
    {
        try
        {
            await entry;
            return true;
        }
        catch (KonbiniApiException limit) when (limit.Kind == ApiErrorKind.CreditLimitReached)
        {
            return false;
        }
    }

    /// <summary>True when the request was sent and answered, false when the limit refused it.</summary>
    private static async Task<bool> Outcome(Task<ApiResponse> request)
    {
        try
        {
            using var answer = await request;
            return true;
        }
        catch (KonbiniApiException limit) when (limit.Kind == ApiErrorKind.CreditLimitReached)
        {
            return false;
        }
    }
}
