using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Concurrency;

namespace KonbiniApi.Tests.Support;

/// <summary>One-result lookups on the streaming runner, as the runner tests drive it: a lookup yields one object.</summary>
internal static class RunnerTestExtensions
{
    public static void StartLookup(this OrderedRunner runner, WorkItem item, Func<WorkItem, CancellationToken, Task<object?>> work, CancellationToken cancellationToken) =>
        runner.Start(
            item,
            work is null ? null! : async (started, token) => started.Add(new[] { await work(started, token).ConfigureAwait(false) }),
            cancellationToken);

    public static void AddCompletedResult(this OrderedRunner runner, WorkItem item, object? result, Exception? error) =>
        runner.AddCompleted(item, error is null ? new[] { result } : Array.Empty<object?>(), error);

    /// <summary>The finished items at the head of the line, in order (what they produced stays readable through <see cref="Result"/>).</summary>
    public static IEnumerable<WorkItem> TakeFinishedHead(this OrderedRunner runner) =>
        runner.TakeReady().Where(ready => ready.Finished).Select(ready => ready.Item).ToList();

    /// <summary>The one object a lookup produced, or null.</summary>
    public static object? Result(this WorkItem item) => item.Kept is { Count: > 0 } kept ? kept[0] : null;

    public static IReadOnlyList<string> TakeMessages(this WorkItem item) =>
        item.TakeEntries().Where(entry => entry.Kind == WorkEntryKind.Verbose).Select(entry => (string)entry.Payload!).ToList();
}
