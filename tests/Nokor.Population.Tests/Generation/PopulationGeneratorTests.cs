using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Khmer;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Generation;
using Nokor.Testing;
using KidcCode = Nokor.Population.Contracts.KidcRule;

namespace Nokor.Population.Tests.Generation;

/// <summary>One generated population of 2,000 persons on a migrated database with the real gazetteer.</summary>
public sealed class GeneratedPopulationFixture : IAsyncLifetime
{
    public const int Count = 2_000;
    public static readonly DateOnly Reference = new(2026, 11, 1);

    public TestDatabase Database { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;
    internal PopulationGenerationResult Result { get; private set; } = null!;
    internal List<(long Done, long Total)> Progress { get; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Services = Database.BuildServices();
        await using (var scope = Services.CreateAsyncScope())
        {
            await GazetteerLoader.EnsureLoadedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        }

        var generator = new PopulationGenerator(Services, TimeProvider.System);
        Result = await generator.GenerateAsync(
            new PopulationGenerationOptions { Count = Count, Seed = 7, BatchSize = 500, ReferenceDate = Reference },
            new SyncProgress(Progress));
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class SyncProgress(List<(long, long)> values) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => values.Add(value);
    }
}

public sealed class PopulationGeneratorTests(GeneratedPopulationFixture fixture) : IClassFixture<GeneratedPopulationFixture>
{
    private async Task<T> WithDbAsync<T>(Func<PopulationDbContext, PlatformDbContext, Task<T>> action)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        return await action(
            scope.ServiceProvider.GetRequiredService<PopulationDbContext>(),
            scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    [Fact]
    public async Task Stores_exactly_the_requested_count_with_one_version_each()
    {
        var (persons, versions) = await WithDbAsync(async (db, _) =>
            (await db.Persons.CountAsync(), await db.PersonVersions.CountAsync(v => v.Version == 1)));

        Assert.Equal(GeneratedPopulationFixture.Count, persons);
        Assert.Equal(GeneratedPopulationFixture.Count, versions);
        Assert.Equal(GeneratedPopulationFixture.Count, fixture.Result.Persons);
        Assert.InRange(fixture.Result.Households, 300, 1_500);
        Assert.Equal((GeneratedPopulationFixture.Count, GeneratedPopulationFixture.Count), fixture.Progress[^1]);
    }

    [Fact]
    public async Task Every_kidc_is_valid_unique_and_issued_to_its_person()
    {
        var (persons, issued) = await WithDbAsync(async (db, _) => (
            await db.Persons.AsNoTracking().Select(p => new { p.Id, p.Kidc }).ToListAsync(),
            await db.IssuedKidcs.AsNoTracking().ToListAsync()));

        Assert.All(persons, p => Assert.True(KidcCode.IsValid(p.Kidc), $"{p.Kidc} is not a valid KIDC"));
        Assert.Equal(persons.Count, persons.Select(p => p.Kidc).Distinct().Count());
        var byCode = issued.ToDictionary(k => k.Code);
        Assert.All(persons, p =>
        {
            Assert.True(byCode.TryGetValue(p.Kidc, out var row));
            Assert.Equal(KidcStatus.Assigned, row!.Status);
            Assert.Equal(p.Id, row.PersonId);
        });
    }

    [Fact]
    public async Task Parents_exist_and_are_at_least_14_years_older_than_their_children()
    {
        var persons = await WithDbAsync(async (db, _) => await db.Persons.AsNoTracking().ToListAsync());
        var byKidc = persons.ToDictionary(p => p.Kidc);
        var children = persons.Where(p => p.FatherKidc is not null || p.MotherKidc is not null).ToList();

        Assert.NotEmpty(children);
        foreach (var child in children)
        {
            foreach (var (kidc, sex) in new[] { (child.FatherKidc, Sex.Male), (child.MotherKidc, Sex.Female) })
            {
                if (kidc is null)
                {
                    continue;
                }

                Assert.True(byKidc.TryGetValue(kidc, out var parent), "a parent KIDC refers to nobody");
                Assert.Equal(sex, parent!.Sex);
                Assert.True(Earliest(child) >= Latest(parent).AddYears(14), "a parent is less than 14 years older than the child");
                Assert.Equal(parent.ResidenceVillageCode, child.ResidenceVillageCode);
            }
        }

        // Children take the father's surname.
        Assert.All(children.Where(c => c.FatherKidc is not null), c => Assert.Equal(byKidc[c.FatherKidc!].SurnameKm, c.SurnameKm));
    }

    [Fact]
    public async Task Residences_and_places_of_birth_are_gazetteer_villages()
    {
        var (persons, villages) = await WithDbAsync(async (db, platform) => (
            await db.Persons.AsNoTracking().Select(p => new { p.ResidenceVillageCode, p.BirthPlaceCode, p.BirthCountry }).ToListAsync(),
            (await platform.GazetteerUnits.AsNoTracking().Where(u => u.Level == AdminLevel.Village).Select(u => u.Code).ToListAsync())
                .ToHashSet(StringComparer.Ordinal)));

        Assert.All(persons, p =>
        {
            Assert.Contains(p.ResidenceVillageCode, villages);
            Assert.True(p.BirthPlaceCode is null ? p.BirthCountry is not null : villages.Contains(p.BirthPlaceCode));
        });
        // Spread out: 2,000 persons land in hundreds of villages.
        Assert.True(persons.Select(p => p.ResidenceVillageCode).Distinct().Count() > 200);
    }

    [Fact]
    public async Task Name_keys_are_those_of_NameKeys_and_names_are_normalized()
    {
        var persons = await WithDbAsync(async (db, _) => await db.Persons.AsNoTracking()
            .Select(p => new { p.SurnameKm, p.GivenNameKm, p.SurnameLatin, p.GivenNameLatin, p.NameKmKey, p.NameLatinKey })
            .ToListAsync());

        Assert.All(persons, p =>
        {
            Assert.Equal(NameKeys.KhmerKey(p.SurnameKm, p.GivenNameKm), p.NameKmKey);
            Assert.Equal(NameKeys.LatinKey(p.SurnameLatin, p.GivenNameLatin), p.NameLatinKey);
            Assert.Equal(KhmerText.Normalize(p.SurnameKm), p.SurnameKm);
            Assert.Equal(KhmerText.Normalize(p.GivenNameKm), p.GivenNameKm);
        });
    }

    [Fact]
    public async Task The_population_is_young_with_some_old_partial_dates_and_a_few_deaths()
    {
        var persons = await WithDbAsync(async (db, _) => await db.Persons.AsNoTracking().ToListAsync());
        var reference = GeneratedPopulationFixture.Reference;
        int Age(PersonEntity p) => reference.Year - p.BirthYear;

        Assert.True(persons.Count(p => Age(p) < 30) > persons.Count(p => Age(p) > 60));
        Assert.Contains(persons, p => p.BirthDay is null);
        Assert.All(persons.Where(p => p.BirthDay is null || p.BirthMonth is null), p => Assert.True(p.BirthYear < 1975));
        Assert.Contains(persons, p => p.LifeStatus == LifeStatus.Deceased);
        Assert.All(persons.Where(p => p.LifeStatus == LifeStatus.Deceased), p =>
        {
            Assert.NotNull(p.DeathDate);
            Assert.True(p.DeathDate < reference);
            Assert.True(p.DeathDate!.Value.Year >= p.BirthYear);
        });
        Assert.All(persons.Where(p => p.LifeStatus == LifeStatus.Alive), p => Assert.Null(p.DeathDate));
        Assert.All(persons.Where(p => Age(p) < 16), p => Assert.Equal(MaritalStatus.NeverMarried, p.MaritalStatus));
        Assert.All(persons.Where(p => p.CitizenshipStatus == CitizenshipStatus.CitizenByBirth), p => Assert.Equal("KH", p.Nationality));
        Assert.All(persons.Where(p => p.CitizenshipStatus == CitizenshipStatus.ForeignResident), p => Assert.NotEqual("KH", p.Nationality));
    }

    [Fact]
    public async Task Adults_hold_khmer_id_cards_valid_ten_years_and_readable_through_ef()
    {
        var persons = await WithDbAsync(async (db, _) => await db.Persons.AsNoTracking().Include(p => p.Documents).ToListAsync());
        var cards = persons.SelectMany(p => p.Documents.Select(d => (Person: p, Card: d))).ToList();

        Assert.True(cards.Count > GeneratedPopulationFixture.Count / 4);
        Assert.Equal(cards.Count, cards.Select(c => c.Card.Number).Distinct().Count());
        Assert.All(cards, c =>
        {
            Assert.Equal(DocumentType.KhmerIdCard, c.Card.Type);
            Assert.Matches("^[0-9]{9}$", c.Card.Number);
            Assert.Equal("Khmer ID System", c.Card.IssuingSystem);
            Assert.Equal(c.Card.IssuedOn!.Value.AddYears(10), c.Card.ValidUntil);
            Assert.True(c.Card.IssuedOn!.Value.Year - c.Person.BirthYear >= 15);
            Assert.Equal(CitizenshipStatus.CitizenByBirth, c.Person.CitizenshipStatus);
        });
    }

    [Fact]
    public async Task Couples_have_spouse_links_matching_their_marital_status()
    {
        var (persons, links) = await WithDbAsync(async (db, _) => (
            await db.Persons.AsNoTracking().ToDictionaryAsync(p => p.Kidc),
            await db.PersonSpouses.AsNoTracking().ToListAsync()));

        Assert.NotEmpty(links);
        Assert.All(links.GroupBy(l => l.MarriageReference), couple =>
        {
            Assert.Equal(2, couple.Count());
            var (a, b) = (couple.First(), couple.Last());
            Assert.Equal((a.PersonKidc, a.SpouseKidc), (b.SpouseKidc, b.PersonKidc));
            Assert.Equal(a.From, b.From);
            var (husband, wife) = persons[a.PersonKidc].Sex == Sex.Male ? (persons[a.PersonKidc], persons[b.PersonKidc]) : (persons[b.PersonKidc], persons[a.PersonKidc]);
            Assert.True(a.From >= new DateOnly(wife.BirthYear + 18, 1, 1) && a.From >= new DateOnly(husband.BirthYear + 18, 1, 1));
            if (a.EndedBy is null)
            {
                Assert.Equal((MaritalStatus.Married, MaritalStatus.Married), (husband.MaritalStatus, wife.MaritalStatus));
            }
            else
            {
                Assert.Equal(MarriageEndKind.Death, a.EndedBy);
                var (dead, survivor) = husband.LifeStatus == LifeStatus.Deceased ? (husband, wife) : (wife, husband);
                Assert.Equal(dead.DeathDate, a.Until);
                Assert.Equal(MaritalStatus.Widowed, survivor.MaritalStatus);
            }
        });
        // A married person of the registry has at most one marriage in force.
        Assert.Equal(links.Count(l => l.EndedBy is null), links.Where(l => l.EndedBy is null).Select(l => l.PersonKidc).Distinct().Count());
    }

    [Fact]
    public async Task Version_snapshots_are_json_of_the_record()
    {
        var rows = await WithDbAsync(async (db, _) => await db.PersonVersions.AsNoTracking()
            .Join(db.Persons, v => v.PersonId, p => p.Id, (v, p) => new { v, p })
            .Take(300).ToListAsync());

        Assert.Equal(300, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("*", r.v.ChangedFields);
            Assert.Equal("Synthetic population (generator)", r.v.Reason);
            Assert.Contains(r.v.Source, new[] { ChangeSource.Crvs, ChangeSource.ManualCorrection });
            using var json = JsonDocument.Parse(r.v.Snapshot);
            var root = json.RootElement;
            Assert.Equal(r.p.Kidc, root.GetProperty("kidc").GetString());
            Assert.Equal(r.p.GivenNameKm, root.GetProperty("givenNameKm").GetString());
            Assert.Equal(r.p.ResidenceVillageCode, root.GetProperty("residence").GetProperty("villageCode").GetString());
            Assert.Equal(r.p.MotherKidc, root.TryGetProperty("mother", out var mother) ? mother.GetProperty("kidc").GetString() : null);
            Assert.Equal(r.p.BirthPlaceCode, root.GetProperty("birthPlace").TryGetProperty("code", out var place) ? place.GetString() : null);
            Assert.Equal(r.p.Sex.ToString(), root.GetProperty("sex").GetString());
        });
    }

