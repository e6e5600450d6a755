using System;
using System.Management.Automation;
using System.Security;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Session;
using KonbiniApi.Storage;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Sets the KonbiniAPI key (and optionally the service address) for this session.</para>
/// <para type="description">Takes the key as a SecureString (prompting when none is given), a PSCredential, or a plain string (with a warning). The key is kept for this PowerShell session, or with -Scope CurrentUser saved for the current user (DPAPI on Windows, an owner-only file elsewhere, or a SecretManagement vault with -Vault). It is sent only over https, or over plain http to this machine.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "KonbiniApiKey", DefaultParameterSetName = KeySet, SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class SetKonbiniApiKeyCommand : KonbiniCmdletBase
{
    private const string KeySet = "Key";
    private const string CredentialSet = "Credential";

    /// <summary>
    /// <para type="description">The API key, starting with knbn_. A SecureString is best; a plain string works but is warned about. When omitted, PowerShell prompts for it without echoing.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = KeySet)]
    [ApiKeyTransformation]
    public SecureString? ApiKey { get; set; }

    /// <summary>
    /// <para type="description">A credential whose password is the API key (the user name is ignored), e.g. from Get-Credential or a secret vault.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// <para type="description">The service to talk to, e.g. http://127.0.0.1:5099 for the local emulator. Must be https, or plain http to a loopback address. Without it the current address is kept (https://api.konbiniapi.com by default).</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// <para type="description">Session (the default) keeps the key until this session ends. CurrentUser also saves it, so that new sessions, jobs and ForEach-Object -Parallel runspaces find it: on Windows encrypted with DPAPI for the current user; on Linux and macOS in a file only you can read (0600, in a 0700 folder), since SecureString is not encrypted there.</para>
    /// </summary>
    [Parameter]
    public KonbiniScope Scope { get; set; } = KonbiniScope.Session;

    /// <summary>
    /// <para type="description">With -Scope CurrentUser: store the key in this Microsoft.PowerShell.SecretManagement vault (secret name KonbiniApiKey) instead of a file. Requires SecretManagement to be installed.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var secure = ParameterSetName == CredentialSet ? Credential!.Password : ApiKey!;
        var plainText = ParameterSetName == KeySet && ApiKeyTransformationAttribute.CameFromPlainText(ApiKey);
        ApiKey checkedKey;
        try
        {
            checkedKey = Http.ApiKey.FromSecureString(secure);
        }
        catch (ArgumentException invalid)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(invalid, "KonbiniApi.InvalidApiKeyFormat", ErrorCategory.InvalidArgument, null, "Copy the key again from your KonbiniAPI dashboard."));
            return;
        }

        Uri target;
        lock (Session.Gate)
        {
            target = BaseUri ?? Session.Configuration.BaseUri;
        }

        if (!target.IsAbsoluteUri || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                new ArgumentException("The base URI '" + target + "' is not an absolute http or https address.", nameof(BaseUri)),
                "KonbiniApi.InvalidBaseUri",
                ErrorCategory.InvalidArgument,
                target,
                "Pass an https:// address, or http:// to this machine (for the local emulator)."));
        }

        try
        {
            TransportPolicy.EnsureMaySendKey(target);
        }
        catch (KonbiniApiException refused)
        {
            ThrowTerminating(refused, target);
        }

        if (plainText)
        {
            WriteWarning("The API key was given as plain text, which can end up in your command history and transcripts. Prefer Set-KonbiniApiKey with no argument (it prompts), a SecureString, or the KONBINI_API_KEY environment variable.");
        }

        if (!checkedKey.HasKnownPrefix)
        {
            WriteWarning("The key does not start with 'knbn_', which every KonbiniAPI key does; requests will probably fail with KonbiniApi.InvalidApiKey.");
        }

        if (Vault is not null && Scope != KonbiniScope.CurrentUser)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                new ArgumentException("-Vault stores the key for the current user; use it with -Scope CurrentUser.", nameof(Vault)),
                "KonbiniApi.VaultNeedsCurrentUserScope",
                ErrorCategory.InvalidArgument,
                Vault,
                "Add -Scope CurrentUser, or leave -Vault out to keep the key for this session only."));
        }

        var where = Scope == KonbiniScope.Session
            ? "this session"
            : Vault is not null ? "the current user (vault '" + Vault + "') and this session" : "the current user (" + StoredKey.FilePath + ") and this session";
        if (!ShouldProcess("KonbiniAPI key (" + checkedKey.Masked + ") for " + where + " at " + target, "Set"))
        {
            return;
        }

        if (Scope == KonbiniScope.CurrentUser)
        {
            Store(secure, target);
        }

        var copy = secure.Copy();
        copy.MakeReadOnly();
        lock (Session.Gate)
        {
            var changedServer = BaseUri is not null && BaseUri != Session.Configuration.BaseUri;
            Session.ApiKey?.Dispose();
            Session.ApiKey = copy;
            if (BaseUri is not null)
            {
                var configuration = Session.Configuration.Clone();
                configuration.BaseUri = BaseUri;
                Session.Configuration = configuration;
            }

            WriteVerbose("The session key is set (" + checkedKey.Masked + ")" + (changedServer ? " and requests go to " + target + "." : "."));
        }
    }

    private void Store(SecureString secure, Uri target)
    {
        try
        {
            var saved = StoredSettings.Load(out _);
            if (BaseUri is not null)
            {
                saved.BaseUri = target;
            }

            if (Vault is not null)
            {
                SecretVault.Set(Vault, secure);
                if (StoredKey.Delete())
                {
                    WriteVerbose("Removed the key file " + StoredKey.FilePath + ": the vault holds the key now.");
                }
            }
            else
            {
                StoredKey.Write(secure);
            }

            StoredSettings.Save(saved, Vault);
            WriteVerbose("The key is stored for the current user in " + (Vault is null ? StoredKey.FilePath : "the vault '" + Vault + "'") + ".");
        }
        catch (Exception failure) when (failure is System.IO.IOException or UnauthorizedAccessException or InvalidOperationException or System.IO.InvalidDataException or System.ComponentModel.Win32Exception)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                failure,
                "KonbiniApi.KeyNotStored",
                ErrorCategory.WriteError,
                null,
                "Check that you can write to " + ConfigurationFolder.Path + " (or the vault), or keep the key in the KONBINI_API_KEY environment variable.",
                "The key could not be stored for the current user: " + failure.Message));
        }
    }
}
