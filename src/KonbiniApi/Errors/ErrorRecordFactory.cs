using System;
using System.Management.Automation;
using KonbiniApi.Errors;

namespace KonbiniApi.Errors;

/// <summary>
/// The one place that turns failures into ErrorRecords: a stable ErrorId, a category scripts can
/// switch on, the input as TargetObject, and advice in RecommendedAction.
/// </summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(Exception failure, object? target)
    {
        if (failure is KonbiniApiException api)
        {
            var record = new ErrorRecord(api, api.ErrorId, Category(api.Kind), target)
            {
                ErrorDetails = new ErrorDetails(api.Message) { RecommendedAction = api.RecommendedAction },
            };
            return record;
        }

        return new ErrorRecord(failure, "KonbiniApi.UnexpectedError", ErrorCategory.NotSpecified, target)
        {
            ErrorDetails = new ErrorDetails(failure.Message)
            {
                RecommendedAction = "This is a defect in the KonbiniApi module; please report it with the output of $Error[0] | Format-List * -Force.",
            },
        };
    }

    /// <summary>
    /// An error of the module's own (a setting, a file, a vault), not of the API: the same shape, a
    /// stable id, the message shown (the exception's unless given) and advice.
    /// </summary>
    public static ErrorRecord Create(Exception failure, string errorId, ErrorCategory category, object? target, string recommendedAction, string? message = null) =>
        new(failure, errorId, category, target)
        {
            ErrorDetails = new ErrorDetails(message ?? failure.Message) { RecommendedAction = recommendedAction },
        };

    public static ErrorCategory Category(ApiErrorKind kind) => kind switch
    {
        ApiErrorKind.ValidationError or ApiErrorKind.InvalidInput => ErrorCategory.InvalidArgument,
        ApiErrorKind.MissingApiKey or ApiErrorKind.InvalidApiKey => ErrorCategory.AuthenticationError,
        ApiErrorKind.ApiKeyDisabled or ApiErrorKind.ApiKeyExpired => ErrorCategory.PermissionDenied,
        ApiErrorKind.CreditsExhausted or ApiErrorKind.CreditLimitReached => ErrorCategory.QuotaExceeded,
        ApiErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        ApiErrorKind.FileExists => ErrorCategory.ResourceExists,
        ApiErrorKind.RouteNotFound => ErrorCategory.NotImplemented,
        ApiErrorKind.RequestTooLarge or ApiErrorKind.ResponseTooLarge => ErrorCategory.LimitsExceeded,
        ApiErrorKind.InternalError or ApiErrorKind.PlatformError or ApiErrorKind.ServiceUnavailable => ErrorCategory.ResourceUnavailable,
        ApiErrorKind.NetworkError => ErrorCategory.ConnectionError,
        ApiErrorKind.Timeout => ErrorCategory.OperationTimeout,
        ApiErrorKind.InvalidResponse => ErrorCategory.InvalidResult,
        ApiErrorKind.InsecureTransport => ErrorCategory.SecurityError,
        _ => ErrorCategory.NotSpecified,
    };
}
