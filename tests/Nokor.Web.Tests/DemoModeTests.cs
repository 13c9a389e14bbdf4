using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Web.Tests;

/// <summary>
/// A newcomer's first look at demo mode is a working office: its two communes have their people
/// (households, namesakes), and civil registrations of the last weeks, some still to verify.
/// Runs on SQLite, the embedded default a fresh machine starts the demo on.
/// </summary>
public sealed class DemoModeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nokor-tests", "demo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_mode_fills_both_communes_with_people_and_registrations_the_offices_can_search_and_work_on()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Nokor:Mode", "Demo");
            builder.UseSetting(DataRoot.Key, _root);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Nokor", "");
        });
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/health/ready")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var population = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
        var byCommune = await population.Persons.AsNoTracking()
            .GroupBy(p => p.ResidenceVillageCode.Substring(0, 6))
            .Select(g => new { Commune = g.Key, Count = g.Count() })
            .ToListAsync();
        Assert.Equal(2, byCommune.Count);
        Assert.All(byCommune, c => Assert.True(c.Count >= 300, $"{c.Commune}: {c.Count} persons"));
        Assert.True(byCommune.Sum(c => c.Count) >= Population.Demo.PopulationDemoSeeder.GeneratedPersons);

        var civil = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        var registrations = await civil.Registrations.AsNoTracking().Select(r => r.Status.ToString()).ToListAsync();
        Assert.True(registrations.Count >= CivilRegistration.Demo.DemoCivilRegistrations.Births + CivilRegistration.Demo.DemoCivilRegistrations.Deaths,
            $"{registrations.Count} registrations");
        Assert.True(registrations.Count(s => s != "Registered") >= 1, "some registrations still wait in a queue");

        // A commune clerk's search finds the commune's people, several of them by one common surname.
        var commune = byCommune[0].Commune;
        var clerk = new Actor("staff", "demo-test", null, new Jurisdiction(commune), new HashSet<string> { Roles.Registrar });
        var found = await scope.ServiceProvider.GetRequiredService<IPersonDirectory>().SearchAsync(
            new PersonSearchRequest { Query = "Sok", Purpose = "Demo check", Limit = 20 }, clerk, CancellationToken.None);
        Assert.True(found.IsOk);
        Assert.True(found.Value!.Items.Count >= 5, $"{found.Value.Items.Count} persons named Sok");
        Assert.All(found.Value.Items, p => Assert.StartsWith(commune, p.ResidenceVillageCode, StringComparison.Ordinal));
    }
}
