using System;
using System.Security;
using KonbiniApi.Http;

namespace KonbiniApi.Session;

/// <summary>
/// Finds the key for a call, in the documented order: -ApiKey on the call, the session key, the
/// KONBINI_API_KEY environment variable.
/// </summary>
internal static class ApiKeyResolver
{
    public const string EnvironmentVariable = "KONBINI_API_KEY";

    /// <summary>Where the key came from, for Verbose output (never the key itself).</summary>
    public static ApiKey? Resolve(SecureString? fromParameter, ModuleSession session, out string source)
    {
        if (fromParameter is not null && fromParameter.Length > 0)
        {
            source = "the -ApiKey parameter";
            return ApiKey.FromSecureString(fromParameter);
        }

        SecureString? sessionKey;
        lock (session.Gate)
        {
            sessionKey = session.ApiKey;
        }

        if (sessionKey is not null)
        {
            source = "the session key (Set-KonbiniApiKey)";
            return ApiKey.FromSecureString(sessionKey);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            source = "the " + EnvironmentVariable + " environment variable";
            return ApiKey.FromPlainText(fromEnvironment!);
        }

        source = "nowhere";
        return null;
    }
}
