namespace Nokor.Platform.Demo;

/// <summary>
/// What the host knows when demo mode fills a database: the two demo communes (far apart, so the
/// demo shows that each office sees only its own people) and whether the demo staff accounts were
/// created by this start (a database from an older demo keeps its own people).
/// </summary>
public sealed record DemoSeedContext(IServiceProvider Services, IReadOnlyList<string> CommuneCodes, bool AccountsCreated);

/// <summary>
/// A module's demo data. Each module registers its own seeders in its <c>AddX</c>; the host runs
/// them in <see cref="Order"/> in demo mode only, so the host never reaches into a module to seed it.
/// Seeders go through the module's own use cases, so the demo shows real numbers, versions and
/// audit entries, and each is idempotent (a restart adds nothing twice).
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first: persons (100) before civil registrations (200) before the
    /// statistics publication that freezes them (300); legislation (400) depends on none.</summary>
    int Order { get; }

    Task SeedAsync(DemoSeedContext context, CancellationToken ct);
}
