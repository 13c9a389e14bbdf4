using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Generation;

using Nokor.Platform.Demo;

namespace Nokor.CivilRegistration.Demo;

/// <summary>
/// Demo civil registrations, made through the real procedure by the generator: registered births
/// and a death with their certificates to print, and one birth waiting for a second staff member's
/// verification, so the demo's queues are not empty.
/// </summary>
internal static class DemoCivilRegistrations
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(ct))
            {
                return;
            }
        }

        var generator = new CivilGenerator(services, services.GetRequiredService<TimeProvider>());
        await generator.GenerateAsync(births: 4, deaths: 1, seed: 2026, progress: null, ct, pendingBirths: 1);
    }
}

/// <summary>Civil registrations made from the demo persons through the real procedure.</summary>
internal sealed class CivilDemoSeeder : IDemoSeeder
{
    public int Order => 200;

    public Task SeedAsync(DemoSeedContext context, CancellationToken ct) =>
        DemoCivilRegistrations.SeedAsync(context.Services, ct);
}
