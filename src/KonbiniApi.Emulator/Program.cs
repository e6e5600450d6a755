using System;
using System.IO;
using KonbiniApi.Emulator;

if (EmulatorOptions.IsHelpRequested(args))
{
    Console.Out.Write(EmulatorOptions.Usage);
    return 0;
}

if (!EmulatorOptions.TryParse(args, out var parsed, out var error))
{
    Console.Error.WriteLine($"KonbiniApi.Emulator: {error}");
    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}

var options = new EmulatorOptions
{
    Port = parsed.Port,
    LatencyMs = parsed.LatencyMs,
    JitterMs = parsed.JitterMs,
    FaultRate = parsed.FaultRate,
    Faults = parsed.Faults,
    Seed = parsed.Seed,
    Keys = parsed.Keys,
    VideoBytes = parsed.VideoBytes,
    LogToStandardError = true,
};

EmulatorServer server;
try
{
    server = await EmulatorServer.StartAsync(options);
}
catch (IOException bindFailure)
{
    Console.Error.WriteLine($"KonbiniApi.Emulator: cannot listen on 127.0.0.1:{options.Port}: {bindFailure.Message}");
    return 1;
}

await using (server)
{
    // The harness waits for exactly this line, so it goes out whole and at once.
    Console.Out.WriteLine($"listening on {server.BaseAddress.GetLeftPart(UriPartial.Authority)}");
    Console.Out.Flush();
    await server.WaitForShutdownAsync();
}

return 0;
