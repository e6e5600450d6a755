using System.Threading;

namespace KonbiniApi.Http;

/// <summary>Credits charged and refunded by one cmdlet call (the session ledger keeps the totals).</summary>
public sealed class CallCredits
{
    private long charged;
    private long refunded;
    private long unreported;

    /// <summary>Credits this call has been charged so far.</summary>
    public long Charged => Interlocked.Read(ref charged);

    /// <summary>Responses this call has had refunded so far.</summary>
    public long Refunded => Interlocked.Read(ref refunded);

    /// <summary>
    /// Credits of attempts that reached the service but ended without a credit report (a timeout, a dropped
    /// connection, a proxy's page): one per attempt, a batch's whole cost for a batch. Spending limits count
    /// them as possible charges.
    /// </summary>
    public long Unreported => Interlocked.Read(ref unreported);

    /// <summary>Credits this call may have been charged: those reported, plus every unreported attempt.</summary>
    public long PossiblyCharged => Charged + Unreported;

    internal void RecordUnreported(long cost = 1) => Interlocked.Add(ref unreported, cost);

    internal void Record(int used)
    {
        if (used > 0)
        {
            Interlocked.Add(ref charged, used);
        }
        else
        {
            Interlocked.Increment(ref refunded);
        }
    }
}
