using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace KonbiniApi.Emulator;

internal enum KeyState
{
    Active,
    Disabled,
    Expired,
}

/// <summary>One API key's balance. Credits are reserved before the work and refunded after it when the
/// outcome is not billable, so concurrent requests can never spend the same credit twice.</summary>
internal sealed class ApiKeyAccount(string name, long initialCredits, KeyState state)
{
    private long balance = initialCredits;
    private long initialCredits = initialCredits;
    private long charged;
    private int state = (int)state;

    public string Name { get; } = name;

    public long Balance => Volatile.Read(ref balance);

    public long Charged => Volatile.Read(ref charged);

    public long InitialCredits => Volatile.Read(ref initialCredits);

    public KeyState State
    {
        get => (KeyState)Volatile.Read(ref state);
        set => Volatile.Write(ref state, (int)value);
    }

    /// <summary>Takes <paramref name="cost"/> credits if the balance holds them all; returns the balance left,
    /// or -1 when it did not (nothing is taken then: a batch is paid whole or refused).</summary>
    public long TryReserve(long cost = 1)
    {
        while (true)
        {
            var current = Volatile.Read(ref balance);
            if (current < cost || current <= 0)
            {
                return -1;
            }

            if (Interlocked.CompareExchange(ref balance, current - cost, current) == current)
            {
                return current - cost;
            }
        }
    }

    /// <summary>Gives reserved credits back; returns the balance after the refund.</summary>
    public long Refund(long cost = 1) => Interlocked.Add(ref balance, cost);

    /// <summary>Records that reserved credits were spent for good.</summary>
    public void Commit(long cost = 1) => Interlocked.Add(ref charged, cost);

    public void SetCredits(long credits)
    {
        Volatile.Write(ref initialCredits, credits);
        Volatile.Write(ref balance, credits);
    }

    public void Restore()
    {
        Volatile.Write(ref balance, Volatile.Read(ref initialCredits));
        Volatile.Write(ref charged, 0);
    }
}

internal sealed class CreditLedger
{
    public const string EmulatorKey = "knbn_emulator";
    public const string DisabledKey = "knbn_disabled";
    public const string ExpiredKey = "knbn_expired";
    public const string EmptyKey = "knbn_empty";

    private readonly ConcurrentDictionary<string, ApiKeyAccount> accounts = new(StringComparer.Ordinal);

    public CreditLedger(IReadOnlyDictionary<string, long> extraKeys)
    {
        Upsert(EmulatorKey, 1_000_000, KeyState.Active);
        // The blocked keys keep a balance so that only their state explains the refusal.
        Upsert(DisabledKey, 1_000_000, KeyState.Disabled);
        Upsert(ExpiredKey, 1_000_000, KeyState.Expired);
        Upsert(EmptyKey, 0, KeyState.Active);
        foreach (var (name, credits) in extraKeys)
        {
            Upsert(name, credits, state: null);
        }
    }

    public ApiKeyAccount? Find(string key) => accounts.TryGetValue(key, out var account) ? account : null;

    /// <summary>Creates a key or updates it; a null state keeps an existing key's state (new keys are active).</summary>
    public ApiKeyAccount Upsert(string name, long? credits, KeyState? state)
    {
        var account = accounts.GetOrAdd(name, static (key, arg) => new ApiKeyAccount(key, arg.credits ?? 0, arg.state ?? KeyState.Active), (credits, state));
        if (credits is { } value)
        {
            account.SetCredits(value);
        }

        if (state is { } newState)
        {
            account.State = newState;
        }

        return account;
    }

    public IReadOnlyList<ApiKeyAccount> Snapshot() =>
        accounts.Values.OrderBy(account => account.Name, StringComparer.Ordinal).ToList();

    public void RestoreAll()
    {
        foreach (var account in accounts.Values)
        {
            account.Restore();
        }
    }
}
