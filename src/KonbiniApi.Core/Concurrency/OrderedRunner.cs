using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace KonbiniApi.Concurrency;

/// <summary>
/// Runs many requests at once and hands their outcomes back in input order, as soon as the head of
/// the line is done. Exactly one thread (the PowerShell pipeline thread) adds items and takes
/// results; workers only complete items and signal. Nothing here writes to PowerShell.
/// </summary>
/// <remarks>
/// Memory stays bounded however long the input: at most <see cref="Window"/> items wait between the
/// first unfinished one and the newest, so a slow head of line pauses new starts instead of letting
/// finished results pile up.
/// </remarks>
public sealed class OrderedRunner : IDisposable
{
    private readonly Queue<WorkItem> line = new();
    private readonly SemaphoreSlim completions = new(0);
    /// <summary>Requests allowed in flight before any has answered.</summary>
    public const int InitialInFlight = 4;

    private int running;
    private long delivered;
    private long started;
    private long nextSequence;

    /// <summary>Creates a queue that runs at most <paramref name="throttle"/> requests at once.</summary>
    public OrderedRunner(int throttle)
        : this(throttle, rampUp: true)
    {
    }

    /// <summary>
    /// Creates a queue; without <paramref name="rampUp"/> the full throttle is used from the first request
    /// (for a cmdlet last in its pipeline, which nothing downstream can stop early).
    /// </summary>
    public OrderedRunner(int throttle, bool rampUp)
    {
        if (throttle < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(throttle), "The throttle must be at least 1.");
        }

