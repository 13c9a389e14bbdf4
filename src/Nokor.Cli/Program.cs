using System.CommandLine;
using Nokor.Cli;
using Nokor.Cli.Commands;

// Settings given as --Key:Sub=value go to configuration, the rest to the command parser.
var configArgs = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':') && a.Contains('=')).ToArray();
var commandArgs = args.Except(configArgs).ToArray();

await using var context = new CliContext(configArgs);
var root = new RootCommand("nokor: administration of the Nokor platform");
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

try
{
    return await parsed.InvokeAsync();
}
catch (InvalidOperationException ex) when (ex.Source?.StartsWith("Nokor", StringComparison.Ordinal) == true)
{
    Console.Error.WriteLine(ex.Message);
    return ExitCodes.Misuse;
}

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Misuse = 2;
}
