using System;
using System.IO;
using System.Runtime.InteropServices;

namespace KonbiniApi.Storage;

/// <summary>
/// Where the module keeps what outlives a session: on Windows %APPDATA%\KonbiniApi, elsewhere
/// $XDG_CONFIG_HOME/KonbiniApi (default ~/.config/KonbiniApi), per the XDG base directory rules.
/// KONBINI_CONFIG_HOME overrides both, which tests and portable setups use.
/// </summary>
internal static class ConfigurationFolder
{
    public const string OverrideVariable = "KONBINI_CONFIG_HOME";

    public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static string Path
    {
        get
        {
            var explicitPath = Environment.GetEnvironmentVariable(OverrideVariable);
            if (!string.IsNullOrWhiteSpace(explicitPath))
            {
                return System.IO.Path.GetFullPath(explicitPath);
            }

            if (IsWindows)
            {
                return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "KonbiniApi");
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            var root = !string.IsNullOrWhiteSpace(xdg) && System.IO.Path.IsPathRooted(xdg)
                ? xdg!
                : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            return System.IO.Path.Combine(root, "KonbiniApi");
        }
    }

    public static string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Creates the folder readable by its owner only (0700 on Unix) if it is not there.</summary>
    public static string Ensure()
    {
        var path = Path;
        if (IsWindows)
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            UnixFiles.CreatePrivateDirectory(path);
        }

        return path;
    }
}
