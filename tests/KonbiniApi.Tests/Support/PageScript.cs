using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Paging;

namespace KonbiniApi.Tests.Support;

/// <summary>Builds OrderedCollectionPage envelopes whose items are <c>{"n": k}</c>.</summary>
internal static class PageJson
{
    /// <summary>A page; <paramref name="next"/> null writes <c>"nextCursor": null</c>.</summary>
    public static string Page(IEnumerable<int> items, string? next, long? total = null)
    {
        var json = new StringBuilder("{\"data\":{\"type\":\"OrderedCollectionPage\",\"orderedItems\":[");
        json.Append(string.Join(",", items.Select(n => "{\"n\":" + n.ToString(CultureInfo.InvariantCulture) + "}")));
        json.Append("],\"nextCursor\":").Append(next is null ? "null" : "\"" + next + "\"");
        if (total is long t)
        {
            json.Append(",\"totalItems\":").Append(t.ToString(CultureInfo.InvariantCulture));
        }

        return json.Append("}}").ToString();
    }

    /// <summary>The raw data object, for pages that break the contract.</summary>
    public static string Data(string dataObject) => "{\"data\":" + dataObject + "}";

    /// <summary>The <c>cursor</c> query value of a request, decoded, or null.</summary>
    public static string? CursorOf(HttpRequestMessage request)
    {
        var query = request.RequestUri!.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual("cursor"))
            {
                return Uri.UnescapeDataString(pair.AsSpan(equals + 1));
            }
        }

        return null;
    }
}

/// <summary>A sink that records everything the pager tells it, in order.</summary>
internal sealed class RecordingSink : IItemSink
{
    private readonly object gate = new();
    private readonly List<(string Kind, object? Payload)> events = new();

    public IReadOnlyList<(string Kind, object? Payload)> Events
    {
        get
        {
            lock (gate)
            {
                return events.ToList();
            }
        }
    }

    /// <summary>Every item added, flattened.</summary>
    public IReadOnlyList<object?> Items => Events.Where(e => e.Kind == "item").Select(e => e.Payload).ToList();

    /// <summary>How many Add calls there were (one per page read).</summary>
    public int Adds => Events.Count(e => e.Kind == "add");

    public IReadOnlyList<string> Warnings => Events.Where(e => e.Kind == "warn").Select(e => (string)e.Payload!).ToList();

    public IReadOnlyList<long?> Totals => Events.Where(e => e.Kind == "total").Select(e => (long?)e.Payload).ToList();

    public IReadOnlyList<string> Reports => Events.Where(e => e.Kind == "report").Select(e => (string)e.Payload!).ToList();

    public void Add(IReadOnlyList<object?> items)
    {
        lock (gate)
        {
            events.Add(("add", items.Count));
            foreach (var item in items)
            {
                events.Add(("item", item));
            }
        }
    }

    public void Total(long? totalItems) => Record("total", totalItems);

    public void Warn(string message) => Record("warn", message);

    public void At(string? cursor) => Record("at", cursor);

    public void Report(string message) => Record("report", message);

    public Task WaitForRoomAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What <see cref="HasRoomFor"/> answers; false makes the pager add a page's items before asking for the next.</summary>
    public bool Room { get; set; } = true;

    public bool HasRoomFor(int items) => Room;

    private void Record(string kind, object? payload)
    {
        lock (gate)
        {
            events.Add((kind, payload));
        }
    }
}

/// <summary>
/// A service whose pages are keyed by the cursor asked for (null: the first page). It answers 50 requests
/// at most, so a pager that loops on a script fails its test instead of hanging the run.
/// </summary>
internal sealed class PagedService
{
    private readonly Dictionary<string, Func<HttpResponseMessage>> pages = new(StringComparer.Ordinal);
    private Func<HttpResponseMessage>? first;

    public PagedService()
    {
        Handler = new FakeHandler((request, _) => Answer(request));
    }

    public FakeHandler Handler { get; }

    /// <summary>The cursors asked for, in order (null for the first page).</summary>
    public ConcurrentQueue<string?> Asked { get; } = new();

    public PagedService On(string? cursor, string json) => On(cursor, () => Responses.Json(HttpStatusCode.OK, json, used: 1, remaining: 1000));

    public PagedService On(string? cursor, Func<HttpResponseMessage> response)
    {
        if (cursor is null)
        {
            first = response;
        }
        else
        {
            pages[cursor] = response;
        }

        return this;
    }

    /// <summary>The full request addresses as sent, in order.</summary>
    public IReadOnlyList<string> Sent => Handler.Requests.Select(r => r.RequestUri!.OriginalString).ToList();

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var cursor = PageJson.CursorOf(request);
        Asked.Enqueue(cursor);
        if (Handler.Calls > 50)
        {
            return Responses.Error(HttpStatusCode.BadRequest, "validation_error", "The test's script answers 50 requests at most; the pager ran away.");
        }

        var page = cursor is null ? first : pages.GetValueOrDefault(cursor);
        return page is null
            ? Responses.Error(HttpStatusCode.BadRequest, "validation_error", "No such cursor in the test's script: " + cursor)
            : page();
    }
}
