using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the live streams of TikTok users who are live now.</para>
/// <para type="description">Writes each user's live stream with its viewers and stream addresses. A user who is not live is a KonbiniApi.NotFound error that says so (the lookup costs one credit either way).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokLive")]
[OutputType(typeof(TikTokLive), typeof(PSObject))]
public sealed class GetKonbiniTikTokLiveCommand : TikTokUsernameLookupCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Looking up TikTok live streams";

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.UserLive;
}
