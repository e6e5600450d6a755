using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets TikTok videos: by ID, a creator's videos, likes or reposts, a hashtag's, a collection's, or a sound's.</para>
/// <para type="description">The parameter set says where the videos come from. -VideoId looks each video up (one credit each); the others are lists: one page per input by default (one credit), -First N for N videos, -All for every page. Listed videos say what they were listed for in ListedFor.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokVideo", DefaultParameterSetName = ById, SupportsPaging = true)]
[OutputType(typeof(TikTokVideo), typeof(PSObject))]
public sealed class GetKonbiniTikTokVideoCommand : KonbiniListCmdletBase
{
    private const string ById = "VideoId";
    private const string ByCreator = "Username";
    private const string ByLikes = "LikedBy";
    private const string ByReposts = "RepostedBy";
    private const string ByTag = "Tag";
    private const string ByCollection = "CollectionId";
    private const string ByAudio = "AudioId";

    /// <summary>
    /// <para type="description">The videos to look up: IDs such as 7611615657754381599, or video URLs such as https://www.tiktok.com/@name/video/7611615657754381599. Takes pipeline input, and binds properties or CSV columns named VideoId.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] VideoId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The creators whose videos to list: 'name', '@name', or a profile URL. Binds properties or CSV columns named Username, Handle, PreferredUsername, UniqueId or User, so profiles from Get-KonbiniTikTokUser pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCreator)]
    [Alias("Handle", "PreferredUsername", "UniqueId", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Users whose liked videos to list (their likes must be public).</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByLikes)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] LikedBy { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Users whose reposted videos to list.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByReposts)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] RepostedBy { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Hashtags whose videos to list: 'name', '#name', or a tag URL such as https://www.tiktok.com/tag/name.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTag)]
    [Alias("Hashtag")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Tag { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Collections whose videos to list: IDs, or collection URLs. Collections from Get-KonbiniTikTokCollection pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByCollection)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] CollectionId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Sounds whose videos to list: IDs, or sound URLs such as https://www.tiktok.com/music/original-sound-6931290927570946049. Sounds from Get-KonbiniTikTokAudio pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByAudio)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] AudioId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The order of a creator's videos or reposts: Newest (the default), Popular or Oldest.</para>
    /// </summary>
    [Parameter(ParameterSetName = ByCreator)]
    [Parameter(ParameterSetName = ByReposts)]
    public TikTokVideoOrder Order { get; set; } = TikTokVideoOrder.Newest;

    /// <inheritdoc />
    protected override string ActivityName => ParameterSetName == ById ? "Looking up TikTok videos" : "Listing TikTok videos";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => (ParameterSetName switch
    {
        ByCreator => Username,
        ByLikes => LikedBy,
        ByReposts => RepostedBy,
        ByTag => Tag,
        ByCollection => CollectionId,
        ByAudio => AudioId,
        _ => VideoId,
    }) ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input)
    {
        var text = input as string;
        var order = new KeyValuePair<string, string>("order", WireName.Of(Order));
        return ParameterSetName switch
        {
            ByCreator => TikTokOperations.UserVideos.Bind(text, order),
            ByLikes => TikTokOperations.UserLikes.Bind(text),
            ByReposts => TikTokOperations.UserReposts.Bind(text, order),
            ByTag => TikTokOperations.TagVideos.Bind(text),
            ByCollection => TikTokOperations.CollectionVideos.Bind(text),
            ByAudio => TikTokOperations.AudioVideos.Bind(text),
            _ => TikTokOperations.Video.Bind(text),
        };
    }
}
