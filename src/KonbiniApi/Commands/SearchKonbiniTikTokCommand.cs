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
public sealed class SearchKonbiniTikTokCommand : TikTokFilteredSearchCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Searching TikTok";

    /// <summary>Videos and accounts share one table view (KonbiniApi.Models.TikTokSearchResult), so a mixed list reads as one table.</summary>
    protected override object Present(object model)
    {
        var tagged = PSObject.AsPSObject(model);
        tagged.TypeNames.Insert(0, "KonbiniApi.Models.TikTokSearchResult");
        return tagged;
    }

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.SearchContent;
}
