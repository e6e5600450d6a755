using System;
using System.Collections.Generic;
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
public sealed class GetKonbiniTikTokUserCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The TikTok usernames to look up: 'name', '@name', or a profile URL such as https://www.tiktok.com/@name?lang=en. Takes pipeline input, and binds CSV columns named Username, Handle, PreferredUsername, UniqueId or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Handle", "PreferredUsername", "UniqueId", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up TikTok users";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.User.Bind(input as string);
}
