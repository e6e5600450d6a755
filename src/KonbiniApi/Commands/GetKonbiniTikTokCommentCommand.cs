using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the comments on TikTok videos, or the replies to comments.</para>
/// <para type="description">With -VideoId, lists each video's comments; with -VideoId and -CommentId, the replies to that comment. One parameter set serves both, so that piped videos give their comments and piped comments (which carry CommentId) give their replies. One page per input by default (one credit), -First N for N comments, -All for every page. Every comment carries its VideoId and CommentId, so piping comments back in lists their replies.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokComment", SupportsPaging = true)]
[OutputType(typeof(TikTokComment), typeof(PSObject))]
public sealed class GetKonbiniTikTokCommentCommand : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The videos whose comments to list, or (with -CommentId) the video the comment is on: IDs or video URLs. Takes pipeline input, and binds properties or CSV columns named VideoId, so videos from Get-KonbiniTikTokVideo pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] VideoId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The comment whose replies to list; without it, the video's comments are listed. Binds a property named CommentId, so comments from this cmdlet pipe straight back in to list their replies.</para>
    /// </summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    public string? CommentId { get; set; }

    /// <inheritdoc />
    protected override string ActivityName => "Listing comments on TikTok videos";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => VideoId ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => string.IsNullOrEmpty(CommentId)
        ? TikTokOperations.VideoComments.Bind(input as string)
        : TikTokOperations.CommentReplies.Bind(new[] { input as string, CommentId });
}
