using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Generation;

using Nokor.Platform.Demo;

namespace Nokor.CivilRegistration.Demo;

/// <summary>
/// Demo civil registrations, made through the real procedure by the generator from the demo
/// population's couples and elders: registered births and deaths of the last weeks with their
/// certificates to print, and a few births waiting for a second staff member's verification, then
/// the family events (<see cref="DemoFamilyEvents"/>), so the demo's queues, records and statistics
/// are not empty.
/// </summary>
internal static class DemoCivilRegistrations
{
    public const int Births = 30;
    public const int Deaths = 6;
    public const int PendingBirths = 3;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        bool any;
        await using (var scope = services.CreateAsyncScope())
        {
            any = await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(ct);
        }

        if (!any)
        {
            var generator = new CivilGenerator(services, services.GetRequiredService<TimeProvider>());
            await generator.GenerateAsync(births: Births, deaths: Deaths, seed: 2026, progress: null, ct, pendingBirths: PendingBirths);
        }

        // Marriages, divorces, adoptions, recognitions, stillbirths and changes of name: once.
        await DemoFamilyEvents.SeedAsync(services, ct);
    }
}

/// <summary>Civil registrations made from the demo persons through the real procedure.</summary>
internal sealed class CivilDemoSeeder : IDemoSeeder
{
    public int Order => 200;

    public Task SeedAsync(DemoSeedContext context, CancellationToken ct) =>
        DemoCivilRegistrations.SeedAsync(context.Services, ct);
}
