using System.Collections.Generic;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void No_arguments_give_the_defaults()
    {
        Assert.True(EmulatorOptions.TryParse([], out var options, out _));
        Assert.Equal(5099, options.Port);
        Assert.Equal(0, options.LatencyMs);
        Assert.Equal(0, options.JitterMs);
        Assert.Equal(0, options.FaultRate);
        Assert.Equal(FaultNames.All, options.Faults);
        Assert.Null(options.Seed);
        Assert.Empty(options.Keys);
        Assert.Equal(262_144, options.VideoBytes);
    }

    [Fact]
    public void Every_option_is_read_in_both_spellings()
    {
        Assert.True(EmulatorOptions.TryParse(
            ["--port", "0", "--latency-ms=200", "--jitter-ms", "50", "--fault-rate", "0.25", "--faults", "500, reset,HANG", "--seed", "-7", "--key", "knbn_a=3", "--key=knbn_b=0", "--video-bytes", "1048576"],
            out var options,
            out var error),
            error);
        Assert.Equal(0, options.Port);
        Assert.Equal(200, options.LatencyMs);
        Assert.Equal(50, options.JitterMs);
        Assert.Equal(0.25, options.FaultRate);
        Assert.Equal([FaultKind.InternalError, FaultKind.Reset, FaultKind.Hang], options.Faults);
        Assert.Equal(-7, options.Seed);
        Assert.Equal(new Dictionary<string, long> { ["knbn_a"] = 3, ["knbn_b"] = 0 }, options.Keys);
        Assert.Equal(1_048_576, options.VideoBytes);
    }

    [Theory]
    [InlineData("--port", "65536")]
    [InlineData("--port", "-1")]
    [InlineData("--port", "http")]
    [InlineData("--latency-ms", "-5")]
    [InlineData("--jitter-ms", "1.5")]
    [InlineData("--fault-rate", "1.01")]
    [InlineData("--fault-rate", "NaN")]
    [InlineData("--fault-rate", "0,5")]
    [InlineData("--faults", "500,teapot")]
    [InlineData("--faults", "")]
    [InlineData("--seed", "x")]
    [InlineData("--key", "knbn_a")]
    [InlineData("--key", "=5")]
    [InlineData("--key", "knbn_a=-1")]
    [InlineData("--key", "knbn a=1")]
    [InlineData("--video-bytes", "-1")]
    [InlineData("--video-bytes", "1MB")]
    [InlineData("--verbose", "1")]
    public void Bad_values_are_reported_by_option_name(string name, string value)
    {
        Assert.False(EmulatorOptions.TryParse([name, value], out _, out var error));
        Assert.Contains(name, error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_value_is_reported()
    {
        Assert.False(EmulatorOptions.TryParse(["--port"], out _, out var error));
        Assert.Contains("needs a value", error, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised(string flag)
    {
        Assert.True(EmulatorOptions.IsHelpRequested(["--port", "1", flag]));
        Assert.Contains("--fault-rate", EmulatorOptions.Usage, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Fault_names_round_trip()
    {
        foreach (var kind in FaultNames.All)
        {
            Assert.True(FaultNames.TryParse(FaultNames.ToName(kind), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal("500,502,503,504,reset,truncate,html,badjson,hang,huge", FaultNames.Joined);
    }
}
