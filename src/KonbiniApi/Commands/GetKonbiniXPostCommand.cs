using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets X (Twitter) posts: by ID or address, a user's posts or highlights, or a community's posts or media.</para>
/// <para type="description">The parameter set says where the posts come from. -PostId looks each post up (one credit each); the others are lists: one page per input by default (one credit), -First N for N posts, -All for every page. A user's posts are paged by cursor alone (X decides the page size, so -PageSize does not apply there); highlights and community lists take -PageSize 1 to 100. Listed posts say what they were listed for in ListedFor; community posts also carry CommunityId.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniXPost", DefaultParameterSetName = ById, SupportsPaging = true)]
[OutputType(typeof(XPost), typeof(PSObject))]
public sealed class GetKonbiniXPostCommand : KonbiniListCmdletBase
{
    private const string ById = "PostId";
    private const string ByUser = "Username";
    private const string ByHighlights = "HighlightedBy";
    private const string ByCommunity = "CommunityId";

    /// <summary>
    /// <para type="description">The posts to look up: IDs such as 2024515585569083437, or post URLs such as https://x.com/name/status/2024515585569083437 (twitter.com and query strings such as ?s=20 work too). Takes pipeline input, and binds properties or CSV columns named PostId, so posts pipe straight back in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] PostId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The users whose posts to list: 'name', '@name', or a profile URL. Binds properties or CSV columns named Username, Handle, PreferredUsername or ScreenName, so profiles from Get-KonbiniXUser pipe straight in. X pages this list by cursor alone and decides the page size, so -PageSize does not apply; the feed is X's public selection, not guaranteed to be in time order.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUser)]
    [Alias("Handle", "PreferredUsername", "ScreenName")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The users whose Highlights tab to list (the posts they chose to highlight): 'name', '@name', or a profile URL.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByHighlights)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] HighlightedBy { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The communities whose posts to list: IDs, or community URLs such as https://x.com/i/communities/1669501013441806336. Binds properties or CSV columns named CommunityId, so communities from Get-KonbiniXCommunity pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCommunity)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] CommunityId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Lists the community's Media tab (posts with photos or videos) instead of its whole timeline.</para>
    /// </summary>
    [Parameter(ParameterSetName = ByCommunity)]
    public SwitchParameter MediaOnly { get; set; }

    /// <inheritdoc />
    protected override string ActivityName => ParameterSetName == ById ? "Looking up X posts" : "Listing X posts";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => (ParameterSetName switch
    {
        ByUser => Username,
        ByHighlights => HighlightedBy,
        ByCommunity => CommunityId,
        _ => PostId,
    }) ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input)
    {
        var text = input as string;
        return ParameterSetName switch
        {
            ByUser => XOperations.UserPosts.Bind(text),
            ByHighlights => XOperations.UserHighlights.Bind(text),
            ByCommunity => (MediaOnly.IsPresent ? XOperations.CommunityMedia : XOperations.CommunityPosts).Bind(text),
            _ => XOperations.Post.Bind(text),
        };
    }
}
