using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Annexes;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Numbers;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Testing;

namespace Nokor.CivilRegistration.Tests.Registrations;

public sealed class RegistrationRulesTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void Registration_numbers_carry_the_event_the_office_the_year_and_the_sequence()
    {
        Assert.Equal("B120101-2026-000042", RegistrationNumbers.Format(VitalEvent.Birth, "120101", 2026, 42));
        Assert.Equal("D00-2026-000001", RegistrationNumbers.Format(VitalEvent.Death, RegistrationNumbers.NationalOffice, 2026, 1));
        Assert.True(RegistrationNumbers.LooksLikeNumber("B120101-2026-000042"));
        Assert.False(RegistrationNumbers.LooksLikeNumber("X120101-2026-000042"));
        Assert.False(RegistrationNumbers.LooksLikeNumber("B120101-2026"));
    }

    [Fact]
    public async Task Concurrent_approvals_in_two_offices_never_take_the_same_number()
    {
        await using var services = _db.BuildServices();
        async Task<string> Take(string office)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await RegistrationNumbers.NextAsync(db, VitalEvent.Birth, office, 2026, CancellationToken.None);
                }
                catch (Exception) when (!_db.IsPostgres && attempt < 20)
                {
                    // SQLite admits one writer at a time; a busy database is retried like any writer would.
                    await Task.Delay(20);
                }
            }
        }

        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => Take(i % 2 == 0 ? "120101" : "170101"))));
        Assert.Equal(40, numbers.Distinct().Count());
        Assert.Equal(20, numbers.Count(n => n.StartsWith("B120101-2026-", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"B170101-2026-{i:D6}"), numbers.Where(n => n.StartsWith("B170101", StringComparison.Ordinal)).Order());
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C }, null)]
    public void Annex_types_are_recognised_by_their_first_bytes(byte[] content, string? expected) =>
        Assert.Equal(expected, AddAnnex.Sniff(content));

    [Theory]
    [InlineData("A09", true)]
    [InlineData("i21.9", true)]
    [InlineData("P07.31", true)]
    [InlineData("U07.1", false)]
    [InlineData("I2", false)]
    [InlineData("malaria", false)]
    public void ICD_10_codes_are_checked(string code, bool valid)
    {
        var errors = new FieldErrors();
        var value = new Fields(errors, null!).Icd10("icd10", code);
        Assert.Equal(valid, value is not null);
        Assert.Equal(!valid, errors.Has("icd10"));
    }

    [Fact]
    public async Task A_newborn_registered_twice_with_the_same_reference_is_one_person_with_one_KIDC()
    {
        await using var services = _db.BuildServices();
        var actor = Actor.Platform("test");
        var village = await VillageAsync(services);
        var newborn = new Newborn("ចាន់", "ដាលីន", "Chan", "Dalin", Sex.Female, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2),
            village, village, null, null, "សុខ ស្រីល័ក្ខ", null, null, "Birth registered");
        var reference = "crvs:birth:" + Guid.NewGuid();
        async Task<Outcome<PersonRecord>> Register()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IPopulationRegistry>().RegisterNewbornAsync(newborn, actor, reference, CancellationToken.None);
        }

        var first = await Register();
        var again = await Register();
        Assert.True(first.IsOk);
        Assert.Equal(first.Value!.Kidc, again.Value!.Kidc);
        await using var check = services.CreateAsyncScope();
        var platform = check.ServiceProvider.GetRequiredService<Nokor.Platform.Data.PlatformDbContext>();
        var count = await platform.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM pop_persons WHERE \"GivenNameLatin\" = 'Dalin'").ToListAsync();
        Assert.Equal(1, count.Single());
    }

    [Fact]
    public async Task A_refused_newborn_leaves_no_reference_behind_so_a_corrected_retry_works()
    {
        await using var services = _db.BuildServices();
        var actor = Actor.Platform("test");
        var village = await VillageAsync(services);
        var reference = "crvs:birth:" + Guid.NewGuid();
        var bad = new Newborn("ចាន់", "ដាលីន", "Chan", "Dalin", Sex.Female, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2),
            village, "99999999", null, null, null, null, null, "Birth registered");
        await using (var scope = services.CreateAsyncScope())
        {
            var refused = await scope.ServiceProvider.GetRequiredService<IPopulationRegistry>().RegisterNewbornAsync(bad, actor, reference, CancellationToken.None);
            Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var fixedUp = await scope.ServiceProvider.GetRequiredService<IPopulationRegistry>()
                .RegisterNewbornAsync(bad with { ResidenceVillageCode = village }, actor, reference, CancellationToken.None);
            Assert.True(fixedUp.IsOk);
        }
    }

    private static async Task<string> VillageAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<Nokor.Platform.Data.PlatformDbContext>();
        await Nokor.Platform.Gazetteer.GazetteerLoader.EnsureLoadedAsync(platform, CancellationToken.None);
        return await platform.GazetteerUnits.Where(u => u.Level == Nokor.Platform.Gazetteer.AdminLevel.Village).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
    }
}
