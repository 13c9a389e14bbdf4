using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Platform.Demo;

namespace Nokor.Web.Hosting;

internal static class Startup
{
    public const string DemoPassword = "Nokor-demo-2026";

    /// <summary>
    /// Migrates the database and loads the gazetteer. In demo mode (the default of `dotnet run`, via
    /// the Development environment) it also seeds offices, staff accounts and a few families and
    /// prints the accounts; in production there is no default account: the first administrator is
    /// created with `nokor users create`.
    /// </summary>
    public static async Task InitializeNokorAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Nokor.Startup");
        if (app.Configuration.GetValue("Nokor:MigrateOnStart", true))
        {
            await DatabaseMigrator.MigrateAllAsync(app.Services);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var loaded = await GazetteerLoader.EnsureLoadedAsync(platform, CancellationToken.None);
        if (loaded > 0)
        {
            logger.LogInformation("Loaded {Count} gazetteer units", loaded);
        }

        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        await accounts.EnsureRolesAsync();

        if (string.Equals(app.Configuration["Nokor:Mode"], "Demo", StringComparison.OrdinalIgnoreCase))
        {
            await SeedDemoAsync(scope.ServiceProvider, platform, accounts);
        }
        else if (!await platform.Users.AnyAsync())
        {
            logger.LogWarning("No staff account exists. Create the first administrator: nokor users create --user NAME --role administrator --national --password-stdin");
        }
    }

    private static async Task SeedDemoAsync(IServiceProvider services, PlatformDbContext platform, StaffAccounts accounts)
    {
        // Two communes far apart, so the demo shows that each office sees only its own people.
        var communes = await platform.GazetteerUnits.AsNoTracking()
            .Where(u => u.Level == AdminLevel.Commune && (u.Code.StartsWith("12") || u.Code.StartsWith("17")))
            .OrderBy(u => u.Code)
            .ToListAsync();
        var phnomPenh = communes.First(c => c.Code.StartsWith("12", StringComparison.Ordinal));
        var siemReap = communes.First(c => c.Code.StartsWith("17", StringComparison.Ordinal));

        var demo = new (string User, string Name, string Role, OfficeLevel Level, string? Area)[]
        {
            ("admin", "System administrator", Roles.Administrator, OfficeLevel.National, null),
            ("registrar.pp", $"Registrar, {phnomPenh.NameLatin}", Roles.Registrar, OfficeLevel.Commune, phnomPenh.Code),
            ("senior.pp", $"Senior registrar, {phnomPenh.NameLatin}", Roles.SeniorRegistrar, OfficeLevel.Commune, phnomPenh.Code),
            ("agent2.pp", $"Registration agent (2), {phnomPenh.NameLatin}", Roles.Agent, OfficeLevel.Commune, phnomPenh.Code),
            ("agent.pp", $"Registration agent, {phnomPenh.NameLatin}", Roles.Agent, OfficeLevel.Commune, phnomPenh.Code),
            ("agent.sr", $"Registration agent, {siemReap.NameLatin}", Roles.Agent, OfficeLevel.Commune, siemReap.Code),
            ("viewer.pp", "Viewer, Phnom Penh", Roles.Viewer, OfficeLevel.Province, "12"),
            ("registrar.national", "Registrar, General Department of Identification", Roles.Registrar, OfficeLevel.National, null),
            ("crvs.system", "CRVS system", Roles.System, OfficeLevel.National, null),
            ("courts.system", "Courts' information system", Roles.Court, OfficeLevel.National, null),
            ("distribution.pp", "Data distribution unit, General Department of Identification", Roles.DataDistribution, OfficeLevel.National, null),
            ("statistics.pp", "Statistics unit, General Department of Identification", Roles.Statistics, OfficeLevel.National, null),
            ("clerk.senate", "Clerk, Secretariat General of the Senate", Roles.SenateClerk, OfficeLevel.National, null),
            ("senator.demo", "Senator (demonstration)", Roles.Senator, OfficeLevel.National, null),
            ("chair.demo", "Senator, chair of commission 1 (demonstration)", Roles.Senator, OfficeLevel.National, null),
        };

        var created = false;
        foreach (var d in demo)
        {
            if (await platform.Users.AnyAsync(u => u.UserName == d.User))
            {
                continue;
            }

            var errors = await accounts.CreateAsync(new NewStaffAccount(d.User, d.Name, DemoPassword, d.Role, d.Level, d.Area));
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Demo account {d.User}: {string.Join("; ", errors)}");
            }

            created = true;
        }

        // Each module seeds its own demo data through its own use cases, in order (persons, then
        // civil registrations made from them, then the statistics publication that freezes them).
        var context = new DemoSeedContext(services, [phnomPenh.Code, siemReap.Code], created);
        foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(context, CancellationToken.None);
        }

        Console.WriteLine();
        Console.WriteLine("Nokor demo mode. Staff accounts (password for all: " + DemoPassword + "):");
        foreach (var d in demo.Where(d => !Roles.IsSystemRole(d.Role)))
        {
            Console.WriteLine($"  {d.User,-20} {d.Role,-14} {d.Level} {d.Area}");
        }

        // System accounts sign in with client credentials, never a password (POST /api/auth/token
        // {"grantType":"client_credentials","clientId":...,"clientSecret":...}).
        Console.WriteLine("System accounts (client credentials; client secret " + DemoPassword + "):");
        foreach (var d in demo.Where(d => Roles.IsSystemRole(d.Role)))
        {
            Console.WriteLine($"  client id {d.User,-20} {d.Role,-14} {d.Level} {d.Area}");
        }

        Console.WriteLine();
    }
}
