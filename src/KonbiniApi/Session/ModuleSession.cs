using System.Runtime.CompilerServices;
using System.Management.Automation.Runspaces;
using System.Security;
using KonbiniApi.Credits;

namespace KonbiniApi.Session;

/// <summary>
/// What belongs to one PowerShell session (runspace): the key set with Set-KonbiniApiKey, the
/// configuration and the credit ledger. A ForEach-Object -Parallel runspace or a job starts with its
/// own, empty session, as PowerShell users expect of session state.
/// </summary>
internal sealed class ModuleSession
{
    private static readonly ConditionalWeakTable<Runspace, ModuleSession> Sessions = new();
    private static readonly ModuleSession NoRunspace = new();

    public object Gate { get; } = new();

    /// <summary>The key set for this session, or null.</summary>
    public SecureString? ApiKey { get; set; }

    public KonbiniConfiguration Configuration { get; set; } = new();

    public CreditLedger Ledger { get; } = new();

    /// <summary>Whether the low-balance warning has been shown since the balance last rose above the threshold.</summary>
    public bool LowBalanceWarned { get; set; }

    /// <summary>The session of the runspace running the calling pipeline.</summary>
    public static ModuleSession Current
    {
        get
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace is null ? NoRunspace : Sessions.GetValue(runspace, _ => new ModuleSession());
        }
    }
}
