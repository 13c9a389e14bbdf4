using Microsoft.EntityFrameworkCore;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Tests.Families;

/// <summary>Recognitions, legitimizations and adoptions as their approvals change a child's parents in the registry.</summary>
public sealed class ParentageTests(FamilyRegistry registry) : IClassFixture<FamilyRegistry>
{
    private Task<Nokor.Platform.Errors.Outcome<PersonRecord>> Change(ParentageChange change, string reference) =>
        registry.Registry(r => r.ChangeParentsAsync(change, FamilyRegistry.Crvs, reference, CancellationToken.None));

    [Fact]
    public async Task A_recognition_fills_the_missing_father_in_a_new_version_and_once_per_reference()
    {
        var mother = await registry.PersonAsync("ឈួន", "សុភាព", "Chhuon", "Sopheap", Sex.Female, "1990-01-01");
        var father = await registry.PersonAsync("ប៊ុន", "ធឿន", "Bun", "Thoeun", Sex.Male, "1988-02-02");
        var child = await registry.PersonAsync("ឈួន", "ពិសី", "Chhuon", "Pisey", Sex.Female, "2020-03-03", mother: mother, fatherNameKm: "ប៊ុន ធឿន");
        var reference = FamilyRegistry.Reference("recognition");
        var change = new ParentageChange(child, ParentageKind.Recognition, null, father, new DateOnly(2026, 5, 5), "Recognition registered R120101-2026-000001");

        var outcome = await Change(change, reference);
        var again = await Change(change, reference);

        Assert.True(outcome.IsOk);
        Assert.Equal(new ParentLink(father, "ប៊ុន ធឿន", "Bun Thoeun"), outcome.Value!.Father);
        Assert.Equal(mother, outcome.Value.Mother!.Kidc);
        Assert.Equal(2, outcome.Value.Version);
        Assert.True(again.IsOk);
        Assert.Equal(2, again.Value!.Version);
        Assert.Contains(child, (await registry.RecordAsync(father)).Children.Select(c => c.Kidc));
    }

    [Fact]
    public async Task A_recognition_of_a_child_who_already_has_that_parent_is_refused_on_parentKidc()
    {
        var mother = await registry.PersonAsync("សោម", "រចនា", "Saom", "Rachna", Sex.Female, "1991-01-01");
        var father = await registry.PersonAsync("ពៅ", "វណ្ណៈ", "Pov", "Vannak", Sex.Male, "1989-02-02");
        var other = await registry.PersonAsync("ជិន", "សុផាត", "Chin", "Sophat", Sex.Male, "1987-02-02");
        var child = await registry.PersonAsync("ពៅ", "ចាន់ណា", "Pov", "Channa", Sex.Male, "2019-03-03", father: father, mother: mother);

        var same = await Change(new ParentageChange(child, ParentageKind.Recognition, null, father, new DateOnly(2026, 1, 1), "Recognition"), FamilyRegistry.Reference("recognition"));
        var another = await Change(new ParentageChange(child, ParentageKind.Legitimization, null, other, new DateOnly(2026, 1, 1), "Legitimization"), FamilyRegistry.Reference("legitimization"));
        var woman = await Change(new ParentageChange(child, ParentageKind.Recognition, null, mother, new DateOnly(2026, 1, 1), "Recognition"), FamilyRegistry.Reference("recognition"));

        Assert.Equal("The child already has this father.", Assert.Single(same.Errors["parentKidc"]));
        Assert.Equal("The child already has another father in the registry: a recognition fills only a missing parent.", Assert.Single(another.Errors["parentKidc"]));
        Assert.Equal("The father is recorded as a woman.", Assert.Single(woman.Errors["parentKidc"]));
        var record = await registry.RecordAsync(child);
        Assert.Equal(father, record.Father!.Kidc);
        Assert.Equal(1, record.Version);
    }

