using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets TikTok user profiles from KonbiniAPI.</para>
/// <para type="description">Looks up each username (name, @name or profile URL) concurrently and writes one profile, or one error, per input in input order.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokUser")]
[OutputType(typeof(TikTokUser), typeof(PSObject))]
public sealed class GetKonbiniTikTokUserCommand : TikTokUsernameLookupCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Looking up TikTok users";

    /// <inheritdoc />
    protected override ApiOperation Operation => TikTokOperations.User;
}
