using System;
using System.Management.Automation;
using System.Security;

namespace KonbiniApi.Session;

/// <summary>
/// Lets -ApiKey take a SecureString, a PSCredential (its password is the key) or a plain string,
/// so that <c>-ApiKey $env:KONBINI_API_KEY</c> works as people expect.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>Set when the last transformation on this thread received plain text.</summary>
    [ThreadStatic]
    private static bool plainTextSeen;

    /// <summary>Reads and clears the plain-text flag (the cmdlet that cares warns about it).</summary>
    internal static bool TakePlainTextSeen()
    {
        var seen = plainTextSeen;
        plainTextSeen = false;
        return seen;
    }

    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null:
                return null;
            case SecureString secure:
                return secure;
            case PSCredential credential:
                return credential.Password;
            case string text:
                plainTextSeen = true;
                return ToSecureString(text);
            default:
                throw new ArgumentTransformationMetadataException("An API key must be a SecureString, a PSCredential or a string.");
        }
    }

    internal static SecureString ToSecureString(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
