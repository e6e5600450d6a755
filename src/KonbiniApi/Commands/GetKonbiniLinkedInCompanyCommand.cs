using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets LinkedIn company pages from KonbiniAPI.</para>
/// <para type="description">Looks up each company (vanity name, numeric company ID or page URL) concurrently and writes one page, or one error, per input in input order: description, tagline, location, employee count, logo and web sites. One credit per company.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniLinkedInCompany")]
[OutputType(typeof(LinkedInCompany), typeof(PSObject))]
public sealed class GetKonbiniLinkedInCompanyCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The companies: vanity names such as stripe, numeric company IDs, or page URLs such as https://www.linkedin.com/company/stripe/. Takes pipeline input, and binds properties or CSV columns named Company or CompanyId.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("CompanyId")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Company { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up LinkedIn companies";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Company ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => LinkedInOperations.Company.Bind(input as string);
}
