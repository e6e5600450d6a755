using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Searches TikTok for accounts.</para>
/// <para type="description">Finds accounts matching each text: one page of 10 per text by default (the platform fixes the page size at 10; one credit), -First N for N accounts, -All for every page. Pipe the results into Get-KonbiniTikTokUser for full profiles.</para>
/// </summary>
[Cmdlet(VerbsCommon.Search, "KonbiniTikTokUser", SupportsPaging = true)]
[OutputType(typeof(TikTokUserSummary), typeof(PSObject))]
public sealed class SearchKonbiniTikTokUserCommand : KonbiniSearchCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Searching TikTok accounts";

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.SearchUsers;
}
