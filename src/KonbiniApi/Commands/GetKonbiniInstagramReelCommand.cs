using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the reels of Instagram users.</para>
/// <para type="description">Lists each user's reels: one page of up to 12 per user by default (one credit), -First N for N reels, -All for every page. Each reel says whose it is in ListedFor, and pipes into Get-KonbiniInstagramComment.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniInstagramReel", SupportsPaging = true)]
[OutputType(typeof(InstagramPost), typeof(PSObject))]
public sealed class GetKonbiniInstagramReelCommand : InstagramUsernameListCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Listing Instagram reels";

    /// <inheritdoc />
    protected override ApiOperation Operation => InstagramOperations.UserReels;
}
