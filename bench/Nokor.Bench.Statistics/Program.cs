using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nokor.CivilRegistration;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Data;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Statistics;
using Nokor.Platform.Dates;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;
using Npgsql;
using NpgsqlTypes;

// Vital statistics benchmark (issue 6: "all tables for one year over 10 years of synthetic
// registrations (about 3.5 million births and 1 million deaths) on PostgreSQL in under 30 seconds"):
//   Database__Provider=Postgres ConnectionStrings__Nokor="Host=...;Database=nokor_stats" \
//     dotnet run -c Release --project bench/Nokor.Bench.Statistics -- [--years 10] [--births 350000] [--deaths 100000] [--runs 3]
// The database must be migrated first (nokor db migrate; bench/statistics.sh does both).
// 1. Writes the statistical records of 10 years of registrations straight into crvs_vital_facts by
//    binary COPY (skipped when they are there): the tables read nothing else, and 4.5 million
//    registrations through the real procedure would take the 2-core machine about a day (issue 3
//    measured 54 births/s). Distributions: sex ratio 105, mothers' ages, birth orders, attendants,
//    weights, 3 % twins, places over every village of the gazetteer, 10 % born outside the
//    commune of residence, registration delays (72 % within the legal period, 20 % within a year),
//    infant and adult deaths, 55 % medically certified with ICD-10 codes over every chapter.
// 2. Loads population estimates and expected crude rates for the nation and each province.
// 3. Times the staff statistics use case through the module's door (IVitalStatistics.GetAsync:
//    every table of the plan, rates, completeness, coverage by area, ESCAP, timeliness) for the last
//    full year: national by occurrence, national by registration, one province; then the whole
//    publication (nation and 25 provinces, both bases).
var options = BenchOptions.Parse(args);
Console.WriteLine($"Vital statistics benchmark: {options.Years} years × {options.Births:N0} births and {options.Deaths:N0} deaths; " +
                  $"{Environment.ProcessorCount} logical processors (shared by this program and PostgreSQL); {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; .NET {Environment.Version}");
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration);
services.AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning));
services.AddNokorPlatform(configuration);
services.AddCivilRegistration(configuration);
await using var provider = services.BuildServiceProvider();

