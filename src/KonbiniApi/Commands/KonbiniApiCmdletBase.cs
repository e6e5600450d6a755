using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Batching;
using KonbiniApi.Concurrency;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Operations;
using KonbiniApi.Output;
using KonbiniApi.Paging;
using KonbiniApi.Session;

namespace KonbiniApi.Commands;

/// <summary>
/// The engine behind every cmdlet that calls the API: it resolves the key and configuration once,
/// runs lookups concurrently up to -ThrottleLimit, writes every outcome in input order from the
/// pipeline thread, stops new requests the moment a failure shows the rest would fail too, and
/// honours -MaxCredits. A concrete cmdlet says only how to read its input and what one lookup is.
/// </summary>
public abstract class KonbiniApiCmdletBase : KonbiniCmdletBase
{
    private const int RememberedOutcomes = 4096;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, WorkItem> inLine = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WorkItem> remembered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<string> rememberedOrder = new();
    private readonly List<ResumePoint> unprocessed = new();
    private OrderedRunner? runner;
    private BatchCollector? batches;
    private ConvertItem? batchConvert;
    private bool lastInPipeline;
    private KonbiniClient? client;
    private AccountCredits? account;
    private ProgressReporter? progress;
    private KonbiniConfiguration configuration = new();
    private KonbiniApiException? fatal;
    private long received;
    private bool halted;
    private long written;
    private long failed;
    private long outputs;

    /// <summary>
    /// <para type="description">The API key for this call only. Takes a SecureString, a PSCredential, or a string. Without it the session key (Set-KonbiniApiKey) is used, then the KONBINI_API_KEY environment variable, then the key stored with Set-KonbiniApiKey -Scope CurrentUser.</para>
    /// </summary>
    [Parameter]
    [ApiKeyTransformation]
    public SecureString? ApiKey { get; set; }

    /// <summary>
    /// <para type="description">How many lookups may be in flight at once. Defaults to the session's ThrottleLimit (16 unless changed with Set-KonbiniConfiguration).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int ThrottleLimit { get; set; }

    /// <summary>
    /// <para type="description">Seconds one request may take before it fails with KonbiniApi.Timeout. Defaults to the session's TimeoutSec (30).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; }

    /// <summary>
    /// <para type="description">The most credits this call may be charged. Requests in flight count as possible charges, so the call never goes over. When the limit stops it, a terminating KonbiniApi.CreditLimitReached error says how many inputs were not processed.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0L, long.MaxValue)]
    public long MaxCredits { get; set; } = -1;

    /// <summary>Text for the progress bar, e.g. "Looking up TikTok users".</summary>
    protected abstract string ActivityName { get; }

    /// <summary>The inputs bound for this ProcessRecord call, in order.</summary>
    protected abstract IReadOnlyList<object?> CurrentInputs();

    /// <summary>Checks one input and says what to do with it; must not do I/O.</summary>
    protected abstract LookupPlan Plan(object? input);

    /// <summary>The client for this call (available from BeginProcessing on).</summary>
    internal KonbiniClient Client => client ?? throw new InvalidOperationException("BeginProcessing has not run.");

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        lock (Session.Gate)
        {
            configuration = Session.Configuration.Clone();
        }

        var warnings = new List<string>();
        lock (Session.Gate)
        {
            warnings.AddRange(Session.PendingWarnings);
            Session.PendingWarnings.Clear();
        }

        ApiKey? key = null;
        var source = "nowhere";
        try
        {
            key = ApiKeyResolver.Resolve(ApiKey, Session, warnings, out source);
        }
        catch (Exception unreadable) when (ApiKeyResolver.IsUnreadableStore(unreadable))
        {
            ThrowTerminating(
                new KonbiniApiException(ApiErrorKind.MissingApiKey, "The stored KonbiniAPI key could not be read from " + source + ": " + unreadable.Message + " No request was made.", innerException: unreadable),
                null);
        }

        foreach (var warning in warnings)
        {
            WriteWarning(warning);
        }

        if (key is null)
        {
            ThrowTerminating(
                new KonbiniApiException(
                    ApiErrorKind.MissingApiKey,
                    "No KonbiniAPI key is set. Use Set-KonbiniApiKey (add -Scope CurrentUser to keep it), pass -ApiKey, or set the " + ApiKeyResolver.EnvironmentVariable + " environment variable. No request was made."),
                null);
        }

