using System;
using System.Collections.Generic;
using System.Threading;

namespace KonbiniApi.Emulator;

/// <summary>The behaviour knobs that <c>/_emulator/config</c> can change while the server runs.</summary>
/// <param name="VideoBytes">The size of every file the stand-in CDN serves.</param>
internal sealed record RuntimeConfig(int LatencyMs, int JitterMs, double FaultRate, IReadOnlyList<FaultKind> Faults, int Seed, long VideoBytes);

/// <summary>Holds the current <see cref="RuntimeConfig"/> and the seeded random streams derived from it.
/// Faults and jitter draw from separate streams so that changing the jitter never shifts which requests
/// fault.</summary>
internal sealed class BehaviourControl
{
    private readonly Lock gate = new();
    private RuntimeConfig config;
    private Random faultRandom;
    private Random jitterRandom;

    public BehaviourControl(RuntimeConfig initial)
    {
        config = initial;
        (faultRandom, jitterRandom) = CreateStreams(initial.Seed);
    }

    public RuntimeConfig Current => Volatile.Read(ref config);

    public void Apply(RuntimeConfig next, bool reseed)
    {
        lock (gate)
        {
            Volatile.Write(ref config, next);
            if (reseed)
            {
                (faultRandom, jitterRandom) = CreateStreams(next.Seed);
            }
        }
    }

    /// <summary>Restarts both random streams from the configured seed.</summary>
    public void Reseed()
    {
        lock (gate)
        {
            (faultRandom, jitterRandom) = CreateStreams(config.Seed);
        }
    }

    /// <summary>Draws whether this request faults and, if so, which kind.</summary>
    public FaultKind? DrawFault()
    {
        var current = Current;
        if (current.FaultRate <= 0 || current.Faults.Count == 0)
        {
            return null;
        }

        lock (gate)
        {
            if (faultRandom.NextDouble() >= current.FaultRate)
            {
                return null;
            }

            return current.Faults[faultRandom.Next(current.Faults.Count)];
        }
    }

    public int DrawDelayMs()
    {
        var current = Current;
        if (current.JitterMs <= 0)
        {
            return current.LatencyMs;
        }

        int jitter;
        lock (gate)
        {
            jitter = jitterRandom.Next(current.JitterMs + 1);
        }

        return (int)Math.Min(int.MaxValue, (long)current.LatencyMs + jitter);
    }

    // The emulator only simulates load and failure; predictability matters here, unpredictability does not.
#pragma warning disable CA5394
    private static (Random Faults, Random Jitter) CreateStreams(int seed) =>
        (new Random(seed), new Random(unchecked((seed * 31) + 17)));
#pragma warning restore CA5394
}
