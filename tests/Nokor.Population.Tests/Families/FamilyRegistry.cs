using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Testing;

namespace Nokor.Population.Tests.Families;

/// <summary>
/// A migrated database (SQLite, or PostgreSQL when NOKOR_TEST_POSTGRES is set) with the registry's
/// services, shared by one test class; every test registers its own families in it. Persons are
/// registered the way civil registration registers them (through <see cref="IPopulationRegistry"/>),
/// and each call runs in its own scope like a request.
/// </summary>
public sealed class FamilyRegistry : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;

    /// <summary>The civil registration system's account, as an approval calls the registry.</summary>
    public static readonly Actor Crvs = Actor.Platform("crvs-approval");

    public string Village { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _services = _db.BuildServices();
        await using var scope = _services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<Nokor.Platform.Data.PlatformDbContext>();
        await Nokor.Platform.Gazetteer.GazetteerLoader.EnsureLoadedAsync(platform, CancellationToken.None);
        Village = await platform.GazetteerUnits.Where(u => u.Level == Nokor.Platform.Gazetteer.AdminLevel.Village)
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>Runs <paramref name="call"/> against the registry in a scope of its own.</summary>
    public async Task<T> Registry<T>(Func<IPopulationRegistry, Task<T>> call)
    {
        await using var scope = _services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<IPopulationRegistry>());
    }

    /// <summary>Runs <paramref name="call"/> against the staff door (the API's handlers).</summary>
    public async Task<T> Directory<T>(Func<IPersonDirectory, Task<T>> call)
    {
        await using var scope = _services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<IPersonDirectory>());
    }

    /// <summary>Reads the registry's tables directly, to assert what it holds.</summary>
    internal async Task<T> Tables<T>(Func<PopulationDbContext, Task<T>> read)
    {
        await using var scope = _services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PopulationDbContext>());
    }

    /// <summary>Registers a person as a registered birth does, and returns the KIDC.</summary>
    public async Task<string> PersonAsync(string surnameKm, string givenNameKm, string surnameLatin, string givenNameLatin,
        Sex sex, string born, string? father = null, string? mother = null, string? motherNameKm = null, string? fatherNameKm = null)
    {
        var outcome = await Registry(r => r.RegisterNewbornAsync(new Newborn(surnameKm, givenNameKm, surnameLatin, givenNameLatin, sex,
            DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), Village, Village, null,
            mother, mother is null ? motherNameKm : null, father, father is null ? fatherNameKm : null, "Birth registered"),
            Crvs, "test:birth:" + Guid.NewGuid(), CancellationToken.None));
        Assert.True(outcome.IsOk, string.Join("; ", outcome.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return outcome.Value!.Kidc;
    }

    public Task<PersonRecord> RecordAsync(string kidc) =>
        Registry(async r => (await r.FindAsync(kidc, Crvs, "test: read back", CancellationToken.None))!);

    public Task<Outcome<MarriageRecorded>> MarryAsync(string? husband, string? wife, string date, string reference,
        string? husbandName = null, string? wifeName = null) =>
        Registry(r => r.RecordMarriageAsync(new MarriageLink(husband, wife, husbandName, wifeName,
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "Marriage registered M120101-2026-000001"),
            Crvs, reference, CancellationToken.None));

    public Task<Outcome<MarriageRecorded>> EndAsync(string marriage, MarriageEndKind kind, string date, string reference) =>
        Registry(r => r.EndMarriageAsync(new MarriageEnd(marriage, kind,
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), $"{kind} registered V120101-2026-000001"),
            Crvs, reference, CancellationToken.None));

    public static string Reference(string kind) => $"crvs:{kind}:{Guid.NewGuid()}";
}
