using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the followers of TikTok users.</para>
/// <para type="description">Lists the accounts that follow each user: one page per user by default (one credit), -First N for N followers, -All for every page. Each follower says whose follower it is in ListedFor.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokFollower", SupportsPaging = true)]
[OutputType(typeof(TikTokUserSummary), typeof(PSObject))]
public sealed class GetKonbiniTikTokFollowerCommand : TikTokUsernameListCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Listing TikTok followers";

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.UserFollowers;
}
