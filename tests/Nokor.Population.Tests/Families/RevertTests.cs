using Microsoft.EntityFrameworkCore;
using Nokor.Population.Contracts;

namespace Nokor.Population.Tests.Families;

/// <summary>Reverting what a family event wrote when its registration will never be approved.</summary>
public sealed class RevertTests(FamilyRegistry registry) : IClassFixture<FamilyRegistry>
{
    private Task<bool> Revert(string reference) =>
        registry.Registry(r => r.RevertAsync(reference, FamilyRegistry.Crvs, "registration rejected at verification", CancellationToken.None));

    [Fact]
    public async Task A_reverted_marriage_leaves_both_as_before_and_is_never_applied_again()
    {
        var husband = await registry.PersonAsync("ប៉ែន", "សុភ័ណ្ឌ", "Pen", "Sophorn", Sex.Male, "1990-01-01");
        var wife = await registry.PersonAsync("អ៊ឹម", "ស្រីល័ក្ខ", "Im", "Sreyleak", Sex.Female, "1992-01-01");
        var reference = FamilyRegistry.Reference("marriage");
        Assert.True((await registry.MarryAsync(husband, wife, "2026-01-01", reference)).IsOk);

        Assert.True(await Revert(reference));
        Assert.True(await Revert(reference));
        var again = await registry.MarryAsync(husband, wife, "2026-01-01", reference);

        var record = await registry.RecordAsync(wife);
        Assert.Equal(MaritalStatus.NeverMarried, record.MaritalStatus);
        Assert.Empty(record.Spouses);
        Assert.Equal(3, record.Version);
        Assert.Equal("What was recorded under this reference was reverted; it is not applied again.", Assert.Single(again.Errors["reference"]));
        Assert.Null(await registry.Registry(r => r.MarriageInForceAsync(husband, FamilyRegistry.Crvs, "test", CancellationToken.None)));
    }

    [Fact]
    public async Task A_marriage_that_has_since_ended_is_not_reverted_but_its_divorce_is()
    {
        var husband = await registry.PersonAsync("សួន", "ច័ន្ទ", "Suon", "Chan", Sex.Male, "1985-01-01");
        var wife = await registry.PersonAsync("ផន", "សុគន្ធា", "Phon", "Sokunthea", Sex.Female, "1987-01-01");
        var marriage = FamilyRegistry.Reference("marriage");
        var divorce = FamilyRegistry.Reference("divorce");
        Assert.True((await registry.MarryAsync(husband, wife, "2010-01-01", marriage)).IsOk);
        Assert.True((await registry.EndAsync(marriage, MarriageEndKind.Divorce, "2026-01-01", divorce)).IsOk);

        Assert.False(await Revert(marriage));
        Assert.Equal(MaritalStatus.Divorced, (await registry.RecordAsync(wife)).MaritalStatus);
        Assert.True(await Revert(divorce));

        var record = await registry.RecordAsync(wife);
        Assert.Equal(MaritalStatus.Married, record.MaritalStatus);
        Assert.Null(Assert.Single(record.Spouses).EndedBy);
    }

    [Fact]
    public async Task A_name_change_is_reverted_unless_a_later_version_changed_the_name_again()
    {
        var kidc = await registry.PersonAsync("ស្រី", "ពៅ", "Srey", "Pov", Sex.Female, "2000-01-01");
        var nameChange = "crvs:name-change:" + Guid.NewGuid();
        Assert.True((await registry.Registry(r => r.CorrectAsync(kidc, new PersonCorrection("ស្រី", "សុវណ្ណារី", "Srey", "Sovannary", null, null, null, null, null,
            "Name change registered N120101-2026-000001"), FamilyRegistry.Crvs, nameChange, CancellationToken.None))).IsOk);

        Assert.True(await Revert(nameChange));
        var reverted = await registry.RecordAsync(kidc);

        var other = await registry.PersonAsync("ឈាង", "ម៉ានិត", "Chheang", "Manit", Sex.Male, "2001-01-01");
        var second = "crvs:name-change:" + Guid.NewGuid();
        Assert.True((await registry.Registry(r => r.CorrectAsync(other, new PersonCorrection(null, "វិចិត្រ", null, "Vichet", null, null, null, null, null,
            "Name change registered N120101-2026-000002"), FamilyRegistry.Crvs, second, CancellationToken.None))).IsOk);
        Assert.True((await registry.Registry(r => r.CorrectAsync(other, new PersonCorrection(null, "វិចិត្រា", null, "Vichetra", null, null, null, null, null,
            "Correction registered C120101-2026-000003"), FamilyRegistry.Crvs, "crvs:correction:" + Guid.NewGuid(), CancellationToken.None))).IsOk);

        Assert.Equal(("ពៅ", "Pov"), (reverted.GivenNameKm, reverted.GivenNameLatin));
        Assert.Equal(3, reverted.Version);
        Assert.False(await Revert(second));
        Assert.Equal("Vichetra", (await registry.RecordAsync(other)).GivenNameLatin);
    }

    [Fact]
    public async Task A_reverted_full_adoption_gives_back_the_parents_and_the_name()
    {
        var mother = await registry.PersonAsync("ម៉ី", "ចន្ថា", "Mey", "Chantha", Sex.Female, "1994-01-01");
        var adopter = await registry.PersonAsync("ស៊ុយ", "វណ្ណា", "Suy", "Vanna", Sex.Male, "1972-01-01");
        var child = await registry.PersonAsync("ម៉ី", "សុភា", "Mey", "Sophea", Sex.Female, "2021-01-01", mother: mother);
        var reference = FamilyRegistry.Reference("adoption");
        Assert.True((await registry.Registry(r => r.ChangeParentsAsync(new ParentageChange(child, ParentageKind.FullAdoption, null, adopter,
            new DateOnly(2026, 2, 2), "Full adoption registered P120101-2026-000004") { NewSurnameKm = "ស៊ុយ", NewSurnameLatin = "Suy" },
            FamilyRegistry.Crvs, reference, CancellationToken.None))).IsOk);

        Assert.True(await Revert(reference));

        var record = await registry.RecordAsync(child);
        Assert.Equal(mother, record.Mother!.Kidc);
        Assert.Null(record.Father);
        Assert.Equal(("ម៉ី", "Mey"), (record.SurnameKm, record.SurnameLatin));
        Assert.Equal(0, await registry.Tables(db => db.PersonParents.CountAsync(l => l.Reference == reference)));
        Assert.Null(await registry.Registry(r => r.KinshipAsync(adopter, child, new KinshipLimits(), FamilyRegistry.Crvs, "test", CancellationToken.None)));
    }
}
