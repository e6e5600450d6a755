using System;
using System.Collections.Generic;
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
public sealed class GetKonbiniTikTokLiveCommand : KonbiniOperationCmdletBase
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
    protected override string ActivityName => "Looking up TikTok live streams";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.UserLive.Bind(input as string);
}
