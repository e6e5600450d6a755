using System;
using System.Collections.Generic;
using System.Threading;
using KonbiniApi.Concurrency;
using KonbiniApi.Operations;

namespace KonbiniApi.Batching;

/// <summary>
/// The inputs waiting for their batch, in input order, how many IDs are in flight, and how many more may go.
/// A cmdlet that something downstream may stop early (<c>Select-Object -First 3</c>) sends
/// <see cref="OrderedRunner.InitialInFlight"/> IDs at first and more for every outcome the runner has taken
/// for the pipeline (<see cref="OrderedRunner.OutcomesTaken"/>, see <see cref="Allowance"/>): a stop after
/// three objects then pays for at most eight IDs, not a hundred, and a long run reaches full batches after
/// three round trips. A cmdlet last in its pipeline sends full batches at once.
/// </summary>
/// <remarks>
/// The ramp counts what was taken, not what was answered: answers can come out of order (a lone ID's GET
/// slower than the batch after it), and counting those let the next batch go before anything reached the
/// pipeline, so a stop after three objects paid for 13 to 16 IDs.
/// </remarks>
public sealed class BatchCollector
{
    private readonly List<(WorkItem Item, OperationCall Call)> waiting = new();
    private readonly int maxSize;
    private readonly Func<long>? outcomesTaken;
    private long inFlight;
    private long sent;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="maxSize">The most IDs a batch takes.</param>
    /// <param name="outcomesTaken">How many outcomes have gone to the pipeline so far, so that batches start
    /// small and widen with them (see the class remarks); null sends full batches from the first.</param>
    public BatchCollector(int maxSize, Func<long>? outcomesTaken)
    {
        if (maxSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSize), "A batch holds at least one ID.");
        }

        this.maxSize = maxSize;
        this.outcomesTaken = outcomesTaken;
    }

    /// <summary>Inputs waiting.</summary>
    public int Count => waiting.Count;

    /// <summary>The batch operation of the waiting inputs; null when none wait.</summary>
    public ApiOperation? Operation => waiting.Count == 0 ? null : waiting[0].Call.Operation;

    /// <summary>IDs sent and not yet answered (their credits may still be charged).</summary>
    public long InFlight => Interlocked.Read(ref inFlight);

    /// <summary>How many more IDs may go now: unbounded without the ramp, else the initial width and two per
    /// outcome taken, less every ID sent; three per outcome once the first few are taken.</summary>
    /// <remarks>Two per outcome while fewer than <see cref="OrderedRunner.InitialInFlight"/> are taken bounds a
    /// stop after three objects at eight IDs; three after that gives batches of 4, 12, 36 and then 100, where
    /// two would take two more round trips (4, 8, 16, 32, 64) to reach full batches.</remarks>
    public long Allowance
    {
        get
        {
            if (outcomesTaken is null)
            {
                return long.MaxValue;
            }

            var taken = outcomesTaken();
            return Math.Max(0, OrderedRunner.InitialInFlight + ((taken < OrderedRunner.InitialInFlight ? 2 : 3) * taken) - sent);
        }
    }

    /// <summary>How many IDs the next batch should hold: the most a batch takes, or fewer while the ramp is narrow.</summary>
    public int NextSize => (int)Math.Max(1, Math.Min(maxSize, Allowance));

    /// <summary>Whether enough inputs wait for a batch of <see cref="NextSize"/>.</summary>
    public bool IsFull => waiting.Count >= NextSize;

    /// <summary>Adds an input that waits for its batch; it must be bound to the same batch operation as the others.</summary>
    public void Add(WorkItem item, OperationCall call)
    {
        if (item is null || call is null)
        {
            throw new ArgumentNullException(item is null ? nameof(item) : nameof(call));
        }

        if (Operation is { } current && !ReferenceEquals(current, call.Operation))
        {
            throw new InvalidOperationException("Take the waiting " + current.Name + " inputs before queuing " + call.Operation.Name + " ones.");
        }

        waiting.Add((item, call));
    }

    /// <summary>
    /// Takes the first inputs for a batch: at most <see cref="NextSize"/>, at most <see cref="Allowance"/>, and
    /// at most <paramref name="limit"/> (the credits there is room for); they count as in flight until
    /// <see cref="Answered"/>. Takes none when the ramp has no room (wait for an answer).
    /// </summary>
    public IReadOnlyList<(WorkItem Item, OperationCall Call)> Take(int limit)
    {
        var count = (int)Math.Min(Math.Min(NextSize, waiting.Count), Math.Min(Math.Max(0, limit), Allowance));
        var taken = waiting.GetRange(0, count);
        waiting.RemoveRange(0, count);
        Interlocked.Add(ref inFlight, count);
        sent += count;
        return taken;
    }

    /// <summary>A batch of <paramref name="count"/> IDs has ended (answered or failed): their credits are known.
    /// Thread-safe.</summary>
    public void Answered(int count) => Interlocked.Add(ref inFlight, -count);

    /// <summary>Takes every waiting input (when the call stops before they are sent).</summary>
    public IReadOnlyList<(WorkItem Item, OperationCall Call)> TakeAll()
    {
        var taken = waiting.ToArray();
        waiting.Clear();
        return taken;
    }
}
