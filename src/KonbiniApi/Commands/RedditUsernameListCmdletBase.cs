using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>A Reddit list read for each username, with the profile lists' -Order and -Time.</summary>
public abstract class RedditUsernameListCmdletBase : KonbiniListCmdletBase
{
    private KeyValuePair<string, string>[] filters = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// <para type="description">The Reddit users: 'name', 'u/name', '/user/name', or a profile URL such as https://www.reddit.com/user/spez/. Takes pipeline input, and binds properties or CSV columns named Username, PreferredUsername, AuthorUsername or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PreferredUsername", "AuthorUsername", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The order: New (the default), Hot, Top or Controversial.</para>
    /// </summary>
    [Parameter]
    public RedditPostOrder? Order { get; set; }

    /// <summary>
    /// <para type="description">The time window of the Top and Controversial orders: Hour, Day, Week, Month, Year or All. Refused with any other order, which the window does not limit.</para>
    /// </summary>
    [Parameter]
    public RedditTime? Time { get; set; }

    /// <summary>The operation each username is read with.</summary>
    protected abstract ApiOperation Operation { get; }

    /// <summary>The list in words, for messages.</summary>
    protected abstract string ListName { get; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        if (RedditFilters.Check(Order, RedditFilters.ProfilePostOrders, Time, false, ListName, out filters) is { } problem)
        {
            RefuseCall(problem, Order);
        }

        base.BeginProcessing();
    }

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => Operation.Bind(input as string, filters);
}
