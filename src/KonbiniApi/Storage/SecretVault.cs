using System;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace KonbiniApi.Storage;

/// <summary>
/// Optional SecretManagement support. The module never loads SecretManagement itself: it calls the
/// cmdlets through a nested pipeline in the caller's runspace, only when a vault is named, so the
/// module works where SecretManagement is not installed.
/// </summary>
internal static class SecretVault
{
    public const string SecretName = "KonbiniApiKey";
    private const string ModuleName = "Microsoft.PowerShell.SecretManagement";

    public static void Set(string vault, SecureString key) =>
        Invoke("Set-Secret", vault, ("Name", SecretName), ("SecureStringSecret", key));

    public static SecureString? Get(string vault)
    {
        var result = Invoke("Get-Secret", vault, ("Name", SecretName));
        return result.Select(item => item.BaseObject).OfType<SecureString>().FirstOrDefault();
    }

    public static void Remove(string vault) =>
        Invoke("Remove-Secret", vault, ("Name", SecretName));

    private static System.Collections.ObjectModel.Collection<PSObject> Invoke(string command, string vault, params (string Name, object Value)[] parameters)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddCommand("Get-Module").AddParameter("Name", ModuleName).AddParameter("ListAvailable");
        if (shell.Invoke().Count == 0)
        {
            throw new InvalidOperationException("The vault '" + vault + "' cannot be used because the " + ModuleName +
                " module is not installed. Install it (Install-PSResource " + ModuleName + ") or store the key without -Vault.");
        }

        shell.Commands.Clear();
        shell.AddCommand(ModuleName + "\\" + command).AddParameter("Vault", vault).AddParameter("ErrorAction", ActionPreference.Stop);
        foreach (var (name, value) in parameters)
        {
            shell.AddParameter(name, value);
        }

        try
        {
            return shell.Invoke();
        }
        catch (RuntimeException failure)
        {
            throw new InvalidOperationException(command + " on the vault '" + vault + "' failed: " + failure.Message, failure);
        }
    }
}
