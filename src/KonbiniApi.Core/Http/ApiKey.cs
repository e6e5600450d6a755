using System;
using System.Runtime.InteropServices;
using System.Security;

namespace KonbiniApi.Http;

/// <summary>
/// An API key on its way to the Authorization header. It prints, formats and serialises as a mask,
/// so that no ToString, table, JSON or error message can carry the secret by accident.
/// </summary>
public sealed class ApiKey
{
    private readonly string secret;

    private ApiKey(string secret)
    {
        this.secret = secret;
    }

    /// <summary>Takes a key given as plain text.</summary>
    /// <exception cref="ArgumentException">The key is empty or contains white space.</exception>
    public static ApiKey FromPlainText(string key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("The API key is empty.", nameof(key));
        }

        var trimmed = key.Trim();
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException("The API key contains white space or control characters; it cannot be sent in a header.", nameof(key));
            }
        }

        return new ApiKey(trimmed);
    }

    /// <summary>Takes a key held in a SecureString; the plain copy lives only inside this object.</summary>
    public static ApiKey FromSecureString(SecureString key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(key);
            return FromPlainText(Marshal.PtrToStringUni(pointer) ?? string.Empty);
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }

    /// <summary>Whether the key has the shape of a real KonbiniAPI key (<c>knbn_</c> prefix).</summary>
    public bool HasKnownPrefix => secret.StartsWith("knbn_", StringComparison.Ordinal);

    /// <summary>A mask that shows only that a key is there, never any of it beyond the public prefix.</summary>
    public string Masked => HasKnownPrefix ? "knbn_****" : "****";

    /// <summary>
    /// A short one-way digest that tells keys apart (to keep each account's credit figures apart)
    /// without holding anything that leads back to the key.
    /// </summary>
    internal string Fingerprint
    {
        get
        {
            using var sha = System.Security.Cryptography.SHA256.Create();
            var digest = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(secret));
            return BitConverter.ToString(digest, 0, 12).Replace("-", string.Empty);
        }
    }

    /// <summary>The header value. Only the request path calls this.</summary>
    internal string BearerValue => secret;

    /// <summary>The mask, never the key.</summary>
    public override string ToString() => Masked;
}
