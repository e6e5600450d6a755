using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets X (Twitter) user profiles from KonbiniAPI.</para>
/// <para type="description">Looks up each username (name, @name, or a profile URL on x.com or twitter.com) concurrently and writes one profile, or one error, per input in input order. One credit per profile.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniXUser")]
[OutputType(typeof(XUser), typeof(PSObject))]
public sealed class GetKonbiniXUserCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The X users: 'name', '@name', or a profile URL such as https://x.com/name or https://mobile.twitter.com/name?s=20. Takes pipeline input, and binds properties or CSV columns named Username, Handle, PreferredUsername, ScreenName or User, and AuthorUsername or CreatorUsername, so posts and communities pipe in to give their author or creator.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Handle", "PreferredUsername", "ScreenName", "User", "AuthorUsername", "CreatorUsername")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up X users";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => XOperations.User.Bind(input as string);
}
