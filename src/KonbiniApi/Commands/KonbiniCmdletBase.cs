using System;
using System.Management.Automation;
using System.Threading;
using KonbiniApi.Errors;
using KonbiniApi.Session;

namespace KonbiniApi.Commands;

/// <summary>
/// What every KonbiniApi cmdlet shares: the session it belongs to, and a cancellation source that
/// Ctrl+C (StopProcessing) trips so that requests in flight stop at once.
/// </summary>
public abstract class KonbiniCmdletBase : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private ModuleSession? session;

    /// <summary>Cancelled when the pipeline is stopped.</summary>
    protected CancellationToken Cancellation => stopping.Token;

    /// <summary>The session of the runspace this cmdlet runs in (resolved on the pipeline thread).</summary>
    internal ModuleSession Session => session ??= ModuleSession.Current;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        session = ModuleSession.Current;
    }

    /// <inheritdoc />
    protected override void StopProcessing()
    {
        CancelWork();
    }

    /// <summary>Cancels whatever this cmdlet started; safe to call more than once, from any thread.</summary>
    protected void CancelWork()
    {
        try
        {
            stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cmdlet already finished; there is nothing left to stop.
        }
    }

    /// <summary>Stops the cmdlet with the ErrorRecord the factory builds for <paramref name="failure"/>.</summary>
    protected void ThrowTerminating(Exception failure, object? target) =>
        ThrowTerminatingError(ErrorRecordFactory.Create(failure, target));

    /// <summary>Writes a non-terminating error built by the factory.</summary>
    protected void WriteFailure(Exception failure, object? target) =>
        WriteError(ErrorRecordFactory.Create(failure, target));

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the cancellation source; derived classes stop their work first.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            stopping.Dispose();
        }
    }
}
