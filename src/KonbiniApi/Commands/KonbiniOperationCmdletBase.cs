using System;
using System.Management.Automation;
using System.Text.Json;
using KonbiniApi.Errors;
using KonbiniApi.Operations;
using KonbiniApi.Output;
using KonbiniApi.Paging;

namespace KonbiniApi.Commands;

/// <summary>
/// A cmdlet that runs declared operations: it says only how one input binds to an operation call; the
/// engine checks the input, sends the request, reads the answer into the operation's model (or, with
/// -Raw, the API's JSON as it came), and writes it in input order.
/// </summary>
public abstract class KonbiniOperationCmdletBase : KonbiniApiCmdletBase
{
    /// <summary>
    /// <para type="description">Writes the API's ActivityStreams JSON exactly as it came (as PSCustomObjects) instead of the module's typed objects: the data object for a single lookup, each item of a list.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>Binds one input to the call it needs; throws an InvalidInput <see cref="KonbiniApiException"/> for input that cannot be one. No I/O.</summary>
    protected abstract OperationCall Bind(object? input);

    /// <summary>What is written for one model; a cmdlet whose list mixes types tags them for a shared view. Runs on worker threads.</summary>
    protected virtual object Present(object model) => model;

    /// <summary>How much of each list to read; null for cmdlets that only look single objects up.</summary>
    protected virtual PagingOptions? Paging => null;

    /// <inheritdoc />
    protected override LookupPlan Plan(object? input)
    {
        OperationCall call;
        try
        {
            call = Bind(input);
        }
        catch (KonbiniApiException refused) when (refused.Kind == ApiErrorKind.InvalidInput)
        {
            return LookupPlan.Refuse(refused);
        }

        var client = Client;
        ConvertItem convert = Raw.IsPresent
            ? RawJson.ToPowerShell
            : (element, requestPath, jsonPath) => Present(call.Complete(call.Operation.Reader.Read(element, requestPath, jsonPath)));
        var shown = call.ListedFor;
        var paging = Paging ?? new PagingOptions();
        if (call.Operation.Shape == OperationShape.Batch)
        {
            RefuseListParameters(call.Operation);
            if (paging.First == 0 || paging.Skip > 0)
            {
                return LookupPlan.Run(call.Key, shown, true, static (_, _) => System.Threading.Tasks.Task.CompletedTask);
            }

            return LookupPlan.Batched(call, convert);
        }

        if (call.Operation.Shape == OperationShape.Whole)
        {
            RefuseListParameters(call.Operation);
            if (paging.First == 0)
            {
                return LookupPlan.Run(call.Key, shown, true, static (_, _) => System.Threading.Tasks.Task.CompletedTask);
            }

            return LookupPlan.Run(call.Key, shown, true, (item, token) => Pager.ReadWholeAsync(client, call, paging, convert, item, token));
        }

        if (call.Operation.Shape == OperationShape.Page)
        {
            CheckPageSize(call.Operation);
            if (paging.First == 0)
            {
                return LookupPlan.Run(call.Key, shown, true, static (_, _) => System.Threading.Tasks.Task.CompletedTask);
            }

            return LookupPlan.Run(call.Key, shown, paging.IsBounded(1000), (item, token) => Pager.ReadPagesAsync(client, call, paging, convert, item, token));
        }

        RefuseListParameters(call.Operation);
        if (paging.First == 0 || paging.Skip > 0)
        {
            // One object per input: -First 0 or any -Skip leaves nothing to write, so nothing is requested.
            return LookupPlan.Run(call.Key, shown, true, static (_, _) => System.Threading.Tasks.Task.CompletedTask);
        }

        return LookupPlan.Run(call.Key, shown, true, (item, token) => Pager.ReadOneAsync(client, call, convert, item, token));
    }

    /// <summary>Refuses, for the whole call, list parameters given to an operation that answers one object.</summary>
    protected virtual void RefuseListParameters(ApiOperation operation)
    {
    }

    /// <summary>Refuses, for the whole call, a -PageSize the endpoint does not accept.</summary>
    protected virtual void CheckPageSize(ApiOperation operation)
    {
    }

    /// <summary>Stops the call before any request: the parameters themselves are wrong, whatever the input.</summary>
    protected void RefuseCall(string message, object? target) =>
        ThrowTerminating(new KonbiniApiException(ApiErrorKind.InvalidInput, message + " No request was made.") { Advice = "Correct the parameters and run the command again." }, target);
}

/// <summary>
/// A cmdlet that reads lists: PowerShell's own paging parameters (-First, -Skip, -IncludeTotalCount,
/// from SupportsPaging on the concrete cmdlet) plus -All, -PageSize and -Cursor. One page per input
/// by default (one credit), at the endpoint's largest page size.
/// </summary>
public abstract class KonbiniListCmdletBase : KonbiniOperationCmdletBase
{
    private PagingOptions? paging;

    /// <summary>
    /// <para type="description">Reads every page of each input's list, following the cursor to the end (one credit per page). Without -All or -First, one page per input is read. With -First, reading stops as soon as that many items are written.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter All { get; set; }

    /// <summary>
    /// <para type="description">Items per page, within the endpoint's bounds (checked before any request). Defaults to the endpoint's largest, since a page costs one credit whatever its size.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int PageSize { get; set; }

    /// <summary>
    /// <para type="description">Starts each input's list at this cursor, as given by a stopped call's error (ResumeFrom) or by -Verbose, instead of at the beginning. Null or empty means the beginning, so a ResumeFrom entry for an input that never started can be passed as it is.</para>
    /// </summary>
    [Parameter]
    [AllowNull]
    [AllowEmptyString]
    public string? Cursor { get; set; }

    /// <inheritdoc />
    protected override bool ListsItems => true;

    /// <inheritdoc />
    protected override PagingOptions? Paging => paging ??= new PagingOptions
    {
        All = All.IsPresent,
        PageSize = PageSize > 0 ? PageSize : null,
        StartCursor = string.IsNullOrEmpty(Cursor) ? null : Cursor,
        First = PagingParameters?.First ?? ulong.MaxValue,
        Skip = PagingParameters?.Skip ?? 0,
    };

    /// <inheritdoc />
    protected override void CheckPageSize(ApiOperation operation)
    {
        if (operation is null || PageSize <= 0)
        {
            return;
        }

        if (operation.Paging is not { } bounds)
        {
            RefuseCall("-PageSize " + PageSize + " does not apply to " + operation.Name + ": the platform decides its page size, and the service takes no count.", PageSize);
        }
        else if (!bounds.Allows(PageSize))
        {
            RefuseCall("-PageSize " + PageSize + " does not fit " + operation.Name + ": " + bounds.Describe() + ".", PageSize);
        }
    }

    /// <inheritdoc />
    protected override void RefuseListParameters(ApiOperation operation)
    {
        if (All.IsPresent || PageSize > 0 || !string.IsNullOrEmpty(Cursor))
        {
            var given = All.IsPresent ? "-All" : PageSize > 0 ? "-PageSize" : "-Cursor";
            RefuseCall(operation?.Shape == OperationShape.Whole
                ? given + " pages through lists, but " + operation.Name + " is not paginated: one request returns every item, so it does not apply. -First and -Skip still choose among the items."
                : given + " reads lists, but " + operation?.Name + " (parameter set " + ParameterSetName + ") answers one object per input, so it does not apply.", null);
        }
    }
}
