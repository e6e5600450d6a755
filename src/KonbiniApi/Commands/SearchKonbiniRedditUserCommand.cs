using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Searches Reddit for users.</para>
/// <para type="description">Finds accounts matching each text: one page of up to 100 per text by default (one credit), -First N for N accounts, -All for every page. Pipe the results into Get-KonbiniRedditUser for full profiles, or into Get-KonbiniRedditPost -Username for their posts.</para>
/// </summary>
[Cmdlet(VerbsCommon.Search, "KonbiniRedditUser", SupportsPaging = true)]
[OutputType(typeof(RedditUser), typeof(PSObject))]
public sealed class SearchKonbiniRedditUserCommand : KonbiniSearchCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Searching Reddit users";

    /// <inheritdoc />
    protected override ApiOperation Operation => RedditOperations.SearchUsers;
}
