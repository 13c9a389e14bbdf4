using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;

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
            await using var scope = context.Services.CreateAsyncScope();
            var loaded = await GazetteerLoader.EnsureLoadedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), ct);
            if (loaded > 0)
            {
                Console.WriteLine($"Loaded {loaded} gazetteer units from the shipped data.");
            }
            return 0;
        });

        var db = new Command("db", "Database administration.");
        db.Subcommands.Add(migrate);
        return db;
    }
}