        Throttle = throttle;
        RampsUp = rampUp;
        Window = Math.Max(throttle * 4, 64);
    }

    /// <summary>
    /// Makes room in the line for items that wait in groups of up to <paramref name="batchSize"/> for one
    /// request each (<see cref="Enqueue"/>, <see cref="StartBatch"/>): a full group per request in flight, and
    /// one more filling up.
    /// </summary>
    public void AllowBatches(int batchSize)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), "A batch holds at least one item.");
        }

        Window = Math.Max(Window, batchSize * (Throttle + 1));
    }

    /// <summary>Whether the number in flight starts small and widens as answers come (see <see cref="InFlightLimit"/>).</summary>
    public bool RampsUp { get; }

    /// <summary>Most requests in flight at once.</summary>
    public int Throttle { get; }

    /// <summary>Most items held between the head of the line and the newest.</summary>
    public int Window { get; private set; }

    /// <summary>Requests in flight now.</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>Items not yet taken by the pipeline thread.</summary>
    public int Pending => line.Count;

    /// <summary>
    /// How many requests may be in flight now: <see cref="InitialInFlight"/> at first, widening by two
    /// for every outcome taken for the pipeline (an object, or an input that ended without one), up to
    /// <see cref="Throttle"/>. A caller that stops reading early (<c>Select-Object -First 3</c>) so pays
    /// for at most eight lookups, not a whole throttle's worth, while a long run reaches full width after
    /// two round trips.
    /// </summary>
    /// <remarks>
    /// Taken, not answered: answers come out of order, and with one slow head of the line the answers behind
    /// it used to widen the window and free slots, so a stop after three objects paid for 9 to 15 lookups.
    /// With <see cref="HasFreeSlot"/> counting every request started, at most
    /// <see cref="InitialInFlight"/> plus two per outcome taken are ever paid for while ramping.
    /// </remarks>
    public int InFlightLimit => RampsUp ? (int)Math.Min(Throttle, RampWidth) : Throttle;

    /// <summary>Outcomes taken for the pipeline so far: an object each, or one for an input that ended without
    /// any. What the ramp widens with, here and in <see cref="Batching.BatchCollector"/>.</summary>
    public long OutcomesTaken => Interlocked.Read(ref delivered);

    /// <summary>Whether one more request may start now. While ramping, every request started counts, not only
    /// those running: with the head of the line slow, answers behind it would otherwise free slots for more.</summary>
    public bool HasFreeSlot => Running < InFlightLimit && line.Count < Window
        && (!RampsUp || Interlocked.Read(ref started) < RampWidth);

    /// <summary>While ramping, how many requests may have been started: the initial width and two per outcome taken.</summary>
    private long RampWidth => InitialInFlight + (2 * Interlocked.Read(ref delivered));

    /// <summary>Creates the item for the next input, in order.</summary>
    public WorkItem NewItem(object? input) => new(input, nextSequence++);

    /// <summary>Queues an item whose outcome is already known (refused input, a repeat of an earlier one).</summary>
    public void AddCompleted(WorkItem item, IReadOnlyList<object?> outputs, Exception? error)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        item.Add(outputs);
        item.Complete(error);
        line.Enqueue(item);
    }

    /// <summary>Queues an item that repeats the outcome of <paramref name="original"/>, which is still in the line.</summary>
    public void AddRepeat(WorkItem item, WorkItem original)
    {
        item.SameAs = original;
        line.Enqueue(item);
    }

    /// <summary>Queues an item that waits, in its place in the line, for the batch that will complete it.</summary>
    public void Enqueue(WorkItem item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        line.Enqueue(item);
    }

    /// <summary>Ends a queued item that will never be sent (the call stopped first) with <paramref name="reason"/>.</summary>
    public void Abandon(WorkItem item, Exception reason)
    {
        if (item is null || reason is null)
        {
            throw new ArgumentNullException(item is null ? nameof(item) : nameof(reason));
        }

        item.Complete(reason);

        // A pipeline thread waiting for the head of the line must see it end.
        completions.Release();
    }

    /// <summary>
    /// Starts one request for a group of queued items (<see cref="Enqueue"/>): <paramref name="work"/> answers
    /// one outcome per member, in order, and each member completes with its own. When the work fails as a
    /// whole, every member ends with that failure. Takes one slot; call only when <see cref="HasFreeSlot"/>.
    /// </summary>
    public void StartBatch(IReadOnlyList<WorkItem> members, Func<CancellationToken, Task<Batching.BatchOutcome[]>> work, CancellationToken cancellationToken)
    {
        if (members is null || work is null)
        {
            throw new ArgumentNullException(members is null ? nameof(members) : nameof(work));
        }

        foreach (var member in members)
        {
            member.Started = true;
        }

        Interlocked.Increment(ref started);
        Interlocked.Increment(ref running);
        _ = Task.Run(async () =>
        {
            Batching.BatchOutcome[]? outcomes = null;
            Exception? failure = null;
            try
            {
                outcomes = await work(cancellationToken).ConfigureAwait(false);
                if (outcomes is null || outcomes.Length != members.Count)
                {
                    failure = new InvalidOperationException("A batch answered " + (outcomes?.Length ?? 0) + " outcomes for " + members.Count + " items.");
                }
            }
#pragma warning disable CA1031 // Every failure belongs to the batch's items and is reported in order by the pipeline thread.
            catch (Exception error)
#pragma warning restore CA1031
            {
                failure = error;
            }
            finally
            {
                for (var i = 0; i < members.Count; i++)
                {
                    var member = members[i];
                    if (failure is null && outcomes![i].Error is null)
                    {
                        member.Add(new[] { outcomes[i].Output });
                    }

                    member.Complete(failure ?? outcomes![i].Error);
                }

                Interlocked.Decrement(ref running);
                completions.Release();
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Starts <paramref name="work"/> for <paramref name="item"/> on the thread pool. Call only when
    /// <see cref="HasFreeSlot"/> is true.
    /// </summary>
    public void Start(WorkItem item, Func<WorkItem, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (item is null || work is null)
        {
            throw new ArgumentNullException(item is null ? nameof(item) : nameof(work));
        }

        item.Started = true;
        item.Progress = OnProgress;
        Interlocked.Increment(ref started);
        Interlocked.Increment(ref running);
        line.Enqueue(item);
        _ = Task.Run(async () =>
        {
            Exception? error = null;
            try
            {
                await work(item, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Every failure belongs to its item and is reported in order by the pipeline thread.
            catch (Exception failure)
#pragma warning restore CA1031
            {
                error = failure;
            }
            finally
            {
                item.Progress = null;
                item.Complete(error);
                Interlocked.Decrement(ref running);
                completions.Release();
            }

            // Not the caller's token: a cancelled token would skip this delegate, and the item would
            // never complete. The work itself observes the token.
        }, CancellationToken.None);
    }

    /// <summary>
    /// Takes what is ready at the head of the line, in input order: every finished item whole, then
    /// whatever the first unfinished item has produced so far (a list's first pages). Never blocks.
    /// </summary>
    public IReadOnlyList<(WorkItem Item, IReadOnlyList<WorkEntry> Entries, bool Finished)> TakeReady()
    {
        var ready = new List<(WorkItem, IReadOnlyList<WorkEntry>, bool)>();
        while (line.Count > 0)
        {
            var head = line.Peek();

            // Finished is read before the entries are taken: an item completes only after its last entry
            // is in, so nothing can arrive between the two and be lost.
            var finished = IsFinished(head);
            var entries = head.SameAs is null ? head.TakeEntries() : Array.Empty<WorkEntry>();
            var outputs = CountOutputs(entries);
            if (!finished)
            {
                if (entries.Count > 0)
                {
                    Interlocked.Add(ref delivered, outputs);
                    ready.Add((head, entries, false));
                }

                break;
            }

            line.Dequeue();

            // An input that ended without any object (an error, an empty list, a repeat) counts once; one whose
            // objects were taken as they came (here or before) counts those.
            Interlocked.Add(ref delivered, outputs > 0 || head.OutputCount > 0 ? outputs : 1);
            ready.Add((head, entries, true));
        }

        return ready;
    }

    private static int CountOutputs(IReadOnlyList<WorkEntry> entries)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            if (entry.Kind == WorkEntryKind.Output)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>An answer arrived (a page, an object): wake the pipeline thread to take it.</summary>
    private void OnProgress() => completions.Release();

    /// <summary>Whether the head of the line can be taken now.</summary>
    public bool HeadIsFinished => line.Count > 0 && IsFinished(line.Peek());

    /// <summary>
    /// Blocks until some request finishes, the timeout passes, or the token is cancelled. Returns
    /// false on timeout.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public bool WaitForCompletion(TimeSpan timeout, CancellationToken cancellationToken) =>
        completions.Wait(timeout, cancellationToken);

    /// <summary>Blocks until every started request has finished (used when stopping), or the timeout passes.</summary>
    public bool WaitForAllRunning(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Running > 0)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            completions.Wait(left);
        }

        return true;
    }

    /// <summary>Removes and returns everything still in the line (after a stop), in order.</summary>
    public IReadOnlyList<WorkItem> DrainAll()
    {
        var rest = line.ToArray();
        line.Clear();
        return rest;
    }

    /// <inheritdoc />
    public void Dispose() => completions.Dispose();

    private static bool IsFinished(WorkItem item) => item.IsCompleted || (item.SameAs is { IsCompleted: true });
}
