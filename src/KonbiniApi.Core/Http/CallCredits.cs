using System.Threading;

namespace KonbiniApi.Http;

/// <summary>Credits charged and refunded by one cmdlet call (the session ledger keeps the totals).</summary>
public sealed class CallCredits
{
    private long charged;
    private long refunded;

    /// <summary>Credits this call has been charged so far.</summary>
    public long Charged => Interlocked.Read(ref charged);

    /// <summary>Responses this call has had refunded so far.</summary>
    public long Refunded => Interlocked.Read(ref refunded);

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