    private static DateOnly Earliest(PersonEntity p) => new(p.BirthYear, p.BirthMonth ?? 1, p.BirthDay ?? 1);

    private static DateOnly Latest(PersonEntity p)
    {
        var month = p.BirthMonth ?? 12;
        return new DateOnly(p.BirthYear, month, p.BirthDay ?? DateTime.DaysInMonth(p.BirthYear, month));
    }
}

public sealed class PopulationGeneratorRunTests
{
    [Fact]
    public async Task Same_seed_gives_the_same_people_under_new_kidcs()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        await SeedVillagesAsync(services);
        var generator = new PopulationGenerator(services, TimeProvider.System);
        var options = new PopulationGenerationOptions { Count = 250, Seed = 99, BatchSize = 60, ReferenceDate = new DateOnly(2026, 1, 15) };

        await generator.GenerateAsync(options);
        await generator.GenerateAsync(options);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
        var people = await db.Persons.AsNoTracking().ToListAsync();
        Assert.Equal(500, people.Count);
        Assert.Equal(500, people.Select(p => p.Kidc).Distinct().Count());
        var groups = people
            .GroupBy(p => (p.SurnameKm, p.GivenNameKm, p.Sex, p.BirthYear, p.BirthMonth, p.BirthDay, p.ResidenceVillageCode, p.ResidenceAddress))
            .ToList();
        // Every person of the first run has an identical twin in the second (apart from rare coincidences within a run).
        Assert.All(groups, g => Assert.Equal(0, g.Count() % 2));
        var cards = await db.PersonDocuments.AsNoTracking().Select(d => d.Number).ToListAsync();
        Assert.Equal(cards.Count, cards.Distinct().Count());
    }

