using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Text;
using KonbiniApi.Http;
using KonbiniApi.Session;

namespace KonbiniApi.Storage;

/// <summary>
/// The key saved with <c>Set-KonbiniApiKey -Scope CurrentUser</c>. Windows: encrypted with DPAPI for
/// the current user. Linux and macOS: a file only its owner can read (0600 in a 0700 folder); a
/// SecureString is not encrypted on these systems, so file permissions are the protection.
/// </summary>
internal static class StoredKey
{
    private const string UnixFileName = "apikey";
    private const string WindowsFileName = "apikey.dpapi";

    public static string FilePath => ConfigurationFolder.File(ConfigurationFolder.IsWindows ? WindowsFileName : UnixFileName);

    public static bool Exists => File.Exists(FilePath);

    /// <summary>
    /// Reads the stored key file, or returns null when there is none. A file or folder whose
    /// permissions someone widened is narrowed back to owner-only, with a warning.
    /// </summary>
    public static SecureString? Read(ICollection<string> warnings)
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        if (ConfigurationFolder.IsWindows)
        {
            var protectedBytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
            var plain = WindowsDataProtection.Unprotect(protectedBytes);
            try
            {
                text = Encoding.UTF8.GetString(plain);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }
        else
        {
            RepairPermissions(Path.GetDirectoryName(path)!, UnixFiles.OwnerOnlyDirectory, keyExposed: false, warnings);
            RepairPermissions(path, UnixFiles.OwnerOnlyFile, keyExposed: true, warnings);
            text = File.ReadAllText(path).Trim();
        }

        return string.IsNullOrEmpty(text) ? null : ApiKeyTransformationAttribute.ToSecureString(text);
    }

    public static void Write(SecureString key)
    {
        var plain = ApiKey.FromSecureString(key);
        var folder = ConfigurationFolder.Ensure();
        var path = Path.Combine(folder, ConfigurationFolder.IsWindows ? WindowsFileName : UnixFileName);
        if (ConfigurationFolder.IsWindows)
        {
            var bytes = Encoding.UTF8.GetBytes(plain.BearerValue);
            try
            {
                File.WriteAllText(path, Convert.ToBase64String(WindowsDataProtection.Protect(bytes)));
            }
            finally
            {
                Array.Clear(bytes, 0, bytes.Length);
            }
        }
        else
        {
            UnixFiles.WritePrivateFile(path, plain.BearerValue + "\n");
        }
    }

    /// <summary>Deletes the stored key file; true when there was one.</summary>
    public static bool Delete()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private static void RepairPermissions(string path, int wanted, bool keyExposed, ICollection<string> warnings)
    {
        if (UnixFiles.GetMode(path) is int mode && UnixFiles.IsWiderThanOwner(mode))
        {
            UnixFiles.SetMode(path, wanted);
            warnings.Add(keyExposed
                ? "The permissions of '" + path + "' were " + UnixFiles.Octal(mode) + ", so others could read the stored KonbiniAPI key; they were reset to " +
                  UnixFiles.Octal(wanted) + ". Consider the key exposed: replace it in your KonbiniAPI dashboard and store the new one with Set-KonbiniApiKey -Scope CurrentUser."
                : "The permissions of the folder '" + path + "' were " + UnixFiles.Octal(mode) + ", so others could list, replace or delete the stored key file; they were reset to " +
                  UnixFiles.Octal(wanted) + ". The key file itself was not readable by others.");
        }
    }
}
