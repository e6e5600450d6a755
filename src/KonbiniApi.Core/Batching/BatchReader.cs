using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Operations;
using KonbiniApi.Paging;

namespace KonbiniApi.Batching;

/// <summary>What one ID of a batch ended as: the object written for it, or its failure.</summary>
public readonly struct BatchOutcome : IEquatable<BatchOutcome>
{
    /// <summary>Creates an outcome.</summary>
    public BatchOutcome(object? output, Exception? error)
    {
        Output = output;
        Error = error;
    }

    /// <summary>The object for the ID, when it was found.</summary>
    public object? Output { get; }

    /// <summary>Why there is no object (not found, unreadable); null on success.</summary>
    public Exception? Error { get; }

    /// <inheritdoc />
    public bool Equals(BatchOutcome other) => Equals(Output, other.Output) && Equals(Error, other.Error);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BatchOutcome other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Output?.GetHashCode() ?? 0) ^ (Error?.GetHashCode() ?? 0);

    /// <summary>Equality.</summary>
    public static bool operator ==(BatchOutcome left, BatchOutcome right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(BatchOutcome left, BatchOutcome right) => !left.Equals(right);
}

/// <summary>
/// Looks many IDs up in one request: a POST of <c>{"entityIds":[...]}</c> to a batch route, whose answer is a
/// <c>Collection</c> of the objects found. Every ID ends as its object or its own error, in the order given:
/// an ID the answer leaves out is a NotFound for that ID. One ID alone goes to the operation's single GET
/// when it pairs one (the same credit, and the service's own 404).
/// </summary>
public static class BatchReader
{
    /// <summary>Most IDs one batch takes (the service refuses more).</summary>
    public const int MaxIds = 100;

    /// <summary>The JSON body for <paramref name="ids"/>.</summary>
    public static byte[] BodyFor(IReadOnlyList<string> ids)
    {
        if (ids is null)
        {
            throw new ArgumentNullException(nameof(ids));
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entityIds");
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Reads the objects for <paramref name="calls"/>, all bound to the same batch operation.</summary>
    /// <returns>One outcome per call, in the same order.</returns>
    /// <exception cref="KonbiniApiException">The request as a whole failed; a refused batch (400, 413) says which IDs it held.</exception>
    public static async Task<BatchOutcome[]> ReadAsync(KonbiniClient client, IReadOnlyList<OperationCall> calls, ConvertItem convert, IRequestObserver? observer, CancellationToken cancellationToken)
    {
        if (client is null || calls is null || convert is null)
        {
            throw new ArgumentNullException(client is null ? nameof(client) : calls is null ? nameof(calls) : nameof(convert));
        }

        if (calls.Count is 0 or > MaxIds)
        {
            throw new ArgumentOutOfRangeException(nameof(calls), "A batch holds 1 to " + MaxIds + " IDs.");
        }

        var operation = calls[0].Operation;
        if (operation.Shape != OperationShape.Batch)
        {
            throw new ArgumentException(operation.Name + " is not a batch.", nameof(calls));
        }

        if (calls.Count == 1 && operation.SingleLookup is { } single)
        {
            return new[] { await ReadSingleAsync(client, single.Bind(calls[0].Values[0]), convert, observer, cancellationToken).ConfigureAwait(false) };
        }

        var ids = new string[calls.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = calls[i].Values[0];
        }

        var request = ApiRequest.Post(operation.Route.Template, BodyFor(ids), ids.Length);
        ApiResponse response;
        try
        {
            response = await client.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
        }
        catch (KonbiniApiException refused) when (refused.Kind is ApiErrorKind.ValidationError or ApiErrorKind.RequestTooLarge)
        {
            throw refused.Rephrased(
                "The batch of " + Count(ids.Length, "ID") + " (" + Describe(ids) + ") was refused: " + refused.Message.TrimEnd('.') +
                ". Every ID in it ends with this error; none was charged.");
        }

        using (response)
        {
            return Match(operation, calls, response, convert, observer);
        }
    }

    private static async Task<BatchOutcome> ReadSingleAsync(KonbiniClient client, OperationCall call, ConvertItem convert, IRequestObserver? observer, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(call.PathFor(null, null), observer, cancellationToken).ConfigureAwait(false);
            return new BatchOutcome(call.Complete(convert(response.Data, response.RequestPath, "data")), null);
        }
        catch (KonbiniApiException failure) when (failure.Kind is ApiErrorKind.NotFound or ApiErrorKind.InvalidResponse)
        {
            return new BatchOutcome(null, failure);
        }
    }

    private static BatchOutcome[] Match(ApiOperation operation, IReadOnlyList<OperationCall> calls, ApiResponse response, ConvertItem convert, IRequestObserver? observer)
    {
        var kind = operation.Parameters[0].Kind;
        var outcomes = new BatchOutcome[calls.Count];
        if (response.Data.ValueKind != JsonValueKind.Object || !response.Data.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            var unreadable = new KonbiniApiException(
                ApiErrorKind.InvalidResponse,
                "The answer to " + response.RequestPath + " is not a Collection with an items array, so none of its " + Count(calls.Count, "ID") + " can be read.",
                response.StatusCode,
                requestPath: response.RequestPath,
                creditsUsed: response.CreditsUsed,
                creditsRemaining: response.CreditsRemaining);
            for (var i = 0; i < outcomes.Length; i++)
            {
                outcomes[i] = new BatchOutcome(null, unreadable);
            }

            return outcomes;
        }

        // The answer lists what it found in any order; each object says its ID in entityId, possibly with the
        // platform's type prefix, so IDs are compared in the form the identifier kind gives them.
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("entityId", out var entityId)
                && entityId.ValueKind == JsonValueKind.String
                && kind.TryParse(entityId.GetString(), out var id, out _))
            {
                var key = kind.KeyOf(id);
                if (!found.ContainsKey(key))
                {
                    found[key] = index;
                }
            }
            else
            {
                observer?.Report(response.RequestPath + ": item " + index.ToString(CultureInfo.InvariantCulture) + " carries no entityId this batch asked for; it is skipped.");
            }

            index++;
        }

        var elements = new JsonElement[index];
        index = 0;
        foreach (var item in items.EnumerateArray())
        {
            elements[index++] = item;
        }

        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            var id = call.Values[0];
            if (!found.TryGetValue(kind.KeyOf(id), out var at))
            {
                outcomes[i] = new BatchOutcome(null, new KonbiniApiException(
                    ApiErrorKind.NotFound,
                    "'" + id + "' was not found: " + response.RequestPath + " answered without it. A batch is charged one credit per ID sent, found or not.",
                    requestPath: response.RequestPath,
                    creditsRemaining: response.CreditsRemaining));
                continue;
            }

            try
            {
                outcomes[i] = new BatchOutcome(call.Complete(convert(elements[at], response.RequestPath, "data.items[" + at.ToString(CultureInfo.InvariantCulture) + "]")), null);
            }
            catch (KonbiniApiException unreadable) when (unreadable.Kind == ApiErrorKind.InvalidResponse)
            {
                outcomes[i] = new BatchOutcome(null, unreadable);
            }
        }

        return outcomes;
    }

    private static string Describe(string[] ids) =>
        ids.Length == 1 ? "'" + ids[0] + "'" : "'" + ids[0] + "' to '" + ids[ids.Length - 1] + "'";

    private static string Count(int count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
