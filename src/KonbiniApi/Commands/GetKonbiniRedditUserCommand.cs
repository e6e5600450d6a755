using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets Reddit user profiles.</para>
/// <para type="description">Looks up each username (name, u/name or profile URL) concurrently and writes one profile, or one error, per input in input order (one credit each). Posts and comments pipe in by their AuthorUsername.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniRedditUser")]
[OutputType(typeof(RedditUser), typeof(PSObject))]
public sealed class GetKonbiniRedditUserCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The Reddit users: 'name', 'u/name', '/user/name', or a profile URL such as https://www.reddit.com/user/spez/. Takes pipeline input, and binds properties or CSV columns named Username, PreferredUsername, AuthorUsername or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PreferredUsername", "AuthorUsername", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up Reddit users";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => RedditOperations.User.Bind(input as string);
}
