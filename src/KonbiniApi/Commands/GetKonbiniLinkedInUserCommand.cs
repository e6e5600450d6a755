using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets LinkedIn member profiles from KonbiniAPI.</para>
/// <para type="description">Looks up each member (vanity name or profile URL) concurrently and writes one profile, or one error, per input in input order: headline, location, followers, and the job titles, employers and schools LinkedIn shows publicly. One credit per member.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniLinkedInUser")]
[OutputType(typeof(LinkedInUser), typeof(PSObject))]
public sealed class GetKonbiniLinkedInUserCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The members: vanity names such as reidhoffman (as in linkedin.com/in/reidhoffman; names of digits only are names too), or profile URLs such as https://www.linkedin.com/in/reidhoffman/. Takes pipeline input, and binds properties or CSV columns named Username.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up LinkedIn members";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => LinkedInOperations.User.Bind(input as string);
}
