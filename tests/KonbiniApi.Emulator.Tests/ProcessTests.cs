using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Xunit;

namespace KonbiniApi.Emulator.Tests;

[CollectionDefinition(nameof(ProcessTests), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>Runs the built emulator the way scripts do: <c>dotnet KonbiniApi.Emulator.dll ...</c>. Kept out of
/// the parallel run so the start-up clock measures the emulator, not the other tests.</summary>
[Collection(nameof(ProcessTests))]
public sealed class ProcessTests
{
    private static readonly string EmulatorDll = typeof(EmulatorServer).Assembly.Location;

    [Fact]
    public async Task It_announces_one_listening_line_within_two_seconds_and_serves_the_same_profiles()
    {
        using var process = Start("--port", "0", "--seed", "1");
        try
        {
            var clock = Stopwatch.StartNew();
            var readLine = process.StandardOutput.ReadLineAsync();
            var finished = await Task.WhenAny(readLine, Task.Delay(TimeSpan.FromSeconds(2)));
            Assert.True(finished == readLine, $"no 'listening on' line after {clock.ElapsedMilliseconds} ms");
            var line = await readLine;
            Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+$", line);

            var baseAddress = new Uri(line!["listening on ".Length..] + "/");
            Assert.NotEqual(0, baseAddress.Port);
            using var client = new HttpClient { BaseAddress = baseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Get, "v1/tiktok/users/khaby.lame");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "knbn_emulator");
            using var response = await client.SendAsync(request);
            Assert.Equal(ApiHandler.RenderPerson("khaby.lame", ScenarioKind.Generated), await response.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
    }

    [Theory]
    [InlineData("--fault-rate", "2")]
    [InlineData("--bogus", "1")]
    [InlineData("--port", "")]
    public async Task Bad_options_exit_with_code_2_and_say_why_on_stderr(string name, string value)
    {
        using var process = Start(name, value);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(name, await stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await stdout);
    }

    [Fact]
    public async Task Help_prints_the_options_and_exits_0()
    {
        using var process = Start("--help");
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("--latency-ms", await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_a_clear_failure()
    {
        await using var occupant = await TestEmulator.StartAsync();
        using var process = Start("--port", occupant.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("cannot listen", await stderr, StringComparison.Ordinal);
    }

    private static Process Start(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(EmulatorDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(fromCli) && File.Exists(fromCli) ? fromCli : "dotnet";
    }
}
