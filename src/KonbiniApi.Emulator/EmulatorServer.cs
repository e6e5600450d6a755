using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KonbiniApi.Emulator;

/// <summary>A running emulator bound to 127.0.0.1; usable in-process (tests) or from the command line.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping;

    private EmulatorServer(WebApplication app, CancellationTokenSource stopping, Uri baseAddress, EmulatorState state)
    {
        this.app = app;
        this.stopping = stopping;
        BaseAddress = baseAddress;
        State = state;
    }

    /// <summary>Where the emulator listens, for example <c>http://127.0.0.1:5099/</c>.</summary>
    public Uri BaseAddress { get; }

    internal EmulatorState State { get; }

    /// <summary>Binds the port and starts serving; returns once requests are accepted.</summary>
    public static Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, state => state, cancellationToken);

    internal static async Task<EmulatorServer> StartAsync(
        EmulatorOptions options, Func<EmulatorState, EmulatorState> adjustState, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // No args and a fixed content root: ambient ASPNETCORE_* settings and the working directory must not
        // change how a test tool binds or behaves.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        if (options.LogToStandardError)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddSimpleConsole();
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console =>
                console.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });

        var app = builder.Build();
        var stopping = new CancellationTokenSource();
        var state = adjustState(new EmulatorState(options));
        var handler = new ApiHandler(state, new ControlHandler(state), new CdnHandler(state), stopping.Token);
        app.Run(handler.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            stopping.Dispose();
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        return new EmulatorServer(app, stopping, new Uri(address.TrimEnd('/') + "/"), state);
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C or SIGTERM when run from the command line).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    /// <summary>Ends hanging and streaming requests, then stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }
}
