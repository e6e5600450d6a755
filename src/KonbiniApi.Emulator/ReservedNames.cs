using System;

namespace KonbiniApi.Emulator;

internal enum ScenarioKind
{
    Generated,
    NotFound,
    Invalid,
    Fault,
    DataNull,
    WrongTypes,
    MissingRequired,
    ExtraFields,
    Minimal,
    Full,
    Private,
    Verified,
    Live,
    Retry,
}

internal readonly record struct Scenario(ScenarioKind Kind, FaultKind Fault = default, int FailuresBeforeSuccess = 0);

/// <summary>Usernames with scripted behaviour. Any other valid name gets a generated profile, including
/// unlisted names that happen to start with <c>emu.</c>.</summary>
internal static class ReservedNames
{
    public const string RetryPrefix = "emu.retry.";
    private const string FaultPrefix = "emu.fault.";

    /// <param name="username">The validated, lower-cased handle without its '@'.</param>
    public static Scenario Resolve(string username)
    {
        if (!username.StartsWith("emu.", StringComparison.Ordinal))
        {
            return new Scenario(ScenarioKind.Generated);
        }

        if (username.StartsWith(FaultPrefix, StringComparison.Ordinal)
            && FaultNames.TryParse(username[FaultPrefix.Length..], out var fault))
        {
            return new Scenario(ScenarioKind.Fault, fault);
        }

        if (username.Length >= RetryPrefix.Length + 2
            && username.StartsWith(RetryPrefix, StringComparison.Ordinal)
            && username[RetryPrefix.Length] is >= '1' and <= '9'
            && username[RetryPrefix.Length + 1] == '.')
        {
            return new Scenario(ScenarioKind.Retry, FailuresBeforeSuccess: username[RetryPrefix.Length] - '0');
        }

        return username switch
        {
            "emu.notfound" => new Scenario(ScenarioKind.NotFound),
            "emu.invalid" => new Scenario(ScenarioKind.Invalid),
            "emu.datanull" => new Scenario(ScenarioKind.DataNull),
            "emu.wrongtypes" => new Scenario(ScenarioKind.WrongTypes),
            "emu.missing" => new Scenario(ScenarioKind.MissingRequired),
            "emu.extra" => new Scenario(ScenarioKind.ExtraFields),
            "emu.minimal" => new Scenario(ScenarioKind.Minimal),
            "emu.full" => new Scenario(ScenarioKind.Full),
            "emu.private" => new Scenario(ScenarioKind.Private),
            "emu.verified" => new Scenario(ScenarioKind.Verified),
            "emu.live" => new Scenario(ScenarioKind.Live),
            _ => new Scenario(ScenarioKind.Generated),
        };
    }

    /// <summary>Applies the contract's username rule after one leading '@' is dropped.</summary>
    /// <returns>The lower-cased handle, or null when the server must answer <c>validation_error</c>.</returns>
    public static string? NormalizeUsername(string decodedSegment)
    {
        var name = decodedSegment.StartsWith('@') ? decodedSegment[1..] : decodedSegment;
        if (name.Length is 0 or > 24)
        {
            return null;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
            {
                return null;
            }
        }

        return name.ToLowerInvariant();
    }
}
