using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KonbiniApi.Emulator;

/// <summary>An error the contract defines, with its body rendered once.</summary>
internal sealed class ApiError
{
    public ApiError(int status, string code, string message)
    {
        Status = status;
        Code = code;
        Message = message;
        Body = Render(code, message);
    }

    public int Status { get; }

    public string Code { get; }

    public string Message { get; }

    public byte[] Body { get; }

    public static byte[] Render(string code, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, PersonJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteNull("data");
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

internal static class ApiErrors
{
    public static readonly ApiError RouteNotFound = new(StatusCodes.Status404NotFound, "route_not_found", "No route matches this method and path.");
    public static readonly ApiError MissingApiKey = new(StatusCodes.Status401Unauthorized, "missing_api_key", "Send your API key as 'Authorization: Bearer <key>'.");
    public static readonly ApiError InvalidApiKey = new(StatusCodes.Status401Unauthorized, "invalid_api_key", "Invalid API key.");
    public static readonly ApiError CreditsExhausted = new(StatusCodes.Status402PaymentRequired, "credits_exhausted", "Credits exhausted. Upgrade your plan to continue.");
    public static readonly ApiError KeyDisabled = new(StatusCodes.Status403Forbidden, "api_key_disabled", "API key is disabled.");
    public static readonly ApiError KeyExpired = new(StatusCodes.Status403Forbidden, "api_key_expired", "API key has expired.");
    public static readonly ApiError NotFound = new(StatusCodes.Status404NotFound, "not_found", "User not found.");
    public static readonly ApiError InvalidUsername = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid username: use 1-24 letters, digits, '_' or '.', optionally after one '@'.");
    public static readonly ApiError RejectedUsername = new(StatusCodes.Status400BadRequest, "validation_error", "The platform rejected this username.");
    public static readonly ApiError BodyTooLarge = new(StatusCodes.Status413PayloadTooLarge, "validation_error", "Request body too large (limit 1 MB).");
    public static readonly ApiError InternalError = new(StatusCodes.Status500InternalServerError, "internal_error", "Internal error.");
    public static readonly ApiError BadGateway = new(StatusCodes.Status502BadGateway, "platform_error", "The platform returned an error.");
    public static readonly ApiError ServiceUnavailable = new(StatusCodes.Status503ServiceUnavailable, "service_unavailable", "Service temporarily unavailable.");
    public static readonly ApiError InvalidTag = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid tag: use 1-100 letters, digits or '_'.");
    public static readonly ApiError InvalidLanguage = new(StatusCodes.Status400BadRequest, "validation_error", "Unsupported transcript language: use 'original' or one of the listed BCP 47 codes.");
    public static readonly ApiError MissingQuery = new(StatusCodes.Status400BadRequest, "validation_error", "'query' is required and must not be empty.");
    public static readonly ApiError BadCursor = new(StatusCodes.Status400BadRequest, "validation_error", "Invalid cursor: pass back a nextCursor this list returned.");
    public static readonly ApiError BadDownloadHint = new(StatusCodes.Status400BadRequest, "validation_error", "'url' must be an absolute http(s) URL.");
    public static readonly ApiError RejectedTag = new(StatusCodes.Status400BadRequest, "validation_error", "The platform rejected this tag.");
    public static readonly ApiError RejectedQuery = new(StatusCodes.Status400BadRequest, "validation_error", "The platform rejected this query.");
    public static readonly ApiError TagNotFound = new(StatusCodes.Status404NotFound, "not_found", "Tag not found.");
    public static readonly ApiError NoResults = new(StatusCodes.Status404NotFound, "not_found", "No results for this query.");
    public static readonly ApiError NotLive = new(StatusCodes.Status404NotFound, "not_found", "This user is not live right now.");
    public static readonly ApiError NoTranscript = new(StatusCodes.Status404NotFound, "not_found", "This video has no transcript.");
    public static readonly ApiError GatewayTimeout = new(StatusCodes.Status504GatewayTimeout, "platform_error", "The platform did not answer in time.");

    public static ApiError InvalidId(string what) =>
        new(StatusCodes.Status400BadRequest, "validation_error", $"Invalid {what} ID: use 1-19 digits.");

    public static ApiError ItemNotFound(string what) => new(StatusCodes.Status404NotFound, "not_found", $"{what} not found.");

    public static ApiError BadCount(CountBounds bounds) => new(StatusCodes.Status400BadRequest, "validation_error",
        bounds.Min == bounds.Max ? $"'count' must be {bounds.Min}." : $"'count' must be an integer from {bounds.Min} to {bounds.Max}.");

    public static ApiError BadEnum(string name, string[] allowed) =>
        new(StatusCodes.Status400BadRequest, "validation_error", $"'{name}' must be one of: {string.Join(", ", allowed)}.");
}
