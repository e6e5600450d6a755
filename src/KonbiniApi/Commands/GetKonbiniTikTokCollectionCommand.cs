using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the collections (playlists) of TikTok creators.</para>
/// <para type="description">Lists each creator's collections: one page per creator by default (one credit), -First N, -All. Pipe them into Get-KonbiniTikTokVideo to list their videos.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokCollection", SupportsPaging = true)]
[OutputType(typeof(TikTokCollection), typeof(PSObject))]
public sealed class GetKonbiniTikTokCollectionCommand : TikTokUsernameListCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Listing TikTok collections";

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.UserCollections;
}