    [Fact]
    public async Task Fails_clearly_without_a_gazetteer()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var services = database.BuildServices();
        var generator = new PopulationGenerator(services, TimeProvider.System);

        var error = await Assert.ThrowsAsync<Nokor.Platform.Errors.PreconditionException>(() =>
            generator.GenerateAsync(new PopulationGenerationOptions { Count = 10 }));
        Assert.Contains("gazetteer", error.Message, StringComparison.OrdinalIgnoreCase);
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PopulationDbContext>().Persons.CountAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(PopulationGenerator.MaxCount + 1)]
    public async Task Rejects_counts_out_of_range(long count)
    {
        var generator = new PopulationGenerator(new ServiceCollection().BuildServiceProvider(), TimeProvider.System);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            generator.GenerateAsync(new PopulationGenerationOptions { Count = count }));
    }

    /// <summary>A few villages in two communes of Phnom Penh and one of Kandal, enough for the generator.</summary>
    private static async Task SeedVillagesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var code in new[] { "12010101", "12010102", "12010201", "08010101", "08010102" })
        {
            platform.GazetteerUnits.Add(new GazetteerUnit
            {
                Code = code, Level = AdminLevel.Village, ParentCode = code[..6], NameKm = "ភូមិ " + code, NameLatin = "Phum " + code,
            });
        }

        await platform.SaveChangesAsync();
    }
}
