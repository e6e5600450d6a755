using System;
using System.Collections.Generic;
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
public sealed class GetKonbiniTikTokStoryCommand : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The TikTok users: 'name', '@name', or a profile URL. Takes pipeline input, and binds properties or CSV columns named Username, Handle, PreferredUsername, UniqueId or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Handle", "PreferredUsername", "UniqueId", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Listing TikTok stories";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.UserStories.Bind(input as string);
}
