using System;
using System.Collections.Generic;
using System.Threading;

namespace KonbiniApi.Emulator;

/// <summary>One API request as the control endpoint reports it; the outcome is filled in when it ends.</summary>
internal sealed class RequestRecord(string method, string rawTarget, string path, string? key, string? userAgent, DateTimeOffset time)
{
    private const int KeptBodyChars = 16 * 1024;
    private int status;
    private string? fault;
    private string? body;

    public string Method { get; } = method;

    public string RawTarget { get; } = rawTarget;

    public string Path { get; } = path;

    public string? Key { get; } = key;

    /// <summary>The User-Agent header as sent, so tests can check what a client says it is.</summary>
    public string? UserAgent { get; } = userAgent;

    public DateTimeOffset Time { get; } = time;

    /// <summary>The status line sent, or 0 when none was (still running, connection dropped, hang).</summary>
    public int Status => Volatile.Read(ref status);

    public string? Fault => Volatile.Read(ref fault);

    /// <summary>The request body as text (a batch's IDs), its first 16 KB; null when there was none.</summary>
    public string? Body => Volatile.Read(ref body);

    public void KeepBody(ReadOnlySpan<byte> sent)
    {
        if (sent.IsEmpty)
        {
            return;
        }

        var text = System.Text.Encoding.UTF8.GetString(sent);
        Volatile.Write(ref body, text.Length > KeptBodyChars ? text[..KeptBodyChars] : text);
    }

    public void Complete(int sentStatus, string? faultName)
    {
        Volatile.Write(ref fault, faultName);
        Volatile.Write(ref status, sentStatus);
    }
}

/// <summary>Arrival-ordered log of requests, capped so long soak runs cannot exhaust memory.</summary>
internal sealed class RequestLog<TRecord>(int capacity)
    where TRecord : class
{
    private readonly Lock gate = new();
    private readonly Queue<TRecord> records = new();

    public int Capacity { get; } = capacity;

    public TRecord Add(TRecord record)
    {
        lock (gate)
        {
            if (records.Count >= Capacity)
            {
                records.Dequeue();
            }

            records.Enqueue(record);
        }

        return record;
    }

    public TRecord[] Snapshot()
    {
        lock (gate)
        {
            return records.ToArray();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            records.Clear();
        }
    }
}
