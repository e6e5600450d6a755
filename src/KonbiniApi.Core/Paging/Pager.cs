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
        var content = WithAnswer(response, () => ReadPage(response, convert));
        sink.Total(content.TotalItems);
        var ready = new List<object?>(content.Items.Count);
        ulong index = 0;
        foreach (var item in content.Items)
        {
            if (index++ < options.Skip)
            {
                continue;
            }

            if ((ulong)ready.Count >= options.First)
            {
                break;
            }

            ready.Add(item);
        }

        sink.Report(call.ListedFor + ": " + content.Items.Count.ToString(CultureInfo.InvariantCulture) + " items in one answer (this list is not paginated).");
        sink.Add(ready);
        sink.At(null);
    }

    /// <summary>
    /// Reads the pages of one input's list. Each item goes through <paramref name="convert"/>; with
    /// <paramref name="wholePages"/> each page's data object does instead (one output per page).
    /// </summary>
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
        for (var page = 1; ; page++)
        {
            sink.At(cursor);
            await sink.WaitForRoomAsync(cancellationToken).ConfigureAwait(false);
            var path = call.PathFor(pageSize, cursor);
            ApiResponse response;
            try
            {
                response = await client.GetAsync(path, sink, cancellationToken).ConfigureAwait(false);
            }
            catch (KonbiniApiException failure) when (page > 1 || cursor is not null)
            {
                throw Resumable(failure, call, page, cursor!);
            }

            string? next;
            using (response)
            {
                var content = WithAnswer(response, () => ReadPage(response, wholePages ? null : convert));
                if (page == 1)
                {
                    sink.Total(content.TotalItems);
                }

                var ready = new List<object?>(content.Items.Count);
                if (wholePages)
                {
                    ready.Add(WithAnswer(response, () => convert(response.Data, response.RequestPath, "data")));
                }

                foreach (var item in wholePages ? Array.Empty<object?>() : content.Items)
                {
                    if (skipped < options.Skip)
                    {
                        skipped++;
                        continue;
                    }

                    if (written >= options.First)
                    {
                        break;
                    }

                    ready.Add(item);
                    written++;
                }

                next = content.NextCursor;
                sink.Report(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: page {1}{2}: {3} items{4}.",
                    call.ListedFor,
                    page,
                    cursor is null ? string.Empty : " (cursor '" + cursor + "')",
                    content.Items.Count,
                    next is null ? ", the last page" : "; next cursor '" + next + "'"));
                sink.Add(ready);

                emptyInARow = content.Items.Count == 0 ? emptyInARow + 1 : 0;
            }

            var enough = written >= options.First || (!options.All && options.First == ulong.MaxValue);
            if (next is null || enough)
            {
                sink.At(null);
                return;
            }

            if (!given.Add(next))
            {
                sink.Warn(call.ListedFor + ": the service gave the cursor '" + next + "' a second time, so reading would repeat pages already paid for; this input ends after page " +
                    page.ToString(CultureInfo.InvariantCulture) + ".");
                sink.At(null);
                return;
            }

            if (emptyInARow >= options.MaxEmptyPagesInARow)
            {
                sink.Warn(call.ListedFor + ": " + emptyInARow.ToString(CultureInfo.InvariantCulture) +
                    " pages in a row were empty yet promised more, so this input ends after page " + page.ToString(CultureInfo.InvariantCulture) +
                    " rather than pay for more empty pages. To go on anyway, run it again with -Cursor '" + next + "'.");
                sink.At(null);
                return;
            }

            cursor = next;
        }
    }

    private static PageContent ReadPage(ApiResponse response, ConvertItem? convert)
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

        var read = new List<object?>(items.GetArrayLength());
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            read.Add(convert is null ? null : convert(item, path, "data.orderedItems[" + index.ToString(CultureInfo.InvariantCulture) + "]"));
            index++;
        }

        return new PageContent(read, string.IsNullOrEmpty(next) ? null : next, total);
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
            throw new KonbiniApiException(
                contract.Kind,
                contract.Message,
                response.StatusCode,
                contract.ErrorCode,
                response.RequestPath,
                response.CreditsUsed,
                response.CreditsRemaining,
                response.Attempts,
                contract);
        }
    }

    private static KonbiniApiException Resumable(KonbiniApiException failure, IPageSource call, int page, string cursor)
    {
        var resumable = failure.AffectsEveryRequest
            ? failure
            : failure.Rephrased(failure.Message.TrimEnd('.') + ". It was page " + page.ToString(CultureInfo.InvariantCulture) + " of " + call.ListedFor +
                "; the items before it were written. To go on from here, run the command again for this input with -Cursor '" + cursor + "'.");
        resumable.ResumeCursor = cursor;
        return resumable;
    }

    private sealed class PageContent
    {
        public PageContent(IReadOnlyList<object?> items, string? nextCursor, long? totalItems)
        {
            Items = items;
            NextCursor = nextCursor;
            TotalItems = totalItems;
        }

        public IReadOnlyList<object?> Items { get; }

        public string? NextCursor { get; }

        public long? TotalItems { get; }
    }
}
