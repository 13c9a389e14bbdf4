// Generates EF Core migrations for every module context on both providers, the job `dotnet ef
// migrations add` does (the dotnet-ef tool is not on this machine's package registry). It uses
// EF Core's own design-time scaffolder, so the output is the standard generated code.
//
//   dotnet run --project tools/Nokor.MigrationTool -- add NAME
//   dotnet run --project tools/Nokor.MigrationTool -- check      (exit 1 when a model change has no migration)
#pragma warning disable EF1001 // DesignTimeServicesBuilder is EF's design-time entry point.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;

if (args.Length < 1 || (args[0] == "add" && args.Length < 2))
{
    Console.Error.WriteLine("usage: add NAME | check");
    return 2;
}

var repoRoot = FindRepoRoot();
var contexts = new (Type Type, Func<DbContextOptions, DbContext> Create)[]
{
    (typeof(PlatformDbContext), o => new PlatformDbContext((DbContextOptions<PlatformDbContext>)o)),
    (typeof(Nokor.Population.Data.PopulationDbContext), o => new Nokor.Population.Data.PopulationDbContext((DbContextOptions<Nokor.Population.Data.PopulationDbContext>)o)),
    (typeof(Nokor.CivilRegistration.Data.CivilDbContext), o => new Nokor.CivilRegistration.Data.CivilDbContext((DbContextOptions<Nokor.CivilRegistration.Data.CivilDbContext>)o)),
    (typeof(Nokor.Verification.Data.VerificationDbContext), o => new Nokor.Verification.Data.VerificationDbContext((DbContextOptions<Nokor.Verification.Data.VerificationDbContext>)o)),
    (typeof(Nokor.Legislation.Data.LegislationDbContext), o => new Nokor.Legislation.Data.LegislationDbContext((DbContextOptions<Nokor.Legislation.Data.LegislationDbContext>)o, TimeProvider.System)),
};
var providers = new[]
{
    (Settings: new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"), Project: "Nokor.Migrations.Sqlite"),
    (Settings: new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=design"), Project: "Nokor.Migrations.Postgres"),
};

var pending = 0;
foreach (var (settings, project) in providers)
{
    var migrationsAssembly = System.Reflection.Assembly.Load(project);
    foreach (var (type, create) in contexts)
    {
        var optionsType = typeof(DbContextOptionsBuilder<>).MakeGenericType(type);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(optionsType)!;
        DatabaseServiceCollectionExtensions.Configure(builder, settings, type);
        using var context = create(builder.Options);

        var reporter = new OperationReporter(new OperationReportHandler(
            errorHandler: m => Console.Error.WriteLine(m),
            warningHandler: m => Console.Error.WriteLine(m)));
        var services = new DesignTimeServicesBuilder(migrationsAssembly, typeof(Program).Assembly, reporter, [])
            .Build(context);
        var contextName = type.Name.Replace("DbContext", "", StringComparison.Ordinal);

        if (args[0] == "check")
        {
            var differ = services.GetRequiredService<IMigrationsModelDiffer>();
            var migrations = services.GetRequiredService<IMigrationsAssembly>();
            var snapshot = migrations.ModelSnapshot?.Model;
            var initializer = services.GetRequiredService<IModelRuntimeInitializer>();
            var designModel = context.GetService<IDesignTimeModel>().Model;
            var snapshotModel = snapshot is null ? null : initializer.Initialize(snapshot);
            var hasChanges = differ.HasDifferences(snapshotModel?.GetRelationalModel(), designModel.GetRelationalModel());
            Console.WriteLine($"{project} {contextName}: {(hasChanges ? "MODEL CHANGED WITHOUT MIGRATION" : "up to date")}");
            pending += hasChanges ? 1 : 0;
            continue;
        }

        if (HasNoChanges(services, context))
        {
            Console.WriteLine($"{project} {contextName}: no model change, no migration");
            continue;
        }

        var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(args[1], project, $"{contextName}", "C#");
        var projectDir = Path.Combine(repoRoot, "src", "Migrations", project);
        var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, contextName));
        Console.WriteLine($"{project} {contextName}: {Path.GetFileName(files.MigrationFile)}");
    }
}

return pending == 0 ? 0 : 1;

static bool HasNoChanges(IServiceProvider services, DbContext context)
{
    // A fresh instance of the snapshot: initializing the shared one's model here would leave the
    // scaffolder diffing against an initialized copy and scaffolding the whole model again.
    var snapshotType = services.GetRequiredService<IMigrationsAssembly>().ModelSnapshot?.GetType();
    if (snapshotType is null)
    {
        return false;
    }

    var snapshot = ((ModelSnapshot)Activator.CreateInstance(snapshotType)!).Model;
    var snapshotModel = services.GetRequiredService<IModelRuntimeInitializer>().Initialize(snapshot);
    var designModel = context.GetService<IDesignTimeModel>().Model;
    return !services.GetRequiredService<IMigrationsModelDiffer>()
        .HasDifferences(snapshotModel.GetRelationalModel(), designModel.GetRelationalModel());
}

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nokor.slnx")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run inside the repository.");
}

public partial class Program;
