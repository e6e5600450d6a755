using KonbiniApi.Credits;

namespace KonbiniApi.Session;

/// <summary>
/// What a session knows about one account's credits: the ledger fed by response headers, and whether
/// the low-balance warning has been shown since the balance last rose above the threshold.
/// </summary>
internal sealed class AccountCredits
{
    public CreditLedger Ledger { get; } = new();

    public bool LowBalanceWarned { get; set; }
}
