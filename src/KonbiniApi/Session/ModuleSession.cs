using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Security;
using KonbiniApi.Http;
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

    /// <summary>
    /// Credits per account, keyed by the service address and a fingerprint of the key: credits belong
    /// to the account behind a key, so figures seen with one key must never stand for another.
    /// </summary>
    private Dictionary<string, AccountCredits> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The credit record of the account that <paramref name="key"/> opens at <paramref name="baseUri"/>.</summary>
    public AccountCredits CreditsFor(Uri baseUri, ApiKey key)
    {
        var account = baseUri.GetLeftPart(UriPartial.Authority) + "|" + key.Fingerprint;
        lock (Gate)
        {
            if (!Accounts.TryGetValue(account, out var credits))
            {
                credits = new AccountCredits();
                Accounts.Add(account, credits);
            }

            return credits;
        }
    }

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
