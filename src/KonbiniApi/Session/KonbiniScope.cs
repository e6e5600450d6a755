namespace KonbiniApi.Session;

/// <summary>How long a key or a setting is kept.</summary>
public enum KonbiniScope
{
    /// <summary>Until this PowerShell session (runspace) ends.</summary>
    Session = 0,

    /// <summary>Saved for the current user, so that every new session picks it up.</summary>
    CurrentUser = 1,
}
