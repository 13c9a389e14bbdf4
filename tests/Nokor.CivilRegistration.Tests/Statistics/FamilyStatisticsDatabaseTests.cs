using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.CivilRegistration.Statistics;
using Nokor.Testing;

namespace Nokor.CivilRegistration.Tests.Statistics;

/// <summary>
/// The statistical records of marriages, divorces and foetal deaths as the civil context's save
/// writes them (the tracker, and the backfill for registrations from before), and the tables,
/// rates and completeness computed from them on the database (SQLite, or PostgreSQL when
/// NOKOR_TEST_POSTGRES is set). The registrations are written as the procedure leaves them once
/// approved: these tests are about the statistics, not the entry checks.
/// </summary>
public sealed class FamilyStatisticsDatabaseTests : IAsyncLifetime
{
    private const int Year = 2025;
    private const string MarriageNumber = "M-120101-2011-000007";

    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var services = _db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        // The provinces are the rows of the completeness by area.
        await Nokor.Platform.Gazetteer.GazetteerLoader.EnsureLoadedAsync(scope.ServiceProvider.GetRequiredService<Nokor.Platform.Data.PlatformDbContext>(), default);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static RegistrationEntity Approved(VitalEvent e, DateOnly date, object dossier, string? number = null, RegistrationStatus status = RegistrationStatus.Approved)
    {
        var r = FamilyTabulationTests.Registration(e, date, Dossiers.Write(dossier));
        r.Status = status;
        r.Number = status == RegistrationStatus.Approved ? number ?? $"{e}-{Guid.NewGuid():N}"[..24] : null;
        r.DecidedAt = status == RegistrationStatus.Approved ? new DateTimeOffset(Year, 9, 2, 2, 0, 0, TimeSpan.Zero) : null;
        return r;
    }

    /// <summary>
    /// Keo Sophal (born 1985) and Meas Bopha (born 1988) married on 2011-03-05 in Phnom Penh and
    /// divorced on 2025-03-04 (one day short of 14 years); a couple married in 2025; a marriage
    /// entered but not approved; a stillbirth at 36 weeks in Siem Reap.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var services = _db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        var old = new MarriageDossier
        {
            MarriageDate = "2011-03-05",
            Husband = new SpouseDetails { Kidc = "110000001", SurnameKm = "កែវ", GivenNameKm = "សុផល", BirthDate = "1985-01-20", ResidenceVillageCode = "12010101" },
            Wife = new SpouseDetails { Kidc = "110000002", SurnameKm = "មាស", GivenNameKm = "បុប្ផា", BirthDate = "1988-11-02", ResidenceVillageCode = "12010101" },
        };
        var oldRegistration = Approved(VitalEvent.Marriage, new DateOnly(2011, 3, 5), old, MarriageNumber);
        db.Registrations.Add(oldRegistration);
        db.Marriages.Add(new MarriageEntity
        {
            RegistrationId = oldRegistration.Id, Number = MarriageNumber, OfficeCode = "120101", MarriageDate = new DateOnly(2011, 3, 5),
            HusbandKidc = "110000001", WifeKidc = "110000002", HusbandName = "កែវ សុផល", WifeName = "មាស បុប្ផា", State = MarriageState.InForce,
        });
        await db.SaveChangesAsync();

