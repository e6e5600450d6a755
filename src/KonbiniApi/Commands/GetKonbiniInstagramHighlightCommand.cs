using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the story highlights of Instagram users.</para>
/// <para type="description">Lists each user's highlights: one page per user by default (one credit), -First N, -All. The service pages highlights by cursor alone and decides the page size, so -PageSize does not apply. Pipe highlights into Get-KonbiniInstagramStory for their stories.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniInstagramHighlight", SupportsPaging = true)]
[OutputType(typeof(InstagramHighlight), typeof(PSObject))]
public sealed class GetKonbiniInstagramHighlightCommand : InstagramUsernameListCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Listing Instagram highlights";

    /// <inheritdoc />
    protected override ApiOperation Operation => InstagramOperations.UserHighlights;
}
