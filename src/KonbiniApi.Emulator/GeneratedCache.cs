using System;
using System.Numerics;
using System.Threading;

namespace KonbiniApi.Emulator;

/// <summary>
/// Keeps generated data (profiles, rendered items), each a pure function of its key, in a fixed table of
/// slots: a key has one slot, picked by its hash, and a later key that lands there takes it over. Losing an
/// entry costs only the time to generate it again, so there is no lock, no count and no growth.
/// </summary>
/// <remarks>
/// A key is kept only the second time it is missed. On a cold page every item is new and most are never
/// asked for again; keeping them all made the garbage collector copy each one into an older generation and
/// cost more than generating it (measured: 20 µs per new person kept, 8.5 µs to generate and render it).
/// Items that are asked for again (a hot page, an author on many items) are kept from their second request.
/// </remarks>
internal sealed class GeneratedCache<TValue>
    where TValue : class
{
    private readonly Entry?[] slots;

    /// <summary>Per slot, the hash of the last key that missed there: a miss that matches it is a second
    /// request for that key, and the key is kept.</summary>
    private readonly int[] missedHashes;

    private readonly int mask;

    /// <param name="slotCount">Rounded up to a power of two; the bound on what is kept.</param>
    public GeneratedCache(int slotCount)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(slotCount, 16));
        slots = new Entry?[size];
        missedHashes = new int[size];
        mask = size - 1;
    }

    /// <summary>The kept value for <paramref name="key"/>, or a new one from <paramref name="generate"/>,
    /// kept if the key was missed once before.</summary>
    public TValue GetOrAdd(string key, Func<string, TValue> generate)
    {
        var lookup = Find(key);
        if (lookup.Value is { } cached)
        {
            return cached;
        }

        var value = generate(key);
        if (lookup.WorthKeeping)
        {
            Keep(lookup, key, value);
        }

        return value;
    }

    /// <summary>Looks <paramref name="key"/> up; a miss is remembered, and says whether the caller should
    /// keep what it generates (<see cref="CacheLookup{TValue}.WorthKeeping"/>).</summary>
    public CacheLookup<TValue> Find(string key)
    {
        // string.GetHashCode differs between processes; that is fine here, as nothing kept leaves the process.
        var hash = key.GetHashCode(StringComparison.Ordinal);
        var slot = hash & mask;
        if (Volatile.Read(ref slots[slot]) is { } entry && string.Equals(entry.Key, key, StringComparison.Ordinal))
        {
            return new CacheLookup<TValue>(slot, entry.Value, WorthKeeping: false);
        }

        // A plain read and write: two misses racing on one slot can only delay keeping a key, and a locked
        // exchange on every miss of a cold page made both cores fight over the table.
        var missedBefore = missedHashes[slot] == hash;
        if (!missedBefore)
        {
            missedHashes[slot] = hash;
        }

        return new CacheLookup<TValue>(slot, null, missedBefore);
    }

    public void Keep(CacheLookup<TValue> lookup, string key, TValue value) =>
        Volatile.Write(ref slots[lookup.Slot], new Entry(key, value));

    private sealed class Entry(string key, TValue value)
    {
        public string Key { get; } = key;

        public TValue Value { get; } = value;
    }
}

/// <summary>What <see cref="GeneratedCache{TValue}.Find"/> found: the kept value, or whether a value
/// generated now should be kept.</summary>
internal readonly record struct CacheLookup<TValue>(int Slot, TValue? Value, bool WorthKeeping)
    where TValue : class;
