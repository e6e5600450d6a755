using System;
using System.IO;
using System.Management.Automation;
using KonbiniApi.Errors;
using KonbiniApi.Session;
using KonbiniApi.Storage;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Changes KonbiniApi settings for this session, or saves them for the current user.</para>
/// <para type="description">Every value is checked before anything changes: a bad value is refused with an error and the configuration stays as it was. -Scope CurrentUser saves the settings (never the key or a proxy password) so that new sessions start with them.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "KonbiniConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(KonbiniConfiguration))]
public sealed class SetKonbiniConfigurationCommand : KonbiniCmdletBase
{
    /// <summary>
    /// <para type="description">The service address, e.g. http://127.0.0.1:5099 for the local emulator. Must be absolute http or https; the key is sent over plain http only to a loopback address.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// <para type="description">Seconds one request may take (1 to 3600).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int? TimeoutSec { get; set; }

    /// <summary>
    /// <para type="description">How many times a refunded transient failure (HTTP 500, 502, 503, 504, a network fault) is retried, with exponential backoff and jitter (0 to 10).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0, 10)]
    public int? RetryCount { get; set; }

    /// <summary>
    /// <para type="description">Lookups in flight at once when a cmdlet is not given -ThrottleLimit (1 to 256).</para>
    /// </summary>
    [Parameter]
    [ValidateRange(1, 256)]
    public int? ThrottleLimit { get; set; }

    /// <summary>
    /// <para type="description">A proxy to use for every request. Without it the system proxy is used, and the HTTP_PROXY, HTTPS_PROXY and NO_PROXY environment variables are honoured.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>
    /// <para type="description">The credential for -Proxy. Kept for this session only; never saved.</para>
    /// </summary>
    [Parameter]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>
    /// <para type="description">Connect directly, ignoring every proxy setting. -NoProxy:$false goes back to the system proxy.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter NoProxy { get; set; }

    /// <summary>
    /// <para type="description">Warn once when the remaining credit balance falls below this number. 0 turns the warning off.</para>
    /// </summary>
    [Parameter]
    [ValidateRange(0L, long.MaxValue)]
    public long? CreditWarningThreshold { get; set; }

    /// <summary>
    /// <para type="description">Session (the default) changes this session only. CurrentUser also saves the settings for new sessions.</para>
    /// </summary>
    [Parameter]
    public KonbiniScope Scope { get; set; } = KonbiniScope.Session;

    /// <summary>
    /// <para type="description">Writes the resulting configuration.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        KonbiniConfiguration updated;
        lock (Session.Gate)
        {
            updated = Apply(Session.Configuration.Clone());
        }

        if (!TryValidate(updated))
        {
            return;
        }

        KonbiniConfiguration? saved = null;
        string? vault = null;
        if (Scope == KonbiniScope.CurrentUser)
        {
            try
            {
                saved = Apply(StoredSettings.Load(out vault));
            }
            catch (InvalidDataException unreadable)
            {
                WriteWarning(unreadable.Message + " It will be replaced.");
                saved = Apply(new KonbiniConfiguration());
            }

            if (!TryValidate(saved))
            {
                return;
            }
        }

        if (!ShouldProcess(Scope == KonbiniScope.CurrentUser ? "KonbiniApi configuration of this session and of the current user" : "KonbiniApi configuration of this session", "Set"))
        {
            return;
        }

        if (saved is not null)
        {
            try
            {
                StoredSettings.Save(saved, vault);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(
                    failure,
                    "KonbiniApi.ConfigurationNotSaved",
                    ErrorCategory.WriteError,
                    ConfigurationFolder.Path,
                    "Check that you can write to " + ConfigurationFolder.Path + ". Nothing was changed.",
                    "The configuration could not be saved: " + failure.Message));
            }
        }

        lock (Session.Gate)
        {
            Session.Configuration = updated;
        }

        if (PassThru)
        {
            var shown = updated.Clone();
            ApiKeyResolver.Describe(Session, out var source);
            shown.ApiKeySource = source;
            WriteObject(shown);
        }
    }

    private KonbiniConfiguration Apply(KonbiniConfiguration configuration)
    {
        var bound = MyInvocation.BoundParameters;
        if (BaseUri is not null)
        {
            configuration.BaseUri = BaseUri;
        }

        configuration.TimeoutSec = TimeoutSec ?? configuration.TimeoutSec;
        configuration.RetryCount = RetryCount ?? configuration.RetryCount;
        configuration.ThrottleLimit = ThrottleLimit ?? configuration.ThrottleLimit;
        if (Proxy is not null)
        {
            configuration.Proxy = Proxy;
            configuration.NoProxy = false;
        }

        if (ProxyCredential is not null)
        {
            configuration.ProxyCredential = ProxyCredential;
        }

        if (bound.ContainsKey(nameof(NoProxy)))
        {
            configuration.NoProxy = NoProxy.IsPresent;
            if (NoProxy.IsPresent)
            {
                configuration.Proxy = null;
                configuration.ProxyCredential = null;
            }
        }

        if (CreditWarningThreshold is long threshold)
        {
            configuration.CreditWarningThreshold = threshold == 0 ? null : threshold;
        }

        return configuration;
    }

    private bool TryValidate(KonbiniConfiguration configuration)
    {
        try
        {
            configuration.Validate();
        }
        catch (ArgumentException invalid)
        {
            return Refuse(invalid, invalid.Message, invalid.ParamName);
        }

        if (!Http.TransportPolicy.MaySendKey(configuration.BaseUri))
        {
            return Refuse(null, "BaseUri '" + configuration.BaseUri + "' uses plain http to a host that is not this machine; the key would travel unencrypted. Use https.", nameof(BaseUri));
        }

        if (ProxyCredential is not null && configuration.Proxy is null)
        {
            return Refuse(null, "-ProxyCredential needs a proxy: give -Proxy too.", nameof(ProxyCredential));
        }

        return true;
    }

    private bool Refuse(Exception? cause, string message, string? setting)
    {
        WriteError(ErrorRecordFactory.Create(
            cause ?? new ArgumentException(message),
            "KonbiniApi.InvalidConfiguration",
            ErrorCategory.InvalidArgument,
            setting,
            "Correct the value; Get-KonbiniConfiguration shows the settings in force.",
            message + " Nothing was changed."));
        return false;
    }
}
