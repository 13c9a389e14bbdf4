using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.CivilRegistration.Statistics;
using Nokor.Platform.Dates;
using Nokor.Platform.Staff;

using Nokor.Platform.Demo;

namespace Nokor.CivilRegistration.Demo;

/// <summary>
/// Demo vital statistics: a small national population estimate and expected crude rates for the
/// current year (so that completeness has a denominator), loaded through the same CSV loader as
/// the statistics unit's files, then the year published after the demo births and deaths are
/// registered, so that the public statistics page has a year to show. The figures are illustrative,
/// not official estimates.
/// </summary>
internal static class DemoStatistics
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<CivilDbContext>();
        var year = CambodiaTime.Today(provider.GetRequiredService<TimeProvider>()).Year;
        if (await db.Publications.AnyAsync(p => p.Year == year, ct))
        {
            return;
        }

        if (!await db.PopulationEstimates.AnyAsync(p => p.Year == year, ct))
        {
            var statistics = provider.GetRequiredService<IVitalStatistics>();
            var population = $"""
                year,area,sex,age_from,age_to,population
                {year},,Male,0,4,870000
                {year},,Female,0,4,835000
                {year},,Male,5,150,7780000
                {year},,Female,5,150,8115000
                """;
            var rates = $"""
                year,area,crude_birth_rate,crude_death_rate,crude_marriage_rate,crude_divorce_rate
                {year},,21.5,5.9,7.4,0.6
                """;
            foreach (var csv in new[] { population, rates })
            {
                var loaded = await statistics.LoadDenominatorsAsync(csv, ct);
                if (!loaded.IsOk)
                {
                    throw new InvalidOperationException("Demo denominators: " + string.Join("; ", loaded.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
                }
            }
        }

        var published = await provider.GetRequiredService<IVitalStatistics>().PublishAsync(year, Actor.Platform("demo"), ct);
        if (!published.IsOk)
        {
            throw new InvalidOperationException("Demo publication: " + string.Join("; ", published.Errors.SelectMany(e => e.Value)));
        }
    }
}

/// <summary>After the registrations: the publication freezes the tables as they stand.</summary>
internal sealed class StatisticsDemoSeeder : IDemoSeeder
{
    public int Order => 300;

    public Task SeedAsync(DemoSeedContext context, CancellationToken ct) =>
        DemoStatistics.SeedAsync(context.Services, ct);
}
