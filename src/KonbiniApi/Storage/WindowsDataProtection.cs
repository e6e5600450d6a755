using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace KonbiniApi.Storage;

/// <summary>
/// DPAPI for the current user (CryptProtectData), called directly so that the module needs no extra
/// package on Windows PowerShell 5.1 or PowerShell 7.
/// </summary>
internal static class WindowsDataProtection
{
    private const int UiForbidden = 0x1;

    public static byte[] Protect(byte[] plain) => Transform(plain, protect: true);

    public static byte[] Unprotect(byte[] protectedBytes) => Transform(protectedBytes, protect: false);

    private static byte[] Transform(byte[] input, bool protect)
    {
        var inputBlob = new DataBlob();
        var outputBlob = new DataBlob();
        var pinned = GCHandle.Alloc(input, GCHandleType.Pinned);
        try
        {
            inputBlob.Size = input.Length;
            inputBlob.Data = pinned.AddrOfPinnedObject();
            var ok = protect
                ? NativeMethods.CryptProtectData(ref inputBlob, "KonbiniApi", IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outputBlob)
                : NativeMethods.CryptUnprotectData(ref inputBlob, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, UiForbidden, ref outputBlob);
            if (!ok)
            {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }

            var result = new byte[outputBlob.Size];
            Marshal.Copy(outputBlob.Data, result, 0, outputBlob.Size);
            return result;
        }
        finally
        {
            pinned.Free();
            if (outputBlob.Data != IntPtr.Zero)
            {
                NativeMethods.LocalFree(outputBlob.Data);
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DataBlob
    {
        public int Size;
        public IntPtr Data;
    }

    private static class NativeMethods
    {
        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        internal static extern bool CryptProtectData(ref DataBlob dataIn, string description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        internal static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, IntPtr entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("kernel32.dll")]
        internal static extern IntPtr LocalFree(IntPtr memory);
    }
}
