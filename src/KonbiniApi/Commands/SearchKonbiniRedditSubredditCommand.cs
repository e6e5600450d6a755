using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Searches Reddit for subreddits.</para>
/// <para type="description">Finds subreddits matching each text: one page of up to 100 per text by default (one credit), -First N, -All. Pipe the results into Get-KonbiniRedditPost -Subreddit or Get-KonbiniRedditRule.</para>
/// </summary>
[Cmdlet(VerbsCommon.Search, "KonbiniRedditSubreddit", SupportsPaging = true)]
[OutputType(typeof(RedditSubreddit), typeof(PSObject))]
public sealed class SearchKonbiniRedditSubredditCommand : KonbiniSearchCmdletBase
{
    /// <inheritdoc />
    protected override string ActivityName => "Searching subreddits";

    /// <inheritdoc />
    protected override ApiOperation Operation => RedditOperations.SearchSubreddits;
}
