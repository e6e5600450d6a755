using System.Collections;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace KonbiniApi.Output;

/// <summary>The User-Agent every request carries: the module and PowerShell versions, and the OS.</summary>
internal static class UserAgent
{
    private static string? value;

    /// <summary>Built once per process from the first caller's $PSVersionTable.</summary>
    public static string For(PSCmdlet cmdlet)
    {
        if (value is not null)
        {
            return value;
        }

        var module = typeof(UserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var powershell = (cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") as Hashtable)?["PSVersion"]?.ToString() ?? "unknown";
        value = "KonbiniApi/" + module + " PowerShell/" + powershell + " (" + RuntimeInformation.OSDescription.Trim() + ")";
        return value;
    }
}
