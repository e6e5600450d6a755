using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the current stories of TikTok users.</para>
/// <para type="description">Lists each user's stories (short videos that disappear after a day): one page per user by default (one credit), -First N, -All.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokStory", SupportsPaging = true)]
[OutputType(typeof(TikTokStory), typeof(PSObject))]
public sealed class GetKonbiniTikTokStoryCommand : TikTokUsernameListCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Listing TikTok stories";

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.UserStories;
}
