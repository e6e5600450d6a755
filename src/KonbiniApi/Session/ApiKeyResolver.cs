using System;
using System.Collections.Generic;
using System.Security;
using KonbiniApi.Http;
using KonbiniApi.Storage;

namespace KonbiniApi.Session;

/// <summary>
/// Finds the key for a call, in the documented order: -ApiKey on the call, the session key, the
/// KONBINI_API_KEY environment variable, the stored key (vault or file).
/// </summary>
internal static class ApiKeyResolver
{
    public const string EnvironmentVariable = "KONBINI_API_KEY";

    /// <summary>Resolves the key; <paramref name="source"/> says where it came from (never the key).</summary>
    /// <remarks>Must run on the pipeline thread: a vault is read through the caller's runspace.</remarks>
    public static ApiKey? Resolve(SecureString? fromParameter, ModuleSession session, ICollection<string> warnings, out string source)
    {
        if (fromParameter is not null && fromParameter.Length > 0)
        {
            source = "the -ApiKey parameter";
            return ApiKey.FromSecureString(fromParameter);
        }

        switch (Locate(session, out source, out var vault))
        {
            case KeyOrigin.Session:
                SecureString sessionKey;
                lock (session.Gate)
                {
                    sessionKey = session.ApiKey!;
                }

                return ApiKey.FromSecureString(sessionKey);
            case KeyOrigin.Environment:
                return ApiKey.FromPlainText(Environment.GetEnvironmentVariable(EnvironmentVariable)!);
            case KeyOrigin.Vault:
                var fromVault = SecretVault.Get(vault!);
                return fromVault is null ? null : ApiKey.FromSecureString(fromVault);
            case KeyOrigin.File:
                var fromFile = StoredKey.Read(warnings);
                return fromFile is null ? null : ApiKey.FromSecureString(fromFile);
            default:
                return null;
        }
    }

    /// <summary>
    /// True for the failures reading a stored key can end in (an unreadable file, a vault that refuses,
    /// a malformed key); callers turn these into their own clear errors.
    /// </summary>
    public static bool IsUnreadableStore(Exception failure) =>
        failure is InvalidOperationException or System.IO.IOException or FormatException or UnauthorizedAccessException or ArgumentException;

    /// <summary>Says where the key would come from without reading a vault or a file.</summary>
    public static KeyOrigin Describe(ModuleSession session, out string source) => Locate(session, out source, out _);

    /// <summary>Where the key would come from; <paramref name="vault"/> names the vault when it is one.</summary>
    private static KeyOrigin Locate(ModuleSession session, out string source, out string? vault)
    {
        vault = null;
        lock (session.Gate)
        {
            if (session.ApiKey is not null)
            {
                source = "the session key (Set-KonbiniApiKey)";
                return KeyOrigin.Session;
            }
        }

        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable)))
        {
            source = "the " + EnvironmentVariable + " environment variable";
            return KeyOrigin.Environment;
        }

        vault = StoredSettings.VaultName();
        if (vault is not null)
        {
            source = "the SecretManagement vault '" + vault + "' (secret " + SecretVault.SecretName + ")";
            return KeyOrigin.Vault;
        }

        if (StoredKey.Exists)
        {
            source = "the stored key file " + StoredKey.FilePath;
            return KeyOrigin.File;
        }

        source = "nowhere: no key is set";
        return KeyOrigin.None;
    }
}

/// <summary>Where a call's key comes from when -ApiKey is not given.</summary>
internal enum KeyOrigin
{
    None,
    Session,
    Environment,
    Vault,
    File,
}
