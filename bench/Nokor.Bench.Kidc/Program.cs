using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Hosting;
using Nokor.Population;
using Nokor.Population.Contracts;
using Npgsql;

// KIDC generation benchmark (docs/benchmarks.md):
//   dotnet run -c Release --project bench/Nokor.Bench.Kidc [-- COUNT]
// 1. COUNT codes from the CSPRNG generator, unique in memory (HashSet).
// 2. On a fresh SQLite database (and on PostgreSQL when NOKOR_BENCH_POSTGRES holds an admin
//    connection string): the registry is seeded with COUNT persons, so COUNT issued codes, by the
//    population generator; then IKidcIssuance.IssueManyAsync draws COUNT new codes checked against
//    the issued codes in batches. The benchmark uses the module's doors only, like any caller.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
Console.WriteLine($"KIDC benchmark: {count:N0} codes; {Environment.ProcessorCount} logical processors; " +
                  $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}");

InMemory(count / 10); // warm-up
InMemory(count);

var sqlitePath = Path.Combine(Path.GetTempPath(), $"nokor-kidc-bench-{Guid.NewGuid():N}.db");
try
{
    var cs = new SqliteConnectionStringBuilder { DataSource = sqlitePath, Pooling = false }.ConnectionString;
    await AgainstDatabaseAsync("SQLite", DatabaseProvider.Sqlite, cs, count);
}
finally
{
    SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(sqlitePath + suffix);
    }
}

var postgresAdmin = Environment.GetEnvironmentVariable("NOKOR_BENCH_POSTGRES");
if (!string.IsNullOrWhiteSpace(postgresAdmin))
{
    var name = "nokor_kidc_bench_" + Guid.NewGuid().ToString("N")[..12];
    await ExecuteAsync(postgresAdmin, $"CREATE DATABASE \"{name}\"");
    try
    {
        var cs = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name }.ConnectionString;
        await AgainstDatabaseAsync("PostgreSQL", DatabaseProvider.Postgres, cs, count);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(postgresAdmin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}
else
{
    Console.WriteLine("PostgreSQL: skipped (set NOKOR_BENCH_POSTGRES to an admin connection string).");
}

return 0;

static HashSet<string> InMemory(int count)
{
    var generator = new KidcGenerator();
    var stopwatch = Stopwatch.StartNew();
    var codes = new HashSet<string>(count, StringComparer.Ordinal);
    var draws = 0;
    while (codes.Count < count)
    {
        codes.Add(generator.Next(KidcCategory.Citizen));
        draws++;
    }

    stopwatch.Stop();
    Report($"in memory (HashSet), {draws - count} duplicate draws", count, stopwatch.Elapsed);
    return codes;
}

static async Task AgainstDatabaseAsync(string label, DatabaseProvider provider, string connectionString, int count)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider.ToString(),
        ["ConnectionStrings:Nokor"] = connectionString,
    }).Build();
    var services = new ServiceCollection();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddLogging();
    services.AddNokorPlatform(configuration);
    services.AddPopulation(configuration);
    await using var provider_ = services.BuildServiceProvider();
    await DatabaseMigrator.MigrateAllAsync(provider_);

    // Seed: COUNT persons with their issued codes, so that the check has something to find.
    var stopwatch = Stopwatch.StartNew();
    await using (var scope = provider_.CreateAsyncScope())
    {
        await GazetteerLoader.EnsureLoadedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), CancellationToken.None);
    }

    await provider_.GetRequiredService<IPopulationGeneration>().GenerateAsync(new PopulationGenerationOptions { Count = count });
    // Statistics and visibility map as a live, autovacuumed database has them: without them the
    // planner takes the fresh tables for empty and index-only scans visit the heap.
    await ExecuteOnAsync(provider, connectionString, provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE" : "ANALYZE");
    Console.WriteLine($"{label}: seeded {count:N0} persons with issued codes in {stopwatch.Elapsed.TotalSeconds:F2} s (not part of the measure)");

    var seed = await StoredCodesAsync(provider_, count);
    await using (var scope = provider_.CreateAsyncScope())
    {
        var kidcs = scope.ServiceProvider.GetRequiredService<IKidcIssuance>();
        // Warm-up: connection, query compilation.
        await kidcs.IssueManyAsync(KidcCategory.Citizen, IKidcIssuance.CheckBatch, CancellationToken.None);
        stopwatch.Restart();
        var issued = await kidcs.IssueManyAsync(KidcCategory.Citizen, count, CancellationToken.None);
        stopwatch.Stop();
        var unique = issued.ToHashSet(StringComparer.Ordinal);
        if (issued.Count != count || unique.Count != count || unique.Overlaps(seed) || !issued.All(KidcRule.IsValid))
        {
            throw new InvalidOperationException($"{label}: the issued codes are not {count} unique valid new codes.");
        }

        Report($"{label}: IssueManyAsync against {count:N0} stored codes", count, stopwatch.Elapsed);
    }
}

// The codes of the seeded persons, read through the registry's snapshot feed, to check that none is issued again.
static async Task<HashSet<string>> StoredCodesAsync(IServiceProvider services, int count)
{
    var codes = new HashSet<string>(count, StringComparer.Ordinal);
    await using var scope = services.CreateAsyncScope();
    var feed = scope.ServiceProvider.GetRequiredService<IPersonChangeFeed>();
    string? after = null;
    while (true)
    {
        var page = await feed.SnapshotAsync(after, 10_000, CancellationToken.None);
        if (page.Count == 0)
        {
            break;
        }

        codes.UnionWith(page.Select(p => p.Kidc));
        after = page[^1].Kidc;
    }

    if (codes.Count != count)
    {
        throw new InvalidOperationException($"The registry holds {codes.Count:N0} persons, not {count:N0}.");
    }

    return codes;
}

static async Task ExecuteOnAsync(DatabaseProvider provider, string connectionString, string sql)
{
    if (provider == DatabaseProvider.Postgres)
    {
        await ExecuteAsync(connectionString, sql);
        return;
    }

    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await command.ExecuteNonQueryAsync();
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static void Report(string what, int count, TimeSpan elapsed) =>
    Console.WriteLine($"{what}: {count:N0} codes in {elapsed.TotalSeconds:F2} s = {count / elapsed.TotalSeconds:N0} codes/s");
