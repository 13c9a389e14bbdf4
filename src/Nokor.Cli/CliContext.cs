using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nokor.Platform.Hosting;
using Nokor.CivilRegistration;
using Nokor.Population;

namespace Nokor.Cli;

/// <summary>
/// The settings and services the commands share. Configuration comes, as for the web host, from
/// appsettings.json beside the binary, environment variables (<c>Database__Provider</c>,
/// <c>ConnectionStrings__Nokor</c>) and <c>--Database:Provider=...</c> style switches.
/// </summary>
internal sealed class CliContext(string[] configurationArgs, bool verbose = false) : IAsyncDisposable
{
    private ServiceProvider? _services;

    public IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(configurationArgs)
        .Build();

    public IServiceProvider Services => _services ??= Build();

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning)
            // EF logs the expected failed look-up of the migrations history table on a new database as an error.
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical)
            // EF logs a failing query or save with its stack trace before the exception reaches the
            // command line's one error handler, which says it in one line: the trace only with --verbose.
            .AddFilter("Microsoft.EntityFrameworkCore", verbose ? LogLevel.Warning : LogLevel.Critical));
        services.AddNokorPlatform(Configuration);
        services.AddPopulation(Configuration);
        services.AddCivilRegistration(Configuration);
        Nokor.Verification.VerificationModule.AddVerification(services, Configuration);
        Nokor.Legislation.LegislationModule.AddLegislation(services, Configuration);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
