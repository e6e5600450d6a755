using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace KonbiniApi.Emulator;

/// <summary>How an emulator instance starts; every value has a default.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The default size of a stand-in video file: 256 KiB.</summary>
    public const long DefaultVideoBytes = 262_144;

    /// <summary>The default request-log cap: enough for any test run, bounded for soak runs.</summary>
    public const int DefaultRequestLogCapacity = 200_000;

    /// <summary>TCP port on 127.0.0.1; 0 lets the OS pick a free one.</summary>
    public int Port { get; init; } = 5099;

    /// <summary>Fixed delay added to every API response.</summary>
    public int LatencyMs { get; init; }

    /// <summary>Upper bound of an extra uniform random delay added to every API response.</summary>
    public int JitterMs { get; init; }

    /// <summary>Probability, 0..1, that an accounted API request is answered with a random fault.</summary>
    public double FaultRate { get; init; }

    /// <summary>The kinds random faults are drawn from.</summary>
    public IReadOnlyList<FaultKind> Faults { get; init; } = FaultNames.All;

    /// <summary>Seed for fault draws and jitter; null picks one at random (reported by the config endpoint).</summary>
    public int? Seed { get; init; }

    /// <summary>Keys to create (or re-balance) on top of the built-in ones, with their starting credits.</summary>
    public IReadOnlyDictionary<string, long> Keys { get; init; } = new Dictionary<string, long>();

    /// <summary>How many API requests the request log keeps; the oldest are dropped first.</summary>
    public int RequestLogCapacity { get; init; } = DefaultRequestLogCapacity;

    /// <summary>How many bytes each file on the stand-in CDN has.</summary>
    public long VideoBytes { get; init; } = DefaultVideoBytes;

    /// <summary>Whether the host writes warnings and errors to stderr (the command line turns this on).</summary>
    public bool LogToStandardError { get; init; }

    /// <summary>The command-line help text.</summary>
    public static string Usage { get; } =
        """
        KonbiniApi.Emulator: a local KonbiniAPI stand-in for tests.

        Usage: KonbiniApi.Emulator [options]

          --port N            TCP port on 127.0.0.1 (default 5099; 0 picks a free port)
          --latency-ms N      delay added to every API response, in ms (default 0)
          --jitter-ms N       extra uniform random delay of 0..N ms per API response (default 0)
          --fault-rate R      probability 0..1 of a random fault per accounted request (default 0)
          --faults LIST       comma-separated kinds random faults draw from (default all):
                              500,502,503,504,reset,truncate,html,badjson,hang,huge
          --seed N            seed for fault draws and jitter, for reproducible runs
          --key NAME=CREDITS  add a key or set its balance; repeatable
          --video-bytes N     size of each file the stand-in CDN serves (default 262144)
          --help              show this text

        Once ready it prints one line: listening on http://127.0.0.1:PORT
        Control endpoints live under /_emulator/ (see the project README).

        """;

    /// <summary>True when the arguments ask for help.</summary>
    public static bool IsHelpRequested(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(arg => arg is "--help" or "-h" or "-?" or "/?");
    }

    /// <summary>Parses command-line arguments (<c>--name value</c> or <c>--name=value</c>).</summary>
    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out EmulatorOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = null;
        var port = 5099;
        var latency = 0;
        var jitter = 0;
        var faultRate = 0.0;
        IReadOnlyList<FaultKind> faults = FaultNames.All;
        int? seed = null;
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        var videoBytes = DefaultVideoBytes;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name;
            string? value = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                value = arg[(equals + 1)..];
            }
            else
            {
                name = arg;
            }

            if (name is not ("--port" or "--latency-ms" or "--jitter-ms" or "--fault-rate" or "--faults" or "--seed" or "--key" or "--video-bytes"))
            {
                error = $"unknown option '{arg}'.";
                return false;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    error = $"option '{name}' needs a value.";
                    return false;
                }

                value = args[++i];
            }

            switch (name)
            {
                case "--port":
                    if (!TryParseInt(value, 0, 65535, out port))
                    {
                        error = $"--port must be an integer from 0 to 65535, got '{value}'.";
                        return false;
                    }

                    break;
                case "--latency-ms":
                    if (!TryParseInt(value, 0, int.MaxValue, out latency))
                    {
                        error = $"--latency-ms must be a non-negative integer, got '{value}'.";
                        return false;
                    }

                    break;
                case "--jitter-ms":
                    if (!TryParseInt(value, 0, int.MaxValue, out jitter))
                    {
                        error = $"--jitter-ms must be a non-negative integer, got '{value}'.";
                        return false;
                    }

                    break;
                case "--fault-rate":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out faultRate)
                        || !(faultRate >= 0 && faultRate <= 1))
                    {
                        error = $"--fault-rate must be a number from 0 to 1, got '{value}'.";
                        return false;
                    }

                    break;
                case "--faults":
                    if (!TryParseFaults(value, out faults, out var badFault))
                    {
                        error = $"--faults: unknown kind '{badFault}'; choose from {FaultNames.Joined}.";
                        return false;
                    }

                    break;
                case "--seed":
                    if (!TryParseInt(value, int.MinValue, int.MaxValue, out var parsedSeed))
                    {
                        error = $"--seed must be an integer, got '{value}'.";
                        return false;
                    }

                    seed = parsedSeed;
                    break;
                case "--video-bytes":
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out videoBytes))
                    {
                        error = $"--video-bytes must be a non-negative integer, got '{value}'.";
                        return false;
                    }

                    break;
                default:
                    if (!TryParseKey(value, out var keyName, out var credits))
                    {
                        error = $"--key must look like NAME=CREDITS with a name without spaces and credits >= 0, got '{value}'.";
                        return false;
                    }

                    keys[keyName] = credits;
                    break;
            }
        }

        options = new EmulatorOptions
        {
            Port = port,
            LatencyMs = latency,
            JitterMs = jitter,
            FaultRate = faultRate,
            Faults = faults,
            Seed = seed,
            Keys = keys,
            VideoBytes = videoBytes,
        };
        error = null;
        return true;
    }

    /// <summary>Throws when a value set in code is out of range (the parser never produces one).</summary>
    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 0..65535.");
        }

        if (LatencyMs < 0 || JitterMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(LatencyMs), "Latency and jitter must not be negative.");
        }

        if (!(FaultRate >= 0 && FaultRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(FaultRate), FaultRate, "Fault rate must be 0..1.");
        }

        if (Faults is null || Faults.Count == 0)
        {
            throw new ArgumentException("At least one fault kind is needed.", nameof(Faults));
        }

        if (VideoBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(VideoBytes), VideoBytes, "Must not be negative.");
        }

        if (RequestLogCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestLogCapacity), RequestLogCapacity, "Must be at least 1.");
        }

        foreach (var (key, credits) in Keys)
        {
            if (!IsUsableKeyName(key) || credits < 0)
            {
                throw new ArgumentException($"Key '{key}' needs a name without spaces and credits >= 0.", nameof(Keys));
            }
        }
    }

    internal static bool IsUsableKeyName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 200 && name.All(c => c > ' ' && c < 0x7f);

    internal static bool TryParseFaults(string value, out IReadOnlyList<FaultKind> faults, out string? bad)
    {
        var parsed = new List<FaultKind>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!FaultNames.TryParse(part, out var kind))
            {
                faults = [];
                bad = part;
                return false;
            }

            if (!parsed.Contains(kind))
            {
                parsed.Add(kind);
            }
        }

        faults = parsed;
        bad = null;
        return true;
    }

    private static bool TryParseInt(string value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result)
        && result >= min && result <= max;

    private static bool TryParseKey(string value, out string name, out long credits)
    {
        var equals = value.LastIndexOf('=');
        name = equals > 0 ? value[..equals] : string.Empty;
        credits = 0;
        return equals > 0
            && IsUsableKeyName(name)
            && long.TryParse(value[(equals + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out credits);
    }
}
