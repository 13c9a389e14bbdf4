using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace Nokor.Architecture.Tests;

/// <summary>
/// The module door (DESIGN.md, "Modules"): a module's only public surface is its
/// <c>Contracts</c> namespace and its registration class <c>XModule</c>. The web host, the CLI,
/// the benchmarks and every other module reach a module only through that door — never its
/// DbContext, entities or internal services — and only tests and the migration assemblies may see
/// its internals. These tests read the compiled assemblies, so a new page, command or module that
/// reaches in fails here even if someone re-adds an InternalsVisibleTo.
/// </summary>
public sealed class ModuleShapeTests
{
    /// <summary>The assemblies that may see a module's internals: tests and what EF Core's tooling needs.</summary>
    private static readonly string[] AllowedFriends =
    [
        "Nokor.Web.Tests", "Nokor.Testing", "Nokor.Migrations.Sqlite", "Nokor.Migrations.Postgres", "Nokor.MigrationTool",
    ];

    public static TheoryData<string> ModuleNames() => new(Modules.All.Select(m => m.GetName().Name!));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_exports_only_its_Contracts_and_its_registration_class(string moduleName)
    {
        var module = Modules.Named(moduleName);
        var root = moduleName;
        var registration = $"{root}.{root["Nokor.".Length..]}Module";

        var outside = module.GetExportedTypes()
            .Where(t => !IsInContracts(t, root) && t.FullName != registration)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(outside.Count == 0,
            $"{moduleName} exports types outside {root}.Contracts; make them internal, or move what another assembly needs into Contracts/:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", outside));
        Assert.Contains(module.GetExportedTypes(), t => t.FullName == registration);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Only_tests_and_migrations_see_a_modules_internals(string moduleName)
    {
        var module = Modules.Named(moduleName);
        var ownTests = moduleName + ".Tests";

        var friends = module.GetCustomAttributes<InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName.Split(',')[0].Trim())
            .Where(name => name != ownTests && !AllowedFriends.Contains(name))
            .ToList();

        Assert.True(friends.Count == 0,
            $"{moduleName} shows its internals to {string.Join(", ", friends)}: hosts, benchmarks and other modules use {moduleName}.Contracts.");
    }

    public static TheoryData<string> Callers() => new(
        Modules.Hosts.Concat(Modules.Benchmarks).Concat(Modules.All).Append(Modules.Platform)
            .Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(Callers))]
    public void Callers_use_other_modules_only_through_their_Contracts(string callerName)
    {
        var caller = Modules.ByName(callerName);
        var failures = new List<string>();
        foreach (var module in Modules.All.Where(m => m != caller))
        {
            var inside = Modules.Internals(module);
            var result = Types.InAssembly(caller).Should().NotHaveDependencyOnAny(inside).GetResult();
            if (!result.IsSuccessful)
            {
                failures.AddRange(result.FailingTypes.Select(t =>
                    $"{t.FullName} uses {module.GetName().Name} internals: {t.Explanation}"));
            }
        }

        Assert.True(failures.Count == 0,
            $"{callerName} reaches into a module instead of using its Contracts door:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", failures.Distinct().Take(50)));
    }

    [Fact]
    public void The_checks_see_every_module_and_what_lies_inside_it()
    {
        // Guards the guard: if the module list or the inside/outside split broke, the rules above
        // would pass vacuously.
        Assert.Equal(
            ["Nokor.CivilRegistration", "Nokor.Legislation", "Nokor.Population", "Nokor.Verification"],
            Modules.All.Select(m => m.GetName().Name!).Order(StringComparer.Ordinal));
        var population = Modules.Internals(Modules.Named("Nokor.Population"));
        Assert.Contains("Nokor.Population.Data", population);
        Assert.DoesNotContain(population, n => n.StartsWith("Nokor.Population.Contracts", StringComparison.Ordinal));
        Assert.DoesNotContain("Nokor.Population.PopulationModule", population);
        Assert.Equal(2, Modules.Hosts.Count);
        Assert.Equal(4, Modules.Benchmarks.Count);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_reach_into_a_module_is_caught(string moduleName)
    {
        // The migration tool is a legitimate friend: it builds each module's DbContext to compare
        // the model with the migrations. The rule must flag it, or it would flag nothing.
        var tool = Modules.ByName("Nokor.MigrationTool");
        var dbContext = Modules.Named(moduleName).GetTypes().Single(t => t.Name.EndsWith("DbContext", StringComparison.Ordinal));

        var result = Types.InAssembly(tool)
            .Should().NotHaveDependencyOnAny(Modules.Internals(Modules.Named(moduleName)))
            .GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypes, t => t.Explanation.Contains(dbContext.FullName!, StringComparison.Ordinal));
    }

    private static bool IsInContracts(Type type, string root) =>
        type.Namespace is { } ns && (ns == root + ".Contracts" || ns.StartsWith(root + ".Contracts.", StringComparison.Ordinal));
}
