using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Searches Reddit posts, across Reddit or in one subreddit.</para>
/// <para type="description">Finds posts matching each text, in every subreddit or, with -Subreddit, in that one: one page of up to 100 per text by default (one credit), -First N, -All. -Order Relevance (the default), Hot, Top, New or Comments; -Time limits results to a window with any order.</para>
/// </summary>
[Cmdlet(VerbsCommon.Search, "KonbiniRedditPost", SupportsPaging = true)]
[OutputType(typeof(RedditPost), typeof(PSObject))]
public sealed class SearchKonbiniRedditPostCommand : KonbiniSearchCmdletBase
{
    private KeyValuePair<string, string>[] filters = System.Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// <para type="description">Searches only this subreddit: 'name', 'r/name', or a subreddit URL. Without it, all of Reddit is searched.</para>
    /// </summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyString]
    public string? Subreddit { get; set; }

    /// <summary>
    /// <para type="description">The order of results: Relevance (the default), Hot, Top, New or Comments.</para>
    /// </summary>
    [Parameter]
    public RedditPostOrder? Order { get; set; }

    /// <summary>
    /// <para type="description">How recent results must be: Hour, Day, Week, Month, Year or All.</para>
    /// </summary>
    [Parameter]
    public RedditTime? Time { get; set; }

    /// <inheritdoc />
    protected override string ActivityName => "Searching Reddit posts";

    /// <inheritdoc />
    protected override ApiOperation Operation => string.IsNullOrEmpty(Subreddit) ? RedditOperations.SearchPosts : RedditOperations.SearchSubredditPosts;

    /// <inheritdoc />
    protected override KeyValuePair<string, string>[] Filters => filters;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (RedditFilters.Check(Order, RedditFilters.SearchOrders, Time, true, "a post search", out filters) is { } problem)
        {
            RefuseCall(problem, Order);
        }

        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => string.IsNullOrEmpty(Subreddit)
        ? RedditOperations.SearchPosts.Bind(new[] { input as string }, filters)
        : RedditOperations.SearchSubredditPosts.Bind(new[] { Subreddit, input as string }, filters);
}
