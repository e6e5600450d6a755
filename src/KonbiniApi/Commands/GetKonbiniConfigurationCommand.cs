using System.IO;
using System.Management.Automation;
using KonbiniApi.Session;
using KonbiniApi.Storage;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the KonbiniApi settings in force for this session, or those saved for the current user.</para>
/// <para type="description">Shows the base URI, timeout, retry count, default throttle, proxy and credit warning threshold, and where the next call would take its API key from. The key itself is never shown.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniConfiguration")]
[OutputType(typeof(KonbiniConfiguration))]
public sealed class GetKonbiniConfigurationCommand : KonbiniCmdletBase
{
    /// <summary>
    /// <para type="description">Session (the default) shows the settings this session uses. CurrentUser shows the settings saved with Set-KonbiniConfiguration -Scope CurrentUser (the defaults where nothing is saved).</para>
    /// </summary>
    [Parameter]
    public KonbiniScope Scope { get; set; } = KonbiniScope.Session;

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        KonbiniConfiguration shown;
        if (Scope == KonbiniScope.CurrentUser)
        {
            try
            {
                shown = StoredSettings.Load(out _);
            }
            catch (InvalidDataException unreadable)
            {
                WriteWarning(unreadable.Message);
                shown = new KonbiniConfiguration();
            }
        }
        else
        {
            lock (Session.Gate)
            {
                shown = Session.Configuration.Clone();
                foreach (var warning in Session.PendingWarnings)
                {
                    WriteWarning(warning);
                }

                Session.PendingWarnings.Clear();
            }
        }

        ApiKeyResolver.Describe(Session, out var source);
        shown.ApiKeySource = source;
        WriteObject(shown);
    }
}
