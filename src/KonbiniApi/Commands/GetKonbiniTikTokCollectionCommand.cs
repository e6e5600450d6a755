using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the collections (playlists) of TikTok creators.</para>
/// <para type="description">Lists each creator's collections: one page per creator by default (one credit), -First N, -All. Pipe them into Get-KonbiniTikTokVideo to list their videos.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokCollection", SupportsPaging = true)]
[OutputType(typeof(TikTokCollection), typeof(PSObject))]
public sealed class GetKonbiniTikTokCollectionCommand : KonbiniListCmdletBase
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
    protected override string ActivityName => "Listing TikTok collections";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.UserCollections.Bind(input as string);
}
