using Nokor.Platform.Dates;
using Nokor.Platform.Names;
using Nokor.Population.Contracts;
using Nokor.Population.Search;

namespace Nokor.Population.Tests.Search;

/// <summary>
/// The name index finds people the way a commune clerk types them: names heard at the counter,
/// read from old papers, typed in the other order, with a slip of the finger.
/// </summary>
public sealed class PersonNameIndexTests
{
    private const string Phnom = "12010101";
    private const string Battambang = "02010101";

    private readonly PersonNameIndex _index = new();
    private readonly Dictionary<string, Guid> _ids = [];
    private int _kidc = 100000000;

    private void Person(string label, string surnameKm, string givenKm, string surnameLatin, string givenLatin,
        int year = 1985, int? month = null, int? day = null, Sex sex = Sex.Male, string village = Phnom, int version = 1)
    {
        if (!_ids.TryGetValue(label, out var id))
        {
            id = Guid.NewGuid();
            _ids[label] = id;
        }

        _index.Apply([Facts(id, version, (_kidc++).ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
            surnameKm, givenKm, surnameLatin, givenLatin, sex, year, month, day, village, null)]);
    }

    /// <summary>The registry's facts of a person, as the change feed gives them to the index.</summary>
    private static PersonFacts Facts(Guid id, int version, string kidc, string surnameKm, string givenKm, string surnameLatin, string givenLatin,
        Sex sex, int year, int? month, int? day, string village, string? birthPlace) =>
        new(id, kidc, version, surnameKm, givenKm, surnameLatin, givenLatin, sex, year, month, day, birthPlace, null, "KH", village, LifeStatus.Alive, null);

    private List<(string Label, NameHit Hit)> Find(string text, PersonNameIndex.NameFilter? filter = null, int take = 20)
    {
        var query = NameQuery.Parse(text) ?? throw new InvalidOperationException("no words");
        var (hits, _) = _index.Search(query, filter ?? new PersonNameIndex.NameFilter(), take);
        var labels = _ids.ToDictionary(p => p.Value, p => p.Key);
        return hits.Select(h => (labels[_index.IdOf(h.Row)], h)).ToList();
    }

    private void Registry()
    {
        Person("sok-dara", "សុខ", "ដារ៉ា", "Sok", "Dara", 1985, 3, 12);
        Person("chea-sopheak", "ជា", "សុភ័ក្ត្រ", "Chea", "Sopheak", 1990, sex: Sex.Female);
        Person("kheng-sovannarith", "ខេង", "សុវណ្ណារិទ្ធ", "Kheng", "Sovannarith", 1978);
        Person("ouk-chanthoeun", "អ៊ុក", "ចាន់ធឿន", "Ouk", "Chanthoeun", 1969);
        Person("mao-sreypich", "ម៉ៅ", "ស្រីពេជ្រ", "Mao", "Sreypich", 1995, sex: Sex.Female, village: Battambang);
        Person("heng-vichet", "ហេង", "វិចិត្រ", "Heng", "Vichet", 1988);
        Person("lim-sokha", "លឹម", "សុខា", "Lim", "Sokha", 1975, sex: Sex.Female);
    }

    [Fact]
    public void The_given_name_typed_first_finds_the_person_in_both_scripts_and_says_so()
    {
        Registry();

        var latin = Find("Dara Sok");
        Assert.Equal("sok-dara", latin[0].Label);
        Assert.Equal(NameMatchKind.Exact, latin[0].Hit.Kind);
        Assert.True(latin[0].Hit.WordOrder);

        var khmer = Find("ដារ៉ា សុខ");
        Assert.Equal("sok-dara", khmer[0].Label);
        Assert.True(khmer[0].Hit.WordOrder);

        var inOrder = Find("Sok Dara");
        Assert.False(inOrder[0].Hit.WordOrder);
    }

    [Fact]
    public void One_word_finds_people_with_it_as_surname_or_as_given_name()
    {
        Registry();
        Person("sokha-heng", "សុខា", "ហេង", "Sokha", "Heng", 2001);

        var heng = Find("Heng").Select(h => h.Label).ToList();
        Assert.Contains("heng-vichet", heng);
        Assert.Contains("sokha-heng", heng);
        Assert.DoesNotContain("sok-dara", heng);
    }

    [Fact]
    public void A_Khmer_name_typed_without_the_space_is_split_into_its_two_known_parts()
    {
        Registry();

        Assert.Equal("sok-dara", Find("សុខដារ៉ា")[0].Label);
        Assert.Equal("sok-dara", Find("SokDara")[0].Label);
    }