        WriteVerbose("Using the API key from " + source + " against " + configuration.BaseUri + ".");
        var options = new KonbiniClientOptions
        {
            BaseUri = configuration.BaseUri,
            Timeout = TimeSpan.FromSeconds(TimeoutSec > 0 ? TimeoutSec : configuration.TimeoutSec),
            MaxRetries = configuration.RetryCount,
            MaxResponseBytes = configuration.MaxResponseBytes,
            UserAgent = UserAgent.For(this),
            NoProxy = configuration.NoProxy,
            Proxy = configuration.Proxy is null ? null : new System.Net.WebProxy(configuration.Proxy)
            {
                Credentials = configuration.ProxyCredential?.GetNetworkCredential(),
            },
        };

        try
        {
            account = Session.CreditsFor(options.BaseUri, key!);
            client = new KonbiniClient(options, key!, account.Ledger);
            if (MaxCredits >= 0)
            {
                client.LimitTo(MaxCredits);
            }
        }
        catch (KonbiniApiException refused)
        {
            ThrowTerminating(refused, configuration.BaseUri);
        }

        var throttle = ThrottleLimit > 0 ? ThrottleLimit : configuration.ThrottleLimit;

        // Nothing downstream can stop a cmdlet that is last in its pipeline early (Select-Object -First),
        // so it need not start small to keep such a stop cheap.
        var last = MyInvocation.PipelinePosition >= MyInvocation.PipelineLength;
        lastInPipeline = last;
        if (ListsItems)
        {
            // A list reads its pages one after another; with twice the throttle in inputs open and the
            // requests capped at the throttle, a slot never waits for a slow input's next page.
            client!.LimitConcurrency(throttle);
            runner = new OrderedRunner(throttle * 2, rampUp: !last);
        }
        else
        {
            runner = new OrderedRunner(throttle, rampUp: !last);
        }
        progress = new ProgressReporter(this, ActivityName, MyInvocation.ExpectingInput ? null : CurrentInputs().Count);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var inputs = CurrentInputs();
        received += inputs.Count;
        if (halted)
        {
            // Read, never requested: the terminating error at the end lists these too, so that a
            // script can run exactly the unprocessed inputs again.
            foreach (var input in inputs)
            {
                unprocessed.Add(new ResumePoint(input, null));
            }

            return;
        }

        for (var index = 0; index < inputs.Count; index++)
        {
            if (!Submit(inputs[index], inputs, index))
            {
                return;
            }
        }

        // Waiting IDs go out as soon as nothing else is in flight, so that input arriving slowly is not held
        // back for a full batch; while requests run, more IDs gather for the next one.
        if (batches is { Count: > 0 } && runner!.Running == 0 && !SendBatches(inputs, inputs.Count, everything: true))
        {
            return;
        }

