using System.Collections.Generic;
using System.IO;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Security;
using KonbiniApi.Credits;
using KonbiniApi.Storage;

namespace KonbiniApi.Session;

/// <summary>
/// What belongs to one PowerShell session (runspace): the key set with Set-KonbiniApiKey, the
/// configuration and the credit ledger. A ForEach-Object -Parallel runspace or a job starts with its
/// own session, which reads the saved configuration and key but not another session's key.
/// </summary>
internal sealed class ModuleSession
{
    private static readonly ConditionalWeakTable<Runspace, ModuleSession> Sessions = new();
    private static readonly ModuleSession NoRunspace = new();

    private ModuleSession()
    {
        // Read lazily here, at the first cmdlet call of a session, never at import.
        try
        {
            Configuration = StoredSettings.Load(out _);
        }
        catch (InvalidDataException unreadable)
        {
            Configuration = new KonbiniConfiguration();
            PendingWarnings.Add(unreadable.Message);
        }
    }

    public object Gate { get; } = new();

    /// <summary>The key set for this session, or null.</summary>
    public SecureString? ApiKey { get; set; }

    public KonbiniConfiguration Configuration { get; set; }

    public CreditLedger Ledger { get; } = new();

    /// <summary>Whether the low-balance warning has been shown since the balance last rose above the threshold.</summary>
    public bool LowBalanceWarned { get; set; }

    /// <summary>Warnings found while loading saved state, shown by the next cmdlet that runs.</summary>
    public List<string> PendingWarnings { get; } = new();

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
