using System;
using System.Text.Json;

namespace KonbiniApi.Emulator;

/// <summary>
/// The body of a Reddit batch: <c>{"entityIds":[...]}</c> with 1 to 100 IDs, each base36 after an optional
/// type prefix. It costs one credit per ID submitted, found or not; a body that cannot be read costs the one
/// credit every request reserves, and is refused and refunded.
/// </summary>
internal static class RedditBatch
{
    public const int MaxIds = 100;

    public static long CostOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("entityIds", out var ids)
                && ids.ValueKind == JsonValueKind.Array
                && ids.GetArrayLength() is >= 1 and <= MaxIds)
            {
                return ids.GetArrayLength();
            }
        }
        catch (JsonException)
        {
        }

        return 1;
    }

    /// <summary>The IDs without their prefix, in request order; null when the body is not valid.</summary>
    public static string[]? Read(ReadOnlyMemory<byte> body, string prefix) => Check(body, prefix, out var ids) is null ? ids : null;

    /// <summary>Why the body is not valid.</summary>
    public static ApiError Problem(ReadOnlyMemory<byte> body, string prefix) => Check(body, prefix, out _) ?? RedditErrors.BadBatch("unreadable");

    private static ApiError? Check(ReadOnlyMemory<byte> body, string prefix, out string[] ids)
    {
        ids = [];
        if (body.IsEmpty)
        {
            return RedditErrors.BadBatch("send a JSON object {\"entityIds\": [...]}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return RedditErrors.BadBatch("it is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entityIds", out var list))
            {
                return RedditErrors.BadBatch("'entityIds' is required");
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                return RedditErrors.BadBatch("'entityIds' must be an array");
            }

            var count = list.GetArrayLength();
            if (count is < 1 or > MaxIds)
            {
                return RedditErrors.BadBatch("'entityIds' must hold 1 to 100 IDs");
            }

            var found = new string[count];
            var at = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || RedditRoutes.Id(item.GetString()!, prefix) is not { } id)
                {
                    return RedditErrors.BadBatch($"entityIds[{at}] must be a base36 ID, optionally after '{prefix}'");
                }

                found[at++] = id;
            }

            ids = found;
            return null;
        }
    }
}
