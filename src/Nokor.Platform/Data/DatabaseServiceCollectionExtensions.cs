using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nokor.Platform.Data;

public static class DatabaseServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "Nokor.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Nokor.Migrations.Postgres";

    /// <summary>Registers the database settings once; every module context reads them.</summary>
    public static IServiceCollection AddNokorDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => DatabaseSettings.From(configuration));
        return services;
    }

    /// <summary>
    /// Registers one module's DbContext on the configured provider, with its migrations in the
    /// provider's migration assembly and its own history table so modules migrate independently.
    /// With <paramref name="connectionName"/>, a module may keep its tables in a database of its
    /// own: when <c>ConnectionStrings:&lt;connectionName&gt;</c> is set, the context uses it (same
    /// provider), and the migrator migrates it there.
    /// </summary>
    public static IServiceCollection AddNokorDbContext<TContext>(this IServiceCollection services, IConfiguration configuration, string? connectionName = null)
        where TContext : DbContext
    {
        services.AddNokorDatabase(configuration);
        var own = connectionName is null ? null : configuration.GetConnectionString(connectionName);
        services.AddDbContext<TContext>((sp, options) =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            if (!string.IsNullOrWhiteSpace(own))
            {
                settings = settings with
                {
                    ConnectionString = settings.Provider == DatabaseProvider.Postgres ? DatabaseSettings.TunePostgres(own) : own,
                };
            }

            Configure(options, settings, typeof(TContext));
        });
        services.AddSingleton<IModuleDatabase, ModuleDatabase<TContext>>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, Type contextType)
    {
        var historyTable = "__ef_migrations_" + contextType.Name.Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant();
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                PrivateFiles.PrepareSqliteDatabase(settings.ConnectionString);
                options.UseSqlite(settings.ConnectionString, o => o
                    .MigrationsAssembly(SqliteMigrationsAssembly)
                    .MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(settings.ConnectionString, o => o
                    .MigrationsAssembly(PostgresMigrationsAssembly)
                    .MigrationsHistoryTable(historyTable));
                break;
            default:
                throw new InvalidOperationException($"Unknown provider {settings.Provider}.");
        }
    }
}
