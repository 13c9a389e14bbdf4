using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Nokor.Platform.Data;

/// <summary>One module's database, so the host and the CLI can migrate every module without knowing them.</summary>
public interface IModuleDatabase
{
    string Name { get; }
    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

internal sealed class ModuleDatabase<TContext> : IModuleDatabase where TContext : DbContext
{
    public string Name => typeof(TContext).Name;

    public async Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<TContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}

public static class DatabaseMigrator
{
    /// <summary>Applies every module's pending migrations, the platform's first.</summary>
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer commits; the setting persists in the file.
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await platform.Database.OpenConnectionAsync(cancellationToken);
            await platform.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await platform.Database.CloseConnectionAsync();
        }

        foreach (var module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(scope.ServiceProvider, cancellationToken);
        }
    }
}
