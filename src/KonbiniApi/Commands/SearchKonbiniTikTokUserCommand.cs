using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Searches TikTok for accounts.</para>
/// <para type="description">Finds accounts matching each text: one page of 10 per text by default (the platform fixes the page size at 10; one credit), -First N for N accounts, -All for every page. Pipe the results into Get-KonbiniTikTokUser for full profiles.</para>
/// </summary>
[Cmdlet(VerbsCommon.Search, "KonbiniTikTokUser", SupportsPaging = true)]
[OutputType(typeof(TikTokUserSummary), typeof(PSObject))]
public sealed class SearchKonbiniTikTokUserCommand : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">What to search for (1 to 500 characters). Several texts, from the parameter or the pipeline, are searched one after another in input order; each result says which text found it in ListedFor.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Keyword", "Text")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Query { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Searching TikTok accounts";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Query ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.SearchUsers.Bind(input as string);
}
