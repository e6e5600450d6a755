using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Searches Instagram for trending reels and videos.</para>
/// <para type="description">Finds trending posts for each keyword: one page of up to 24 per text by default (one credit), -First N, -All. This surfaces trending content rather than searching all text, so a valid keyword may find nothing. Results are posts (KonbiniApi.Models.InstagramPost) that pipe into Get-KonbiniInstagramComment.</para>
/// </summary>
[Cmdlet(VerbsCommon.Search, "KonbiniInstagram", SupportsPaging = true)]
[OutputType(typeof(InstagramPost), typeof(PSObject))]
public sealed class SearchKonbiniInstagramCommand : KonbiniSearchCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Searching Instagram";

    /// <inheritdoc />
    protected override ApiOperation Operation => InstagramOperations.Search;
}
