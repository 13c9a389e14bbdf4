using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Spectre.Console;

namespace Nokor.Cli.Commands;

internal static class PopulationCommands
{
    public static Command Create(CliContext context)
    {
        var population = new Command("population", "The Population Registry.");
        population.Subcommands.Add(CreateGenerate(context));
        return population;
    }

    private static Command CreateGenerate(CliContext context)
    {
        var count = new Option<long>("--count", "-n")
        {
            Description = $"How many persons to generate (1 to {PopulationGenerationOptions.MaxCount:N0}).",
            Required = true,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the demographic draws: one seed gives the same names, dates and places (KIDCs are always new).",
            DefaultValueFactory = _ => 1,
        };
        var batch = new Option<int>("--batch-size")
        {
            Description = "Persons stored per transaction.",
            DefaultValueFactory = _ => 10_000,
        };
        var generate = new Command("generate",
            "Generate a synthetic population (households, names, dates, places, KIDCs, ID cards) straight into the registry tables, " +
            "for demos and benchmarks. Run `db migrate` first.")
        {
            count,
            seed,
            batch,
        };
        generate.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(count);
            if (n is < 1 or > PopulationGenerationOptions.MaxCount)
            {
                Console.Error.WriteLine($"--count must be between 1 and {PopulationGenerationOptions.MaxCount.ToString("N0", CultureInfo.InvariantCulture)}, not {n}.");
                return ExitCodes.Misuse;
            }

            var batchSize = parse.GetValue(batch);
            if (batchSize is < 1 or > 1_000_000)
            {
                Console.Error.WriteLine("--batch-size must be between 1 and 1,000,000.");
                return ExitCodes.Misuse;
            }

            await using (var scope = context.Services.CreateAsyncScope())
            {
                var loaded = await GazetteerLoader.EnsureLoadedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), ct);
                if (loaded > 0)
                {
                    Console.WriteLine($"The gazetteer was empty: loaded {loaded.ToString("N0", CultureInfo.InvariantCulture)} units from the embedded data.");
                }
            }

            var generator = context.Services.GetRequiredService<IPopulationGeneration>();
            var options = new PopulationGenerationOptions { Count = n, Seed = parse.GetValue(seed), BatchSize = batchSize, Actor = Actor.Platform("cli") };
            var result = AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected
                ? await RunWithProgressBarAsync(generator, options, ct)
                : await RunWithProgressLinesAsync(generator, options, ct);

            var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated {result.Persons:N0} persons in {result.Households:N0} households in {result.Elapsed:hh\\:mm\\:ss\\.f} " +
                $"({result.Persons / seconds:N0} persons/s)."));
            return ExitCodes.Ok;
        });
        return generate;
    }

    private static Task<PopulationGenerationResult> RunWithProgressBarAsync(
        IPopulationGeneration generator, PopulationGenerationOptions options, CancellationToken ct) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Generating persons", maxValue: options.Count);
                return await generator.GenerateAsync(options, new InlineProgress(p => task.Value = p.Done), ct);
            });

    private static Task<PopulationGenerationResult> RunWithProgressLinesAsync(
        IPopulationGeneration generator, PopulationGenerationOptions options, CancellationToken ct)
    {
        // Redirected output: a plain line about every 10%, readable in a log file.
        var step = Math.Max(1, options.Count / 10);
        var next = step;
        return generator.GenerateAsync(options, new InlineProgress(p =>
        {
            if (p.Done >= next || p.Done == p.Total)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Done:N0} / {p.Total:N0} persons ({100.0 * p.Done / p.Total:F0}%)"));
                next = (p.Done / step + 1) * step;
            }
        }), ct);
    }

    /// <summary>Reports synchronously on the caller's thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class InlineProgress(Action<(long Done, long Total)> report) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => report(value);
    }
}
