using System;
using System.Management.Automation;
using System.Security;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Session;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Sets the KonbiniAPI key (and optionally the service address) for this session.</para>
/// <para type="description">Takes the key as a SecureString (prompting when none is given), a PSCredential, or a plain string (with a warning). The key is kept for this PowerShell session only and is sent only over https, or over plain http to this machine.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "KonbiniApiKey", DefaultParameterSetName = KeySet, SupportsShouldProcess = true)]
[OutputType(typeof(void))]
public sealed class SetKonbiniApiKeyCommand : KonbiniCmdletBase
{
    private const string KeySet = "Key";
    private const string CredentialSet = "Credential";

    /// <summary>
    /// <para type="description">The API key, starting with knbn_. A SecureString is best; a plain string works but is warned about. When omitted, PowerShell prompts for it without echoing.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = KeySet)]
    [ApiKeyTransformation]
    public SecureString? ApiKey { get; set; }

    /// <summary>
    /// <para type="description">A credential whose password is the API key (the user name is ignored), e.g. from Get-Credential or a secret vault.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>
    /// <para type="description">The service to talk to, e.g. http://127.0.0.1:5099 for the local emulator. Must be https, or plain http to a loopback address. Without it the current address is kept (https://api.konbiniapi.com by default).</para>
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var plainText = ApiKeyTransformationAttribute.TakePlainTextSeen();
        var secure = ParameterSetName == CredentialSet ? Credential!.Password : ApiKey!;
        ApiKey checkedKey;
        try
        {
            checkedKey = Http.ApiKey.FromSecureString(secure);
        }
        catch (ArgumentException invalid)
        {
            ThrowTerminatingError(new ErrorRecord(invalid, "KonbiniApi.InvalidApiKeyFormat", ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails(invalid.Message) { RecommendedAction = "Copy the key again from your KonbiniAPI dashboard." },
            });
            return;
        }

        Uri target;
        lock (Session.Gate)
        {
            target = BaseUri ?? Session.Configuration.BaseUri;
        }

        if (!target.IsAbsoluteUri || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("The base URI '" + target + "' is not an absolute http or https address.", nameof(BaseUri)),
                "KonbiniApi.InvalidBaseUri",
                ErrorCategory.InvalidArgument,
                target));
        }

        try
        {
            TransportPolicy.EnsureMaySendKey(target);
        }
        catch (KonbiniApiException refused)
        {
            ThrowTerminating(refused, target);
        }

        if (plainText)
        {
            WriteWarning("The API key was given as plain text, which can end up in your command history and transcripts. Prefer Set-KonbiniApiKey with no argument (it prompts), a SecureString, or the KONBINI_API_KEY environment variable.");
        }

        if (!checkedKey.HasKnownPrefix)
        {
            WriteWarning("The key does not start with 'knbn_', which every KonbiniAPI key does; requests will probably fail with KonbiniApi.InvalidApiKey.");
        }

        if (!ShouldProcess("KonbiniAPI key for this session (" + checkedKey.Masked + ") at " + target, "Set"))
        {
            return;
        }

        var copy = secure.Copy();
        copy.MakeReadOnly();
        lock (Session.Gate)
        {
            var changedServer = BaseUri is not null && BaseUri != Session.Configuration.BaseUri;
            Session.ApiKey?.Dispose();
            Session.ApiKey = copy;
            if (BaseUri is not null)
            {
                var configuration = Session.Configuration.Clone();
                configuration.BaseUri = BaseUri;
                Session.Configuration = configuration;
            }

            // Credits belong to the account behind the key; figures from another key or server would mislead.
            Session.Ledger.Reset();
            Session.LowBalanceWarned = false;
            WriteVerbose("The session key is set (" + checkedKey.Masked + ")" + (changedServer ? " and requests go to " + target + "." : "."));
        }
    }
}
