using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the captions of LinkedIn video posts.</para>
/// <para type="description">Writes each post's caption track as LinkedIn serves it: the file's text (WebVTT or SubRip, as MediaType and Format say) and its cues as objects with Start, End and Text. One credit per post. A post without a video, or whose video has no captions, is a KonbiniApi.NotFound error that says so.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniLinkedInTranscript")]
[OutputType(typeof(LinkedInTranscript), typeof(PSObject))]
public sealed class GetKonbiniLinkedInTranscriptCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The posts: activity IDs, urn:li:activity:ID, post slugs or post URLs. Takes pipeline input, and binds properties or CSV columns named PostId, so posts from Get-KonbiniLinkedInPost pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] PostId { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Getting LinkedIn transcripts";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => PostId ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => LinkedInOperations.PostTranscript.Bind(input as string);
}
