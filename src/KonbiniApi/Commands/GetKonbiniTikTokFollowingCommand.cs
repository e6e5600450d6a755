using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the accounts TikTok users follow.</para>
/// <para type="description">Lists the accounts each user follows: one page per user by default (one credit), -First N for N followers, -All for every page. Each account says whose list it is on in ListedFor.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokFollowing", SupportsPaging = true)]
[OutputType(typeof(TikTokUserSummary), typeof(PSObject))]
public sealed class GetKonbiniTikTokFollowingCommand : TikTokUsernameListCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Listing accounts TikTok users follow";

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.UserFollowing;
}
