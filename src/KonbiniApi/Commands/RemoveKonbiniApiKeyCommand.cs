using System;
using System.Management.Automation;
using KonbiniApi.Errors;
using KonbiniApi.Session;
using KonbiniApi.Storage;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Forgets the KonbiniAPI key of this session and, with -Scope CurrentUser, deletes the stored one.</para>
/// <para type="description">Removes the key set with Set-KonbiniApiKey from this session. With -Scope CurrentUser it also deletes the key stored for the current user (the key file, or the secret in the SecretManagement vault it was stored in). The KONBINI_API_KEY environment variable is not touched.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "KonbiniApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveKonbiniApiKeyCommand : KonbiniCmdletBase
{
    /// <summary>
    /// <para type="description">Session (the default) forgets the session key only. CurrentUser also deletes the stored key.</para>
    /// </summary>
    [Parameter]
    public KonbiniScope Scope { get; set; } = KonbiniScope.Session;

    /// <summary>
    /// <para type="description">With -Scope CurrentUser: the SecretManagement vault to remove the KonbiniApiKey secret from. Defaults to the vault the key was stored in, if any.</para>
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ShouldProcess("KonbiniAPI key of this session", "Remove"))
        {
            lock (Session.Gate)
            {
                Session.ApiKey?.Dispose();
                Session.ApiKey = null;
            }

            WriteVerbose("The session key is forgotten.");
        }

        if (Scope != KonbiniScope.CurrentUser)
        {
            return;
        }

        try
        {
            var saved = StoredSettings.Load(out var storedVault);
            var vault = Vault ?? storedVault;
            if (vault is not null && ShouldProcess("secret " + SecretVault.SecretName + " in the vault '" + vault + "'", "Remove"))
            {
                SecretVault.Remove(vault);
                if (storedVault is not null)
                {
                    StoredSettings.Save(saved, null);
                }

                WriteVerbose("Removed the stored key from the vault '" + vault + "'.");
            }

            if (StoredKey.Exists && ShouldProcess(StoredKey.FilePath, "Delete the stored KonbiniAPI key file"))
            {
                StoredKey.Delete();
                WriteVerbose("Deleted " + StoredKey.FilePath + ".");
            }
            else if (vault is null && !StoredKey.Exists)
            {
                WriteVerbose("No key is stored for the current user.");
            }
        }
        catch (Exception failure) when (failure is System.IO.IOException or UnauthorizedAccessException or InvalidOperationException or System.IO.InvalidDataException)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(
                failure,
                "KonbiniApi.KeyNotRemoved",
                ErrorCategory.WriteError,
                null,
                "Delete it by hand from " + ConfigurationFolder.Path + " (or the vault).",
                "The stored key could not be removed: " + failure.Message));
        }
    }
}
