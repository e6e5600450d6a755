using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets Instagram user profiles from KonbiniAPI.</para>
/// <para type="description">Looks up each username (name, @name or profile URL) concurrently and writes one profile, or one error, per input in input order. One credit per profile.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniInstagramUser")]
[OutputType(typeof(InstagramUser), typeof(PSObject))]
public sealed class GetKonbiniInstagramUserCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The Instagram users: 'name', '@name', or a profile URL such as https://www.instagram.com/name/. Takes pipeline input, and binds properties or CSV columns named Username, Handle, PreferredUsername or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Handle", "PreferredUsername", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up Instagram users";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => InstagramOperations.User.Bind(input as string);
}
