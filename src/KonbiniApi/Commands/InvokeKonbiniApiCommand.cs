using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using KonbiniApi.Errors;
using KonbiniApi.Operations;
using KonbiniApi.Output;
using KonbiniApi.Paging;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Calls any KonbiniAPI route and writes the data object it answers.</para>
/// <para type="description">For operations the module has no cmdlet for yet: the same key, credits, retries, errors, -MaxCredits and concurrency as every other cmdlet, and the answer's data object as a PSCustomObject. With -All, a list's pages are followed through nextCursor and each page's data object is written.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "KonbiniApi")]
[OutputType(typeof(PSObject))]
public sealed class InvokeKonbiniApiCommand : KonbiniApiCmdletBase
{
    private List<KeyValuePair<string, string>>? query;

    /// <summary>
    /// <para type="description">The route to call, starting with /v1/, such as /v1/tiktok/users/khaby.lame/videos. Each segment is sent percent-encoded as one segment. Takes pipeline input: one request (or one list) per path.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Path { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Query values, such as @{ count = 10; order = 'popular' }. A cursor value is where -All starts. Values are sent as text (numbers in the invariant culture).</para>
    /// </summary>
    [Parameter(Position = 1)]
    public Hashtable? Query { get; set; }

    /// <summary>
    /// <para type="description">Follows nextCursor to the last page and writes every page's data object (one credit per page). Without it, one request is sent per path.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <inheritdoc />
    protected override string ActivityName => "Calling KonbiniAPI";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Path ?? new string?[] { null };

    /// <inheritdoc />
    protected override LookupPlan Plan(object? input)
    {
        RawRequest request;
        try
        {
            request = RawRequest.Create(input as string, QueryPairs());
        }
        catch (KonbiniApiException refused) when (refused.Kind == ApiErrorKind.InvalidInput)
        {
            return LookupPlan.Refuse(refused);
        }

        var client = Client;
        ConvertItem convert = RawJson.ToPowerShell;
        if (!All.IsPresent)
        {
            return LookupPlan.Run(request.Key, request.ListedFor, true, (item, token) => Pager.ReadOneAsync(client, new CursorAt(request), convert, item, token));
        }

        var options = new PagingOptions { All = true, StartCursor = request.StartCursor };
        return LookupPlan.Run(request.Key, request.ListedFor, false, (item, token) => Pager.ReadPagesAsync(client, request, options, convert, item, token, wholePages: true));
    }

    private List<KeyValuePair<string, string>> QueryPairs()
    {
        if (query is not null)
        {
            return query;
        }

        query = new List<KeyValuePair<string, string>>();
        if (Query is null)
        {
            return query;
        }

        foreach (DictionaryEntry entry in Query)
        {
            var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            var text = value switch
            {
                null => string.Empty,
                bool flag => flag ? "true" : "false",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
            query.Add(new KeyValuePair<string, string>(entry.Key?.ToString() ?? string.Empty, text));
        }

        return query;
    }

    /// <summary>A single request that keeps the query's cursor, if it named one.</summary>
    private sealed class CursorAt : IPageSource
    {
        private readonly RawRequest request;

        public CursorAt(RawRequest request) => this.request = request;

        public string ListedFor => request.ListedFor;

        public int? DefaultPageSize => null;

        public string? NotFoundMeaning => null;

        public string PathFor(int? pageSize, string? cursor) => request.PathFor(pageSize, cursor ?? request.StartCursor);
    }
}
