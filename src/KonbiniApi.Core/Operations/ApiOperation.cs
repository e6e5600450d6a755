using System;
using System.Collections.Generic;
using System.Linq;

namespace KonbiniApi.Operations;

/// <summary>What an operation answers, which decides how the engine reads it.</summary>
public enum OperationShape
{
    /// <summary>One object (<c>data</c>).</summary>
    One,

    /// <summary>A page of a list (<c>OrderedCollectionPage</c>), followed through <c>nextCursor</c>.</summary>
    Page,

    /// <summary>A whole list in one answer (<c>OrderedCollection</c> without paging).</summary>
    Whole,

    /// <summary>Many objects by ID in one POST (<c>Collection</c> of the IDs found), one credit per ID submitted.</summary>
    Batch,
}

/// <summary>
/// One KonbiniAPI operation, declared once as data: its route, the values it takes and how each is
/// checked, its page bounds when it is a list, and the model it yields. A cmdlet is its parameters plus
/// the operation it runs; the engine does the rest (requests, paging, credits, errors).
/// </summary>
public sealed class ApiOperation
{
    /// <summary>Declares an operation.</summary>
    /// <param name="name">The API's operationId, e.g. <c>tiktokGetUserVideos</c>.</param>
    /// <param name="route">The route template, e.g. <c>/v1/tiktok/users/{username}/videos</c>.</param>
    /// <param name="parameters">The values it takes from its input, in the order cmdlets give them.</param>
    /// <param name="reader">Reads the <c>data</c> object, or each item of a page.</param>
    /// <param name="paging">The page sizes it accepts; null for an operation that answers one object.</param>
    /// <param name="annotate">Fills what the JSON does not carry but the call knows (the video a comment belongs to).</param>
    /// <param name="notFound">What a 404 not_found means for this operation, when it means more than "no such thing" (a user who is not live).</param>
    /// <param name="shape">What it answers; by default a page when it has page bounds, else one object. A list paged by cursor alone has no bounds and says <see cref="OperationShape.Page"/>.</param>
    /// <param name="singleLookup">For a batch: the GET that reads one ID, sent instead of a batch that would hold one ID (same credit, one object, a plain 404).</param>
    public ApiOperation(string name, string route, IReadOnlyList<OperationParameter> parameters, ItemReader reader, PageBounds? paging = null, Action<object, OperationCall>? annotate = null, Func<OperationCall, string>? notFound = null, OperationShape? shape = null, ApiOperation? singleLookup = null)
    {
        NotFound = notFound;
        Shape = shape ?? (paging is null ? OperationShape.One : OperationShape.Page);
        if (paging is not null && Shape != OperationShape.Page)
        {
            throw new ArgumentException("Only a paged operation has page bounds.", nameof(paging));
        }

        Name = name ?? throw new ArgumentNullException(nameof(name));
        Route = new RouteTemplate(route);
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        Reader = reader ?? throw new ArgumentNullException(nameof(reader));
        Paging = paging;
        Annotate = annotate;
        var inPath = parameters.Where(p => p.InPath).Select(p => p.Name).ToArray();
        if (Shape == OperationShape.Batch)
        {
            // A batch takes its IDs in the body; its one parameter says how each ID is checked.
            inPath = Array.Empty<string>();
            if (parameters.Count != 1)
            {
                throw new ArgumentException("The batch " + name + " takes exactly one kind of ID.", nameof(parameters));
            }

            if (singleLookup is not null && (singleLookup.Shape != OperationShape.One || singleLookup.Parameters.Count != 1))
            {
                throw new ArgumentException("The single lookup paired with " + name + " must answer one object for one ID.", nameof(singleLookup));
            }
        }
        else if (singleLookup is not null)
        {
            throw new ArgumentException("Only a batch pairs a single lookup.", nameof(singleLookup));
        }

        SingleLookup = singleLookup;

        if (!inPath.SequenceEqual(Route.Parameters))
        {
            throw new ArgumentException("The path parameters of " + name + " (" + string.Join(", ", inPath) + ") do not match its route " + route + ".", nameof(parameters));
        }
    }

    /// <summary>The API's operationId.</summary>
    public string Name { get; }

    /// <summary>The route template.</summary>
    public RouteTemplate Route { get; }

    /// <summary>The values the operation takes from its input.</summary>
    public IReadOnlyList<OperationParameter> Parameters { get; }

    /// <summary>Reads the answer's objects into models.</summary>
    public ItemReader Reader { get; }

    /// <summary>Page bounds (<c>count</c>) for a paged list; null for other shapes and for lists paged by cursor alone.</summary>
    public PageBounds? Paging { get; }

    /// <summary>What the operation answers.</summary>
    public OperationShape Shape { get; }

    /// <summary>Whether the answer is a list of items (paged or whole), each written on its own.</summary>
    public bool IsList => Shape is OperationShape.Page or OperationShape.Whole;

    /// <summary>For a batch, the GET that reads one ID (null when the platform has none).</summary>
    public ApiOperation? SingleLookup { get; }

    /// <summary>What a 404 not_found means here, in words for the error message; null for the plain meaning.</summary>
    public Func<OperationCall, string>? NotFound { get; }

    /// <summary>Fills members the call knows and the JSON does not.</summary>
    public Action<object, OperationCall>? Annotate { get; }

    /// <summary>
    /// Checks the inputs (one per parameter, in order) and binds them with fixed query values (an order,
    /// a time window). Does no I/O.
    /// </summary>
    /// <exception cref="Errors.KonbiniApiException">An input is not a value of its kind (InvalidInput).</exception>
    public OperationCall Bind(IReadOnlyList<string?> inputs, IReadOnlyList<KeyValuePair<string, string>>? fixedQuery = null)
    {
        if (inputs is null || inputs.Count != Parameters.Count)
        {
            throw new ArgumentException(Name + " takes " + Parameters.Count + " values.", nameof(inputs));
        }

        var values = new string[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            values[i] = Parameters[i].Kind.Parse(inputs[i]);
        }

        return new OperationCall(this, values, fixedQuery ?? Array.Empty<KeyValuePair<string, string>>());
    }

    /// <summary>Binds a single input with fixed query values.</summary>
    /// <exception cref="Errors.KonbiniApiException">The input is not a value of its kind (InvalidInput).</exception>
    public OperationCall Bind(string? input, params KeyValuePair<string, string>[] fixedQuery) => Bind(new[] { input }, fixedQuery);

    /// <inheritdoc />
    public override string ToString() => Name + " " + Route;
}
