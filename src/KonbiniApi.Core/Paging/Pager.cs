using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Json;
using KonbiniApi.Operations;

namespace KonbiniApi.Paging;

/// <summary>Turns one JSON object into what the cmdlet writes (a model, or the raw JSON).</summary>
public delegate object ConvertItem(JsonElement element, string requestPath, string jsonPath);

/// <summary>What the pager reads: the request path of any page, and what the list is of.</summary>
public interface IPageSource
{
    /// <summary>What the list is of, for messages.</summary>
    string ListedFor { get; }

    /// <summary>The page size to ask for when none is given; null to let the service choose.</summary>
    int? DefaultPageSize { get; }

    /// <summary>What a 404 not_found means for this request, when it means more than "no such thing".</summary>
    string? NotFoundMeaning { get; }

    /// <summary>The request path of the page at <paramref name="cursor"/> (null: the first page).</summary>
    string PathFor(int? pageSize, string? cursor);
}

/// <summary>
/// The one pager every list uses: reads an input's pages one after another, each as soon as the previous
/// one is in, streams their items to the sink, follows <c>nextCursor</c> as far as the options ask, and
/// guards against services that would make it pay twice (a cursor given again, empty pages that promise more).
/// </summary>
public static class Pager
{
    /// <summary>Reads an operation that answers one object.</summary>
    public static async Task ReadOneAsync(KonbiniClient client, IPageSource call, ConvertItem convert, IItemSink sink, CancellationToken cancellationToken)
    {
        if (client is null || call is null || convert is null || sink is null)
        {
            throw new ArgumentNullException(client is null ? nameof(client) : call is null ? nameof(call) : convert is null ? nameof(convert) : nameof(sink));
        }

        ApiResponse response;
        try
        {
            response = await client.GetAsync(call.PathFor(null, null), sink, cancellationToken).ConfigureAwait(false);
        }
        catch (KonbiniApiException missing) when (missing.Kind == ApiErrorKind.NotFound && call.NotFoundMeaning is { } meaning)
        {
            throw missing.Rephrased(meaning + " (" + missing.Message.TrimEnd('.') + "). The lookup was charged one credit.");
        }

        using var owned = response;
        sink.Add(new[] { WithAnswer(response, () => convert(response.Data, response.RequestPath, "data")) });
        sink.At(null);
    }

    /// <summary>Reads a list that comes whole in one answer; -First and -Skip apply to its items.</summary>
    public static async Task ReadWholeAsync(KonbiniClient client, IPageSource call, PagingOptions options, ConvertItem convert, IItemSink sink, CancellationToken cancellationToken)
    {
        if (client is null || call is null || options is null || convert is null || sink is null)
        {
            throw new ArgumentNullException(client is null ? nameof(client) : call is null ? nameof(call) : options is null ? nameof(options) : convert is null ? nameof(convert) : nameof(sink));
        }

        ApiResponse answer;
        try
        {
            answer = await client.GetAsync(call.PathFor(null, null), sink, cancellationToken).ConfigureAwait(false);
        }
        catch (KonbiniApiException missing) when (missing.Kind == ApiErrorKind.NotFound && call.NotFoundMeaning is { } meaning)
        {
            // A whole list is one lookup, so a 404 means what it means for one object (no such highlight).
            throw missing.Rephrased(meaning + " (" + missing.Message.TrimEnd('.') + "). The lookup was charged one credit.");
        }

        using var response = answer;
        var page = WithAnswer(response, () => ReadShape(response));
        sink.Total(page.TotalItems);
        var count = (ulong)page.Items.GetArrayLength();
        var skip = Math.Min(options.Skip, count);
        var take = Math.Min(options.First, count - skip);
        sink.Report(call.ListedFor + ": " + count.ToString(CultureInfo.InvariantCulture) + " items in one answer (this list is not paginated).");
        sink.Add(ConvertItems(response, page.Items, skip, take, convert));
        sink.At(null);
    }

