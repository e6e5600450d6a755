using System;
using System.Collections.Generic;

namespace KonbiniApi.Errors;

/// <summary>
/// The single table that turns the API's error codes and statuses into kinds, and kinds into the
/// stable ErrorIds and advice that scripts and people see.
/// </summary>
public static class ApiErrorCatalog
{
    private static readonly Dictionary<string, ApiErrorKind> KindByCode = new(StringComparer.Ordinal)
    {
        ["validation_error"] = ApiErrorKind.ValidationError,
        ["missing_api_key"] = ApiErrorKind.MissingApiKey,
        ["invalid_api_key"] = ApiErrorKind.InvalidApiKey,
        ["credits_exhausted"] = ApiErrorKind.CreditsExhausted,
        ["api_key_disabled"] = ApiErrorKind.ApiKeyDisabled,
        ["api_key_expired"] = ApiErrorKind.ApiKeyExpired,
        ["not_found"] = ApiErrorKind.NotFound,
        ["route_not_found"] = ApiErrorKind.RouteNotFound,
        ["internal_error"] = ApiErrorKind.InternalError,
        ["platform_error"] = ApiErrorKind.PlatformError,
        ["service_unavailable"] = ApiErrorKind.ServiceUnavailable,
    };

    /// <summary>
    /// Classifies an error response. The code wins when we know it; the status decides otherwise,
    /// so a proxy's HTML 502 is still an upstream failure.
    /// </summary>
    public static ApiErrorKind Classify(int statusCode, string? errorCode)
    {
        if (statusCode == 413)
        {
            return ApiErrorKind.RequestTooLarge;
        }

        if (errorCode is not null && KindByCode.TryGetValue(errorCode, out var kind))
        {
            return kind;
        }

        return statusCode switch
        {
            400 => ApiErrorKind.ValidationError,
            401 => ApiErrorKind.InvalidApiKey,
            402 => ApiErrorKind.CreditsExhausted,
            403 => ApiErrorKind.ApiKeyDisabled,
            404 => ApiErrorKind.RouteNotFound,
            500 => ApiErrorKind.InternalError,
            502 or 504 => ApiErrorKind.PlatformError,
            503 => ApiErrorKind.ServiceUnavailable,
            _ => ApiErrorKind.Unknown,
        };
    }

    /// <summary>Failures that are refunded and usually pass: worth another attempt.</summary>
    public static bool IsTransient(ApiErrorKind kind) => kind is
        ApiErrorKind.InternalError or
        ApiErrorKind.PlatformError or
        ApiErrorKind.ServiceUnavailable or
        ApiErrorKind.NetworkError;

    /// <summary>
    /// Failures that would repeat for every other input of the same call: the key or the account is
    /// the problem, not the item.
    /// </summary>
    public static bool AffectsEveryRequest(ApiErrorKind kind) => kind is
        ApiErrorKind.MissingApiKey or
        ApiErrorKind.InvalidApiKey or
        ApiErrorKind.ApiKeyDisabled or
        ApiErrorKind.ApiKeyExpired or
        ApiErrorKind.CreditsExhausted or
        ApiErrorKind.CreditLimitReached or
        ApiErrorKind.InsecureTransport or
        ApiErrorKind.RouteNotFound;

    /// <summary>The stable ErrorId scripts match on, e.g. <c>KonbiniApi.NotFound</c>.</summary>
    public static string ErrorId(ApiErrorKind kind) => "KonbiniApi." + kind switch
    {
        ApiErrorKind.Unknown => "UnexpectedResponse",
        _ => kind.ToString(),
    };

    /// <summary>What a person should do next.</summary>
    public static string RecommendedAction(ApiErrorKind kind) => kind switch
    {
        ApiErrorKind.ValidationError => "Check the input: the service rejected it as invalid. No credit was charged.",
        ApiErrorKind.MissingApiKey => "Set a key with Set-KonbiniApiKey, pass -ApiKey, or set the KONBINI_API_KEY environment variable.",
        ApiErrorKind.InvalidApiKey => "The key was not recognised. Check it in your KonbiniAPI dashboard and set it again with Set-KonbiniApiKey.",
        ApiErrorKind.CreditsExhausted => "The account has no credits left. Upgrade or renew the plan at konbiniapi.com, then run the command again for the inputs not processed.",
        ApiErrorKind.ApiKeyDisabled => "The key has been disabled. Enable it or create a new key in your KonbiniAPI dashboard.",
        ApiErrorKind.ApiKeyExpired => "The key has expired. Create a new key in your KonbiniAPI dashboard and set it with Set-KonbiniApiKey.",
        ApiErrorKind.NotFound => "Check the spelling of the name or ID; the account or item may have been renamed, made private or deleted. The lookup was charged one credit.",
        ApiErrorKind.RouteNotFound => "The service does not know this endpoint. Check -BaseUri (Get-KonbiniConfiguration) and update the module.",
        ApiErrorKind.RequestTooLarge => "Send a smaller request. No credit was charged.",
        ApiErrorKind.InternalError => "The service failed; no credit was charged. Try again later.",
        ApiErrorKind.PlatformError => "The social platform behind KonbiniAPI failed or timed out; no credit was charged. Try again later.",
        ApiErrorKind.ServiceUnavailable => "KonbiniAPI is temporarily unavailable; no credit was charged. Try again later.",
        ApiErrorKind.NetworkError => "Check the network, proxy settings and -BaseUri, then try again.",
        ApiErrorKind.Timeout => "Raise -TimeoutSec or try again later; the service or the network was slow.",
        ApiErrorKind.InvalidResponse => "Something between you and KonbiniAPI (a proxy, a captive portal) or the service itself sent an answer that is not the API's JSON. Check -BaseUri and your proxy, then try again.",
        ApiErrorKind.ResponseTooLarge => "The answer exceeded the response size cap. Check -BaseUri; raise the cap only if you trust the server.",
        ApiErrorKind.InsecureTransport => "Use an https:// base URI. Plain http is allowed only to a loopback address such as the local emulator.",
        ApiErrorKind.CreditLimitReached => "Raise -MaxCredits, or run the command again for the inputs not processed.",
        ApiErrorKind.FileExists => "Add -Force to replace the file, or choose another -Destination or -Path. No request was made and no credit was charged.",
        ApiErrorKind.InvalidInput => "Correct the input: the message says what the parameter accepts. No request was made and no credit was charged.",
        _ => "Try again; if it persists, report the response to the module's maintainers.",
    };
}