        var divorce = Approved(VitalEvent.Divorce, new DateOnly(Year, 3, 4),
            new DissolutionDossier { MarriageNumber = MarriageNumber, Authority = "Court", DependentChildren = 2, EffectiveDate = $"{Year}-03-04" });
        db.Registrations.Add(divorce);
        var entity = await db.Marriages.SingleAsync(m => m.Number == MarriageNumber);
        entity.State = MarriageState.Dissolved;
        entity.EndedOn = new DateOnly(Year, 3, 4);
        entity.EndedByRegistrationId = divorce.Id;
        db.Registrations.Add(Approved(VitalEvent.Marriage, new DateOnly(Year, 6, 14), new MarriageDossier
        {
            MarriageDate = $"{Year}-06-14",
            Husband = new SpouseDetails { Kidc = "110000003", BirthDate = "1999-05-05", ResidenceVillageCode = "17020101", PriorMarriages = [] },
            Wife = new SpouseDetails
            {
                Kidc = "110000004", BirthDate = "2001-02-02", ResidenceVillageCode = "17020101",
                PriorMarriages = [new PriorMarriage { EndedBy = "Death", EndedOn = "2023-01-01" }],
            },
        }));
        db.Registrations.Add(Approved(VitalEvent.Marriage, new DateOnly(Year, 6, 20), new MarriageDossier
        {
            Husband = new SpouseDetails { BirthDate = "1990-01-01", ResidenceVillageCode = "17020101" },
            Wife = new SpouseDetails { BirthDate = "1990-01-01" },
        }, status: RegistrationStatus.Entered));
        db.Registrations.Add(Approved(VitalEvent.FoetalDeath, new DateOnly(Year, 7, 1), new FoetalDeathDossier
        {
            Mother = new ParentDetails { Kidc = "110000004", BirthDate = "1994-08-08" },
            Sex = "Female",
            GestationWeeks = 36,
            ResidenceVillageCode = "17020101",
        }));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_save_writes_the_facts_and_the_tables_count_them()
    {
        await SeedAsync();
        await using var services = _db.BuildServices();
        await using (var scope = services.CreateAsyncScope())
        {
            var loader = scope.ServiceProvider.GetRequiredService<DenominatorLoader>();
            Assert.True((await loader.LoadAsync($"year,area,sex,age_from,age_to,population\n{Year},,Male,0,150,500\n{Year},,Female,0,150,500\n", default)).IsOk);
            var rates = await loader.LoadAsync($"year,area,crude_birth_rate,crude_death_rate,crude_marriage_rate,crude_divorce_rate\n{Year},,20,6,4,1\n", default);
            Assert.True(rates.IsOk, string.Join("; ", rates.Errors.Select(e => e.Key)));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            var divorce = await db.VitalFacts.AsNoTracking().SingleAsync(f => f.Event == VitalEvent.Divorce);
            Assert.Equal(13, divorce.MarriageYears);
            Assert.Equal(40, divorce.HusbandAge);
            Assert.Equal(36, divorce.WifeAge);
            Assert.Equal(2, divorce.DependentChildren);
            Assert.Equal("12010101", divorce.ResidenceCode);

            var set = await scope.ServiceProvider.GetRequiredService<StatisticsCalculator>().ComputeAsync(Year, TabulationBasis.Occurrence, "", default);
            var marriages = set.Table("marriages-month")!;
            Assert.Equal(1, marriages.Cell("6", "Total"));
            Assert.Equal(1, marriages.Cell("Total", "Total"));
            Assert.Equal(1, set.Table("marriages-previous-status")!.Cell("Single", "Widowed"));
            Assert.Equal(1, set.Table("marriages-age")!.Cell("25-29", "20-24"));
            Assert.Equal(1, set.Table("divorces-duration")!.Cell("10-14", "Total"));
            Assert.Equal(1, set.Table("divorces-children")!.Cell("2", "Total"));
            Assert.Equal(1, set.Table("foetal-deaths-gestation")!.Cell("32-36", "Female"));

            // Expected marriages: 4 per 1,000 of 1,000 = 4, one registered; divorces: 1 expected, 1 registered.
            var coverage = set.Table("coverage")!;
            Assert.Equal(4, coverage.Cell("marriages", "Expected"));
            Assert.Equal(25.0, coverage.Cell("marriages", "Total"));
            Assert.Equal(100.0, coverage.Cell("divorces", "Total"));
            var byArea = set.Table("coverage-areas")!;
            Assert.Equal(1, byArea.Cell("17", "MarriagesRegistered"));
            Assert.Equal(1, byArea.Cell("12", "DivorcesRegistered"));

            // The 2011 marriage is in its own year's tables.
            var then = await scope.ServiceProvider.GetRequiredService<StatisticsCalculator>().ComputeAsync(2011, TabulationBasis.Occurrence, "", default);
            Assert.Equal(1, then.Table("marriages-month")!.Cell("3", "Total"));
        }
    }

    [Fact]
    public async Task The_backfill_gives_earlier_divorces_the_duration_of_their_marriage()
    {
        await SeedAsync();
        await using var services = _db.BuildServices();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CivilDbContext>().VitalFacts.ExecuteDeleteAsync();
        }

        Assert.Equal(5, await VitalFactBackfill.RunAsync(services.GetRequiredService<IServiceScopeFactory>(), default));
        await using (var scope = services.CreateAsyncScope())
        {
            var facts = await scope.ServiceProvider.GetRequiredService<CivilDbContext>().VitalFacts.AsNoTracking().ToListAsync();
            var divorce = facts.Single(f => f.Event == VitalEvent.Divorce);
            Assert.Equal(13, divorce.MarriageYears);
            Assert.Equal(36, facts.Single(f => f.Event == VitalEvent.FoetalDeath).GestationWeeks);
            Assert.Equal("Widowed", facts.Single(f => f.Event == VitalEvent.Marriage && f.OccurrenceYear == Year && f.Status == RegistrationStatus.Approved).WifePreviousStatus);
        }
    }

    [Fact]
    public async Task A_rates_file_with_a_bad_marriage_rate_is_refused_naming_the_line_and_column()
    {
        await using var services = _db.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<DenominatorLoader>();
        var outcome = await loader.LoadAsync($"year,area,crude_birth_rate,crude_death_rate,crude_marriage_rate,crude_divorce_rate\n{Year},,20,6,,1\n{Year},12,20,6,abc,1\n", default);

        Assert.False(outcome.IsOk);
        Assert.Equal(["file.line 3.crude_marriage_rate"], outcome.Errors.Keys);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<CivilDbContext>().ExpectedRates.CountAsync());

        var empty = await loader.LoadAsync($"year,area,crude_birth_rate,crude_death_rate,crude_marriage_rate,crude_divorce_rate\n{Year},,20,6,,1.5\n", default);
        Assert.True(empty.IsOk);
        var rate = await scope.ServiceProvider.GetRequiredService<CivilDbContext>().ExpectedRates.AsNoTracking().SingleAsync();
        Assert.Null(rate.CrudeMarriageRate);
        Assert.Equal(1.5, rate.CrudeDivorceRate);
    }
}
