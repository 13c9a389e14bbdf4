using Nokor.Population.Contracts;

namespace Nokor.Population.Tests.Families;

/// <summary>
/// The kinship check of a marriage (Civil Code art. 950-952), on one family: grandparents Sok San
/// and Chea Phalla; their son Sok Dara and daughter Sok Sreypov; Dara's children with Keo Malis
/// (Visal and Channary) and with Heng Sothy (Ratana, a half-brother); Sreypov's son with Lim
/// Borey (Lim Piseth, the cousin).
/// </summary>
public sealed class KinshipTests(FamilyRegistry registry) : IClassFixture<FamilyRegistry>, IAsyncLifetime
{
    private string _san = "", _phalla = "", _dara = "", _sreypov = "", _malis = "", _sothy = "", _visal = "", _channary = "", _ratana = "", _borey = "", _piseth = "";

    public async Task InitializeAsync()
    {
        _san = await registry.PersonAsync("សុខ", "សាន", "Sok", "San", Sex.Male, "1940-02-02");
        _phalla = await registry.PersonAsync("ជា", "ផល្លា", "Chea", "Phalla", Sex.Female, "1945-03-03");
        _dara = await registry.PersonAsync("សុខ", "ដារ៉ា", "Sok", "Dara", Sex.Male, "1968-04-04", father: _san, mother: _phalla);
        _sreypov = await registry.PersonAsync("សុខ", "ស្រីពៅ", "Sok", "Sreypov", Sex.Female, "1972-05-05", father: _san, mother: _phalla);
        _malis = await registry.PersonAsync("កែវ", "ម្លិះ", "Keo", "Malis", Sex.Female, "1970-06-06");
        _sothy = await registry.PersonAsync("ហេង", "សុធី", "Heng", "Sothy", Sex.Female, "1975-07-07");
        _visal = await registry.PersonAsync("សុខ", "វិសាល", "Sok", "Visal", Sex.Male, "1995-08-08", father: _dara, mother: _malis);
        _channary = await registry.PersonAsync("សុខ", "ចន្ធារី", "Sok", "Channary", Sex.Female, "1997-09-09", father: _dara, mother: _malis);
        _ratana = await registry.PersonAsync("សុខ", "រតនា", "Sok", "Ratana", Sex.Male, "2001-10-10", father: _dara, mother: _sothy);
        _borey = await registry.PersonAsync("លីម", "បូរី", "Lim", "Borey", Sex.Male, "1970-11-11");
        _piseth = await registry.PersonAsync("លីម", "ពិសិដ្ឋ", "Lim", "Piseth", Sex.Male, "1998-12-12", father: _borey, mother: _sreypov);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The kind, degree and description found (null when none); the Khmer description is asserted on its own.</summary>
    private async Task<(KinshipKind, int, string)?> Found(string a, string b, KinshipLimits? limits = null) =>
        await Kinship(a, b, limits) is { } k ? (k.Kind, k.Degree, k.Description) : null;

    private Task<Kinship?> Kinship(string a, string b, KinshipLimits? limits = null) =>
        registry.Registry(r => r.KinshipAsync(a, b, limits ?? new KinshipLimits(), FamilyRegistry.Crvs, "test: marriage kinship check", CancellationToken.None));

    [Fact]
    public async Task Siblings_are_collateral_in_the_second_degree()
    {
        var found = await Kinship(_visal, _channary);
        Assert.Equal((KinshipKind.Collateral, 2, "siblings (2nd degree)"), (found!.Kind, found.Degree, found.Description));
        Assert.Equal("បងប្អូនបង្កើត (ថ្នាក់ទី ២)", found.DescriptionKm);
    }

    [Fact]
    public async Task Half_siblings_share_one_parent() =>
        Assert.Equal((KinshipKind.Collateral, 2, "half-siblings (2nd degree)"), await Found(_channary, _ratana));

    [Fact]
    public async Task An_aunt_and_her_nephew_are_in_the_third_degree() =>
        Assert.Equal((KinshipKind.Collateral, 3, "uncle or aunt and nephew or niece (3rd degree)"), await Found(_sreypov, _visal));

    [Fact]
    public async Task First_cousins_are_beyond_the_third_degree_and_found_when_the_limit_allows()
    {
        Assert.Null(await Kinship(_channary, _piseth));
        Assert.Equal((KinshipKind.Collateral, 4, "first cousins (4th degree)"), await Found(_channary, _piseth, new KinshipLimits(MaxCollateralDegree: 4)));
    }

    [Fact]
    public async Task A_grandparent_is_a_lineal_relative_either_way_round()
    {
        Assert.Equal((KinshipKind.Lineal, 2, "grandparent and grandchild (2nd degree)"), await Found(_phalla, _piseth));
        Assert.Equal((KinshipKind.Lineal, 1, "parent and child (1st degree)"), await Found(_visal, _dara));
        Assert.Null(await Kinship(_san, _piseth, new KinshipLimits(MaxLinealDegree: 1)));
    }

    [Fact]
    public async Task Unrelated_persons_have_no_kinship() =>
        Assert.Null(await Kinship(_malis, _borey));

    [Fact]
    public async Task A_former_spouses_child_is_a_lineal_relative_by_affinity()
    {
        // Heng Sothy married Sok Dara, then divorced him; his son Visal (by Keo Malis) is her stepson.
        var marriage = FamilyRegistry.Reference("marriage");
        var stepmother = await registry.PersonAsync("ហេង", "សុភ័ក្ត្រ", "Heng", "Sopheak", Sex.Female, "1976-01-01");
        Assert.True((await registry.MarryAsync(_dara, stepmother, "2003-03-03", marriage)).IsOk);
        Assert.True((await registry.EndAsync(marriage, MarriageEndKind.Divorce, "2010-10-10", FamilyRegistry.Reference("divorce"))).IsOk);

        Assert.Equal((KinshipKind.LinealByAffinity, 1, "a spouse's or former spouse's child (1st degree by affinity)"), await Found(stepmother, _visal));
        Assert.Equal((KinshipKind.LinealByAffinity, 1, "a spouse's or former spouse's parent (1st degree by affinity)"), await Found(stepmother, _san));
        Assert.Null(await Kinship(stepmother, _visal, new KinshipLimits { Affinity = false }));
    }

    [Fact]
    public async Task An_adoptive_parent_and_the_adopted_child_are_related_by_adoption()
    {
        var child = await registry.PersonAsync("ញឹម", "សុខា", "Nhim", "Sokha", Sex.Female, "2018-02-02", motherNameKm: "ញឹម ស្រីនាង");
        var adoption = await registry.Registry(r => r.ChangeParentsAsync(new ParentageChange(child, ParentageKind.SimpleAdoption, _sreypov, null,
            new DateOnly(2024, 4, 4), "Simple adoption registered P120101-2026-000001"), FamilyRegistry.Crvs, FamilyRegistry.Reference("adoption"), CancellationToken.None));
        Assert.True(adoption.IsOk);

        Assert.Equal((KinshipKind.Adoptive, 1, "adoptive parent and adopted child (1st degree)"), await Found(_sreypov, child));
        Assert.Equal((KinshipKind.Adoptive, 2, "siblings through an adoption (2nd degree)"), await Found(_piseth, child));
        Assert.Null(await Kinship(_sreypov, child, new KinshipLimits { Adoptive = false }));
    }
}
