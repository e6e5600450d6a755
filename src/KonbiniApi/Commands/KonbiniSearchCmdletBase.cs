using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// A search on any platform: the -Query parameter, each text read as a list with the operation the cmdlet
/// names, and whatever fixed filters it adds to the query string.
/// </summary>
public abstract class KonbiniSearchCmdletBase : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">What to search for (1 to 500 characters). Several texts, from the parameter or the pipeline, are searched one after another in input order; each result says which text found it in ListedFor.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Keyword", "Text")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Query { get; set; } = Array.Empty<string?>();

    /// <summary>The search operation.</summary>
    protected abstract ApiOperation Operation { get; }

    /// <summary>Filters sent with every text (an order, a time window); none by default.</summary>
    protected virtual KeyValuePair<string, string>[] Filters => Array.Empty<KeyValuePair<string, string>>();

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Query ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => Operation.Bind(input as string, Filters);
}

/// <summary>TikTok's video and general searches: -Order and -Published on top of the search.</summary>
public abstract class TikTokFilteredSearchCmdletBase : KonbiniSearchCmdletBase
{
    /// <summary>
    /// <para type="description">The order of results: Relevance (the default), MostLiked or DatePosted.</para>
    /// </summary>
    [Parameter]
    public TikTokSearchOrder Order { get; set; } = TikTokSearchOrder.Relevance;

    /// <summary>
    /// <para type="description">How recent results must be: AllTime (the default), Yesterday, ThisWeek, ThisMonth, Last3Months or Last6Months.</para>
    /// </summary>
    [Parameter]
    public TikTokPublished Published { get; set; } = TikTokPublished.AllTime;

    /// <inheritdoc />
    protected override KeyValuePair<string, string>[] Filters => new[]
    {
        new KeyValuePair<string, string>("order", WireName.Of(Order)),
        new KeyValuePair<string, string>("published", WireName.Of(Published)),
    };
}