        WriteFinished();
    }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var line = runner!;
        if (!halted && batches is { Count: > 0 })
        {
            SendBatches(Array.Empty<object?>(), 0, everything: true);
        }

        while (!halted && line.Pending > 0)
        {
            if (!line.HeadIsFinished)
            {
                Wait();
            }

            WriteFinished();
            if (Volatile.Read(ref fatal) is not null)
            {
                Halt(Array.Empty<object?>(), 0);
            }
        }

        // The input that met a failure of the key or the account may already have been written out (as
        // unprocessed) while its call was still reading input, leaving nothing pending here: the call must
        // still end with the terminating error that lists it.
        if (!halted && Volatile.Read(ref fatal) is not null)
        {
            Halt(Array.Empty<object?>(), 0);
        }

        progress?.Complete();
        if (halted)
        {
            ThrowStopped();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && runner is not null)
        {
            // Workers signal the runner when they finish; let them, then free it.
            CancelWork();
            runner.WaitForAllRunning(StopGrace);
            runner.Dispose();
            runner = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>Queues one input; false when the call has stopped and the rest of the batch was set aside.</summary>
    private bool Submit(object? input, IReadOnlyList<object?> batch, int index)
    {
        var line = runner!;
        var item = line.NewItem(input);
        var plan = Plan(input);
        if (plan.Refusal is not null)
        {
            line.AddCompleted(item, Array.Empty<object?>(), plan.Refusal);
            WriteFinished();
            return true;
        }

        var key = plan.Key!;
        item.Key = key;
        if (plan.Repeatable && inLine.TryGetValue(key, out var original))
        {
            item.Report("'" + plan.Shown + "' repeats an earlier input still in progress; its outcome is reused (no extra request).");
            line.AddRepeat(item, original);
            return true;
        }

        if (plan.Repeatable && remembered.TryGetValue(key, out var earlier) && earlier.Kept is { } kept)
        {
            item.Report("'" + plan.Shown + "' repeats an earlier input; its outcome is reused (no extra request).");
            line.AddCompleted(item, kept, earlier.Error);
            WriteFinished();
            return true;
        }

        if (plan.BatchCall is { } batchCall)
        {
            return Queue(item, batchCall, plan.Convert!, batch, index);
        }

        if (!WaitForSlot(batch, index))
        {
            return false;
        }

        var work = plan.Work!;
        line.Start(item, async (started, token) =>
        {
            try
            {
                await work(started, token).ConfigureAwait(false);
            }
            catch (KonbiniApiException failure) when (failure.AffectsEveryRequest)
            {
                // Raise the flag now, not when this item reaches the head of the line: every
                // request started from here on would fail the same way.
                Interlocked.CompareExchange(ref fatal, failure, null);
                throw;
            }
        }, Cancellation);
        if (plan.Repeatable)
        {
            inLine[key] = item;
        }

        return true;
    }

    /// <summary>Puts an input in line for its batch, and sends batches once enough inputs wait.</summary>
    private bool Queue(WorkItem item, OperationCall call, ConvertItem convert, IReadOnlyList<object?> batch, int index)
    {
        var line = runner!;
        if (batches is null)
        {
            batches = new BatchCollector(BatchReader.MaxIds, lastInPipeline ? null : () => line.OutcomesTaken);
            line.AllowBatches(BatchReader.MaxIds);
        }

        // A batch holds one operation's IDs; those of another wait for their own (the stop lists this input).
        if (batches.Operation is { } waiting && !ReferenceEquals(waiting, call.Operation) && !SendBatches(batch, index, everything: true))
        {
            return false;
        }

        line.Enqueue(item);
        batches.Add(item, call);
        batchConvert = convert;
        inLine[item.Key!] = item;
        return !batches.IsFull || SendBatches(batch, index + 1, everything: false);
    }

    /// <summary>
    /// Sends waiting IDs in batches: while a full batch waits, or all of them with <paramref name="everything"/>.
    /// -MaxCredits counts a batch's IDs before it is sent: when the room left is smaller, a smaller batch goes,
    /// and when there is none, the call stops with the rest unprocessed. False when the call stopped.
    /// </summary>
    private bool SendBatches(IReadOnlyList<object?> batch, int firstNotQueued, bool everything)
    {
        var line = runner!;
        var queue = batches!;
        while (queue.Count > 0 && (everything || queue.IsFull))
        {
            if (Volatile.Read(ref fatal) is not null)
            {
                Halt(batch, firstNotQueued);
                return false;
            }

            // Answers that are in go downstream before the next batch is paid for: they widen the ramp, and a
            // Select-Object -First that has what it wants stops the call here.
            WriteFinished();

            if (!line.HasFreeSlot)
            {
                Wait();
                WriteFinished();
                continue;
            }

            // Room is counted here, not in the client: a batch started a moment ago may not have reached the
            // client's budget yet, and its IDs must count before the next batch is sized.
            var room = client!.Budget is { } budget ? Math.Max(0, budget.MaxCredits - client.CallCredits.PossiblyCharged - queue.InFlight) : long.MaxValue;
            if (room == 0 || queue.Allowance == 0)
            {
                // Requests in flight may yet be refunded and free room, and their answers widen the ramp;
                // with none in flight and no room, the limit is final.
                if (line.Running > 0)
                {
                    Wait();
                    WriteFinished();
                    continue;
                }

                if (room == 0)
                {
                    Interlocked.CompareExchange(ref fatal, client.Budget!.LimitReached(), null);
                    Halt(batch, firstNotQueued);
                    return false;
                }
            }

            var taken = queue.Take((int)Math.Min(room, BatchReader.MaxIds));
            if (taken.Count == 0)
            {
                Wait();
                WriteFinished();
                continue;
            }

            var members = new WorkItem[taken.Count];
            var calls = new OperationCall[taken.Count];
            for (var i = 0; i < taken.Count; i++)
            {
                (members[i], calls[i]) = taken[i];
            }

            var convert = batchConvert!;
            var batchClient = client;
            line.StartBatch(members, async token =>
            {
                try
                {
                    return await BatchReader.ReadAsync(batchClient, calls, convert, members[0], token).ConfigureAwait(false);
                }
                catch (KonbiniApiException failure) when (failure.AffectsEveryRequest)
                {
                    Interlocked.CompareExchange(ref fatal, failure, null);
                    throw;
                }
                finally
                {
                    queue.Answered(members.Length);
                }
            }, Cancellation);
        }

        return true;
    }

    /// <summary>Waits until a request may start; false when the call stopped instead.</summary>
    private bool WaitForSlot(IReadOnlyList<object?> batch, int index)
    {
        var line = runner!;
        while (true)
        {
            if (Volatile.Read(ref fatal) is not null)
            {
                Halt(batch, index);
                return false;
            }

            if (!line.HasFreeSlot)
            {
                Wait();
                WriteFinished();
                continue;
            }

            // Each running input holds at least one possible charge, so a new input starts only when the
            // budget has room beyond them; the client checks every page and retry again before it is sent.
            if (client!.Budget is { } budget && !budget.HasRoom(Math.Max(1, 1 + line.Running - budget.InFlight)))
            {
                if (line.Running > 0)
                {
                    Wait();
                    WriteFinished();
                    continue;
                }

                Interlocked.CompareExchange(ref fatal, budget.LimitReached(), null);
                Halt(batch, index);
                return false;
            }

            return true;
        }
    }

    /// <summary>Waits for any request to finish, waking regularly for progress; Ctrl+C ends the wait.</summary>
    private void Wait()
    {
        try
        {
            runner!.WaitForCompletion(PollInterval, Cancellation);
        }
        catch (OperationCanceledException)
        {
            StopAndRethrow();
        }

        UpdateProgress();
    }

    private void UpdateProgress() =>
        progress?.Update(written, failed, account!.Ledger.LastRemaining, ListsItems ? outputs : null, ListsItems ? client!.Answers : null, BytesSaved);

    /// <summary>Bytes written to disk so far, for cmdlets that save files; null for the others.</summary>
    protected virtual long? BytesSaved => null;

    /// <summary>Whether this cmdlet writes lists (progress then counts items and pages too).</summary>
    protected virtual bool ListsItems => false;

    private void WriteFinished()
    {
        foreach (var (item, entries, finished) in runner!.TakeReady())
        {
            Emit(item, entries, finished);
        }

        UpdateProgress();
        WarnIfBalanceLow();
    }

    private void Emit(WorkItem item, IReadOnlyList<WorkEntry> entries, bool finished)
    {
        try
        {
            foreach (var entry in entries)
            {
                WriteEntry(entry, item.Input);
            }

            if (!finished)
            {
                return;
            }

            var source = item.SameAs ?? item;
            if (item.SameAs is not null)
            {
                foreach (var entry in source.TakeEntries())
                {
                    if (entry.Kind != WorkEntryKind.Output)
                    {
                        WriteEntry(entry, item.Input);
                    }
                }

                foreach (var output in source.Kept ?? Array.Empty<object?>())
                {
                    WriteEntry(new WorkEntry(WorkEntryKind.Output, output), item.Input);
                }
            }

            Forget(item);
            if (source.Error is KonbiniApiException { AffectsEveryRequest: true })
            {
                unprocessed.Add(new ResumePoint(item.Input, source.OutputCount > 0 || source.ResumeCursor is not null ? source.ResumeCursor : null));
                return;
            }

            if (source.Error is OperationCanceledException)
            {
                StopAndRethrow();
            }

            if (source.Error is not null)
            {
                failed++;
                WriteFailure(source.Error, item.Input);
            }
            else
            {
                written++;
            }

            Remember(item, source);
        }
        catch (PipelineStoppedException)
        {
            // Downstream stopped us (Select-Object -First, Ctrl+C): cancel what is in flight first.
            CancelWork();
            runner!.WaitForAllRunning(StopGrace);
            throw;
        }
    }

    private void WriteEntry(WorkEntry entry, object? input)
    {
        switch (entry.Kind)
        {
            case WorkEntryKind.Output when entry.Payload is ItemFailure broken:
                // One item of a list that does not read: an error in its place, the input's list goes on.
                WriteFailure(broken.Error, input);
                break;
            case WorkEntryKind.Output:
                outputs++;
                WriteObject(entry.Payload);
                break;
            case WorkEntryKind.Verbose:
                WriteVerbose((string)entry.Payload!);
                break;
            case WorkEntryKind.Warning:
                WriteWarning((string)entry.Payload!);
                break;
            case WorkEntryKind.Total when PagingParameters is { IncludeTotalCount.IsPresent: true } paging:
                WriteObject(entry.Payload is long total
                    ? paging.NewTotalCount((ulong)Math.Max(0, total), 1.0)
                    : paging.NewTotalCount(0, 0.0));
                break;
        }
    }

    private void Forget(WorkItem item)
    {
        if (item.Key is not null && inLine.TryGetValue(item.Key, out var current) && ReferenceEquals(current, item))
        {
            inLine.Remove(item.Key);
        }
    }

    private void Remember(WorkItem item, WorkItem source)
    {
        // Every outcome of a request, failures included: a name repeated in one call is looked up once, and
        // its inputs share one fate whether the repeat came while the first was in line or after it was
        // written (a failure was already retried as far as the policy allows).
        if (!ReferenceEquals(item, source) || !item.Started)
        {
            return;
        }

        var keep = source.Error is not OperationCanceledException && source.Kept is not null;
        var key = item.Key;
        if (!keep || key is null || remembered.ContainsKey(key))
        {
            return;
        }

        remembered[key] = item;
        rememberedOrder.Enqueue(key);
        if (rememberedOrder.Count > RememberedOutcomes)
        {
            remembered.Remove(rememberedOrder.Dequeue());
        }
    }

    /// <summary>
    /// Stops the call after a failure that every further request would repeat: no new request starts,
    /// requests in flight finish, and everything already done is written in order. Then one
    /// terminating error says how many inputs were not processed and lists them. With pipeline input
    /// the rest of the input is still read (never requested) so that the list is complete.
    /// </summary>
    private void Halt(IReadOnlyList<object?> batch, int firstNotSubmitted)
    {
        var line = runner!;
        while (line.Running > 0)
        {
            Wait();
        }

        if (batches is not null)
        {
            // IDs still waiting for their batch were never sent: they are unprocessed, like the inputs after them.
            foreach (var (item, _) in batches.TakeAll())
            {
                line.Abandon(item, Volatile.Read(ref fatal)!);
            }
        }

        foreach (var item in line.DrainAll())
        {
            Emit(item, item.SameAs is null ? item.TakeEntries() : Array.Empty<WorkEntry>(), true);
        }

        for (var index = firstNotSubmitted; index < batch.Count; index++)
        {
            unprocessed.Add(new ResumePoint(batch[index], null));
        }

        halted = true;
        progress?.Complete();
        if (!MyInvocation.ExpectingInput)
        {
            ThrowStopped();
        }

        WriteVerbose("No further requests are sent: " + Volatile.Read(ref fatal)!.Message + " The rest of the pipeline input is read but not processed.");
    }

    private void ThrowStopped()
    {
        var cause = Volatile.Read(ref fatal)!;
        var partial = unprocessed.FindAll(point => point.Cursor is not null);
        var stopped = new KonbiniApiException(
            cause.Kind,
            cause.Message + " " + unprocessed.Count.ToString("N0", CultureInfo.InvariantCulture) + " of the " +
            received.ToString("N0", CultureInfo.InvariantCulture) +
            " inputs were not processed; the exception's UnprocessedInputs lists them." +
            (partial.Count == 0 ? string.Empty
                : " " + (partial.Count == 1 ? "'" + partial[0].Input + "' stopped part-way: go on with -Cursor '" + partial[0].Cursor + "'"
                    : partial.Count.ToString("N0", CultureInfo.InvariantCulture) + " of them stopped part-way") +
                  "; ResumeFrom pairs every unprocessed input with its cursor."),
            cause.StatusCode,
            cause.ErrorCode,
            cause.RequestPath,
            cause.CreditsUsed,
            cause.CreditsRemaining,
            cause.Attempts,
            cause)
        {
            UnprocessedInputs = unprocessed.ConvertAll(point => point.Input).ToArray(),
            ResumeFrom = unprocessed.ToArray(),
        };
        ThrowTerminating(stopped, unprocessed.Count > 0 ? unprocessed[0].Input : null);
    }

    private void StopAndRethrow()
    {
        CancelWork();
        runner!.WaitForAllRunning(StopGrace);
        TellWhereToResume();
        throw new PipelineStoppedException();
    }

    /// <summary>
    /// After Ctrl+C PowerShell delivers no more records, so no terminating error can carry the resume
    /// points; lists that stopped part-way are named on the host instead, with the cursor to go on from.
    /// </summary>
    private void TellWhereToResume()
    {
        if (!ListsItems)
        {
            return;
        }

        var partial = new List<string>();
        foreach (var item in runner!.DrainAll())
        {
            var source = item.SameAs ?? item;
            if (source.ResumeCursor is { } cursor)
            {
                partial.Add("'" + item.Input + "' -Cursor '" + cursor + "'");
            }
        }

        if (partial.Count == 0)
        {
            return;
        }

        try
        {
            Host?.UI?.WriteWarningLine("Stopped. To go on where the lists stopped, run the command again for: " + string.Join(", ", partial) + ".");
        }
#pragma warning disable CA1031 // A host that cannot write must not hide the stop itself.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void WarnIfBalanceLow()
    {
        if (configuration.CreditWarningThreshold is not long threshold || account!.Ledger.LastRemaining is not long remaining)
        {
            return;
        }

        lock (Session.Gate)
        {
            if (remaining >= threshold)
            {
                account.LowBalanceWarned = false;
                return;
            }

            if (account.LowBalanceWarned)
            {
                return;
            }

            account.LowBalanceWarned = true;
        }

        WriteWarning("KonbiniAPI credits are running low: " + remaining.ToString("N0", CultureInfo.InvariantCulture) +
            " remaining, below the warning threshold of " + threshold.ToString("N0", CultureInfo.InvariantCulture) + ".");
    }
}

/// <summary>What to do with one input: refuse it, or run its requests under a key that identifies repeats.</summary>
public sealed class LookupPlan
{
    private LookupPlan(Exception? refusal, string? key, string? shown, bool repeatable, Func<WorkItem, CancellationToken, Task>? work, OperationCall? batchCall = null, ConvertItem? convert = null)
    {
        Refusal = refusal;
        Key = key;
        Shown = shown;
        Repeatable = repeatable;
        Work = work;
        BatchCall = batchCall;
        Convert = convert;
    }

    /// <summary>For an ID looked up in a batch with others: its call of the batch operation; null otherwise.</summary>
    public OperationCall? BatchCall { get; }

    /// <summary>For a batched ID: what its object is written as.</summary>
    public ConvertItem? Convert { get; }

    /// <summary>Why the input is refused without a request, or null.</summary>
    public Exception? Refusal { get; }

    /// <summary>Identifies inputs that mean the same requests (e.g. the operation and the lower-cased handle).</summary>
    public string? Key { get; }

    /// <summary>The input as verbose lines show it.</summary>
    public string? Shown { get; }

    /// <summary>Whether a repeat may reuse this input's outcome: its output is bounded (one object, or a page or a few).</summary>
    public bool Repeatable { get; }

    /// <summary>The requests, run on the thread pool; they add their outputs to the item and must honour the token.</summary>
    public Func<WorkItem, CancellationToken, Task>? Work { get; }

    /// <summary>Refuses the input: no request, no credit.</summary>
    public static LookupPlan Refuse(Exception reason) => new(reason, null, null, false, null);

    /// <summary>Runs the input's requests.</summary>
    public static LookupPlan Run(string key, string shown, bool repeatable, Func<WorkItem, CancellationToken, Task> work) => new(null, key, shown, repeatable, work);

    /// <summary>Looks the ID of <paramref name="call"/> up in a batch with the inputs around it (one request per batch of up to 100 IDs).</summary>
    public static LookupPlan Batched(OperationCall call, ConvertItem convert) =>
        new(null, (call ?? throw new ArgumentNullException(nameof(call))).Key, call.ListedFor, true, null, call, convert ?? throw new ArgumentNullException(nameof(convert)));
}
