using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets Instagram posts: by shortcode, a user's feed, the posts a user is tagged in, or a location's.</para>
/// <para type="description">The parameter set says where the posts come from. -PostId looks each post up (one credit each); the others are lists: one page per input by default (one credit), -First N for N posts, -All for every page. Listed posts say what they were listed for in ListedFor.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniInstagramPost", DefaultParameterSetName = ById, SupportsPaging = true)]
[OutputType(typeof(InstagramPost), typeof(PSObject))]
public sealed class GetKonbiniInstagramPostCommand : KonbiniListCmdletBase
{
    private const string ById = "PostId";
    private const string ByUser = "Username";
    private const string ByTagged = "TaggedUser";
    private const string ByLocation = "LocationId";

    /// <summary>
    /// <para type="description">The posts to look up: shortcodes such as DVRYDo-Cjw3, or post and reel URLs such as https://www.instagram.com/p/DVRYDo-Cjw3/ and https://www.instagram.com/reel/DVRYDo-Cjw3/. Takes pipeline input, and binds properties or CSV columns named PostId or Shortcode.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
    [Alias("Shortcode")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] PostId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The users whose feed posts to list: 'name', '@name', or a profile URL. Binds properties or CSV columns named Username, Handle, PreferredUsername or User, so profiles from Get-KonbiniInstagramUser pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUser)]
    [Alias("Handle", "PreferredUsername", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The users whose tagged posts to list (posts by others that tag them): 'name', '@name', or a profile URL.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTagged)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] TaggedUser { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The locations whose recent posts to list: numeric IDs, or location URLs such as https://www.instagram.com/explore/locations/212999109/. The platform fixes these pages at 21 posts.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByLocation)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] LocationId { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => ParameterSetName == ById ? "Looking up Instagram posts" : "Listing Instagram posts";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => (ParameterSetName switch
    {
        ByUser => Username,
        ByTagged => TaggedUser,
        ByLocation => LocationId,
        _ => PostId,
    }) ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input)
    {
        var text = input as string;
        return ParameterSetName switch
        {
            ByUser => InstagramOperations.UserPosts.Bind(text),
            ByTagged => InstagramOperations.UserTagged.Bind(text),
            ByLocation => InstagramOperations.LocationPosts.Bind(text),
            _ => InstagramOperations.Post.Bind(text),
        };
    }
}
