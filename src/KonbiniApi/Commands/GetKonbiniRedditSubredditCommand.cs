using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets subreddits by name.</para>
/// <para type="description">Looks up each subreddit (name, r/name or subreddit URL) concurrently and writes one subreddit, or one error, per input in input order (one credit each). Posts and comments pipe in by their Subreddit.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniRedditSubreddit")]
[OutputType(typeof(RedditSubreddit), typeof(PSObject))]
public sealed class GetKonbiniRedditSubredditCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The subreddits: 'name', 'r/name', '/r/name', or a subreddit URL such as https://www.reddit.com/r/programming/. Takes pipeline input, and binds properties or CSV columns named Name or Subreddit.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Subreddit")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Name { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up subreddits";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Name ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => RedditOperations.Subreddit.Bind(input as string);
}
