using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets subreddits by name or by ID.</para>
/// <para type="description">Looks up each subreddit (name, r/name or subreddit URL) concurrently and writes one subreddit, or one error, per input in input order (one credit each). Posts and comments pipe in by their Subreddit. -SubredditId looks subreddits up by ID instead, up to 100 in one request (one credit per ID).</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniRedditSubreddit", DefaultParameterSetName = ByName)]
[OutputType(typeof(RedditSubreddit), typeof(PSObject))]
public sealed class GetKonbiniRedditSubredditCommand : KonbiniOperationCmdletBase
{
    private const string ByName = "Name";
    private const string ById = "SubredditId";

    /// <summary>
    /// <para type="description">The subreddits: 'name', 'r/name', '/r/name', or a subreddit URL such as https://www.reddit.com/r/programming/. Takes pipeline input, and binds properties or CSV columns named Name or Subreddit.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByName)]
    [Alias("Subreddit")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Name { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The subreddits to look up by ID, such as 2qh1i or t5_2qh1i: sent in batches of up to 100 (one credit per ID, a hundredth of the requests), written in input order; an ID the service does not know is a NotFound error at its place. Binds properties named SubredditId.</para>
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ById)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] SubredditId { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up subreddits";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => (ParameterSetName == ById ? SubredditId : Name) ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) =>
        (ParameterSetName == ById ? RedditOperations.SubredditsBatch : RedditOperations.Subreddit).Bind(input as string);
}
