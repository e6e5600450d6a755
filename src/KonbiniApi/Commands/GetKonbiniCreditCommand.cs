using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using KonbiniApi.Http;
using KonbiniApi.Models;
using KonbiniApi.Session;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets what this session knows about the account's KonbiniAPI credits.</para>
/// <para type="description">KonbiniAPI has no balance endpoint: every response reports the balance in its headers, and this cmdlet returns the last figures seen for the account of the key a call would use, without a request and without spending a credit.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniCredit")]
[OutputType(typeof(CreditBalance))]
public sealed class GetKonbiniCreditCommand : KonbiniCmdletBase
{
    /// <summary>
    /// <para type="description">The key whose account to report. Without it, the key a call would use: the session key, then KONBINI_API_KEY, then the stored key.</para>
    /// </summary>
    [Parameter]
    [ApiKeyTransformation]
    public SecureString? ApiKey { get; set; }

    /// <inheritdoc />
    protected override void EndProcessing()
    {
        Uri baseUri;
        lock (Session.Gate)
        {
            baseUri = Session.Configuration.BaseUri;
        }

        var warnings = new List<string>();
        ApiKey? key;
        string source;
        try
        {
            key = ApiKeyResolver.Resolve(ApiKey, Session, warnings, out source);
        }
        catch (Exception unreadable) when (ApiKeyResolver.IsUnreadableStore(unreadable))
        {
            WriteWarning("The stored key could not be read (" + unreadable.Message + "); no balance is known without a key.");
            key = null;
            source = "nowhere";
        }

        foreach (var warning in warnings)
        {
            WriteWarning(warning);
        }

        if (key is null)
        {
            WriteVerbose("No API key is set, so no account's balance is known.");
            WriteObject(new CreditBalance(null, 0, 0, 0, null));
            return;
        }

        var balance = Session.CreditsFor(baseUri, key).Ledger.Snapshot();
        WriteVerbose("Figures for the account of the key from " + source + " at " + baseUri + ".");
        if (!balance.IsKnown)
        {
            WriteVerbose("No response has reported this account's balance in this session yet; it becomes known after the first request.");
        }

        WriteObject(balance);
    }
}
