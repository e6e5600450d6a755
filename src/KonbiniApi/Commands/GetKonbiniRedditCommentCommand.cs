using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets Reddit comments: on posts, one comment, the replies to a comment, comments by ID, a user's, or a subreddit's newest.</para>
/// <para type="description">With -PostId, lists each post's comments; with -PostId and -CommentId, gets that comment; add -Replies for its replies. One parameter set serves all three, so piped posts give their comments and piped comments (which carry PostId and CommentId) give themselves, or with -Replies their replies. -CommentId alone looks comments up by ID, up to 100 in one request (one credit per ID, the same as one request each). -Username and -Subreddit list comments by a user or across a subreddit. Lists read one page per input by default (one credit), -First N, -All.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniRedditComment", DefaultParameterSetName = ByPost, SupportsPaging = true)]
[OutputType(typeof(RedditComment), typeof(PSObject))]
public sealed class GetKonbiniRedditCommentCommand : KonbiniListCmdletBase
{
    private const string ByPost = "PostId";
    private const string ByUser = "Username";
    private const string BySubreddit = "Subreddit";

    private KeyValuePair<string, string>[] filters = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// <para type="description">The posts whose comments to list, or (with -CommentId) the post the comment is on: IDs such as 1tlh5aj or t3_1tlh5aj, or post and comment URLs. Takes pipeline input, and binds properties or CSV columns named PostId, so posts and comments pipe straight in.</para>
    /// </summary>
    // Not mandatory: -CommentId alone (comments by ID) shares this set. A separate set would be ambiguous,
    // since piped comments carry both PostId and CommentId and PowerShell then falls back to the default set.
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPost)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [RowWithoutColumn(nameof(PostId), nameof(CommentId))]
    public string?[] PostId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">With -PostId, one comment of the post: an ID such as onflihe or t1_onflihe, or a comment URL. Alone, the comments to look up by ID, as many as you like: they are sent in batches of up to 100 (one credit per ID, a hundredth of the requests), written in input order, and an ID the service does not know is a NotFound error at its place. Binds a property or CSV column named CommentId, so comments from this cmdlet pipe straight back in (with -Replies, to list their replies), and so do the rows of a CSV with only a CommentId column (looked up by ID).</para>
    /// </summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPost)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? CommentId { get; set; }

    /// <summary>
    /// <para type="description">Lists the replies to -CommentId instead of the comment itself.</para>
    /// </summary>
    [Parameter(ParameterSetName = ByPost)]
    public SwitchParameter Replies { get; set; }

    /// <summary>
    /// <para type="description">The users whose comments to list: 'name', 'u/name', or a profile URL. Binds properties or CSV columns named Username or PreferredUsername.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByUser)]
    [Alias("PreferredUsername")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The subreddits whose newest comments to list: 'name', 'r/name', or a subreddit URL. Binds properties or CSV columns named Subreddit or Name, so posts and subreddits pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = BySubreddit)]
    [Alias("Name")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Subreddit { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The order. A post's comments: Best (the default), Top, New, Controversial or Old. A user's: New (the default), Hot, Top or Controversial. A subreddit's: Hot (the default), New, Top or Controversial. Not for one comment or its replies, which have no order to choose.</para>
    /// </summary>
    [Parameter]
    public RedditCommentOrder? Order { get; set; }

    /// <summary>
    /// <para type="description">The time window of a user's or a subreddit's comments in the Top and Controversial orders: Hour, Day, Week, Month, Year or All.</para>
    /// </summary>
    [Parameter(ParameterSetName = ByUser)]
    [Parameter(ParameterSetName = BySubreddit)]
    public RedditTime? Time { get; set; }

    /// <inheritdoc />
    protected override string ActivityName => ById ? "Looking up Reddit comments" : "Listing Reddit comments";

    /// <summary>-CommentId without -PostId: comments looked up by ID, in batches.</summary>
    private bool ById => ParameterSetName == ByPost && (PostId is null || PostId.Length == 0) && CommentId is { Length: > 0 };

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        var problem = ParameterSetName switch
        {
            ByUser => RedditFilters.Check(Order, RedditFilters.ListingCommentOrders, Time, false, "a user's comments", out filters),
            BySubreddit => RedditFilters.Check(Order, RedditFilters.ListingCommentOrders, Time, false, "a subreddit's comments", out filters),
            _ => RedditFilters.Check(Order, RedditFilters.ThreadOrders, null, false, "a post's comments", out filters),
        };
        if (problem is not null)
        {
            RefuseCall(problem, Order);
        }

        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => (ParameterSetName switch
    {
        ByUser => Username,
        BySubreddit => Subreddit,
        _ => ById ? CommentId : PostId,
    }) ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input)
    {
        var text = input as string;
        switch (ParameterSetName)
        {
            case ByUser:
                return RedditOperations.UserComments.Bind(text, filters);
            case BySubreddit:
                return RedditOperations.SubredditComments.Bind(text, filters);
        }

        if (ById)
        {
            if (Order is not null || Replies.IsPresent)
            {
                RefuseCall((Order is not null ? "-Order sorts lists of comments" : "-Replies lists the replies to one comment of a post") + ", but -CommentId without -PostId looks comments up by ID.", Order);
            }

            return RedditOperations.CommentsBatch.Bind(text);
        }

        if (CommentId is { Length: > 1 })
        {
            RefuseCall("-PostId takes one -CommentId (the comment of that post to read); to look many comments up by ID, give -CommentId alone.", CommentId);
        }

        var commentId = CommentId is { Length: 1 } one ? one[0] : null;
        if (string.IsNullOrEmpty(commentId))
        {
            if (Replies.IsPresent)
            {
                RefuseCall("-Replies lists the replies to one comment: give its -CommentId too.", null);
            }

            return RedditOperations.PostComments.Bind(text, filters);
        }

        if (Order is not null)
        {
            RefuseCall("-Order sorts a post's comments, but with -CommentId the command reads " + (Replies.IsPresent ? "one comment's replies" : "one comment") + ", which the service does not order.", Order);
        }

        return (Replies.IsPresent ? RedditOperations.CommentReplies : RedditOperations.Comment).Bind(new[] { text, commentId });
    }
}
