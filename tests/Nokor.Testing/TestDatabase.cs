using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Hosting;
using Nokor.CivilRegistration;
using Nokor.Population;
using Npgsql;

namespace Nokor.Testing;

/// <summary>
/// A throwaway, fully migrated database for one test class: a SQLite file by default, or a fresh
/// PostgreSQL database when <c>NOKOR_TEST_POSTGRES</c> holds a connection string (CI sets it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "NOKOR_TEST_POSTGRES";

    private readonly string? _sqlitePath;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? sqlitePath, string? postgresAdmin, string? postgresName)
    {
        Settings = settings;
        _sqlitePath = sqlitePath;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public bool IsPostgres => Settings.Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// This database's own data root (created on first use, deleted with the database), so that
    /// whatever a test host, a test's services or a CLI run writes by default (keys, stored files,
    /// the search index) never lands in the developer's ./data.
    /// </summary>
    public string DataRoot { get; } = Path.Combine(Path.GetTempPath(), "nokor-tests", "root-" + Guid.NewGuid().ToString("N"));

    /// <summary>The settings as configuration keys, for a host or the CLI.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationValues => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Settings.Provider.ToString(),
        ["ConnectionStrings:Nokor"] = Settings.ConnectionString,
        [Nokor.Platform.Hosting.DataRoot.Key] = DataRoot,
    };

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        TestDatabase db;
        if (!string.IsNullOrWhiteSpace(admin))
        {
            var name = "nokor_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            db = new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString), null, admin, name);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "nokor-tests", Guid.NewGuid().ToString("N") + ".db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
            db = new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, cs), path, null, null);
        }

        if (migrate)
        {
            await using var services = db.BuildServices();
            await DatabaseMigrator.MigrateAllAsync(services);
        }

        return db;
    }

    public IConfiguration BuildConfiguration(IEnumerable<KeyValuePair<string, string?>>? extra = null) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(ConfigurationValues)
            .AddInMemoryCollection(extra ?? [])
            .Build();

    /// <summary>A service provider with the platform and every module registered on this database.</summary>
    public ServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        var configuration = BuildConfiguration();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddNokorPlatform(configuration);
        services.AddPopulation(configuration);
        services.AddCivilRegistration(configuration);
        Nokor.Verification.VerificationModule.AddVerification(services, configuration);
        Nokor.Legislation.LegislationModule.AddLegislation(services, configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Directory.Exists(DataRoot))
            {
                Directory.Delete(DataRoot, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_sqlitePath + suffix);
                }
                catch (IOException)
                {
                }
            }
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
