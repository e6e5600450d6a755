using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the rules of subreddits.</para>
/// <para type="description">Lists each subreddit's rules. The list is not paginated: one request (one credit) returns every rule, so -All, -PageSize and -Cursor say so instead of doing nothing; -First and -Skip choose among the rules. Each rule names its Subreddit.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniRedditRule", SupportsPaging = true)]
[OutputType(typeof(RedditRule), typeof(PSObject))]
public sealed class GetKonbiniRedditRuleCommand : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The subreddits: 'name', 'r/name', or a subreddit URL. Takes pipeline input, and binds properties or CSV columns named Subreddit or Name, so subreddits and posts pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Subreddit { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Listing subreddit rules";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Subreddit ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => RedditOperations.SubredditRules.Bind(input as string);
}
