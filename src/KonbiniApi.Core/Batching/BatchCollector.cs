using System;
using System.Collections.Generic;
using KonbiniApi.Concurrency;
using KonbiniApi.Operations;

namespace KonbiniApi.Batching;

/// <summary>
/// The inputs waiting for their batch, in input order, and how big the next batch should be. A cmdlet that
/// something downstream may stop early (<c>Select-Object -First 3</c>) starts with small batches and doubles
/// them up to the most a batch takes, as the runner widens its requests: a stop after three objects then pays
/// for a few IDs, not a hundred. A cmdlet last in its pipeline sends full batches from the start.
/// </summary>
public sealed class BatchCollector
{
    private readonly List<(WorkItem Item, OperationCall Call)> waiting = new();
    private readonly int maxSize;
    private int nextSize;

    /// <summary>Creates an empty queue.</summary>
    /// <param name="maxSize">The most IDs a batch takes.</param>
    /// <param name="rampUp">Whether batches start small (see the class remarks).</param>
    public BatchCollector(int maxSize, bool rampUp)
    {
        if (maxSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSize), "A batch holds at least one ID.");
        }

        this.maxSize = maxSize;
        nextSize = rampUp ? Math.Min(maxSize, OrderedRunner.InitialInFlight) : maxSize;
    }

    /// <summary>Inputs waiting.</summary>
    public int Count => waiting.Count;

    /// <summary>The batch operation of the waiting inputs; null when none wait.</summary>
    public ApiOperation? Operation => waiting.Count == 0 ? null : waiting[0].Call.Operation;

    /// <summary>How many IDs the next batch should hold.</summary>
    public int NextSize => nextSize;

    /// <summary>Whether enough inputs wait for a batch of <see cref="NextSize"/>.</summary>
    public bool IsFull => waiting.Count >= nextSize;

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
    /// Takes the first inputs for a batch: at most <see cref="NextSize"/>, and at most <paramref name="limit"/>
    /// (the credits there is room for). The batch after it may be twice as big.
    /// </summary>
    public IReadOnlyList<(WorkItem Item, OperationCall Call)> Take(int limit)
    {
        var count = Math.Min(Math.Min(nextSize, waiting.Count), Math.Max(0, limit));
        var taken = waiting.GetRange(0, count);
        waiting.RemoveRange(0, count);
        if (count > 0)
        {
            nextSize = (int)Math.Min(maxSize, (long)nextSize * 2);
        }

        return taken;
    }

    /// <summary>Takes every waiting input (when the call stops before they are sent).</summary>
    public IReadOnlyList<(WorkItem Item, OperationCall Call)> TakeAll()
    {
        var taken = waiting.ToArray();
        waiting.Clear();
        return taken;
    }
}
