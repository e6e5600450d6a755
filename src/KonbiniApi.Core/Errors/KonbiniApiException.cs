using System;
using System.Collections.Generic;

namespace KonbiniApi.Errors;

/// <summary>
/// A failed API call, with everything a script needs to decide what to do. It never holds the key:
/// only the request path, which the module builds from validated input.
/// </summary>
public sealed class KonbiniApiException : Exception
{
    /// <summary>Creates an exception for a failed request.</summary>
    public KonbiniApiException(
        ApiErrorKind kind,
        string message,
        int? statusCode = null,
        string? errorCode = null,
        string? requestPath = null,
        int? creditsUsed = null,
        long? creditsRemaining = null,
        int attempts = 1,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestPath = requestPath;
        CreditsUsed = creditsUsed;
        CreditsRemaining = creditsRemaining;
        Attempts = attempts;
    }

    /// <summary>Creates an exception with no detail beyond a message (for serializers and tools).</summary>
    public KonbiniApiException()
        : this(ApiErrorKind.Unknown, "The KonbiniAPI request failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public KonbiniApiException(string message)
        : this(ApiErrorKind.Unknown, message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public KonbiniApiException(string message, Exception innerException)
        : this(ApiErrorKind.Unknown, message, innerException: innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public ApiErrorKind Kind { get; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The API's machine-readable code (<c>not_found</c>, ...), when the body carried one.</summary>
    public string? ErrorCode { get; }

    /// <summary>Method-less request path, e.g. <c>/v1/tiktok/users/khaby.lame</c>.</summary>
    public string? RequestPath { get; }

    /// <summary><c>X-Credits-Used</c> of the last response (1 charged, 0 refunded), when present.</summary>
    public int? CreditsUsed { get; }

    /// <summary><c>X-Credits-Remaining</c> of the last response, when present.</summary>
    public long? CreditsRemaining { get; }

    /// <summary>How many times the request was sent (1 plus retries).</summary>
    public int Attempts { get; }

    /// <summary>
    /// For a failure that stopped a whole call: the inputs it received but did not process, in order,
    /// so that a script can run them again. Empty otherwise.
    /// </summary>
    public IReadOnlyList<object?> UnprocessedInputs { get; internal set; } = Array.Empty<object?>();

    /// <summary>
    /// For a call stopped part-way through lists: where each unfinished input can go on from (the
    /// input and the cursor of the first page not read; a null cursor means from the start). Empty otherwise.
    /// </summary>
    public IReadOnlyList<ResumePoint> ResumeFrom { get; internal set; } = Array.Empty<ResumePoint>();

    /// <summary>For a list that failed part-way: the cursor of the page that failed, to pass to -Cursor.</summary>
    public string? ResumeCursor { get; internal set; }

    /// <summary>The stable ErrorId for this failure, e.g. <c>KonbiniApi.NotFound</c>.</summary>
    public string ErrorId => ApiErrorCatalog.ErrorId(Kind);

    /// <summary>What a person should do next: advice particular to this failure, or the kind's own.</summary>
    public string RecommendedAction => Advice ?? ApiErrorCatalog.RecommendedAction(Kind);

    /// <summary>Advice that fits this failure better than the kind's general one (what input the operation takes).</summary>
    public string? Advice { get; internal set; }

    /// <summary>The same failure with another message (the cause kept as the inner exception), for context the request path alone lacks.</summary>
    internal KonbiniApiException Rephrased(string message) =>
        new(Kind, message, StatusCode, ErrorCode, RequestPath, CreditsUsed, CreditsRemaining, Attempts, this)
        {
            Advice = Advice,
            ResumeCursor = ResumeCursor,
        };

    /// <summary>True when the failure would repeat for every input of the call.</summary>
    public bool AffectsEveryRequest => ApiErrorCatalog.AffectsEveryRequest(Kind);

    /// <summary>True when another attempt may succeed and costs nothing.</summary>
    public bool IsTransient => ApiErrorCatalog.IsTransient(Kind);
}
