using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Errors;
using KonbiniApi.Input;
using KonbiniApi.Json;
using KonbiniApi.Models;
using KonbiniApi.Output;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets TikTok user profiles from KonbiniAPI.</para>
/// <para type="description">Looks up each username (name, @name or profile URL) concurrently and writes one profile, or one error, per input in input order.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokUser", DefaultParameterSetName = TypedSet)]
[OutputType(typeof(TikTokUser), ParameterSetName = new[] { TypedSet })]
[OutputType(typeof(PSObject), ParameterSetName = new[] { RawSet })]
public sealed class GetKonbiniTikTokUserCommand : KonbiniApiCmdletBase
{
    private const string TypedSet = "Typed";
    private const string RawSet = "Raw";

    /// <summary>
    /// <para type="description">The TikTok usernames to look up: 'name', '@name', or a profile URL such as https://www.tiktok.com/@name?lang=en. Takes pipeline input, and binds CSV columns named Username, Handle, PreferredUsername, UniqueId or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TypedSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = RawSet)]
    [Alias("Handle", "PreferredUsername", "UniqueId", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">Writes the ActivityStreams 'data' object exactly as the API sent it (as a PSCustomObject), instead of a KonbiniApi.Models.TikTokUser.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = RawSet)]
    public SwitchParameter Raw { get; set; }

    /// <inheritdoc />
    protected override string ActivityName => "Looking up TikTok users";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override LookupPlan Plan(object? input)
    {
        var text = input as string;
        if (!TikTokUsername.TryParse(text, out var handle, out var problem))
        {
            return LookupPlan.Refuse(new KonbiniApiException(
                ApiErrorKind.InvalidInput,
                "'" + TikTokUsername.Echo(text) + "' is not a TikTok username: " + problem + ". No request was made."));
        }

        var path = "/v1/tiktok/users/" + TikTokUsername.ToPathSegment(handle);
        var raw = Raw.IsPresent;
        var client = Client;
        return LookupPlan.Lookup(handle.ToLowerInvariant(), async (item, token) =>
        {
            using var response = await client.GetAsync(path, item, token).ConfigureAwait(false);
            if (raw)
            {
                return RawJson.ToPowerShell(response.Data);
            }

            try
            {
                return TikTokUserReader.Read(response.Data, response.RequestPath);
            }
            catch (KonbiniApiException contract) when (contract.StatusCode is null)
            {
                // The reader knows only the JSON; the answer's status and what it cost belong in the error too.
                throw new KonbiniApiException(
                    contract.Kind,
                    contract.Message,
                    response.StatusCode,
                    contract.ErrorCode,
                    response.RequestPath,
                    response.CreditsUsed,
                    response.CreditsRemaining,
                    response.Attempts,
                    contract);
            }
        });
    }
}
