using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the stories of Instagram highlights.</para>
/// <para type="description">Reads every story of each highlight in one request (one credit; the list is not paginated, so -All, -PageSize and -Cursor do not apply, while -First and -Skip choose among the stories). Highlights from Get-KonbiniInstagramHighlight pipe straight in by their HighlightId.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniInstagramStory", SupportsPaging = true)]
[OutputType(typeof(InstagramStory), typeof(PSObject))]
public sealed class GetKonbiniInstagramStoryCommand : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The highlights whose stories to read: IDs (digits, or 'highlight:' and digits as highlights carry them) or highlight URLs such as https://www.instagram.com/stories/highlights/17986596002776443/. Takes pipeline input, and binds properties or CSV columns named HighlightId.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] HighlightId { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Reading Instagram highlight stories";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => HighlightId ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => InstagramOperations.HighlightStories.Bind(input as string);
}