    [Theory]
    [InlineData("Chia Sopheak", "chea-sopheak")] // ea / ia
    [InlineData("Ouk Chantheun", "ouk-chanthoeun")] // oeu / eu
    [InlineData("Uk Chanthoeun", "ouk-chanthoeun")] // ou / u (French-era Ouk)
    [InlineData("Mao Sreipich", "mao-sreypich")] // ey / ei
    [InlineData("Heng Vicheth", "heng-vichet")] // a final h
    [InlineData("Gheng Sovannarith", "kheng-sovannarith")] // kh / gh (k/g)
    public void Another_romanization_of_the_same_Khmer_name_finds_the_person_as_a_variant(string typed, string expected)
    {
        Registry();

        var found = Find(typed);
        Assert.Equal(expected, found[0].Label);
        Assert.True(found[0].Hit.Kind >= NameMatchKind.OtherScript, $"{typed}: {found[0].Hit.Kind}");
    }

    [Theory]
    [InlineData("Sok Drara", "sok-dara")] // a letter added
    [InlineData("Kheng Sovanarith", "kheng-sovannarith")] // a letter dropped (long name)
    [InlineData("Kheng Sovnanarith", "kheng-sovannarith")] // two neighbours swapped
    [InlineData("Heng Vichte", "heng-vichet")] // swapped at the end
    [InlineData("Lim Sokah", "lim-sokha")]
    [InlineData("Kheng Sovanaritt", "kheng-sovannarith")] // two edits in a long name
    public void One_typing_error_or_two_in_a_long_name_still_finds_the_person(string typed, string expected)
    {
        Registry();

        var found = Find(typed);
        Assert.Contains(found, f => f.Label == expected);
        Assert.Equal(expected, found[0].Label);
    }

    [Fact]
    public void A_Khmer_name_with_one_wrong_cluster_is_found_as_a_typo()
    {
        Registry();

        // សុវណ្ណារិទ្ធ typed without its final cluster ធ្ធ→ as សុវណ្ណារិ
        var found = Find("ខេង សុវណ្ណារិ");
        Assert.Equal("kheng-sovannarith", found[0].Label);
        Assert.Equal(NameMatchKind.Typo, found[0].Hit.Kind);
        Assert.Equal(1, found[0].Hit.Edits);
    }

    [Fact]
    public void Exact_matches_come_before_variants_and_variants_before_typing_errors()
    {
        Person("chia", "ជា", "សុភ័ក្ត្រ", "Chia", "Sopheak", 1990);
        Person("chea", "ជា", "សុភ័ក្ត្រ", "Chea", "Sopheak", 1990);
        Person("chean", "ជាន", "សុភ័ក្ត្រ", "Chean", "Sopheak", 1990);

        var found = Find("Chia Sopheak");
        Assert.Equal("chia", found[0].Label);
        Assert.Equal(NameMatchKind.Exact, found[0].Hit.Kind);
        var kinds = found.Select(f => f.Hit.Kind).ToList();
        Assert.Equal(kinds.OrderByDescending(k => k), kinds);
    }

    [Fact]
    public void A_Latin_query_finds_a_person_recorded_only_in_Khmer_and_the_reverse()
    {
        Person("khmer-only", "ហេង", "ដារ៉ា", "", "", 1960);
        Person("latin-only", "", "", "Sok", "Vichet", 1962);

        var latin = Find("Heng Dara");
        Assert.Equal("khmer-only", latin[0].Label);
        Assert.True(latin[0].Hit.Kind is NameMatchKind.OtherScript or NameMatchKind.Typo);

        var khmer = Find("សុខ វិចិត្រ");
        Assert.Equal("latin-only", khmer[0].Label);
        Assert.True(khmer[0].Hit.Kind is NameMatchKind.OtherScript or NameMatchKind.Typo);
    }

