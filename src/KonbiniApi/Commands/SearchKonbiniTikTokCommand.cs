using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Searches TikTok for videos and accounts together.</para>
/// <para type="description">Writes what TikTok's general search finds, videos (KonbiniApi.Models.TikTokVideo) and accounts (KonbiniApi.Models.TikTokUserSummary) mixed as the API ranks them; one table view shows both. One page per text by default (one credit), -First N, -All.</para>
/// </summary>
[Cmdlet(VerbsCommon.Search, "KonbiniTikTok", SupportsPaging = true)]
[OutputType(typeof(TikTokVideo), typeof(TikTokUserSummary), typeof(PSObject))]
public sealed class SearchKonbiniTikTokCommand : KonbiniListCmdletBase
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
    protected override string ActivityName => "Searching TikTok";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Query ?? new string?[] { null };

    /// <summary>Videos and accounts share one table view (KonbiniApi.Models.TikTokSearchResult), so a mixed list reads as one table.</summary>
    protected override object Present(object model)
    {
        var tagged = PSObject.AsPSObject(model);
        tagged.TypeNames.Insert(0, "KonbiniApi.Models.TikTokSearchResult");
        return tagged;
    }

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.SearchContent.Bind(input as string, new KeyValuePair<string, string>("order", WireName.Of(Order)), new KeyValuePair<string, string>("published", WireName.Of(Published)));
}
