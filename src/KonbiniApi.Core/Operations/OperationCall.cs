using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KonbiniApi.Operations;

/// <summary>An operation bound to checked values: it knows every request it may send and what identifies repeats.</summary>
public sealed class OperationCall : Paging.IPageSource
{
    private readonly string[] values;
    private readonly IReadOnlyList<KeyValuePair<string, string>> fixedQuery;

    internal OperationCall(ApiOperation operation, string[] values, IReadOnlyList<KeyValuePair<string, string>> fixedQuery)
    {
        Operation = operation;
        this.values = values;
        this.fixedQuery = fixedQuery;
        var key = new StringBuilder(operation.Name);
        for (var i = 0; i < values.Length; i++)
        {
            key.Append('|').Append(operation.Parameters[i].Kind.KeyOf(values[i]));
        }

        foreach (var pair in fixedQuery)
        {
            key.Append('|').Append(pair.Key).Append('=').Append(pair.Value);
        }

        Key = key.ToString();
    }

    /// <summary>The operation.</summary>
    public ApiOperation Operation { get; }

    /// <summary>Identifies calls that mean the same requests (a repeated input is looked up once).</summary>
    public string Key { get; }

    /// <summary>The checked values, in the operation's parameter order.</summary>
    public IReadOnlyList<string> Values => values;

    /// <summary>
    /// What the list is of, for <see cref="Models.IListedItem.ListedFor"/>: the last value (the account, the
    /// tag, the search text; for replies, the comment).
    /// </summary>
    public string ListedFor => values.Length > 0 ? values[values.Length - 1] : Operation.Name;

    /// <summary>Completes a model read from this call's answer: which input it was listed for, and what the operation adds.</summary>
    public object Complete(object model)
    {
        if (Operation.IsList && model is Models.IListedItem listed)
        {
            listed.ListedFor = ListedFor;
        }

        Operation.Annotate?.Invoke(model, this);
        return model;
    }

    /// <summary>The checked value of one parameter.</summary>
    /// <exception cref="ArgumentException">The operation has no such parameter.</exception>
    public string Value(string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (Operation.Parameters[i].Name == name)
            {
                return values[i];
            }
        }

        throw new ArgumentException(Operation.Name + " has no parameter " + name + ".", nameof(name));
    }

    /// <inheritdoc />
    public int? DefaultPageSize => Operation.Paging?.Maximum;

    /// <inheritdoc />
    public string? NotFoundMeaning => Operation.NotFound?.Invoke(this);

    /// <summary>The request path with its query: the fixed values, then the page size and cursor when given.</summary>
    public string PathFor(int? pageSize, string? cursor)
    {
        var pathValues = new List<string>(values.Length);
        var query = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            if (Operation.Shape == OperationShape.Batch)
            {
                // A batch's IDs travel in its JSON body, never in the path or the query.
                continue;
            }

            if (Operation.Parameters[i].InPath)
            {
                pathValues.Add(values[i]);
            }
            else
            {
                AppendQuery(query, Operation.Parameters[i].Name, values[i]);
            }
        }

        foreach (var pair in fixedQuery)
        {
            AppendQuery(query, pair.Key, pair.Value);
        }

        if (pageSize is int size)
        {
            AppendQuery(query, "count", size.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(cursor))
        {
            AppendQuery(query, "cursor", cursor!);
        }

        var path = Operation.Route.Expand(pathValues);
        return query.Length == 0 ? path : path + "?" + query;
    }

    private static void AppendQuery(StringBuilder query, string name, string value)
    {
        query.Append(query.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }

    /// <inheritdoc />
    public override string ToString() => PathFor(null, null);

    /// <summary>The path of the first request, with the default page size for a list.</summary>
    public string PathFor() => PathFor(DefaultPageSize, null);
}
