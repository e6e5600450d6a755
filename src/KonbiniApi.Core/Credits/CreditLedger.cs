using System;
using KonbiniApi.Models;

namespace KonbiniApi.Credits;

/// <summary>
/// What the module has learned about the account's credits from response headers. The API has no
/// balance endpoint, so this is the only record there is; it is shared by every request of a session
/// and updated from many threads at once.
/// </summary>
public sealed class CreditLedger
{
    private readonly object gate = new();
    private long? lastRemaining;
    private DateTimeOffset? lastSeen;
    private long charged;
    private long refunded;
    private long requests;

    /// <summary>
    /// Records one response. <paramref name="used"/> and <paramref name="remaining"/> are null when
    /// the response carried no credit headers (auth failures, proxies, network faults).
    /// </summary>
    public void Record(int? used, long? remaining, DateTimeOffset seenAt)
    {
        lock (gate)
        {
            requests++;
            if (used is int u)
            {
                if (u > 0)
                {
                    charged += u;
                }
                else
                {
                    refunded++;
                }
            }

            if (remaining is long r)
            {
                // The newest answer wins. Taking the lowest figure of a burst instead looks safer but is
                // wrong: the service reserves a credit while a request runs and refunds failures, so a
                // figure seen mid-burst can be lower than the balance the burst ends with.
                lastRemaining = r;

                lastSeen = seenAt;
            }
        }
    }

    /// <summary>A consistent copy of the ledger.</summary>
    public CreditBalance Snapshot()
    {
        lock (gate)
        {
            return new CreditBalance(lastRemaining, charged, refunded, requests, lastSeen?.LocalDateTime);
        }
    }

    /// <summary>Forgets everything (a new key or a new server).</summary>
    public void Reset()
    {
        lock (gate)
        {
            lastRemaining = null;
            lastSeen = null;
            charged = 0;
            refunded = 0;
            requests = 0;
        }
    }

    /// <summary>The most recent balance, or null before the first response with credit headers.</summary>
    public long? LastRemaining
    {
        get
        {
            lock (gate)
            {
                return lastRemaining;
            }
        }
    }
}
