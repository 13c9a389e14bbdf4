using System.CommandLine;
using Nokor.Cli;
using Nokor.Cli.Commands;

// Settings given as --Key:Sub=value (or --DataRoot=path) go to configuration, the rest to the command parser.
static bool IsSetting(string arg) =>
    arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 2 and var equals &&
    (arg.AsSpan(2, equals - 2).Contains(':') || arg.AsSpan(2, equals - 2).Equals(Nokor.Platform.Hosting.DataRoot.Key, StringComparison.OrdinalIgnoreCase));

var configArgs = args.Where(IsSetting).ToArray();
// Not Except: a set difference would also drop a repeated value ("--births 2 --deaths 2").
var commandArgs = args.Where(a => !IsSetting(a)).ToArray();

// Every command answers a user error in one line with a documented exit code (docs/cli.md); the
// stack trace only with --verbose. This is the one place that catches what a command lets through.
var verboseOption = new Option<bool>("--verbose")
{
    Description = "On an error, print its details and stack trace too.",
    Recursive = true,
};
var verbose = commandArgs.Contains("--verbose", StringComparer.Ordinal);
try
{
    await using var context = new CliContext(configArgs, verbose);
    var root = new RootCommand("nokor: administration of the Nokor platform (exit codes: docs/cli.md)");
    root.Options.Add(verboseOption);
    root.Subcommands.Add(DbCommands.Create(context));
    root.Subcommands.Add(KidcCommands.Create());
    root.Subcommands.Add(AuditCommands.Create(context));
    root.Subcommands.Add(PopulationCommands.Create(context));
    root.Subcommands.Add(CivilCommands.Create(context));
    root.Subcommands.Add(CertificateCommands.Create(context));
    root.Subcommands.Add(GazetteerCommands.Create(context));
    root.Subcommands.Add(UserCommands.Create(context));
    root.Subcommands.Add(KeyCommands.Create(context));
    root.Subcommands.Add(VerificationCommands.Create(context));
    root.Subcommands.Add(LegislationCommands.Create(context));
    root.Subcommands.Add(StatsCommands.Create(context));

    var parsed = root.Parse(commandArgs);
    if (parsed.Errors.Count > 0)
    {
        foreach (var error in parsed.Errors)
        {
            Console.Error.WriteLine(error.Message);
        }

        return ExitCodes.Misuse;
    }

    // Exceptions come here rather than to System.CommandLine's handler, which prints the trace.
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    return CliErrors.Report(ex, verbose, Console.Error);
}
