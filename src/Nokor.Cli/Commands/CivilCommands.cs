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
        var civil = new Command("civil", "Civil registration of births and deaths.");
        var births = new Option<int>("--births") { Description = "Births to take through notify, enter, verify and approve.", DefaultValueFactory = _ => 0 };
        var deaths = new Option<int>("--deaths") { Description = "Deaths to take through the same procedure.", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic details.", DefaultValueFactory = _ => 1 };
        var generate = new Command("generate",
            "Register synthetic births (to couples of the registry) and deaths (of living persons of the registry) through the real " +
            "procedure, for demo data and benchmarks. Needs a population: run `population generate` first.")
        {
            births,
            deaths,
            seed,
        };
        generate.SetAction(async (parse, ct) =>
        {
            var b = parse.GetValue(births);
            var d = parse.GetValue(deaths);
            if (b < 0 || d < 0 || b + d == 0 || b > MaxGenerated || d > MaxGenerated)
            {
                Console.Error.WriteLine($"Give --births and/or --deaths between 1 and {MaxGenerated.ToString("N0", CultureInfo.InvariantCulture)}.");
                return ExitCodes.Misuse;
            }

            var generator = context.Services.GetRequiredService<ICivilDataGenerator>();
            CivilGenerationResult result;
            if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
            {
                result = await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("Registering births and deaths", maxValue: b + d);
                        return await generator.GenerateAsync(b, d, parse.GetValue(seed), new Inline(p => task.Value = p.Done), ct);
                    });
            }
            else
            {
                var step = Math.Max(1, (b + d) / 10);
                result = await generator.GenerateAsync(b, d, parse.GetValue(seed), new Inline(p =>
                {
                    if (p.Done % step == 0 || p.Done == p.Total)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0} / {p.Total:N0} registrations ({100.0 * p.Done / p.Total:F0}%)"));
                    }
                }), ct);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Registered {result.Births + result.Deaths - result.Failed:N0} of {result.Births:N0} births and {result.Deaths:N0} deaths " +
                $"({result.Failed:N0} refused) in {result.Elapsed:hh\\:mm\\:ss\\.f}."));
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