    /// <summary>
    /// Reads the pages of one input's list. Each item goes through <paramref name="convert"/>; with
    /// <paramref name="wholePages"/> each page's data object does instead (one output per page).
    /// </summary>
    /// <remarks>
    /// The next page is asked for as soon as a page is in, before its items are read: whether there is a
    /// next page depends only on the page's cursor and how many items it holds, and reading 100 items takes
    /// long enough to matter against the service's latency (most of all while the JIT is still compiling
    /// the readers). An item that does not read is written as an error in its place and the list goes on,
    /// so a page asked for early is never one the call did not need.
    /// </remarks>
    public static async Task ReadPagesAsync(KonbiniClient client, IPageSource call, PagingOptions options, ConvertItem convert, IItemSink sink, CancellationToken cancellationToken, bool wholePages = false)
    {
        if (client is null || call is null || options is null || convert is null || sink is null)
        {
            throw new ArgumentNullException(client is null ? nameof(client) : call is null ? nameof(call) : options is null ? nameof(options) : convert is null ? nameof(convert) : nameof(sink));
        }

        var pageSize = options.PageSize ?? call.DefaultPageSize;
        var cursor = options.StartCursor;
        var given = new HashSet<string>(StringComparer.Ordinal);
        if (cursor is not null)
        {
            given.Add(cursor);
        }

        ulong skipped = 0;
        ulong written = 0;
        var emptyInARow = 0;
        Task<ApiResponse>? askedEarly = null;
        try
        {
            for (var page = 1; ; page++)
            {
                sink.At(cursor);
                ApiResponse response;
                try
                {
                    if (askedEarly is { } early)
                    {
                        askedEarly = null;
                        response = await early.ConfigureAwait(false);
                    }
                    else
                    {
                        await sink.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
                        response = await client.GetAsync(call.PathFor(pageSize, cursor), sink, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (KonbiniApiException failure) when (page > 1 || cursor is not null)
                {
                    throw Resumable(failure, call, page, cursor!);
                }

                string? next;
                PageEnd end;
                using (response)
                {
                    var content = WithAnswer(response, () => ReadShape(response));
                    if (page == 1)
                    {
                        sink.Total(content.TotalItems);
                    }

                    // Which items of this page are written is decided by counts alone, before any is read.
                    var count = (ulong)content.Items.GetArrayLength();
                    ulong skip = 0;
                    ulong take = 0;
                    if (!wholePages)
                    {
                        skip = Math.Min(options.Skip - skipped, count);
                        take = Math.Min(options.First - written, count - skip);
                        skipped += skip;
                        written += take;
                    }

                    next = content.NextCursor;
                    emptyInARow = count == 0 ? emptyInARow + 1 : 0;
                    end = next is null || written >= options.First || (!options.All && options.First == ulong.MaxValue) ? PageEnd.Done
                        : !given.Add(next) ? PageEnd.CursorRepeated
                        : emptyInARow >= options.MaxEmptyPagesInARow ? PageEnd.EmptyPages
                        : PageEnd.More;
                    sink.Report(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0}: page {1}{2}: {3} items{4}.",
                        call.ListedFor,
                        page,
                        cursor is null ? string.Empty : " (cursor '" + cursor + "')",
                        count,
                        next is null ? ", the last page" : "; next cursor '" + next + "'"));
                    if (end == PageEnd.More && sink.HasRoomFor((int)take))
                    {
                        askedEarly = client.GetAsync(call.PathFor(pageSize, next), sink, cancellationToken);
                    }

                    if (wholePages)
                    {
                        sink.Add(new[] { ConvertOne(response, response.Data, "data", convert) });
                    }
                    else if (askedEarly is null)
                    {
                        sink.Add(ConvertItems(response, content.Items, skip, take, convert));
                    }
                    else
                    {
                        // Pages of many inputs tend to arrive together. Building this page's objects at the back
                        // of the thread pool's queue lets the answers already waiting there send their next
                        // requests first, instead of each waiting for the pages ahead of it to be read. The token
                        // is cancelled only when nothing more will be written (Ctrl+C, a downstream stop), so then
                        // the objects are not built at all.
                        var items = content.Items;
                        sink.Add(await Task.Factory.StartNew(
                            () => ConvertItems(response, items, skip, take, convert),
                            cancellationToken,
                            TaskCreationOptions.PreferFairness,
                            TaskScheduler.Default).ConfigureAwait(false));
                    }
                }

                switch (end)
                {
                    case PageEnd.Done:
                        sink.At(null);
                        return;
                    case PageEnd.CursorRepeated:
                        sink.Warn(call.ListedFor + ": the service gave the cursor '" + next + "' a second time, so reading would repeat pages already paid for; this input ends after page " +
                            page.ToString(CultureInfo.InvariantCulture) + ".");
                        sink.At(null);
                        return;
                    case PageEnd.EmptyPages:
                        sink.Warn(call.ListedFor + ": " + emptyInARow.ToString(CultureInfo.InvariantCulture) +
                            " pages in a row were empty yet promised more, so this input ends after page " + page.ToString(CultureInfo.InvariantCulture) +
                            " rather than pay for more empty pages. To go on anyway, run it again with -Cursor '" + next + "'.");
                        sink.At(null);
                        return;
                }

                cursor = next;
            }
        }
        finally
        {
            // Only a failure on the way out can leave a page asked for early; its answer is still released.
            if (askedEarly is { } orphan)
            {
                _ = orphan.ContinueWith(
                    static request =>
                    {
                        if (request.Status == TaskStatus.RanToCompletion)
                        {
                            request.Result.Dispose();
                        }

                        return request.Exception;
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
    }

    /// <summary>Checks the page's envelope (the items, the cursor, the total) without reading any item.</summary>
    private static PageShape ReadShape(ApiResponse response)
    {
        var data = response.Data;
        var path = response.RequestPath;
        if (!data.TryGetProperty("orderedItems", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw ModelReader.Invalid(path, items.ValueKind == JsonValueKind.Undefined
                ? "the required field data.orderedItems is missing"
                : "data.orderedItems should be an array but is " + ModelReader.Describe(items.ValueKind));
        }

        string? next = null;
        if (data.TryGetProperty("nextCursor", out var nextCursor))
        {
            next = nextCursor.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => nextCursor.GetString(),
                _ => throw ModelReader.Invalid(path, "data.nextCursor should be a string or null but is " + ModelReader.Describe(nextCursor.ValueKind)),
            };
        }

        long? total = null;
        if (data.TryGetProperty("totalItems", out var totalItems) && totalItems.ValueKind != JsonValueKind.Null)
        {
            total = totalItems.ValueKind == JsonValueKind.Number && totalItems.TryGetInt64(out var count)
                ? count
                : throw ModelReader.Invalid(path, "data.totalItems should be a whole number or null but is " + ModelReader.Describe(totalItems.ValueKind));
        }

        return new PageShape(items, string.IsNullOrEmpty(next) ? null : next, total);
    }

    /// <summary>Reads <paramref name="take"/> items after the first <paramref name="skip"/>.</summary>
    private static List<object?> ConvertItems(ApiResponse response, JsonElement items, ulong skip, ulong take, ConvertItem convert)
    {
        var read = new List<object?>((int)take);
        ulong index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (index >= skip + take)
            {
                break;
            }

            if (index >= skip)
            {
                read.Add(ConvertOne(response, item, "data.orderedItems[" + index.ToString(CultureInfo.InvariantCulture) + "]", convert));
            }

            index++;
        }

        return read;
    }

    /// <summary>The item as the cmdlet writes it, or, when it breaks the contract, the failure that takes its place.</summary>
    private static object? ConvertOne(ApiResponse response, JsonElement element, string jsonPath, ConvertItem convert)
    {
        try
        {
            return convert(element, response.RequestPath, jsonPath);
        }
        catch (KonbiniApiException contract) when (contract.StatusCode is null && contract.Kind == ApiErrorKind.InvalidResponse)
        {
            return new ItemFailure(Answered(response, contract));
        }
    }

    /// <summary>The reader knows only the JSON; the answer's status and what it cost belong in its error too.</summary>
    private static T WithAnswer<T>(ApiResponse response, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (KonbiniApiException contract) when (contract.StatusCode is null)
        {
            throw Answered(response, contract);
        }
    }

    private static KonbiniApiException Answered(ApiResponse response, KonbiniApiException contract) =>
        new(
            contract.Kind,
            contract.Message,
            response.StatusCode,
            contract.ErrorCode,
            response.RequestPath,
            response.CreditsUsed,
            response.CreditsRemaining,
            response.Attempts,
            contract);

    private static KonbiniApiException Resumable(KonbiniApiException failure, IPageSource call, int page, string cursor)
    {
        var resumable = failure.AffectsEveryRequest
            ? failure
            : failure.Rephrased(failure.Message.TrimEnd('.') + ". It was page " + page.ToString(CultureInfo.InvariantCulture) + " of " + call.ListedFor +
                "; the items before it were written. To go on from here, run the command again for this input with -Cursor '" + cursor + "'.");
        resumable.ResumeCursor = cursor;
        return resumable;
    }

    private enum PageEnd
    {
        More,
        Done,
        CursorRepeated,
        EmptyPages,
    }

    private readonly struct PageShape
    {
        public PageShape(JsonElement items, string? nextCursor, long? totalItems)
        {
            Items = items;
            NextCursor = nextCursor;
            TotalItems = totalItems;
        }

        public JsonElement Items { get; }

        public string? NextCursor { get; }

        public long? TotalItems { get; }
    }
}
