using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Spectre.Console;

namespace Nokor.Cli.Commands;

internal static class CivilCommands
{
    public const int MaxGenerated = 1_000_000;

    public static Command Create(CliContext context)
    {
        var civil = new Command("civil", "Civil registration of births, deaths, marriages, divorces and adoptions.");
        var births = new Option<int>("--births") { Description = "Births to take through notify, enter, verify and approve.", DefaultValueFactory = _ => 0 };
        var deaths = new Option<int>("--deaths") { Description = "Deaths to take through the same procedure.", DefaultValueFactory = _ => 0 };
        var marriages = new Option<int>("--marriages")
        {
            Description = "Marriages of unmarried, unrelated adults of the registry (a man and a woman) through enter, verify and approve.", DefaultValueFactory = _ => 0,
        };
        var divorces = new Option<int>("--divorces")
        {
            Description = "Divorces (court decisions) of marriages generated in the same run: at most --marriages.", DefaultValueFactory = _ => 0,
        };
        var adoptions = new Option<int>("--adoptions") { Description = "Adoptions (simple or full) of young children by couples of the registry.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic details.", DefaultValueFactory = _ => 1 };
        var generate = new Command("generate",
            "Register synthetic births (to couples of the registry), deaths (of living persons of the registry), marriages, divorces " +
            "of those marriages and adoptions through the real procedure, for demo data and benchmarks. Needs a population: run " +
            "`population generate` first.")
        {
            births,
            deaths,
            marriages,
            divorces,
            adoptions,
            seed,
        };
        generate.SetAction(async (parse, ct) =>
        {
            var b = parse.GetValue(births);
            var d = parse.GetValue(deaths);
            var m = parse.GetValue(marriages);
            var v = parse.GetValue(divorces);
            var a = parse.GetValue(adoptions);
            int[] counts = [b, d, m, v, a];
            if (counts.Any(n => n < 0 || n > MaxGenerated) || counts.Sum(n => (long)n) == 0)
            {
                Console.Error.WriteLine($"Give --births, --deaths, --marriages, --divorces and/or --adoptions between 1 and {MaxGenerated.ToString("N0", CultureInfo.InvariantCulture)}.");
                return ExitCodes.Misuse;
            }

            if (v > m)
            {
                Console.Error.WriteLine($"--divorces ({v.ToString("N0", CultureInfo.InvariantCulture)}) end marriages of the same run: give at most --marriages ({m.ToString("N0", CultureInfo.InvariantCulture)}).");
                return ExitCodes.Misuse;
            }

            var request = new CivilGenerationRequest(b, d, m, v, a, parse.GetValue(seed));
            var total = b + d + m + v + a;

            var generator = context.Services.GetRequiredService<ICivilDataGenerator>();
            CivilGenerationResult result;
            if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
            {
                result = await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("Registering vital events", maxValue: total);
                        return await generator.GenerateAsync(request, new Inline(p => task.Value = p.Done), ct);
                    });
            }
            else
            {
                var step = Math.Max(1, total / 10);
                result = await generator.GenerateAsync(request, new Inline(p =>
                {
                    if (p.Done % step == 0 || p.Done == p.Total)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0} / {p.Total:N0} registrations ({100.0 * p.Done / p.Total:F0}%)"));
                    }
                }), ct);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Registered {result.Total - result.Failed:N0} of {result.Births:N0} births, {result.Deaths:N0} deaths, {result.Marriages:N0} marriages, " +
                $"{result.Divorces:N0} divorces and {result.Adoptions:N0} adoptions ({result.Failed:N0} refused) in {result.Elapsed:hh\\:mm\\:ss\\.f}."));
            foreach (var refusal in result.Refusals.Take(5))
            {
                Console.WriteLine("Refused: " + refusal);
            }

            return result.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        civil.Subcommands.Add(generate);
        return civil;
    }

    private sealed class Inline(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