    [Fact]
    public async Task A_simple_adoption_adds_adoptive_parents_and_keeps_the_parents()
    {
        var mother = await registry.PersonAsync("ទូច", "សុខលី", "Touch", "Sokly", Sex.Female, "1993-01-01");
        var adopter = await registry.PersonAsync("ម៉ម", "សុផានី", "Mom", "Sophany", Sex.Female, "1970-01-01");
        var child = await registry.PersonAsync("ទូច", "រក្សា", "Touch", "Reaksa", Sex.Male, "2016-06-06", mother: mother);
        var reference = FamilyRegistry.Reference("adoption");

        var outcome = await Change(new ParentageChange(child, ParentageKind.SimpleAdoption, adopter, null, new DateOnly(2025, 2, 2), "Simple adoption registered P120101-2026-000002"), reference);
        var twice = await Change(new ParentageChange(child, ParentageKind.SimpleAdoption, adopter, null, new DateOnly(2025, 3, 3), "Simple adoption"), FamilyRegistry.Reference("adoption"));

        Assert.Equal(mother, outcome.Value!.Mother!.Kidc);
        Assert.Equal(new ParentLink(adopter, "ម៉ម សុផានី", "Mom Sophany"), Assert.Single(outcome.Value.AdoptiveParents));
        Assert.Equal("This person is already an adoptive parent of the child.", Assert.Single(twice.Errors["parentKidc"]));
    }

    [Fact]
    public async Task A_full_adoption_replaces_the_parents_and_the_names_and_seals_the_earlier_parents()
    {
        var mother = await registry.PersonAsync("ស៊ាន", "ស្រីនីត", "Sean", "Sreynit", Sex.Female, "1995-01-01");
        var adoptiveFather = await registry.PersonAsync("គឹម", "សុខហេង", "Kim", "Sokheng", Sex.Male, "1975-01-01");
        var adoptiveMother = await registry.PersonAsync("ទេព", "បុប្ផា", "Tep", "Bopha", Sex.Female, "1978-01-01");
        var child = await registry.PersonAsync("ស៊ាន", "ដាវីត", "Sean", "Davit", Sex.Male, "2022-02-02", mother: mother, fatherNameKm: "ឡាយ សុខា");
        var reference = FamilyRegistry.Reference("adoption");

        var outcome = await Change(new ParentageChange(child, ParentageKind.FullAdoption, adoptiveMother, adoptiveFather, new DateOnly(2026, 6, 6), "Full adoption registered P120101-2026-000003")
        {
            NewSurnameKm = "គឹម", NewSurnameLatin = "Kim",
        }, reference);

        Assert.True(outcome.IsOk);
        var record = outcome.Value!;
        Assert.Equal(adoptiveFather, record.Father!.Kidc);
        Assert.Equal(adoptiveMother, record.Mother!.Kidc);
        Assert.Equal(("គឹម", "ដាវីត", "Kim", "Davit"), (record.SurnameKm, record.GivenNameKm, record.SurnameLatin, record.GivenNameLatin));
        Assert.Empty(record.AdoptiveParents);
        Assert.DoesNotContain(child, (await registry.RecordAsync(mother)).Children.Select(c => c.Kidc));
        var sealedLinks = await registry.Tables(db => db.PersonParents.Where(l => l.Reference == reference && l.Kind == ParentLinkKind.Sealed)
            .OrderBy(l => l.Role).Select(l => new { l.Role, l.ParentKidc, l.ParentNameKm }).ToListAsync());
        Assert.Equal([new { Role = ParentRole.Father, ParentKidc = (string?)null, ParentNameKm = (string?)"ឡាយ សុខា" }, new { Role = ParentRole.Mother, ParentKidc = (string?)mother, ParentNameKm = (string?)null }], sealedLinks);
        // The sealed mother is still the child's mother for the kinship check.
        var kinship = await registry.Registry(r => r.KinshipAsync(mother, child, new KinshipLimits(), FamilyRegistry.Crvs, "test", CancellationToken.None));
        Assert.Equal((KinshipKind.Lineal, 1), (kinship!.Kind, kinship.Degree));
        var adoptive = await registry.Registry(r => r.KinshipAsync(adoptiveFather, child, new KinshipLimits(), FamilyRegistry.Crvs, "test", CancellationToken.None));
        Assert.Equal((KinshipKind.Adoptive, 1), (adoptive!.Kind, adoptive.Degree));
    }
}
