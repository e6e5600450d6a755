using System;
using System.Collections.Generic;
using KonbiniApi.Models;

namespace KonbiniApi.Credits;

/// <summary>
/// What the module has learned about the account's credits from response headers. The API has no
/// balance endpoint, so this is the only record there is; it is shared by every request of a session
/// and updated from many threads at once.
/// </summary>
/// <remarks>
/// Concurrent answers cannot simply be taken in arrival order: the service reports the balance as it
/// is when it writes each answer, other requests' reservations and refunds included, and answers
/// arrive in any order. So the ledger anchors on answers to requests that ran alone (no other request
/// of this account started or finished while they ran), which report the balance exactly, and while
/// requests overlap it shows that anchor minus the credits charged since. A figure further from that
/// estimate than the overlapping requests can explain means the balance changed outside this session
/// (a top-up, another program) and becomes the new anchor. Before the first anchor the ledger shows the
/// lowest figure reported, the cautious choice.
/// </remarks>
public sealed class CreditLedger
{
    private readonly object gate = new();
    private readonly HashSet<RequestTicket> active = new();
    private long? anchor;
    private long chargedSinceAnchor;
    private int peakActiveSinceAnchor;
    private long? lastRemaining;
    private DateTimeOffset? lastSeen;
    private long charged;
    private long refunded;
    private long requests;

    /// <summary>Notes that a request is about to be sent; pass the ticket to <see cref="Record(RequestTicket, int?, long?, DateTimeOffset)"/>.</summary>
    public RequestTicket BeginRequest()
    {
        var ticket = new RequestTicket();
        lock (gate)
        {
            if (active.Count > 0)
            {
                ticket.Overlapped = true;
                foreach (var other in active)
                {
                    other.Overlapped = true;
                }
            }

            active.Add(ticket);
            peakActiveSinceAnchor = Math.Max(peakActiveSinceAnchor, active.Count);
        }

        return ticket;
    }

    /// <summary>Forgets a request that ended without an answer being recorded (a cancelled one).</summary>
    public void EndRequest(RequestTicket ticket)
    {
        lock (gate)
        {
            active.Remove(ticket);
        }
    }

    /// <summary>
    /// Records one response of a request begun with <see cref="BeginRequest"/>. <paramref name="used"/>
    /// and <paramref name="remaining"/> are null when the response carried no credit headers (auth
    /// failures, proxies, network faults).
    /// </summary>
    public void Record(RequestTicket ticket, int? used, long? remaining, DateTimeOffset seenAt)
    {
        if (ticket is null)
        {
            throw new ArgumentNullException(nameof(ticket));
        }

        lock (gate)
        {
            active.Remove(ticket);
            Apply(ticket.Overlapped, used, remaining, seenAt);
        }
    }

    /// <summary>
    /// Records one response of a request that ran alone. <paramref name="used"/> and
    /// <paramref name="remaining"/> are null when the response carried no credit headers.
    /// </summary>
    public void Record(int? used, long? remaining, DateTimeOffset seenAt)
    {
        lock (gate)
        {
            Apply(overlapped: false, used, remaining, seenAt);
        }
    }

    /// <summary>Counts one answer and updates the balance; the caller holds the lock.</summary>
    private void Apply(bool overlapped, int? used, long? remaining, DateTimeOffset seenAt)
    {
        requests++;
        if (used is int u)
        {
            if (u > 0)
            {
                charged += u;
                chargedSinceAnchor += u;
            }
            else
            {
                refunded++;
            }
        }

        if (remaining is not long reported)
        {
            return;
        }

        var expected = anchor - chargedSinceAnchor;
        if (!overlapped || (expected is long estimate && Math.Abs(reported - estimate) > peakActiveSinceAnchor))
        {
            // Exact (the request ran alone), or further from the estimate than overlapping requests
            // can explain: the balance changed outside this session (a top-up, another program).
            anchor = reported;
            chargedSinceAnchor = 0;
            peakActiveSinceAnchor = active.Count;
            lastRemaining = reported;
        }
        else
        {
            lastRemaining = expected ?? Math.Min(lastRemaining ?? reported, reported);
        }

        lastSeen = seenAt;
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
            anchor = null;
            chargedSinceAnchor = 0;
            peakActiveSinceAnchor = 0;
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

/// <summary>One request in flight, as the ledger tracks it to tell exact balances from overlapped ones.</summary>
public sealed class RequestTicket
{
    internal RequestTicket()
    {
    }

    /// <summary>Whether another request of the same account ran at any time during this one.</summary>
    internal bool Overlapped { get; set; }
}
