using System;

namespace KonbiniApi.Models;

/// <summary>
/// The session's credit figures at one moment, as learned from response headers (the API has no
/// balance endpoint).
/// </summary>
public sealed class CreditBalance
{
    /// <summary>Creates a snapshot.</summary>
    public CreditBalance(long? remaining, long charged, long refunded, long requests, DateTime? lastSeen)
    {
        Remaining = remaining;
        Charged = charged;
        Refunded = refunded;
        Requests = requests;
        LastSeen = lastSeen;
    }

    /// <summary>Whether any response has reported the balance yet in this session.</summary>
    public bool IsKnown => Remaining.HasValue;

    /// <summary>The balance after the most recent response, or null when none has been seen.</summary>
    public long? Remaining { get; }

    /// <summary>Credits charged this session (<c>X-Credits-Used: 1</c>).</summary>
    public long Charged { get; }

    /// <summary>Responses refunded this session (<c>X-Credits-Used: 0</c>).</summary>
    public long Refunded { get; }

    /// <summary>Requests sent this session, answered or not.</summary>
    public long Requests { get; }

    /// <summary>When the balance was last reported, in local time.</summary>
    public DateTime? LastSeen { get; }

    /// <summary>A sentence a person can read.</summary>
    public override string ToString() => Remaining is long left
        ? left.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " credits remaining"
        : "Balance unknown: no response has reported it in this session yet";
}
