using System;
using System.Collections.Generic;
using KonbiniApi.Http;

namespace KonbiniApi.Concurrency;

/// <summary>
/// One input on its way to becoming one output: its result or its error, and the messages written
/// about it, kept together so that all of it reaches the pipeline in input order.
/// </summary>
public sealed class WorkItem : IRequestObserver
{
    private readonly List<string> messages = new();
    private volatile bool isCompleted;

    /// <summary>Creates an item for an input.</summary>
    public WorkItem(object? input, long sequence)
    {
        Input = input;
        Sequence = sequence;
    }

    /// <summary>What the user passed in (the TargetObject of any error).</summary>
    public object? Input { get; }

    /// <summary>Position in the call's input, from 0.</summary>
    public long Sequence { get; }

    /// <summary>What identifies the request this input needs (repeats share it); null for refused inputs.</summary>
    public string? Key { get; set; }

    /// <summary>The output, once completed successfully.</summary>
    public object? Result { get; private set; }

    /// <summary>The failure, once completed unsuccessfully.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Whether a result or an error is there.</summary>
    public bool IsCompleted => isCompleted;

    /// <summary>Whether the item ever took a request slot (refused or remembered inputs do not).</summary>
    public bool Started { get; internal set; }

    /// <summary>Another item for the same request whose outcome this one repeats, if any.</summary>
    public WorkItem? SameAs { get; internal set; }

    /// <summary>Records a line for this input; called from worker threads.</summary>
    public void Report(string message)
    {
        lock (messages)
        {
            messages.Add(message);
        }
    }

    /// <summary>Takes the lines recorded so far, in order; the pipeline thread writes them.</summary>
    public IReadOnlyList<string> TakeMessages()
    {
        lock (messages)
        {
            var copy = messages.ToArray();
            messages.Clear();
            return copy;
        }
    }

    internal void Complete(object? result, Exception? error)
    {
        Result = result;
        Error = error;
        isCompleted = true;
    }
}
