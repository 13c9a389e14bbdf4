using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Spreadsheets;
using Nokor.Platform.Staff;

namespace Nokor.Cli.Commands;

/// <summary>
/// <c>nokor stats table NAME --year Y [--area CODE] [--basis occurrence|registration] --format csv|json</c>
/// prints one table (exact figures: the command line is the statistics unit's own tool);
/// <c>nokor stats publish --year Y --out FILE.pdf</c> publishes the year's protected tables and
/// writes the annual report; <c>nokor stats denominators FILE.csv</c> loads population estimates or
/// expected crude rates.
/// </summary>
internal static class StatsCommands
{
    public static Command Create(CliContext context)
    {
        var stats = new Command("stats", "Vital statistics from the registrations (NSPI 5.2.7, 6.2.2).");
        var year = new Option<int>("--year") { Description = "Year of occurrence (or of registration with --basis registration).", Required = true };
        var area = new Option<string>("--area") { Description = "Province, district or commune code; the nation when left out.", DefaultValueFactory = _ => "" };
        var basis = new Option<string>("--basis") { Description = "occurrence or registration.", DefaultValueFactory = _ => "occurrence" };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        var lang = new Option<string>("--lang") { Description = "km or en (labels of the CSV).", DefaultValueFactory = _ => "km" };
        var name = new Argument<string>("NAME") { Description = "The table: " + string.Join(", ", VitalStatisticsTables.AllNames) + "." };
        var table = new Command("table", "Print one table of a year.") { name, year, area, basis, format, lang };
        table.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(name)!;
            if (!VitalStatisticsTables.AllNames.Contains(n))
            {
                Console.Error.WriteLine($"No table {n}. The tables are: {string.Join(", ", VitalStatisticsTables.AllNames)}.");
                return ExitCodes.Misuse;
            }

            var f = parse.GetValue(format);
            if (f is not ("csv" or "json"))
            {
                Console.Error.WriteLine("The format is csv or json.");
                return ExitCodes.Misuse;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var statistics = scope.ServiceProvider.GetRequiredService<IVitalStatistics>();
            // Exact tables come from personal records: the command line's reads are recorded too.
            var outcome = await statistics.ExportAsync(n, parse.GetValue(year), parse.GetValue(basis), parse.GetValue(area), Actor.Platform("cli"), ct);
            if (!outcome.IsOk)
            {
                Console.Error.WriteLine(Describe(outcome.Errors));
                return ExitCodes.Misuse;
            }

            var set = outcome.Value!;
            var t = set.Table(n)!;
            await using var stdout = Console.OpenStandardOutput();
            if (f == "json")
            {
                await JsonSerializer.SerializeAsync(stdout, t, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }, ct);
                await stdout.WriteAsync("\n"u8.ToArray(), ct);
            }
            else
            {
                // No byte order mark on a terminal or pipe.
                var text = CsvTableWriter.ToText(statistics.Sheet(t, set, parse.GetValue(lang) != "en"));
                await stdout.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), ct);
            }

            return ExitCodes.Ok;
        });

        var output = new Option<FileInfo>("--out", "-o") { Description = "PDF file of the annual report.", Required = true };
        var publish = new Command("publish", "Publish a year's protected tables (nation and provinces) and write the annual vital statistics report (PDF, Khmer and English).")
        {
            year,
            output,
        };
        publish.SetAction(async (parse, ct) =>
        {
            await using var scope = context.Services.CreateAsyncScope();
            var started = DateTime.UtcNow;
            var statistics = scope.ServiceProvider.GetRequiredService<IVitalStatistics>();
            var outcome = await statistics.PublishAsync(parse.GetValue(year), Actor.Platform("cli"), ct,
                new Inline<string>(area => Console.WriteLine($"  tables of {area} done ({(DateTime.UtcNow - started).TotalSeconds:F1} s)")));
            if (!outcome.IsOk)
            {
                Console.Error.WriteLine(Describe(outcome.Errors));
                return ExitCodes.Misuse;
            }

            var file = parse.GetValue(output)!;
            file.Directory?.Create();
            var pdf = statistics.AnnualReport(outcome.Value!);
            await File.WriteAllBytesAsync(file.FullName, pdf, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Published {outcome.Value!.Year} ({outcome.Value.Sets.Count} table sets) and wrote the report to {file.FullName} ({pdf.Length / 1024:N0} KiB) in {(DateTime.UtcNow - started).TotalSeconds:F1} s."));
            return ExitCodes.Ok;
        });

        var csv = new Argument<FileInfo>("FILE") { Description = "CSV: year,area,sex,age_from,age_to,population or year,area,crude_birth_rate,crude_death_rate[,crude_marriage_rate,crude_divorce_rate]." };
        var denominators = new Command("denominators", "Load population estimates or expected crude rates (replaces the years and areas the file names).") { csv };
        denominators.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(csv)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"No file {file.FullName}.");
                return ExitCodes.Misuse;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<IVitalStatistics>().LoadDenominatorsAsync(await File.ReadAllTextAsync(file.FullName, ct), ct);
            if (!outcome.IsOk)
            {
                Console.Error.WriteLine(Describe(outcome.Errors));
                return ExitCodes.Failed;
            }

            var loaded = outcome.Value!;
            Console.WriteLine($"Loaded {loaded.Rows:N0} {loaded.Kind} rows for {string.Join(", ", loaded.Years)} ({loaded.Areas.Count:N0} areas).");
            return ExitCodes.Ok;
        });

        stats.Subcommands.Add(table);
        stats.Subcommands.Add(publish);
        stats.Subcommands.Add(denominators);
        return stats;
    }

    private static string Describe(IDictionary<string, string[]> errors) =>
        string.Join(Environment.NewLine, errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")));

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
