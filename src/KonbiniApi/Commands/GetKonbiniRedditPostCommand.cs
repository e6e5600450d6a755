using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets Reddit posts: by ID, a user's, a subreddit's, a subreddit's sticky posts, the crossposts of a post, or a front-page feed.</para>
/// <para type="description">The parameter set says where the posts come from. -PostId looks posts up by ID, up to 100 in one request (one credit per ID); -PostId with -Duplicates lists its crossposts. -Username, -Subreddit and -Feed are lists: one page per input by default (one credit), -First N for N posts, -All for every page. -Subreddit with -Sticky writes the posts its moderators pinned, all in one answer. Listed posts say what they were listed for in ListedFor.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniRedditPost", DefaultParameterSetName = ById, SupportsPaging = true)]
[OutputType(typeof(RedditPost), typeof(PSObject))]
public sealed class GetKonbiniRedditPostCommand : KonbiniListCmdletBase
{
    private const string ById = "PostId";
    private const string ByDuplicates = "Duplicates";
    private const string ByUser = "Username";
    private const string BySubreddit = "Subreddit";
    private const string BySticky = "Sticky";
    private const string ByFeed = "Feed";

    private KeyValuePair<string, string>[] filters = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// <para type="description">The posts: IDs such as 1tlh5aj or t3_1tlh5aj, or post URLs (reddit.com, old.reddit.com, redd.it). Takes pipeline input, and binds properties or CSV columns named PostId, so posts and comments pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByDuplicates)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] PostId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Lists the crossposts of each -PostId (the same link or media posted in other subreddits) instead of the post itself.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByDuplicates)]
    public SwitchParameter Duplicates { get; set; }

    /// <summary>
    /// <para type="description">The users whose posts to list: 'name', 'u/name', or a profile URL. Binds properties or CSV columns named Username or PreferredUsername, so users from Get-KonbiniRedditUser and Search-KonbiniRedditUser pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUser)]
    [Alias("PreferredUsername")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The subreddits whose posts to list: 'name', 'r/name', or a subreddit URL. Binds properties or CSV columns named Subreddit or Name, so posts and subreddits pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = BySubreddit)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = BySticky)]
    [Alias("Name")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Subreddit { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Writes each subreddit's sticky posts (those its moderators pinned to the top) instead of its listing: one request per subreddit returns all of them.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = BySticky)]
    public SwitchParameter Sticky { get; set; }

    /// <summary>
    /// <para type="description">A front-page feed: Best, Hot, New, Top, Rising or Controversial.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByFeed)]
    public RedditFeed Feed { get; set; }

    /// <summary>
    /// <para type="description">The order. A user's posts: New (the default), Hot, Top or Controversial. A subreddit's: Hot (the default), New, Top, Rising or Controversial.</para>
    /// </summary>
    [Parameter(ParameterSetName = ByUser)]
    [Parameter(ParameterSetName = BySubreddit)]
    public RedditPostOrder? Order { get; set; }

    /// <summary>
    /// <para type="description">The time window of the Top and Controversial orders (and feeds): Hour, Day, Week, Month, Year or All. Refused with any other order or feed, which the window does not limit.</para>
    /// </summary>
    [Parameter(ParameterSetName = ByUser)]
    [Parameter(ParameterSetName = BySubreddit)]
    [Parameter(ParameterSetName = ByFeed)]
    public RedditTime? Time { get; set; }

    /// <inheritdoc />
    protected override string ActivityName => ParameterSetName == ById ? "Looking up Reddit posts" : "Listing Reddit posts";

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var problem = ParameterSetName switch
        {
            ByUser => RedditFilters.Check(Order, RedditFilters.ProfilePostOrders, Time, false, "a user's posts", out filters),
            BySubreddit => RedditFilters.Check(Order, RedditFilters.SubredditPostOrders, Time, false, "a subreddit's posts", out filters),
            ByFeed => CheckFeed(),
            _ => null,
        };
        if (problem is not null)
        {
            RefuseCall(problem, Time);
        }

        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => (ParameterSetName switch
    {
        ByUser => Username,
        BySubreddit or BySticky => Subreddit,
        ByFeed => new string?[] { WireName.Of(Feed) },
        _ => PostId,
    }) ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input)
    {
        var text = input as string;
        return ParameterSetName switch
        {
            ByDuplicates => RedditOperations.PostDuplicates.Bind(text),
            ByUser => RedditOperations.UserPosts.Bind(text, filters),
            BySubreddit => RedditOperations.SubredditPosts.Bind(text, filters),
            BySticky => RedditOperations.SubredditSticky.Bind(text),
            ByFeed => RedditOperations.Feed.Bind(text, filters),
            _ => RedditOperations.PostsBatch.Bind(text),
        };
    }

    private string? CheckFeed()
    {
        if (Time is not { } window)
        {
            return null;
        }

        if (Feed is not (RedditFeed.Top or RedditFeed.Controversial))
        {
            return "-Time " + window + " applies only to the Top and Controversial feeds; the " + Feed + " feed is not limited to a time window, so the service would ignore it.";
        }

        filters = new[] { new KeyValuePair<string, string>("time", WireName.Of(window)) };
        return null;
    }
}
