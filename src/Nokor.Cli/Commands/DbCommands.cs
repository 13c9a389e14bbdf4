using System.CommandLine;
using Nokor.Platform.Data;

namespace Nokor.Cli.Commands;

internal static class DbCommands
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Create the database if needed and apply every module's migrations.");
        migrate.SetAction(async (_, ct) =>
        {
            await DatabaseMigrator.MigrateAllAsync(context.Services, ct);
            Console.WriteLine("Database migrated.");
            return 0;
        });

        var db = new Command("db", "Database administration.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