var lastYear = DateTime.UtcNow.Year - 1;
var firstYear = lastYear - options.Years + 1;
await using (var scope = provider.CreateAsyncScope())
{
    var settings = DatabaseSettings.From(configuration);
    if (settings.Provider != DatabaseProvider.Postgres)
    {
        Console.Error.WriteLine("The benchmark runs on PostgreSQL: set Database__Provider=Postgres and ConnectionStrings__Nokor.");
        return 2;
    }

    // The statistical records are written and counted in SQL: the module's tables are not part of its door.
    await using var connection = new NpgsqlConnection(settings.ConnectionString);
    await connection.OpenAsync();
    var existing = await ScalarAsync(connection, "SELECT count(*) FROM crvs_vital_facts");
    var wanted = (long)options.Years * (options.Births + options.Deaths);
    if (existing >= wanted)
    {
        Console.WriteLine($"generate: {existing:N0} statistical records already there, reused");
    }
    else
    {
        if (existing > 0)
        {
            await ExecuteAsync(connection, "DELETE FROM crvs_vital_facts");
        }

        var gazetteer = scope.ServiceProvider.GetRequiredService<GazetteerService>();
        var villages = new List<string>();
        var level = (await gazetteer.ChildrenAsync(null)).Select(u => u.Code).ToList();
        for (var depth = 0; depth < 3; depth++)
        {
            var next = new List<string>();
            foreach (var code in level)
            {
                next.AddRange((await gazetteer.ChildrenAsync(code)).Select(u => u.Code));
            }

            level = next;
        }

        villages.AddRange(level.Where(c => c.Length == 8));
        var watch = Stopwatch.StartNew();
        var written = await Generator.CopyAsync(connection, [.. villages], firstYear, options, watch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate: {written:N0} records in {watch.Elapsed.TotalSeconds:F1} s ({written / watch.Elapsed.TotalSeconds:N0}/s), {villages.Count:N0} villages"));
        watch.Restart();
        // A bulk load leaves every page's hint bits to the first reader; registrations arriving one by
        // one do not, so the measured state is the vacuumed one.
        await ExecuteAsync(connection, "VACUUM ANALYZE crvs_vital_facts");
        Console.WriteLine($"vacuum analyze: {watch.Elapsed.TotalSeconds:F1} s");
    }

    var provinces = (await scope.ServiceProvider.GetRequiredService<GazetteerService>().ChildrenAsync(null)).Select(p => p.Code).ToList();
    var statistics = scope.ServiceProvider.GetRequiredService<IVitalStatistics>();
    var population = new System.Text.StringBuilder("year,area,sex,age_from,age_to,population\n");
    var rates = new System.Text.StringBuilder("year,area,crude_birth_rate,crude_death_rate\n");
    foreach (var area in provinces.Prepend(""))
    {
        var scale = area.Length == 0 ? 1.0 : 1.0 / provinces.Count;
        for (var age = 0; age < 85; age += 5)
        {
            foreach (var sex in new[] { "Male", "Female" })
            {
                population.Append(CultureInfo.InvariantCulture, $"{lastYear},{area},{sex},{age},{age + 4},{(long)(scale * 17_500_000 / 18 / 2 * (1.6 - (age / 85.0)))}\n");
            }
        }

        foreach (var sex in new[] { "Male", "Female" })
        {
            population.Append(CultureInfo.InvariantCulture, $"{lastYear},{area},{sex},85,150,{(long)(scale * 40_000)}\n");
        }

        rates.Append(CultureInfo.InvariantCulture, $"{lastYear},{area},22.0,6.0\n");
    }

    foreach (var csv in new[] { population.ToString(), rates.ToString() })
    {
        var loaded = await statistics.LoadDenominatorsAsync(csv, default);
        if (!loaded.IsOk)
        {
            Console.Error.WriteLine(string.Join("; ", loaded.Errors.SelectMany(e => e.Value)));
            return 1;
        }
    }

    Console.WriteLine($"denominators: population and expected rates for {lastYear}, the nation and {provinces.Count} provinces");
}

var results = new List<(string Name, double Seconds, int Tables, long Events)>();
async Task<StatisticsSet> TimeAsync(string name, TabulationBasis basis, string area)
{
    await using var scope = provider.CreateAsyncScope();
    var statistics = scope.ServiceProvider.GetRequiredService<IVitalStatistics>();
    var watch = Stopwatch.StartNew();
    var set = (await statistics.GetAsync(lastYear, basis.ToString(), area, Actor.Platform("bench"), default)).Value!;
    watch.Stop();
    var births = (long)(set.Table("births-month")!.Cell("Total", "Total") ?? 0);
    var deaths = (long)(set.Table("deaths-month")!.Cell("Total", "Total") ?? 0);
    results.Add((name, watch.Elapsed.TotalSeconds, set.Tables.Count, births + deaths));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {name}: {set.Tables.Count} tables over {births:N0} births and {deaths:N0} deaths in {watch.Elapsed.TotalSeconds:F2} s"));
    return set;
}

for (var run = 1; run <= options.Runs; run++)
{
    Console.WriteLine($"run {run} of {options.Runs} (year {lastYear}):");
    var nationalSet = await TimeAsync("national, by occurrence", TabulationBasis.Occurrence, "");
    if (run == 1)
    {
        var coverage = nationalSet.Table("coverage")!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    completeness: births {coverage.Cell("births", "Total")} %, deaths {coverage.Cell("deaths", "Total")} %; IMR {nationalSet.Table("rates")!.Cell("imr", "Value")}; TFR {nationalSet.Table("rates")!.Cell("tfr", "Value")}"));
    }

    await TimeAsync("national, by registration", TabulationBasis.Registration, "");
    await TimeAsync("province 12, by occurrence", TabulationBasis.Occurrence, "12");
}

await using (var scope = provider.CreateAsyncScope())
{
    var watch = Stopwatch.StartNew();
    var done = 0;
    var statistics = scope.ServiceProvider.GetRequiredService<IVitalStatistics>();
    var published = await statistics.PublishAsync(lastYear, Actor.Platform("bench"), default,
        new Progress(area => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  publish: {++done} of 52 sets ({area}) at {watch.Elapsed.TotalSeconds:F1} s"))));
    watch.Stop();
    var pdf = statistics.AnnualReport(published.Value!);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"publish: {published.Value!.Sets.Count} protected table sets (nation and provinces, both bases) in {watch.Elapsed.TotalSeconds:F1} s; annual report PDF {pdf.Length / 1024:N0} KiB"));
}

var national = results.Where(r => r.Name.StartsWith("national, by occurrence", StringComparison.Ordinal)).Select(r => r.Seconds).ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"result: all tables of {lastYear}, national, by occurrence: best {national.Min():F2} s, worst {national.Max():F2} s (target < 30 s)"));
return 0;

