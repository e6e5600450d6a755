using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace KonbiniApi.Output;

/// <summary>
/// Write-Progress for long runs: items done, rate and credits left. Silent for the first moment (a
/// handful of lookups should not flash a bar), when $ProgressPreference is SilentlyContinue, and when
/// the session is not interactive (-NonInteractive, or a console whose output is redirected); throttled
/// so that it costs nothing per item.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly TimeSpan QuietStart = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly int ActivityId = 0x4B6E62; // Fixed, so that nested calls do not collide with ours.

    private readonly Cmdlet cmdlet;
    private readonly string activity;
    private readonly int? total;
    private readonly bool enabled;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan lastShown = TimeSpan.Zero;
    private bool shown;

    public ProgressReporter(PSCmdlet cmdlet, string activity, int? total)
    {
        this.cmdlet = cmdlet;
        this.activity = activity;
        this.total = total is > 0 ? total : null;
        enabled = IsWanted(cmdlet);
    }

    public void Update(long done, long failed, long? creditsLeft, long? items = null, long? pages = null, long? bytes = null)
    {
        if (!enabled || clock.Elapsed < QuietStart || (shown && clock.Elapsed - lastShown < Interval))
        {
            return;
        }

        lastShown = clock.Elapsed;
        var finished = done + failed;
        var rate = finished / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        var status = finished.ToString("N0", CultureInfo.InvariantCulture) +
            (total is int all ? " of " + all.ToString("N0", CultureInfo.InvariantCulture) : string.Empty) + " done" +
            (failed > 0 ? " (" + failed.ToString("N0", CultureInfo.InvariantCulture) + " failed)" : string.Empty) +
            (items is long listed ? ", " + listed.ToString("N0", CultureInfo.InvariantCulture) + " items" : string.Empty) +
            (pages is long read ? " from " + read.ToString("N0", CultureInfo.InvariantCulture) + " pages" : string.Empty) +
            (bytes is long saved ? ", " + (saved / 1048576.0).ToString("N1", CultureInfo.InvariantCulture) + " MB saved" : string.Empty) +
            ", " + rate.ToString("N1", CultureInfo.InvariantCulture) + "/s" +
            (creditsLeft is long credits ? ", " + credits.ToString("N0", CultureInfo.InvariantCulture) + " credits left" : string.Empty);
        var record = new ProgressRecord(ActivityId, activity, status);
        if (total is int count)
        {
            record.PercentComplete = (int)Math.Min(100, finished * 100 / count);
            if (rate > 0)
            {
                record.SecondsRemaining = (int)Math.Max(0, (count - finished) / rate);
            }
        }

        cmdlet.WriteProgress(record);
        shown = true;
    }

    public void Complete()
    {
        if (!shown)
        {
            return;
        }

        shown = false;
        cmdlet.WriteProgress(new ProgressRecord(ActivityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
    }

    private static bool IsWanted(PSCmdlet cmdlet)
    {
        var preference = cmdlet.SessionState.PSVariable.GetValue("ProgressPreference");
        if (preference is ActionPreference.SilentlyContinue or ActionPreference.Ignore ||
            (preference is string text && text.Equals("SilentlyContinue", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (!Environment.UserInteractive)
        {
            return false;
        }

        // The console host with its output sent to a file or a pipe (a scheduled job, cron, CI) has
        // nobody watching a progress bar. Other hosts collect progress records for their own use.
        if (cmdlet.Host.Name == "ConsoleHost" && Console.IsOutputRedirected)
        {
            return false;
        }

        foreach (var argument in Environment.GetCommandLineArgs())
        {
            // pwsh -NonInteractive (and its abbreviations down to -noni) means nobody is watching.
            if (argument.Length >= 5 && "-noninteractive".StartsWith(argument.ToLowerInvariant(), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
