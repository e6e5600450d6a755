using System;
using System.Collections.Generic;
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
public sealed class GetKonbiniTikTokFollowerCommand : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The users whose followers to list: 'name', '@name', or a profile URL. Takes pipeline input, and binds properties or CSV columns named Username, Handle, PreferredUsername, UniqueId or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Handle", "PreferredUsername", "UniqueId", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Listing TikTok followers";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.UserFollowers.Bind(input as string);
}
