using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Paging;

namespace KonbiniApi.Concurrency;

/// <summary>What a work item hands the pipeline thread, in the order it happened.</summary>
public enum WorkEntryKind
{
    /// <summary>An object to write.</summary>
    Output,

    /// <summary>A verbose line.</summary>
    Verbose,

    /// <summary>A warning.</summary>
    Warning,

    /// <summary>The list's total as the service stated it (a long, or null when unknown).</summary>
    Total,
}

/// <summary>One entry of a work item's stream.</summary>
public readonly struct WorkEntry : IEquatable<WorkEntry>
{
    /// <summary>Creates an entry.</summary>
    public WorkEntry(WorkEntryKind kind, object? payload)
    {
        Kind = kind;
        Payload = payload;
    }

    /// <summary>What the entry is.</summary>
    public WorkEntryKind Kind { get; }

    /// <summary>The object, the line, or the total.</summary>
    public object? Payload { get; }

    /// <inheritdoc />
    public bool Equals(WorkEntry other) => Kind == other.Kind && Equals(Payload, other.Payload);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WorkEntry other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Kind * 397) ^ (Payload?.GetHashCode() ?? 0);

    /// <summary>Compares two entries.</summary>
    public static bool operator ==(WorkEntry left, WorkEntry right) => left.Equals(right);

    /// <summary>Compares two entries.</summary>
    public static bool operator !=(WorkEntry left, WorkEntry right) => !left.Equals(right);
}

/// <summary>
/// One input on its way to its outputs: the objects, messages and warnings its requests produced, kept
/// together and in order so that all of it reaches the pipeline in input order, and its final error.
/// Workers add to it from the thread pool; only the pipeline thread takes from it. A list streams: the
/// pipeline thread may take the first page's objects while later pages are still being read.
/// </summary>
public sealed class WorkItem : IItemSink
{
    /// <summary>Objects that may wait to be written before the worker pauses (memory stays flat however long the list).</summary>
    public const int MaxWaitingOutputs = 1000;

    private readonly object gate = new();
    private readonly Queue<WorkEntry> entries = new();
    private readonly int keepLimit;
    private List<object?>? kept = new();
    private TaskCompletionSource<bool>? room;
    private int waitingOutputs;
    private long outputCount;
    private string? cursor;
    private volatile bool isCompleted;

    /// <summary>Creates an item for an input.</summary>
    public WorkItem(object? input, long sequence, int keepLimit = 10_000)
    {
        Input = input;
        Sequence = sequence;
        this.keepLimit = keepLimit;
    }

    /// <summary>What the user passed in (the TargetObject of any error).</summary>
    public object? Input { get; }

    /// <summary>Position in the call's input, from 0.</summary>
    public long Sequence { get; }

    /// <summary>What identifies the requests this input needs (repeats share it); null for refused inputs.</summary>
    public string? Key { get; set; }

    /// <summary>The failure that ended the input, once completed unsuccessfully.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Whether the input has ended (every entry added).</summary>
    public bool IsCompleted => isCompleted;

    /// <summary>Whether the item ever took a request slot (refused or remembered inputs do not).</summary>
    public bool Started { get; internal set; }

    /// <summary>Another item for the same requests whose outcome this one repeats, if any.</summary>
    public WorkItem? SameAs { get; internal set; }

    /// <summary>Every object the item produced, when there were few enough to keep for a repeat; null otherwise.</summary>
    public IReadOnlyList<object?>? Kept
    {
        get
        {
            lock (gate)
            {
                return kept?.ToArray();
            }
        }
    }

    /// <summary>How many objects the item has produced.</summary>
    public long OutputCount => Interlocked.Read(ref outputCount);

    /// <summary>The cursor of the next page to read; null before a list starts and after it ends.</summary>
    public string? ResumeCursor => Volatile.Read(ref cursor);

    /// <summary>Called by the runner's workers whenever something new arrives (wakes the pipeline thread).</summary>
    internal Action? Progress { get; set; }

    /// <inheritdoc />
    public void Add(IReadOnlyList<object?> items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        // An empty page still wakes the pipeline thread (it may end a run of empty pages).
        lock (gate)
        {
            foreach (var item in items)
            {
                entries.Enqueue(new WorkEntry(WorkEntryKind.Output, item));
            }

            waitingOutputs += items.Count;
            if (kept is not null)
            {
                kept.AddRange(items);
                if (kept.Count > keepLimit)
                {
                    kept = null;
                }
            }
        }

        Interlocked.Add(ref outputCount, items.Count);
        Progress?.Invoke();
    }

    /// <inheritdoc />
    public void Report(string message) => Enqueue(WorkEntryKind.Verbose, message);

    /// <inheritdoc />
    public void Warn(string message) => Enqueue(WorkEntryKind.Warning, message);

    /// <inheritdoc />
    public void Total(long? totalItems) => Enqueue(WorkEntryKind.Total, totalItems);

    /// <inheritdoc />
    public void At(string? cursor) => Volatile.Write(ref this.cursor, cursor);

    /// <inheritdoc />
    public async Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TaskCompletionSource<bool> signal;
            lock (gate)
            {
                if (waitingOutputs < MaxWaitingOutputs)
                {
                    return;
                }

                signal = room ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), signal))
            {
                await signal.Task.ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public bool HasRoomFor(int items)
    {
        lock (gate)
        {
            return waitingOutputs + items < MaxWaitingOutputs;
        }
    }

    /// <summary>Takes what has arrived so far, in order; called by the pipeline thread only.</summary>
    public IReadOnlyList<WorkEntry> TakeEntries()
    {
        TaskCompletionSource<bool>? signal;
        WorkEntry[] taken;
        lock (gate)
        {
            taken = entries.ToArray();
            entries.Clear();
            waitingOutputs = 0;
            signal = room;
            room = null;
        }

        signal?.TrySetResult(true);
        return taken;
    }

    /// <summary>Ends the item, with its failure if it had one.</summary>
    internal void Complete(Exception? error)
    {
        Error = error;
        isCompleted = true;
    }

    private void Enqueue(WorkEntryKind kind, object? payload)
    {
        lock (gate)
        {
            entries.Enqueue(new WorkEntry(kind, payload));
        }
    }
}
