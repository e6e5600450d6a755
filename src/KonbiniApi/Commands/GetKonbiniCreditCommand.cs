using System.Management.Automation;
using KonbiniApi.Models;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets what this session knows about the account's KonbiniAPI credits.</para>
/// <para type="description">KonbiniAPI has no balance endpoint: every response reports the balance in its headers, and this cmdlet returns the last figures seen, without a request and without spending a credit.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniCredit")]
[OutputType(typeof(CreditBalance))]
public sealed class GetKonbiniCreditCommand : KonbiniCmdletBase
{
    /// <inheritdoc />
    protected override void EndProcessing()
    {
        var balance = Session.Ledger.Snapshot();
        if (!balance.IsKnown)
        {
            WriteVerbose("No response has reported the balance in this session yet; it becomes known after the first request.");
        }

        WriteObject(balance);
    }
}
