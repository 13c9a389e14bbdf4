using System.Reflection;
using System.Runtime.CompilerServices;

namespace Nokor.Architecture.Tests;

/// <summary>The assemblies whose shape the tests check, found from their registration classes and names.</summary>
internal static class Modules
{
    public static IReadOnlyList<Assembly> All { get; } =
    [
        typeof(Nokor.Population.PopulationModule).Assembly,
        typeof(Nokor.CivilRegistration.CivilRegistrationModule).Assembly,
        typeof(Nokor.Verification.VerificationModule).Assembly,
        typeof(Nokor.Legislation.LegislationModule).Assembly,
    ];

    public static Assembly Platform { get; } = typeof(Nokor.Platform.Audit.IAuditLog).Assembly;

    /// <summary>The web host and the CLI (assembly <c>nokor</c>).</summary>
    public static IReadOnlyList<Assembly> Hosts { get; } = [ByName("Nokor.Web"), ByName("nokor")];

    /// <summary>The in-process benchmarks (the KIDC one is the assembly <c>Nokor.Bench</c>).</summary>
    public static IReadOnlyList<Assembly> Benchmarks { get; } =
        [ByName("Nokor.Bench"), ByName("Nokor.Bench.Crvs"), ByName("Nokor.Bench.Legislation"), ByName("Nokor.Bench.Statistics")];

    public static Assembly Named(string name) => All.Single(m => m.GetName().Name == name);

    public static Assembly ByName(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name)
        ?? Assembly.Load(new AssemblyName(name));

    /// <summary>
    /// What lies inside a module's door, as NetArchTest dependency names: every namespace of the
    /// module other than its root and <c>Contracts</c> (a namespace name covers all types under it),
    /// and the full name of every type in the root namespace other than the registration class.
    /// </summary>
    public static string[] Internals(Assembly module)
    {
        var root = module.GetName().Name!;
        var registration = $"{root}.{root["Nokor.".Length..]}Module";
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in LoadableTypes(module))
        {
            if (type.Namespace is not { } ns
                || type.IsNested
                || type.IsDefined(typeof(CompilerGeneratedAttribute), false)
                || type.Name.Contains('<', StringComparison.Ordinal)
                || ns == root + ".Contracts" || ns.StartsWith(root + ".Contracts.", StringComparison.Ordinal)
                || !(ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            if (ns != root)
            {
                names.Add(ns);
            }
            else if (type.FullName != registration)
            {
                names.Add(type.FullName!);
            }
        }

        return [.. names];
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
