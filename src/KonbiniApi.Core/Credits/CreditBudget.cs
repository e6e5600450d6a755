using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Errors;
using KonbiniApi.Http;

namespace KonbiniApi.Credits;

/// <summary>
/// -MaxCredits for one call. Every request takes room for what it may cost before it is sent and gives it
/// back when its answer is recorded, so requests in flight count as possible charges and the call never
/// goes over, however many pages or inputs run at once.
/// </summary>
public sealed class CreditBudget
{
    private readonly object gate = new();
    private readonly List<TaskCompletionSource<bool>> waiting = new();
    private readonly CallCredits spent;
    private long inFlight;

    /// <summary>Creates a budget over what <paramref name="spent"/> records.</summary>
    public CreditBudget(long maxCredits, CallCredits spent)
    {
        MaxCredits = maxCredits;
        this.spent = spent ?? throw new ArgumentNullException(nameof(spent));
    }

    /// <summary>The most credits the call may be charged.</summary>
    public long MaxCredits { get; }

    /// <summary>Credits held by requests in flight.</summary>
    public long InFlight
    {
        get
        {
            lock (gate)
            {
                return inFlight;
            }
        }
    }

    /// <summary>Credits a new request may still take now, beyond what is charged and in flight (never below 0).</summary>
    public long Room
    {
        get
        {
            lock (gate)
            {
                return Math.Max(0, MaxCredits - spent.PossiblyCharged - inFlight);
            }
        }
    }

    /// <summary>Whether one more credit's request may start now.</summary>
    public bool HasRoom(long cost = 1)
    {
        lock (gate)
        {
            return spent.PossiblyCharged + inFlight + cost <= MaxCredits;
        }
    }

    /// <summary>
    /// Takes room for a request that may cost <paramref name="cost"/>. While others are in flight (and may
    /// yet be refunded) it waits for them; when nothing is in flight and there is still no room, it
    /// throws CreditLimitReached.
    /// </summary>
    /// <exception cref="KonbiniApiException">The limit is reached.</exception>
    public async Task EnterAsync(long cost, CancellationToken cancellationToken)
    {
        while (true)
        {
            TaskCompletionSource<bool> signal;
            lock (gate)
            {
                if (spent.PossiblyCharged + inFlight + cost <= MaxCredits)
                {
                    inFlight += cost;
                    return;
                }

                if (inFlight == 0)
                {
                    throw LimitReached();
                }

                signal = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                waiting.Add(signal);
            }

            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), signal))
            {
                await signal.Task.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Gives back the room a request took, once its charge (or refund) is recorded.</summary>
    public void Exit(long cost)
    {
        TaskCompletionSource<bool>[] wake;
        lock (gate)
        {
            inFlight -= cost;
            wake = waiting.ToArray();
            waiting.Clear();
        }

        foreach (var signal in wake)
        {
            signal.TrySetResult(true);
        }
    }

    /// <summary>The failure that stops the call.</summary>
    public KonbiniApiException LimitReached() => new(
        ApiErrorKind.CreditLimitReached,
        "This call has been charged " + spent.Charged.ToString("N0", CultureInfo.InvariantCulture) +
        " of the " + MaxCredits.ToString("N0", CultureInfo.InvariantCulture) + " credits -MaxCredits allows" +
        (spent.Unreported > 0
            ? ", and " + spent.Unreported.ToString("N0", CultureInfo.InvariantCulture) + " attempts that ended without a credit report count as possible charges"
            : string.Empty) +
        "; the next request could exceed it.");
}
