using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the articles LinkedIn members published.</para>
/// <para type="description">Reads each member's published articles (linkedin.com/pulse/...). LinkedIn gives them whole in one answer: one credit per member, every article. The list is not paginated, so -All, -PageSize and -Cursor do not apply and are refused before any request; -First and -Skip still choose among the articles. Each article says whose it is in ListedFor.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniLinkedInArticle", SupportsPaging = true)]
[OutputType(typeof(LinkedInArticle), typeof(PSObject))]
public sealed class GetKonbiniLinkedInArticleCommand : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The members: vanity names or profile URLs such as https://www.linkedin.com/in/reidhoffman. Takes pipeline input, and binds properties or CSV columns named Username, so profiles from Get-KonbiniLinkedInUser pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Listing LinkedIn articles";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => LinkedInOperations.UserArticles.Bind(input as string);
}
