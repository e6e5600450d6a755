using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets LinkedIn posts: by ID, a member's recent posts, or a company page's posts.</para>
/// <para type="description">The parameter set says where the posts come from. -PostId looks each post up (one credit each), with its video and first comments. -Username reads a member's recent posts, which LinkedIn gives whole in one answer (one credit; not paginated, so -All, -PageSize and -Cursor do not apply there, while -First and -Skip still choose among the posts). -Company reads a company's posts page by page, newest first: one page per company by default (one credit), -First N for N posts, -All for every page; LinkedIn decides the page size, so -PageSize does not apply. Listed posts say what they were listed for in ListedFor.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniLinkedInPost", DefaultParameterSetName = ById, SupportsPaging = true)]
[OutputType(typeof(LinkedInPost), typeof(PSObject))]
public sealed class GetKonbiniLinkedInPostCommand : KonbiniListCmdletBase
{
    private const string ById = "PostId";
    private const string ByMember = "Username";
    private const string ByCompany = "Company";

    /// <summary>
    /// <para type="description">The posts to look up: activity IDs such as 7483253516766109696, urn:li:activity:7483253516766109696, post slugs, or post URLs (https://www.linkedin.com/posts/... or https://www.linkedin.com/feed/update/urn:li:activity:.../). Takes pipeline input, and binds properties or CSV columns named PostId, so listed posts pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] PostId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The members whose recent posts to read: vanity names or profile URLs such as https://www.linkedin.com/in/reidhoffman. Binds properties or CSV columns named Username, so profiles from Get-KonbiniLinkedInUser pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByMember)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The companies whose posts to list: vanity names, numeric company IDs or page URLs such as https://www.linkedin.com/company/stripe. Binds properties or CSV columns named Company or CompanyId, so pages from Get-KonbiniLinkedInCompany pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCompany)]
    [Alias("CompanyId")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Company { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => ParameterSetName == ById ? "Looking up LinkedIn posts" : "Listing LinkedIn posts";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => (ParameterSetName switch
    {
        ByMember => Username,
        ByCompany => Company,
        _ => PostId,
    }) ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input)
    {
        var text = input as string;
        return ParameterSetName switch
        {
            ByMember => LinkedInOperations.UserPosts.Bind(text),
            ByCompany => LinkedInOperations.CompanyPosts.Bind(text),
            _ => LinkedInOperations.Post.Bind(text),
        };
    }
}
