using System;
using System.Collections.Concurrent;
using System.Threading;

namespace KonbiniApi.Emulator;

/// <summary>
/// Keeps generated data (profiles, rendered items) that is a pure function of its key, up to a bound: past it
/// the cache starts again empty, which costs only time. The count is kept apart because
/// ConcurrentDictionary.Count takes every lock and walks every bucket, which on a cold page of 30 new people
/// cost more than generating them.
/// </summary>
internal sealed class GeneratedCache<TValue>(int limit)
{
    private ConcurrentDictionary<string, TValue> entries = new(StringComparer.Ordinal);
    private int count;

    public TValue GetOrAdd(string key, Func<string, TValue> generate)
    {
        var current = Volatile.Read(ref entries);
        if (current.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var value = generate(key);
        if (Interlocked.Increment(ref count) > limit)
        {
            Volatile.Write(ref count, 0);
            current = new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal);
            Volatile.Write(ref entries, current);
        }

        current.TryAdd(key, value);
        return value;
    }
}
