namespace KonbiniApi.Http;

/// <summary>
/// Receives the request path's running commentary (each attempt, each retry). The cmdlets keep these
/// lines with the input they belong to and write them as Verbose on the pipeline thread.
/// </summary>
public interface IRequestObserver
{
    /// <summary>One line about one attempt.</summary>
    void Report(string message);
}
