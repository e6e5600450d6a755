using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

/// <summary>What a validated list request says about paging: the collection, where this page starts and
/// how many items it asks for. Every platform's call carries these, so one page writer serves them all.</summary>
internal interface IPagedCall
{
    /// <summary>The collection's URL without query, as the page's <c>partOf</c> and the start of its next link.</summary>
    string PartOf { get; }

    /// <summary>What a cursor is bound to, so a cursor from another collection is refused.</summary>
    string Identity { get; }

    ListPosition Position { get; }

    /// <summary>The cursor as the client sent it, echoed back in <c>cursor</c>.</summary>
    string CursorText { get; }

    int Count { get; }

    /// <summary>Set when the page is a pure function of this text (the address and target asked), so that a
    /// page asked for again is sent as rendered before; null renders every time.</summary>
    string? PageKey => null;
}

/// <summary>The query parameters a next link repeats after the cursor. Each route repeats only what it
/// takes, in the contract's order: query first, then cursor, count, order, published. The query and the
/// published-time filter go by <paramref name="QueryName"/> and <paramref name="PublishedName"/> (Reddit
/// says <c>q</c> and <c>time</c>).</summary>
internal readonly record struct NextLink(
    string? Query = null, bool Count = true, string? Order = null, string? Published = null, string QueryName = "query", string PublishedName = "published");

/// <summary>How one page deviates from the common envelope: whether its total is known, whether the first
/// page says <c>cursor: null</c> instead of echoing the start cursor, and the order items are listed in.</summary>
internal readonly record struct PageStyle(NextLink Link, bool TotalKnown = true, bool NullCursorOnFirstPage = false, ListOrder Order = default);

/// <summary>Writes the answers every platform shares: the <c>{"data": ...}</c> envelope around one object,
/// and the OrderedCollectionPage envelope around one page of a list planned by <see cref="ListPlan"/>.</summary>
internal static class PageWriter
{
    /// <summary>Pages are written straight into a pooled buffer; this is a first guess per item, not a limit.</summary>
    private const int BytesPerItem = 3072;

    // A page of 100 videos is about 300 KB: at most some 20 MB kept. Like items, a page is kept from the
    // second time it is asked for, so walking a long list never fills this with pages nobody asks for again.
    private static readonly GeneratedCache<byte[]> KeptPages = new(64);

    public static RouteResult Single(Action<Utf8JsonWriter> write)
    {
        var buffer = new PooledBufferWriter(4096);
        using (var writer = new Utf8JsonWriter(buffer, PersonJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data"u8);
            write(writer);
            writer.WriteEndObject();
        }

        return new RouteResult(StatusCodes.Status200OK, buffer.WrittenMemory, charge: true, buffer);
    }

    /// <summary>One page: <paramref name="writeItem"/> writes the item at each index of the underlying
    /// sequence (after <see cref="PageStyle.Order"/> maps the page's positions to indexes).</summary>
    public static RouteResult Page(IPagedCall call, ListPlan plan, PageStyle style, Action<Utf8JsonWriter, long> writeItem)
    {
        var slice = plan.Slice(call.Position, call.Count);
        if (slice.Fails)
        {
            return RouteResult.Error(ApiErrors.BadGateway, charge: false);
        }

        var kept = call.PageKey is { } key ? KeptPages.Find(key) : default;
        if (kept.Value is { } rendered)
        {
            return new RouteResult(StatusCodes.Status200OK, rendered, charge: true);
        }

        var buffer = new PooledBufferWriter(Math.Max(4096, slice.Count * BytesPerItem));
        using (var writer = new Utf8JsonWriter(buffer, PersonJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data"u8);
            PersonJson.WriteContext(writer);
            writer.WriteString("type"u8, "OrderedCollectionPage"u8);
            writer.WriteString("partOf"u8, call.PartOf);
            if (style.TotalKnown && slice.TotalItems is { } total)
            {
                writer.WriteNumber("totalItems"u8, total);
            }
            else
            {
                writer.WriteNull("totalItems"u8);
            }

            if (style.NullCursorOnFirstPage && call.Position.Page == 1)
            {
                writer.WriteNull("cursor"u8);
            }
            else
            {
                writer.WriteString("cursor"u8, call.CursorText);
            }

            if (slice.Next is { } next)
            {
                // A repeating list hands back the cursor it was asked with, as the paging scenario scripts.
                var cursor = next == call.Position && call.Position.Page > 1 ? call.CursorText : ListCursor.Encode(call.Identity, next);
                writer.WriteString("nextCursor"u8, cursor);
                writer.WriteString("next"u8, NextUrl(call, cursor, style.Link));
            }
            else
            {
                writer.WriteNull("nextCursor"u8);
                writer.WriteNull("next"u8);
            }

            writer.WriteNumber("itemCount"u8, slice.Count);
            writer.WriteStartArray("orderedItems"u8);
            for (var i = 0; i < slice.Count; i++)
            {
                writeItem(writer, style.Order.IndexAt(slice.Start + i));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (kept.WorthKeeping)
        {
            var page = buffer.WrittenMemory.ToArray();
            buffer.Dispose();
            KeptPages.Keep(kept, call.PageKey!, page);
            return new RouteResult(StatusCodes.Status200OK, page, charge: true);
        }

        return new RouteResult(StatusCodes.Status200OK, buffer.WrittenMemory, charge: true, buffer);
    }

    private static string NextUrl(IPagedCall call, string cursor, NextLink link)
    {
        var url = new StringBuilder(call.PartOf).Append('?');
        if (link.Query is { } text)
        {
            url.Append(link.QueryName).Append('=').Append(Uri.EscapeDataString(text)).Append('&');
        }

        url.Append("cursor=").Append(Uri.EscapeDataString(cursor));
        if (link.Count)
        {
            url.Append("&count=").Append(call.Count.ToString(CultureInfo.InvariantCulture));
        }

        if (link.Order is { } order)
        {
            url.Append("&order=").Append(order);
        }

        if (link.Published is { } published)
        {
            url.Append('&').Append(link.PublishedName).Append('=').Append(published);
        }

        return url.ToString();
    }
}
