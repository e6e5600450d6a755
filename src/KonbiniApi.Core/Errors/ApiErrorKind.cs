namespace KonbiniApi.Errors;

/// <summary>
/// What went wrong with a request, independent of how the failure reached us (an API error code,
/// an HTTP status with an unreadable body, or a fault below HTTP). Cmdlets switch on this, never on
/// message text.
/// </summary>
public enum ApiErrorKind
{
    /// <summary>The service answered with something we could not classify.</summary>
    Unknown = 0,

    /// <summary>400 <c>validation_error</c>: the service rejected the input (refunded).</summary>
    ValidationError,

    /// <summary>No key was sent, or the module has no key to send (401 <c>missing_api_key</c>).</summary>
    MissingApiKey,

    /// <summary>401 <c>invalid_api_key</c>.</summary>
    InvalidApiKey,

    /// <summary>402 <c>credits_exhausted</c>: terminal until the plan changes.</summary>
    CreditsExhausted,

    /// <summary>403 <c>api_key_disabled</c>.</summary>
    ApiKeyDisabled,

    /// <summary>403 <c>api_key_expired</c>.</summary>
    ApiKeyExpired,

    /// <summary>404 <c>not_found</c>: the lookup ran and found nothing (charged).</summary>
    NotFound,

    /// <summary>404 <c>route_not_found</c>: the module asked for a path the service does not have.</summary>
    RouteNotFound,

    /// <summary>413: the request body was over the service's limit.</summary>
    RequestTooLarge,

    /// <summary>500 <c>internal_error</c>.</summary>
    InternalError,

    /// <summary>502 or 504 <c>platform_error</c>: the social platform behind the API failed.</summary>
    PlatformError,

    /// <summary>503 <c>service_unavailable</c>.</summary>
    ServiceUnavailable,

    /// <summary>The connection failed, was reset, or the body was cut short.</summary>
    NetworkError,

    /// <summary>No complete answer arrived within the configured timeout.</summary>
    Timeout,

    /// <summary>The answer was not the API's JSON contract (HTML, bad JSON, <c>data</c> null, wrong types).</summary>
    InvalidResponse,

    /// <summary>The answer was larger than the module's response size cap.</summary>
    ResponseTooLarge,

    /// <summary>The key would have been sent somewhere it must not go (plain http to a remote host).</summary>
    InsecureTransport,

    /// <summary>A spending limit set by the caller (<c>-MaxCredits</c>) stopped the call.</summary>
    CreditLimitReached,

    /// <summary>The input was refused locally, before any request.</summary>
    InvalidInput,

    /// <summary>A file to be written exists already and -Force was not given; nothing was requested.</summary>
    FileExists,
}
