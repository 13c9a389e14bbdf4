using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Testing;

namespace Nokor.Population.Tests.Persons;

/// <summary>
/// The registry's "in the future" is Cambodia's calendar (UTC+7), not UTC's: between 17:00 and
/// midnight UTC it is already the next day in Cambodia, and a child born that morning is registered
/// the same day.
/// </summary>
public sealed class CambodiaDateTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    // 18:30 UTC on 3 December is 01:30 on 4 December in Phnom Penh.
    private static readonly DateTimeOffset Evening = new(2026, 12, 3, 18, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 12, 4, true)]
    [InlineData(2026, 12, 3, true)]
    [InlineData(2026, 12, 5, false)]
    public async Task A_birth_dated_today_in_Cambodia_is_not_in_the_future(int year, int month, int day, bool accepted)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Evening)));
        string village;
        await using (var scope = services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<Nokor.Platform.Data.PlatformDbContext>();
            await Nokor.Platform.Gazetteer.GazetteerLoader.EnsureLoadedAsync(platform, CancellationToken.None);
            village = await platform.GazetteerUnits.Where(u => u.Level == Nokor.Platform.Gazetteer.AdminLevel.Village).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<IPopulationRegistry>();
            var outcome = await registry.RegisterNewbornAsync(new Newborn("ចាន់", "ដាលីន", "Chan", "Dalin", Sex.Female,
                new DateOnly(year, month, day), village, village, null, null, "សុខ ស្រីល័ក្ខ", null, null, "Birth registered"),
                Actor.Platform("test"), "test:" + Guid.NewGuid(), CancellationToken.None);
            Assert.Equal(accepted, outcome.IsOk);
            if (!accepted)
            {
                Assert.Contains("in the future", Assert.Single(outcome.Errors["birthDate"]), StringComparison.Ordinal);
            }
        }
    }
}
