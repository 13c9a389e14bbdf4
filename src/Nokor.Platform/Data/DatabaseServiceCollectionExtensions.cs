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
    /// </summary>
    public static IServiceCollection AddNokorDbContext<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext
    {
        services.AddNokorDatabase(configuration);
        services.AddDbContext<TContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<DatabaseSettings>(), typeof(TContext)));
        services.AddSingleton<IModuleDatabase, ModuleDatabase<TContext>>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings, Type contextType)
    {
        var historyTable = "__ef_migrations_" + contextType.Name.Replace("DbContext", "", StringComparison.Ordinal).ToLowerInvariant();
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(settings.ConnectionString);
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

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
