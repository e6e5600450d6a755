using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace KonbiniApi.Storage;

/// <summary>
/// Owner-only files on Linux and macOS. netstandard2.0 has no Unix permission API, so files are
/// created through libc's open(2) with mode 0600 (never a moment with wider permissions), and
/// existing modes are read through the runtime's File.GetUnixFileMode, present on every .NET that
/// PowerShell 7.4+ runs on.
/// </summary>
internal static class UnixFiles
{
    public const int OwnerOnlyFile = 0x180; // 0600
    public const int OwnerOnlyDirectory = 0x1C0; // 0700
    private const int GroupAndOtherBits = 0x3F; // 0077

    public static void CreatePrivateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            // A folder made earlier by someone else (or by mkdir with the usual umask) is narrowed too:
            // the key file inside must not be listed, replaced or removed by others.
            if (GetMode(path) is int mode && IsWiderThanOwner(mode))
            {
                SetMode(path, OwnerOnlyDirectory);
            }

            return;
        }

        var parent = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
        {
            // The parent (~/.config) is an ordinary folder; only ours must be private.
            Directory.CreateDirectory(parent);
        }

        if (NativeMethods.mkdir(Utf8Z(path), OwnerOnlyDirectory) != 0 && !Directory.Exists(path))
        {
            throw new IOException("Could not create '" + path + "' (errno " + Marshal.GetLastWin32Error().ToString(CultureInfo.InvariantCulture) + ").");
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> through a new 0600 file renamed into place.</summary>
    public static void WritePrivateFile(string path, string content)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        var flags = RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? 0x0001 | 0x0200 | 0x0800 // O_WRONLY | O_CREAT | O_EXCL on macOS
            : 0x0001 | 0x0040 | 0x0080; // O_WRONLY | O_CREAT | O_EXCL on Linux
        var descriptor = NativeMethods.open(Utf8Z(temporary), flags, OwnerOnlyFile);
        if (descriptor < 0)
        {
            throw new IOException("Could not create '" + temporary + "' (errno " + Marshal.GetLastWin32Error().ToString(CultureInfo.InvariantCulture) + ").");
        }

        try
        {
            using (var handle = new SafeFileHandle(new IntPtr(descriptor), ownsHandle: true))
            using (var stream = new FileStream(handle, FileAccess.Write))
            {
                var bytes = Encoding.UTF8.GetBytes(content);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (NativeMethods.rename(Utf8Z(temporary), Utf8Z(path)) != 0)
            {
                throw new IOException("Could not move the new key file into place at '" + path + "' (errno " + Marshal.GetLastWin32Error().ToString(CultureInfo.InvariantCulture) + ").");
            }
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>The permission bits of a file or folder (e.g. 0600), or null where the runtime cannot tell.</summary>
    public static int? GetMode(string path)
    {
        var method = typeof(File).GetMethod("GetUnixFileMode", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);
        if (method is null)
        {
            return null;
        }

        try
        {
            return Convert.ToInt32(method.Invoke(null, new object[] { path }), CultureInfo.InvariantCulture) & 0xFFF;
        }
        catch (TargetInvocationException failure) when (failure.InnerException is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when anyone but the owner may read, write or enter it.</summary>
    public static bool IsWiderThanOwner(int mode) => (mode & GroupAndOtherBits) != 0;

    public static void SetMode(string path, int mode)
    {
        if (NativeMethods.chmod(Utf8Z(path), mode) != 0)
        {
            throw new IOException("Could not restrict the permissions of '" + path + "' (errno " + Marshal.GetLastWin32Error().ToString(CultureInfo.InvariantCulture) + ").");
        }
    }

    public static string Octal(int mode) => Convert.ToString(mode, 8).PadLeft(4, '0');

    private static byte[] Utf8Z(string path) => Encoding.UTF8.GetBytes(path + "\0");

    private static class NativeMethods
    {
#pragma warning disable CA5392 // libc is resolved by the runtime's usual probing on every Unix PowerShell runs on.
        // Paths travel as NUL-terminated UTF-8 (see Utf8Z): netstandard2.0 has no UTF-8 string marshalling.
        [DllImport("libc", SetLastError = true)]
        internal static extern int open(byte[] path, int flags, int mode);

        [DllImport("libc", SetLastError = true)]
        internal static extern int mkdir(byte[] path, int mode);

        [DllImport("libc", SetLastError = true)]
        internal static extern int chmod(byte[] path, int mode);

        [DllImport("libc", SetLastError = true)]
        internal static extern int rename(byte[] oldPath, byte[] newPath);
#pragma warning restore CA5392
    }
}
