using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Spectre.Console;

namespace Nokor.Cli.Commands;

internal static class GazetteerCommands
{
    public const string DefaultDataFile = "src/Nokor.Platform/Gazetteer/Data/gazetteer.tsv.gz";

    public static Command Create(CliContext context)
    {
        var gazetteer = new Command("gazetteer", "The NCDD administrative gazetteer (provinces, districts, communes, villages).");
        gazetteer.Subcommands.Add(CreateImport(context));
        gazetteer.Subcommands.Add(CreateExportData());
        return gazetteer;
    }

    private static Command CreateImport(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The NCDD gazetteer workbook (.xlsx)." };
        var import = new Command("import", "Insert new units and update the names of known ones from an NCDD workbook; never deletes a code.")
        {
            file,
        };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"Gazetteer workbook '{path}' does not exist.");
                return ExitCodes.Failed;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            GazetteerImportResult result;
            try
            {
                result = await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>();
                        var reporter = new InlineProgress(p =>
                        {
                            if (!tasks.TryGetValue(p.Step, out var task))
                            {
                                task = progress.AddTask(p.Step, maxValue: Math.Max(1, p.Total));
                                tasks[p.Step] = task;
                            }

                            task.Value = p.Done;
                        });
                        return await GazetteerLoader.ImportAsync(db, path, reporter, ct);
                    });
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine($"'{path}' is not a readable NCDD gazetteer workbook: {ex.Message}");
                return ExitCodes.Failed;
            }

            PrintIssues(result.Issues);
            AnsiConsole.MarkupLine(
                $"Read [bold]{result.Read}[/] units: [green]{result.Inserted} inserted[/], [yellow]{result.Updated} updated[/], " +
                $"{result.Unchanged} unchanged, {result.Retained} kept that the workbook no longer lists.");
            return ExitCodes.Ok;
        });
        return import;
    }

    private static Command CreateExportData()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The NCDD gazetteer workbook (.xlsx)." };
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = $"Where to write the data file (default: {DefaultDataFile}, from the repository root).",
            DefaultValueFactory = _ => new FileInfo(DefaultDataFile),
        };
        var export = new Command("export-data", "Regenerate the gazetteer data shipped in Nokor.Platform from an NCDD workbook.")
        {
            file,
            output,
        };
        export.SetAction(parse =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"Gazetteer workbook '{path}' does not exist.");
                return ExitCodes.Failed;
            }

            NcddWorkbook workbook;
            try
            {
                workbook = NcddWorkbookReader.Read(path);
            }
            catch (InvalidDataException ex)
            {
                Console.Error.WriteLine($"'{path}' is not a readable NCDD gazetteer workbook: {ex.Message}");
                return ExitCodes.Failed;
            }

            var target = parse.GetValue(output)!.FullName;
            GazetteerDataFile.Write(target, workbook.Units);
            PrintIssues(workbook.Issues);
            var counts = workbook.Units.GroupBy(u => u.Level).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}s");
            Console.WriteLine($"Wrote {workbook.Units.Count} units ({string.Join(", ", counts)}) to {target}.");
            return ExitCodes.Ok;
        });
        return export;
    }

    private static void PrintIssues(IReadOnlyList<NcddReadIssue> issues)
    {
        if (issues.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumn("Sheet").AddColumn("Row").AddColumn("Problem");
        foreach (var issue in issues)
        {
            table.AddRow(Markup.Escape(issue.Sheet), issue.Row > 0 ? issue.Row.ToString(System.Globalization.CultureInfo.InvariantCulture) : "", Markup.Escape(issue.Message));
        }

        AnsiConsole.MarkupLine($"[yellow]{issues.Count} row(s) of the workbook need attention:[/]");
        AnsiConsole.Write(table);
    }

    /// <summary>Reports synchronously on the caller's thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class InlineProgress(Action<GazetteerImportProgress> report) : IProgress<GazetteerImportProgress>
    {
        public void Report(GazetteerImportProgress value) => report(value);
    }
}
