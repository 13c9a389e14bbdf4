using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Generation;

namespace Nokor.CivilRegistration.Demo;

/// <summary>
/// Demo family events, made through the real procedure by the generator from the demo population:
/// months of marriages (the older ones registered late, as the procedure decides), divorces of
/// some of them, adoptions, recognitions of children by their fathers, stillbirths and a change of
/// name or two, with one of each still waiting for a second staff member's verification, so that
/// every queue, the linked histories and the marriage and divorce tables have something to show.
/// </summary>
internal static class DemoFamilyEvents
{
    public const int Marriages = 10;
    public const int Divorces = 3;
    public const int Adoptions = 3;
    public const int FoetalDeaths = 4;
    public const int Recognitions = 2;
    public const int NameChanges = 2;
    /// <summary>One of each kind waits after entry.</summary>
    public const int Pending = 1;
    /// <summary>The events are spread over about five months.</summary>
    public const int SpreadDays = 150;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.Event != VitalEvent.Birth && r.Event != VitalEvent.Death, ct))
            {
                return;
            }
        }

        var generator = new FamilyGenerator(services, services.GetRequiredService<TimeProvider>(), SpreadDays);
        var random = new Random(2017);
        await generator.GenerateAsync(Marriages, Divorces, Adoptions, random, () => { }, ct, Pending);
        await generator.FoetalDeathsAsync(FoetalDeaths, random, ct, Pending);
        await generator.RecognitionsAsync(Recognitions, random, ct, Pending);
        await generator.NameChangesAsync(NameChanges, random, ct, Pending);
    }
}