static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

internal sealed record BenchOptions(int Years, int Births, int Deaths, int Runs, int Seed)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(Get("--years", 10), Get("--births", 350_000), Get("--deaths", 100_000), Get("--runs", 3), Get("--seed", 1));
    }
}

internal sealed class Progress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}

internal static class Generator
{
    private static readonly string[] Attendants = ["Doctor", "Midwife", "Midwife", "Midwife", "Nurse", "TraditionalBirthAttendant", "Relative", "None", "Other"];
    private static readonly string[] Causes =
    [
        "A09", "A15.0", "B20", "C22.0", "C34.1", "C50.9", "D64.9", "E11.9", "F10.2", "G40.9", "H66.9", "I21.9", "I64", "I10", "J18.9", "J44.9",
        "K74.6", "L03.9", "M79.9", "N18.9", "O72.1", "P07.3", "P21.9", "Q24.9", "R99", "R54", "S06.9", "T65.9", "V89.2", "X70", "Y09", "U07.1",
    ];

    private static readonly string[] Manners = ["Disease", "Disease", "Disease", "Disease", "Disease", "Accident", "IntentionalSelfHarm", "Assault", "PendingInvestigation"];

    public static async Task<long> CopyAsync(NpgsqlConnection connection, string[] villages, int firstYear, BenchOptions options, Stopwatch watch)
    {
        var random = new Random(options.Seed);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY crvs_vital_facts (\"RegistrationId\", \"Event\", \"Status\", \"OfficeCode\", \"Version\", \"EventDate\", \"OccurrenceYear\", \"OccurrenceMonth\", " +
            "\"RegistrationDate\", \"RegistrationYear\", \"OccurrenceCode\", \"ResidenceCode\", \"PlaceKind\", \"Sex\", \"DelayDays\", \"IsLate\", \"MotherAge\", " +
            "\"BirthOrder\", \"Attendant\", \"BirthType\", \"BirthWeightGrams\", \"AgeDays\", \"AgeYears\", \"UnderlyingCause\", \"MedicallyCertified\", \"Manner\", " +
            "\"Maternal\", \"EnteredAt\", \"VerifiedAt\", \"DecidedAt\", \"FirstCertificateAt\", \"Corrections\") FROM STDIN (FORMAT BINARY)");
        long written = 0;
        var total = (long)options.Years * (options.Births + options.Deaths);
        for (var y = 0; y < options.Years; y++)
        {
            var year = firstYear + y;
            var days = DateTime.IsLeapYear(year) ? 366 : 365;
            for (var i = 0; i < options.Births + options.Deaths; i++)
            {
                var birth = i < options.Births;
                var date = new DateOnly(year, 1, 1).AddDays(random.Next(days));
                var residence = villages[random.Next(villages.Length)];
                var occurrence = random.NextDouble() < 0.9 ? residence : villages[random.Next(villages.Length)];
                var legal = birth ? 30 : 15;
                var r = random.NextDouble();
                var delay = r < 0.72 ? random.Next(legal + 1) : r < 0.92 ? legal + 1 + random.Next(365 - legal) : 366 + random.Next(1500);
                var registered = date.AddDays(delay);
                var entered = new DateTimeOffset(registered.ToDateTime(new TimeOnly(8, 0)), CambodiaTime.Offset).AddMinutes(random.Next(480)).ToUniversalTime();
                var verified = entered.AddHours(random.NextDouble() * 30);
                var decided = verified.AddHours(random.NextDouble() * 60);
                var rejected = random.NextDouble() < 0.02;
                var male = random.NextDouble() < 105.0 / 205.0;
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(birth ? "Birth" : "Death", NpgsqlDbType.Varchar);
                await writer.WriteAsync(rejected ? "Rejected" : "Approved", NpgsqlDbType.Varchar);
                await writer.WriteAsync(residence[..6], NpgsqlDbType.Varchar);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(date, NpgsqlDbType.Date);
                await writer.WriteAsync(year, NpgsqlDbType.Integer);
                await writer.WriteAsync(date.Month, NpgsqlDbType.Integer);
                var regDate = rejected ? (DateOnly?)null : CambodiaTime.DateOf(decided);
                await WriteNullable(writer, regDate, NpgsqlDbType.Date);
                await WriteNullable(writer, regDate?.Year, NpgsqlDbType.Integer);
                await writer.WriteAsync(occurrence, NpgsqlDbType.Varchar);
                await writer.WriteAsync(residence, NpgsqlDbType.Varchar);
                await writer.WriteAsync(random.NextDouble() < (birth ? 0.85 : 0.35) ? "HealthFacility" : random.NextDouble() < 0.9 ? "Home" : "Other", NpgsqlDbType.Varchar);
                await writer.WriteAsync(male ? "Male" : "Female", NpgsqlDbType.Varchar);
                await writer.WriteAsync(delay, NpgsqlDbType.Integer);
                await writer.WriteAsync(delay > legal, NpgsqlDbType.Boolean);
                if (birth)
                {
                    await WriteNullable(writer, random.NextDouble() < 0.03 ? null : (int?)Math.Clamp((int)Math.Round(27 + (6 * Normal(random))), 13, 52), NpgsqlDbType.Integer);
                    await WriteNullable(writer, random.NextDouble() < 0.02 ? null : (int?)(1 + (int)Math.Floor(-Math.Log(1 - random.NextDouble()) * 1.3)), NpgsqlDbType.Integer);
                    await writer.WriteAsync(Attendants[random.Next(Attendants.Length)], NpgsqlDbType.Varchar);
                    await writer.WriteAsync(random.NextDouble() < 0.03 ? "Twin" : "Single", NpgsqlDbType.Varchar);
                    await WriteNullable(writer, random.NextDouble() < 0.05 ? null : (int?)Math.Clamp((int)(3100 + (450 * Normal(random))), 600, 5500), NpgsqlDbType.Integer);
                    await writer.WriteNullAsync();
                    await writer.WriteNullAsync();
                    await writer.WriteNullAsync();
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                    await writer.WriteNullAsync();
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                }
                else
                {
                    for (var k = 0; k < 5; k++)
                    {
                        await writer.WriteNullAsync();
                    }

                    var infant = random.NextDouble() < 0.08;
                    await WriteNullable(writer, infant ? random.Next(365) : (int?)null, NpgsqlDbType.Integer);
                    await writer.WriteAsync(infant ? 0 : 1 + (int)(random.NextDouble() * random.NextDouble() * 99), NpgsqlDbType.Integer);
                    var certified = random.NextDouble() < 0.55;
                    await WriteNullable(writer, certified ? Causes[random.Next(Causes.Length)] : null, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(certified, NpgsqlDbType.Boolean);
                    await WriteNullable(writer, certified ? Manners[random.Next(Manners.Length)] : null, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(!male && certified && random.NextDouble() < 0.01, NpgsqlDbType.Boolean);
                }

                await writer.WriteAsync(entered, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(verified, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(decided, NpgsqlDbType.TimestampTz);
                await WriteNullable(writer, rejected ? null : (DateTimeOffset?)decided.AddHours(random.NextDouble() * 40), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(random.NextDouble() < 0.01 ? 1 : 0, NpgsqlDbType.Integer);
                if (++written % 500_000 == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generate: {written:N0} of {total:N0} ({100.0 * written / total:F0} %) at {watch.Elapsed.TotalSeconds:F0} s"));
                }
            }
        }

        await writer.CompleteAsync();
        return written;
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is null)
        {
            await writer.WriteNullAsync();
        }
        else
        {
            await writer.WriteAsync(value.Value, type);
        }
    }

    private static async Task WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await writer.WriteNullAsync();
        }
        else
        {
            await writer.WriteAsync(value, type);
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