    [Fact]
    public void Among_people_with_the_same_name_the_birth_date_asked_for_ranks_first_then_the_callers_area()
    {
        Person("dara-1980", "សុខ", "ដារ៉ា", "Sok", "Dara", 1980);
        Person("dara-1985-jan", "សុខ", "ដារ៉ា", "Sok", "Dara", 1985, 1, 2);
        Person("dara-1985-mar", "សុខ", "ដារ៉ា", "Sok", "Dara", 1985, 3, 12);
        Person("dara-1986-btb", "សុខ", "ដារ៉ា", "Sok", "Dara", 1986, village: Battambang);
        Person("dara-1986-pp", "សុខ", "ដារ៉ា", "Sok", "Dara", 1986);

        var byDate = Find("Sok Dara", new PersonNameIndex.NameFilter { Born = new PartialDate(1985, 3, 12) });
        Assert.Equal(["dara-1985-mar", "dara-1985-jan"], byDate.Take(2).Select(f => f.Label));

        var typedYear = Find("Sok Dara 1980");
        Assert.Equal("dara-1980", typedYear[0].Label);

        var area = Find("Sok Dara", new PersonNameIndex.NameFilter { Born = new PartialDate(1986, null, null), Area = "02" });
        Assert.Equal("dara-1986-btb", area[0].Label);
    }

    [Fact]
    public void Filters_keep_the_birth_years_asked_the_sex_the_place_and_the_callers_jurisdiction()
    {
        Registry();
        Person("sok-dara-f", "សុខ", "ដារ៉ា", "Sok", "Dara", 1987, sex: Sex.Female, village: Battambang);

        Assert.Equal(["sok-dara"], Find("Sok Dara", new PersonNameIndex.NameFilter { YearFrom = 1985, YearTo = 1985 }).Select(f => f.Label));
        Assert.Equal(2, Find("Sok Dara", new PersonNameIndex.NameFilter { YearFrom = 1984, YearTo = 1988 }).Count);
        Assert.Equal(["sok-dara-f"], Find("Sok Dara", new PersonNameIndex.NameFilter { Sex = Sex.Female }).Select(f => f.Label));
        Assert.Equal(["sok-dara-f"], Find("Sok Dara", new PersonNameIndex.NameFilter { Place = "0201" }).Select(f => f.Label));
        Assert.Equal(["sok-dara"], Find("Sok Dara", new PersonNameIndex.NameFilter { Jurisdiction = "12" }).Select(f => f.Label));
    }

    [Fact]
    public void Names_not_in_the_registry_find_nothing_or_only_near_names_never_called_exact()
    {
        Registry();

        Assert.Empty(Find("Zhang Wei"));
        Assert.Empty(Find("ញ៉ែម ឃ្លោក"));
        var near = Find("Sok Vichea");
        Assert.All(near, f => Assert.NotEqual(NameMatchKind.Exact, f.Hit.Kind));
    }

    [Fact]
    public void A_changed_name_is_found_by_the_new_name_only_and_a_voided_record_not_at_all()
    {
        Registry();
        var id = _ids["lim-sokha"];
        _index.Apply([Facts(id, 2, "0000000001", "លឹម", "សុខនី", "Lim", "Sokny", Sex.Female, 1975, null, null, Phnom, null)]);

        Assert.DoesNotContain(Find("Lim Sokha"), f => f.Label == "lim-sokha" && f.Hit.Kind == NameMatchKind.Exact);
        Assert.Equal("lim-sokha", Find("Lim Sokny")[0].Label);

        // An older version arriving late changes nothing.
        _index.Apply([Facts(id, 1, "0000000001", "លឹម", "សុខា", "Lim", "Sokha", Sex.Female, 1975, null, null, Phnom, null)]);
        Assert.Equal("lim-sokha", Find("Lim Sokny")[0].Label);

        _index.Apply([Facts(id, 3, "V000000001", "លឹម", "សុខនី", "Lim", "Sokny", Sex.Female, 1975, null, null, Phnom, null)]);
        Assert.DoesNotContain(Find("Lim Sokny"), f => f.Label == "lim-sokha");
    }

    [Fact]
    public void Typing_errors_are_looked_for_only_when_better_matches_do_not_fill_the_page()
    {
        for (var i = 0; i < 5; i++)
        {
            Person($"sok-dara-{i}", "សុខ", "ដារ៉ា", "Sok", "Dara", 1980 + i);
        }

        Person("sok-daro", "សុខ", "ដារ៉ូ", "Sok", "Daro", 1985);

        Assert.DoesNotContain(Find("Sok Dara", take: 3), f => f.Label == "sok-daro");
        Assert.Equal("sok-daro", Find("Sok Dara", take: 10)[^1].Label);
    }

    [Fact]
    public void A_very_long_word_is_answered_without_typo_search_and_finds_nothing()
    {
        Registry();

        Assert.Empty(Find(new string('a', 190)));
        Assert.Empty(Find(string.Concat(Enumerable.Repeat("សុខ", 60))));
    }
}
