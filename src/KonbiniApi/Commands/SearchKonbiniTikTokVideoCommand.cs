using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Searches TikTok for videos.</para>
/// <para type="description">Finds videos matching each text, in the order and time window asked for: one page per text by default (up to 100 videos, one credit), -First N for N videos, -All for every page.</para>
/// </summary>
[Cmdlet(VerbsCommon.Search, "KonbiniTikTokVideo", SupportsPaging = true)]
[OutputType(typeof(TikTokVideo), typeof(PSObject))]
public sealed class SearchKonbiniTikTokVideoCommand : TikTokFilteredSearchCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Searching TikTok videos";

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.SearchVideos;
}
