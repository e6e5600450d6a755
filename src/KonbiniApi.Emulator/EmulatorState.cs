using System;
using System.Collections.Concurrent;
using System.Threading;

namespace KonbiniApi.Emulator;

/// <summary>Everything one emulator instance remembers between requests.</summary>
internal sealed class EmulatorState
{
    private ConcurrentDictionary<string, int> retryAttempts = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, int> expiringDownloads = new(StringComparer.Ordinal);
    private int downloadSequence;

    public EmulatorState(EmulatorOptions options)
    {
        Ledger = new CreditLedger(options.Keys);
        Log = new RequestLog<RequestRecord>(options.RequestLogCapacity);
        CdnLog = new RequestLog<CdnRequestRecord>(options.RequestLogCapacity);
        Behaviour = new BehaviourControl(new RuntimeConfig(
            options.LatencyMs,
            options.JitterMs,
            options.FaultRate,
            [.. options.Faults],
            options.Seed ?? Random.Shared.Next(),
            options.VideoBytes));
    }

    public CreditLedger Ledger { get; }

    public ApiStats Stats { get; } = new();

    public RequestLog<RequestRecord> Log { get; }

    public RequestLog<CdnRequestRecord> CdnLog { get; }

    public BehaviourControl Behaviour { get; }

    /// <summary>How long the <c>hang</c> fault holds a request before dropping it.</summary>
    public TimeSpan HangDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How much filler the <c>huge</c> fault streams.</summary>
    public long HugeBodyBytes { get; init; } = 300L * 1024 * 1024;

    /// <summary>Counts one attempt at an <c>emu.retry.N.*</c> name and returns how many there have been.</summary>
    public int CountRetryAttempt(string username) =>
        Volatile.Read(ref retryAttempts).AddOrUpdate(username, 1, static (_, attempts) => attempts + 1);

    /// <summary>Numbers a download URL for a video. Scenario 9908 counts per video, because its first URL
    /// is the expired one; every other video shares one sequence, so memory stays bounded.</summary>
    public int IssueDownload(string videoId) =>
        IdScenario.Parse(videoId).Kind == IdScenarioKind.ExpiredFirstDownload
            ? Volatile.Read(ref expiringDownloads).AddOrUpdate(videoId, 1, static (_, issued) => issued + 1)
            : 1 + (Interlocked.Increment(ref downloadSequence) & int.MaxValue);

    public void Reset()
    {
        Volatile.Write(ref retryAttempts, new ConcurrentDictionary<string, int>(StringComparer.Ordinal));
        Volatile.Write(ref expiringDownloads, new ConcurrentDictionary<string, int>(StringComparer.Ordinal));
        Volatile.Write(ref downloadSequence, 0);
        CdnLog.Clear();
        Stats.Reset();
        Log.Clear();
        Ledger.RestoreAll();
        Behaviour.Reseed();
    }
}
