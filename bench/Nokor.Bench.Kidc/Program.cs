using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Hosting;
using Nokor.Population;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Kidc;
using Npgsql;

// KIDC generation benchmark (docs/benchmarks.md):
//   dotnet run -c Release --project bench/Nokor.Bench.Kidc [-- COUNT]
// 1. COUNT codes from the CSPRNG generator, unique in memory (HashSet).
// 2. On a fresh SQLite database (and on PostgreSQL when NOKOR_BENCH_POSTGRES holds an admin
//    connection string): the table pop_issued_kidcs is seeded with COUNT stored codes, then
//    KidcService.IssueManyAsync draws COUNT new codes checked against the table in batches.
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

    // Seed: COUNT codes already issued, so that the check has something to find.
    var seed = new HashSet<string>(count, StringComparer.Ordinal);
    var generator = new KidcGenerator();
    while (seed.Count < count)
    {
        seed.Add(generator.Next(KidcCategory.Citizen));
    }

    var stopwatch = Stopwatch.StartNew();
    await using (var scope = provider_.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
        await SeedAsync(db, provider, seed.ToArray());
        // Statistics and visibility map as a live, autovacuumed database has them: without them the
        // planner takes the fresh table for empty and index-only scans visit the heap.
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE pop_issued_kidcs" : "ANALYZE pop_issued_kidcs");
    }

    Console.WriteLine($"{label}: seeded {count:N0} issued codes in {stopwatch.Elapsed.TotalSeconds:F2} s (not part of the measure)");

    await using (var scope = provider_.CreateAsyncScope())
    {
        var kidcs = scope.ServiceProvider.GetRequiredService<KidcService>();
        // Warm-up: connection, query compilation.
        await kidcs.IssueManyAsync(KidcCategory.Citizen, KidcService.CheckBatch, CancellationToken.None);
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

static async Task SeedAsync(PopulationDbContext db, DatabaseProvider provider, string[] codes)
{
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    if (provider == DatabaseProvider.Postgres)
    {
        const int chunk = 50_000;
        for (var i = 0; i < codes.Length; i += chunk)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO pop_issued_kidcs ("Code", "Status", "IssuedAt") SELECT c, 'Assigned', now() FROM unnest(@codes) AS c
                """;
            command.Parameters.Add(new NpgsqlParameter<string[]>("codes", codes[i..Math.Min(codes.Length, i + chunk)]));
            await command.ExecuteNonQueryAsync();
        }
    }
    else
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """INSERT INTO pop_issued_kidcs ("Code", "Status", "IssuedAt") VALUES ($code, 'Assigned', $at)""";
        var code = AddParameter(command, "$code", "");
        AddParameter(command, "$at", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        command.Prepare();
        foreach (var c in codes)
        {
            code.Value = c;
            await command.ExecuteNonQueryAsync();
        }
    }

    await transaction.CommitAsync();
}

static DbParameter AddParameter(DbCommand command, string name, object value)
{
    var parameter = command.CreateParameter();
    parameter.ParameterName = name;
    parameter.Value = value;
    command.Parameters.Add(parameter);
    return parameter;
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
