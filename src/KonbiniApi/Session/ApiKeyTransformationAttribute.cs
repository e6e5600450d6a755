using System;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Security;

namespace KonbiniApi.Session;

/// <summary>
/// Lets -ApiKey take a SecureString, a PSCredential (its password is the key) or a plain string,
/// so that <c>-ApiKey $env:KONBINI_API_KEY</c> works as people expect.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
{
    /// <summary>The SecureStrings this attribute made from plain text (weakly held, so nothing leaks).</summary>
    private static readonly ConditionalWeakTable<SecureString, object> MadeFromPlainText = new();

    /// <summary>Whether <paramref name="key"/> was given as plain text (the cmdlet that cares warns about it).</summary>
    internal static bool CameFromPlainText(SecureString? key) => key is not null && MadeFromPlainText.TryGetValue(key, out _);

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
                var fromText = ToSecureString(text);
                MadeFromPlainText.Add(fromText, MadeFromPlainText);
                return fromText;
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
