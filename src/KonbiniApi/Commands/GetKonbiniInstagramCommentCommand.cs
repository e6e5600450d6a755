using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the comments on Instagram posts.</para>
/// <para type="description">Lists each post's top-level comments: one page of 15 per post by default (the platform fixes the page size at 15; one credit), -First N for N comments, -All for every page. Every comment carries its PostId and says which post it was listed for in ListedFor.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniInstagramComment", SupportsPaging = true)]
[OutputType(typeof(InstagramComment), typeof(PSObject))]
public sealed class GetKonbiniInstagramCommentCommand : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The posts whose comments to list: shortcodes, or post and reel URLs. Takes pipeline input, and binds properties or CSV columns named PostId or Shortcode, so posts from Get-KonbiniInstagramPost and Get-KonbiniInstagramReel pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Shortcode")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] PostId { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Listing comments on Instagram posts";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => PostId ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => InstagramOperations.PostComments.Bind(input as string);
}
