using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace KonbiniApi.Emulator;

/// <summary>Counters behind <c>GET /_emulator/stats</c>.</summary>
internal sealed class ApiStats
{
    private long totalRequests;
    private long inFlight;
    private long maxInFlight;
    private long aborted;
    private ConcurrentDictionary<string, ConcurrentDictionary<string, StrongBox<long>>> routes = new();

    public long TotalRequests => Volatile.Read(ref totalRequests);

    public long InFlight => Volatile.Read(ref inFlight);

    public long MaxInFlight => Volatile.Read(ref maxInFlight);

    public long Aborted => Volatile.Read(ref aborted);

    public void RequestStarted()
    {
        Interlocked.Increment(ref totalRequests);
        var now = Interlocked.Increment(ref inFlight);
        var seen = Volatile.Read(ref maxInFlight);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref maxInFlight, now, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }
    }

    public void RequestFinished(string route, string outcome, bool clientAborted)
    {
        var byOutcome = Volatile.Read(ref routes).GetOrAdd(route, static _ => new ConcurrentDictionary<string, StrongBox<long>>());
        var counter = byOutcome.GetOrAdd(outcome, static _ => new StrongBox<long>());
        Interlocked.Increment(ref counter.Value);
        if (clientAborted)
        {
            Interlocked.Increment(ref aborted);
        }

        Interlocked.Decrement(ref inFlight);
    }

    /// <summary>Zeroes the counters. Requests still running keep counting in <see cref="InFlight"/>, so the
    /// high-water mark restarts from the current level rather than from zero.</summary>
    public void Reset()
    {
        Volatile.Write(ref routes, new ConcurrentDictionary<string, ConcurrentDictionary<string, StrongBox<long>>>());
        Volatile.Write(ref totalRequests, 0);
        Volatile.Write(ref aborted, 0);
        Volatile.Write(ref maxInFlight, Volatile.Read(ref inFlight));
    }

    public IReadOnlyList<(string Route, IReadOnlyList<(string Outcome, long Count)> Outcomes)> RouteSnapshot() =>
        Volatile.Read(ref routes)
            .OrderBy(route => route.Key, System.StringComparer.Ordinal)
            .Select(route => (route.Key, (IReadOnlyList<(string, long)>)route.Value
                .OrderBy(outcome => outcome.Key, System.StringComparer.Ordinal)
                .Select(outcome => (outcome.Key, Volatile.Read(ref outcome.Value.Value)))
                .ToList()))
            .ToList();
}
