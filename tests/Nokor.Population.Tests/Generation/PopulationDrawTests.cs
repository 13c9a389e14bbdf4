using Nokor.Platform.Khmer;
using Nokor.Population.Contracts;
using Nokor.Population.Generation;

namespace Nokor.Population.Tests.Generation;

/// <summary>The demographic draws alone, without a database: fast enough for large samples.</summary>
public sealed class PopulationDrawTests
{
    private static readonly DateOnly s_reference = new(2026, 11, 1);

    private static readonly VillageSet s_villages = new(
        [
            "12010101", "12010102", "12010201", "12020101",
            "08010101", "08010102", "08010201", "08020101",
            "17010101", "17010102", "17050301",
        ],
        new HashSet<string>(["1701"], StringComparer.Ordinal));

    private static List<SyntheticPerson> DrawAll(int seed, long count, int batchSize) =>
        PopulationGenerator.Draw(seed, count, batchSize, NameLists.Embedded, s_villages, s_reference).SelectMany(b => b).ToList();

    private static string Signature(SyntheticPerson p) =>
        $"{p.Surname.Km}|{p.GivenName.Km}|{p.Sex}|{p.BirthDateText}|{p.BirthPlaceCode}|{p.ResidenceVillageCode}|{p.ResidenceAddress}|" +
        $"{p.MaritalStatus}|{p.LifeStatus}|{p.DeathDate}|{p.Nationality}|{p.IdCardIssuedOn}|{p.Father?.GivenName.Km}|{p.Mother?.GivenName.Km}";

    [Fact]
    public void The_same_seed_draws_the_same_sequence_whatever_the_batch_size()
    {
        var a = DrawAll(42, 5_000, 1_000).Select(Signature).ToList();
        var b = DrawAll(42, 5_000, 333).Select(Signature).ToList();
        var c = DrawAll(43, 5_000, 1_000).Select(Signature).ToList();

        Assert.Equal(5_000, a.Count);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Batches_hold_whole_households_and_the_count_is_exact()
    {
        var batches = PopulationGenerator.Draw(1, 10_001, 1_000, NameLists.Embedded, s_villages, s_reference).ToList();

        Assert.Equal(10_001, batches.Sum(b => b.Count));
        Assert.All(batches.SkipLast(1), b => Assert.InRange(b.Count, 1_000, 1_020));
        foreach (var batch in batches)
        {
            var inBatch = batch.ToHashSet();
            Assert.All(batch.Where(p => p.Father is not null), p => Assert.Contains(p.Father!, inBatch));
            Assert.All(batch.Where(p => p.Mother is not null), p => Assert.Contains(p.Mother!, inBatch));
        }
    }

    [Fact]
    public void A_large_sample_follows_the_documented_shape()
    {
        var people = DrawAll(2026, 100_000, 10_000);
        var ages = people.Select(p => HouseholdBuilder.AgeOn(p.BirthDate, s_reference)).Order().ToList();
        double Share(Func<SyntheticPerson, bool> predicate) => people.Count(predicate) / (double)people.Count;

        Assert.InRange(ages[ages.Count / 2], 22, 30);
        Assert.True(ages.Count(a => a < 30) > 4 * ages.Count(a => a >= 60));
        Assert.InRange(Share(p => p.IsForeignResident), 0.002, 0.01);
        Assert.InRange(Share(p => p.LifeStatus == LifeStatus.Deceased), 0.003, 0.05);
        Assert.InRange(Share(p => p.Sex == Sex.Female), 0.48, 0.56);
        Assert.InRange(Share(p => p.IdCardIssuedOn is not null), 0.3, 0.7);
        Assert.InRange(Share(p => p.Father is null && p.Mother is null), 0.3, 0.7);

        var old = people.Where(p => p.BirthYear < 1975).ToList();
        Assert.InRange(old.Count(p => !p.BirthMonthKnown) / (double)old.Count, 0.15, 0.35);
        Assert.InRange(old.Count(p => p.BirthMonthKnown && !p.BirthDayKnown) / (double)old.Count, 0.08, 0.25);
        Assert.All(people.Where(p => p.BirthYear >= 1975), p => Assert.True(p.BirthDayKnown && p.BirthMonthKnown));

        Assert.All(people.Where(p => p.Father is not null || p.Mother is not null), child =>
        {
            Assert.True(child.Father is null || child.Father.BirthDate.AddYears(14) <= child.BirthDate);
            Assert.True(child.Mother is null || child.Mother.BirthDate.AddYears(14) <= child.BirthDate);
            Assert.True(child.Father is null || child.Father.Surname == child.Surname);
            Assert.True(child.Mother is null || child.Mother.DeathDate is null || child.Mother.DeathDate >= child.BirthDate);
            Assert.Equal(child.Mother?.Nationality ?? child.Nationality, child.Nationality);
        });
        Assert.All(people.Where(p => p.IsForeignResident), p => Assert.NotEqual("KH", p.Nationality));
        Assert.All(people.Where(p => p.FatherNameKm is not null), p => Assert.Null(p.Father));
        Assert.All(people.Where(p => p.MaritalStatus == MaritalStatus.Widowed && p.Father is null && p.Mother is null),
            p => Assert.True(HouseholdBuilder.AgeOn(p.BirthDate, s_reference) >= 18));

        // The capital's villages are weighted: 4 of 11 villages, yet more than half of the households.
        Assert.InRange(Share(p => p.ResidenceVillageCode.StartsWith("12", StringComparison.Ordinal)), 0.45, 0.75);
    }

    [Fact]
    public void The_name_lists_are_large_normalized_and_romanized()
    {
        var names = NameLists.Embedded;

        Assert.True(names.Surnames.Count >= 80);
        Assert.True(names.Male.Count >= 150);
        Assert.True(names.Female.Count >= 130);
        foreach (var entry in names.Surnames.Items.Concat(names.Male.Items).Concat(names.Female.Items))
        {
            Assert.Equal(KhmerText.Normalize(entry.Km), entry.Km);
            Assert.All(entry.Km, ch => Assert.InRange(ch, '\u1780', '\u17FF'));
            Assert.Matches("^[A-Z][a-z]+( [A-Z][a-z]+)?$", entry.Latin);
        }

        Assert.Equal(names.Surnames.Count, names.Surnames.Items.Select(n => n.Km).Distinct().Count());
    }

    [Fact]
    public void Ages_follow_the_pyramid_bands_within_limits()
    {
        var random = new Random(5);
        var ages = Enumerable.Range(0, 50_000).Select(_ => AgePyramid.Sample(random, 18, 80)).ToList();

        Assert.All(ages, a => Assert.InRange(a, 18, 80));
        Assert.True(ages.Count(a => a < 25) > ages.Count(a => a is >= 40 and < 45));
        Assert.Equal(20, AgePyramid.Sample(random, 20, 20));
    }
}
