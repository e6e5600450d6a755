using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets X (Twitter) communities from KonbiniAPI.</para>
/// <para type="description">Looks up each community by ID or address concurrently and writes one community, or one error, per input in input order: its name, description, members, topic, rules and creator. One credit per community.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniXCommunity")]
[OutputType(typeof(XCommunity), typeof(PSObject))]
public sealed class GetKonbiniXCommunityCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The communities: IDs such as 1669501013441806336, or community URLs such as https://x.com/i/communities/1669501013441806336. Takes pipeline input, and binds properties or CSV columns named CommunityId, so posts read with Get-KonbiniXPost -CommunityId pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] CommunityId { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up X communities";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => CommunityId ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => XOperations.Community.Bind(input as string);
}
