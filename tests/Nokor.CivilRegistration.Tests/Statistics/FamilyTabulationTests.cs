using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.CivilRegistration.Statistics;

namespace Nokor.CivilRegistration.Tests.Statistics;

/// <summary>
/// The marriages, divorces and foetal deaths of the tabulation plan, their rates and the
/// completeness of marriage and divorce registration, on a small hand-made set whose answers were
/// worked out by hand: four marriages, three divorces (and an annulment and a separation that are
/// not divorces), four foetal deaths, eight births and a death.
/// </summary>
public sealed class FamilyTabulationTests
{
    private const int Year = 2025;

    private static readonly AreaScope Nation = new("", new StatLabel("", "កម្ពុជា", "Cambodia"),
        [new StatLabel("12", "ភ្នំពេញ", "Phnom Penh"), new StatLabel("17", "សៀមរាប", "Siem Reap")]);

    private static StatFact Fact(VitalEvent e, int month, string? residence, string occurrence = "12010101", string? sex = null, int? motherAge = null,
        int? husbandAge = null, int? wifeAge = null, string? husbandBefore = null, string? wifeBefore = null, int? years = null, int? children = null,
        int? weeks = null) =>
        new(e, Year, month, Year, occurrence, residence, null, sex, 10, motherAge, null, null, null, null, null, null, null, false, null, false,
            husbandAge, wifeAge, husbandBefore, wifeBefore, years, children, weeks);

    private static readonly StatFact[] Facts =
    [
        // Sok Dara (24) and Chan Sreymom (22), both never married, in Phnom Penh in February.
        Fact(VitalEvent.Marriage, 2, "12010101", "12010101", husbandAge: 24, wifeAge: 22, husbandBefore: "Single", wifeBefore: "Single"),
        // A divorced groom of 31 and a bride of 17 (married with her parents' consent), in Siem Reap.
        Fact(VitalEvent.Marriage, 2, "17020101", "17010101", husbandAge: 31, wifeAge: 17, husbandBefore: "Divorced", wifeBefore: "Single"),
        Fact(VitalEvent.Marriage, 11, "17020101", "17020101", husbandAge: 45, wifeAge: 38, husbandBefore: "Widowed", wifeBefore: "Divorced"),
        // A foreign groom whose age and previous status were not stated; the couple's residence is not in the gazetteer.
        Fact(VitalEvent.Marriage, 12, null, "12010102", wifeAge: 29, wifeBefore: "Single"),
        Fact(VitalEvent.Divorce, 3, "12010101", husbandAge: 35, wifeAge: 33, years: 0, children: 0),
        Fact(VitalEvent.Divorce, 3, "17020101", husbandAge: 52, wifeAge: 47, years: 22, children: 3),
        Fact(VitalEvent.Divorce, 8, "12010102", husbandAge: 28, wifeAge: 26, years: 6),
        Fact(VitalEvent.Annulment, 8, "12010102", husbandAge: 30, wifeAge: 30, years: 1),
        Fact(VitalEvent.LegalSeparation, 9, "12010102", husbandAge: 40, wifeAge: 39, years: 12, children: 2),
        Fact(VitalEvent.FoetalDeath, 1, "12010101", sex: "Male", motherAge: 26, weeks: 30),
        Fact(VitalEvent.FoetalDeath, 4, "17020101", sex: "Female", motherAge: 41, weeks: 38),
        Fact(VitalEvent.FoetalDeath, 5, "17020101", motherAge: 19, weeks: 24),
        Fact(VitalEvent.FoetalDeath, 6, "12010101", sex: "Male"),
        .. Enumerable.Range(1, 8).Select(m => Fact(VitalEvent.Birth, m, "12010101", sex: m % 2 == 0 ? "Female" : "Male", motherAge: 25)),
        Fact(VitalEvent.Death, 3, "12010101", sex: "Male"),
    ];

    private static readonly List<StatTable> Tables = Tabulator.Tabulate(Facts, Nation, Year, TabulationBasis.Occurrence);

    private static StatTable Table(string name) => Tables.Single(t => t.Name == name);

    [Fact]
    public void The_plan_puts_the_foetal_deaths_with_the_births_and_ends_with_marriages_and_divorces()
    {
        Assert.Equal(Tabulator.Names, Tables.Select(t => t.Name));
        var names = Tables.Select(t => t.Name).ToList();
        Assert.Equal(names.IndexOf("births-type") + 1, names.IndexOf("foetal-deaths-gestation"));
        Assert.True(names.IndexOf("foetal-deaths-mother-age") < names.IndexOf("deaths-age"));
        Assert.Equal(["marriages-month", "marriages-place-occurrence", "marriages-age", "marriages-previous-status",
            "divorces-month", "divorces-age", "divorces-duration", "divorces-children"], names.TakeLast(8));
    }

    [Fact]
    public void Marriages_by_month_and_place_of_occurrence()
    {
        var month = Table("marriages-month");
        Assert.Equal(["Total"], month.Columns.Select(c => c.Key));
        Assert.Equal(2, month.Cell("2", "Total"));
        Assert.Equal(1, month.Cell("11", "Total"));
        Assert.Equal(1, month.Cell("12", "Total"));
        Assert.Equal(0, month.Cell("6", "Total"));
        Assert.Equal(4, month.Cell("Total", "Total"));

        var place = Table("marriages-place-occurrence");
        Assert.Equal(2, place.Cell("12", "Total"));
        Assert.Equal(2, place.Cell("17", "Total"));
        Assert.Equal(0, place.Cell("NotStated", "Total"));
    }

    [Fact]
    public void Marriages_by_age_of_groom_and_age_of_bride()
    {
        var age = Table("marriages-age");
        Assert.Equal(Tabulator.SpouseAgeGroups.Select(g => g.Key).Append("Total"), age.Columns.Select(c => c.Key));
        Assert.Equal(1, age.Cell("20-24", "20-24"));
        Assert.Equal(1, age.Cell("30-34", "16-17"));
        Assert.Equal(1, age.Cell("40-49", "35-39"));
        Assert.Equal(1, age.Cell("NotStated", "25-29"));
        Assert.Equal(0, age.Cell("20-24", "25-29"));
        Assert.Equal(1, age.Cell("Total", "16-17"));
        Assert.Equal(4, age.Cell("Total", "Total"));
    }

    [Fact]
    public void Marriages_by_previous_marital_status_of_groom_and_bride()
    {
        var status = Table("marriages-previous-status");
        Assert.Equal(1, status.Cell("Single", "Single"));
        Assert.Equal(1, status.Cell("Divorced", "Single"));
        Assert.Equal(1, status.Cell("Widowed", "Divorced"));
        Assert.Equal(1, status.Cell("NotStated", "Single"));
        Assert.Equal(3, status.Cell("Total", "Single"));
        Assert.Equal(1, status.Cell("Single", "Total"));
        Assert.Equal(4, status.Cell("Total", "Total"));
    }

    [Fact]
    public void Divorces_by_month_ages_duration_and_children_without_annulments_or_separations()
    {
        var month = Table("divorces-month");
        Assert.Equal(2, month.Cell("3", "Total"));
        Assert.Equal(1, month.Cell("8", "Total"));
        Assert.Equal(0, month.Cell("9", "Total"));
        Assert.Equal(3, month.Cell("Total", "Total"));

        var age = Table("divorces-age");
        Assert.Equal(1, age.Cell("35-39", "30-34"));
        Assert.Equal(1, age.Cell("50-59", "40-49"));
        Assert.Equal(1, age.Cell("25-29", "25-29"));
        Assert.Equal(3, age.Cell("Total", "Total"));

        var duration = Table("divorces-duration");
        Assert.Equal(1, duration.Cell("0", "Total"));
        Assert.Equal(1, duration.Cell("5-9", "Total"));
        Assert.Equal(1, duration.Cell("20+", "Total"));
        Assert.Equal(0, duration.Cell("1", "Total"));
        Assert.Equal(0, duration.Cell("10-14", "Total"));

        var children = Table("divorces-children");
        Assert.Equal(1, children.Cell("0", "Total"));
        Assert.Equal(1, children.Cell("3", "Total"));
        Assert.Equal(1, children.Cell("NotStated", "Total"));
        Assert.Equal(0, children.Cell("2", "Total"));
    }

    [Fact]
    public void Foetal_deaths_by_gestation_and_by_age_of_mother_by_sex()
    {
        var gestation = Table("foetal-deaths-gestation");
        Assert.Equal(1, gestation.Cell("28-31", "Male"));
        Assert.Equal(1, gestation.Cell("37-41", "Female"));
        Assert.Equal(1, gestation.Cell("0-27", "NotStated"));
        Assert.Equal(1, gestation.Cell("NotStated", "Male"));
        Assert.Equal(2, gestation.Cell("Total", "Male"));
        Assert.Equal(4, gestation.Cell("Total", "Total"));

        var mother = Table("foetal-deaths-mother-age");
        Assert.Equal(1, mother.Cell("25-29", "Male"));
        Assert.Equal(1, mother.Cell("40-44", "Female"));
        Assert.Equal(1, mother.Cell("15-19", "NotStated"));
        Assert.Equal(1, mother.Cell("NotStated", "Male"));

        // The births tables still count live births only.
        Assert.Equal(8, Table("births-month").Cell("Total", "Total"));
    }

    [Fact]
    public void A_province_counts_the_couples_living_in_it()
    {
        var siemReap = new AreaScope("17", new StatLabel("17", "សៀមរាប", "Siem Reap"), [new StatLabel("1701", "ក", "A"), new StatLabel("1702", "ខ", "B")]);
        var tables = Tabulator.Tabulate(Facts, siemReap, Year, TabulationBasis.Occurrence);
        Assert.Equal(2, tables.Single(t => t.Name == "marriages-month").Cell("Total", "Total"));
        Assert.Equal(1, tables.Single(t => t.Name == "marriages-place-occurrence").Cell("1701", "Total"));
        Assert.Equal(1, tables.Single(t => t.Name == "divorces-duration").Cell("20+", "Total"));
        Assert.Equal(1, tables.Single(t => t.Name == "divorces-month").Cell("Total", "Total"));
    }

    private static readonly Denominators Population = new(
        [new PopulationEstimateEntity { Year = Year, AreaCode = "", Sex = "Male", AgeFrom = 0, AgeTo = 150, Population = 1000 },
         new PopulationEstimateEntity { Year = Year, AreaCode = "", Sex = "Female", AgeFrom = 0, AgeTo = 150, Population = 1000 }],
        new ExpectedRateEntity { Year = Year, AreaCode = "", CrudeBirthRate = 20, CrudeDeathRate = 6, CrudeMarriageRate = 5, CrudeDivorceRate = 2 });

    [Fact]
    public void Rates_count_deaths_only_as_deaths_and_give_the_foetal_death_ratio_and_the_marriage_and_divorce_rates()
    {
        var rates = Indicators.Rates(Facts, Population);
        Assert.Equal(1, rates.Cell("cdr", "Numerator"));
        Assert.Equal(0.5, rates.Cell("cdr", "Value"));
        Assert.Equal(8, rates.Cell("cbr", "Numerator"));
        // Late foetal deaths are those of 28 weeks or more: two of the four, per 1,000 of 8 live births.
        Assert.Equal(2, rates.Cell("fdr", "Numerator"));
        Assert.Equal(8, rates.Cell("fdr", "Denominator"));
        Assert.Equal(250.0, rates.Cell("fdr", "Value"));
        Assert.Equal(2.0, rates.Cell("cmr", "Value"));
        Assert.Equal(4, rates.Cell("cmr", "Numerator"));
        Assert.Equal(1.5, rates.Cell("cdvr", "Value"));
        Assert.Equal(0, rates.Cell("imr", "Numerator"));
    }

    [Fact]
    public void Completeness_of_marriage_and_divorce_registration_against_the_NSPI_targets()
    {
        var coverage = Indicators.Coverage(Facts, Population, new Dictionary<string, long>());
        // Expected marriages: 5 per 1,000 of 2,000 = 10; four registered.
        Assert.Equal(4, coverage.Cell("marriages", "Registered"));
        Assert.Equal(10, coverage.Cell("marriages", "Expected"));
        Assert.Equal(40.0, coverage.Cell("marriages", "Total"));
        Assert.Null(coverage.Cell("marriages", "Male"));
        Assert.Equal(65, coverage.Cell("marriages", "Target"));
        // Expected divorces: 2 per 1,000 of 2,000 = 4; three registered (not the annulment or the separation).
        Assert.Equal(3, coverage.Cell("divorces", "Registered"));
        Assert.Equal(4, coverage.Cell("divorces", "Expected"));
        Assert.Equal(75.0, coverage.Cell("divorces", "Total"));
        Assert.Equal(90, coverage.Cell("divorces", "Target"));

        var withoutRates = Indicators.Coverage(Facts, Population with { Expected = new ExpectedRateEntity { Year = Year, AreaCode = "", CrudeBirthRate = 20, CrudeDeathRate = 6 } },
            new Dictionary<string, long>());
        Assert.Equal(4, withoutRates.Cell("marriages", "Registered"));
        Assert.Null(withoutRates.Cell("marriages", "Expected"));
        Assert.Null(withoutRates.Cell("marriages", "Total"));
    }

    [Fact]
    public void Published_couple_tables_are_protected_like_the_others()
    {
        var age = Disclosure.Protect(Table("marriages-age"));
        Assert.True(age.Protected);
        Assert.Null(age.Cell("20-24", "20-24"));
        Assert.Equal(0, age.Cell("20-24", "25-29"));
        Assert.Null(age.Cell("Total", "Total"));
        Assert.Contains(age.Notes, n => n.Key == "protected");
    }

    [Fact]
    public void A_few_divorces_in_an_area_withhold_the_divorce_share_and_not_the_birth_share()
    {
        var table = new StatTable("coverage-areas", new StatLabel("coverage-areas", "ក", "A"), new StatLabel("area", "តំបន់", "Area"),
            [new("BirthsRegistered", "ក", "A"), new("BirthsExpected", "ក", "A"), new("Births", "ក", "A"),
             new("DivorcesRegistered", "ក", "A"), new("DivorcesExpected", "ក", "A"), new("Divorces", "ក", "A")],
            [new StatRow(new StatLabel("17", "សៀមរាប", "Siem Reap"), [200, 250, 80, 3, 10, 30])], StatValueKind.Percent, [])
        {
            CountColumns = ["BirthsRegistered", "BirthsExpected", "DivorcesRegistered", "DivorcesExpected"],
            CountOf = new Dictionary<string, string> { ["Births"] = "BirthsRegistered", ["Divorces"] = "DivorcesRegistered" },
        };
        var published = Disclosure.Protect(table);
        Assert.Equal(80, published.Cell("17", "Births"));
        Assert.Equal(200, published.Cell("17", "BirthsRegistered"));
        Assert.Null(published.Cell("17", "Divorces"));
        Assert.Null(published.Cell("17", "DivorcesRegistered"));
    }

    [Fact]
    public void A_marriage_fact_takes_each_spouses_age_and_previous_status_from_the_dossier()
    {
        var marriage = new MarriageDossier
        {
            MarriageDate = "2025-02-14",
            Husband = new SpouseDetails
            {
                Kidc = "100000001", BirthDate = "1990-06-01", ResidenceVillageCode = "17020101",
                PriorMarriages = [new PriorMarriage { EndedBy = "Divorce", EndedOn = "2020-01-10" }, new PriorMarriage { EndedBy = "Death", EndedOn = "2015-03-02" }],
            },
            Wife = new SpouseDetails
            {
                Kidc = "100000002", BirthDate = "1995", ResidenceVillageCode = "12010101",
                PriorMarriages = [new PriorMarriage { EndedBy = "Annulment", EndedOn = "2019-05-05" }],
            },
        };
        var fact = new VitalFactEntity { OfficeCode = "170201", OccurrenceCode = "17020101" };
        VitalFacts.Apply(Registration(VitalEvent.Marriage, new DateOnly(2025, 2, 14), Dossiers.Write(marriage)), fact);

        Assert.Equal(34, fact.HusbandAge);
        Assert.Equal(29, fact.WifeAge);
        Assert.Equal("Divorced", fact.HusbandPreviousStatus);
        // An annulled marriage never existed in law: she was never married.
        Assert.Equal("Single", fact.WifePreviousStatus);
        Assert.Equal("17020101", fact.ResidenceCode);
        Assert.Null(fact.Sex);
        Assert.Equal(2, fact.OccurrenceMonth);
    }

    [Fact]
    public void A_divorce_fact_measures_the_marriage_from_the_marriage_registers_date()
    {
        var marriage = new MarriageDossier
        {
            Husband = new SpouseDetails { BirthDate = "1980-09-30", ResidenceVillageCode = "12010102" },
            Wife = new SpouseDetails { BirthDate = "1984-01-15" },
        };
        var divorce = new DissolutionDossier { MarriageNumber = "M-120101-2010-000004", DependentChildren = 2, EffectiveDate = "2025-08-20" };
        var fact = new VitalFactEntity { OfficeCode = "120101", OccurrenceCode = "12010102" };
        VitalFacts.Apply(Registration(VitalEvent.Divorce, new DateOnly(2025, 8, 20), Dossiers.Write(divorce)), fact,
            new EndedMarriage(new DateOnly(2010, 8, 21), marriage));

        Assert.Equal(14, fact.MarriageYears);
        Assert.Equal(44, fact.HusbandAge);
        Assert.Equal(41, fact.WifeAge);
        Assert.Equal(2, fact.DependentChildren);
        Assert.Equal("12010102", fact.ResidenceCode);
        Assert.Equal("M-120101-2010-000004", VitalFacts.MarriageNumberOf(Registration(VitalEvent.Divorce, new DateOnly(2025, 8, 20), Dossiers.Write(divorce))));
    }

    [Fact]
    public void A_foetal_death_fact_has_gestation_sex_and_the_mothers_age_and_residence()
    {
        var foetal = new FoetalDeathDossier
        {
            Mother = new ParentDetails { Kidc = "100000003", BirthDate = "1998-04-04" },
            DeliveryDate = "2025-05-03",
            Sex = "Undetermined",
            GestationWeeks = 33,
            WeightGrams = 1850,
            ResidenceVillageCode = "17020101",
        };
        var fact = new VitalFactEntity { OfficeCode = "170201", OccurrenceCode = "17020101" };
        VitalFacts.Apply(Registration(VitalEvent.FoetalDeath, new DateOnly(2025, 5, 3), Dossiers.Write(foetal)), fact);

        Assert.Equal(33, fact.GestationWeeks);
        Assert.Null(fact.Sex);
        Assert.Equal(27, fact.MotherAge);
        Assert.Equal("17020101", fact.ResidenceCode);
        Assert.Equal(1850, fact.BirthWeightGrams);
    }

    internal static RegistrationEntity Registration(VitalEvent e, DateOnly date, string dossier) => new()
    {
        Id = Guid.CreateVersion7(),
        Event = e,
        Status = RegistrationStatus.Approved,
        OfficeCode = "120101",
        EventDate = date,
        EventPlaceCode = "12010101",
        SubjectNameKm = "សុខ ដារា",
        SubjectNameLatin = "SOK DARA",
        SubjectNameKey = "sok dara",
        Dossier = dossier,
        EnteredBy = "agent",
        EnteredByName = "Agent",
        EnteredAt = new DateTimeOffset(2025, 9, 1, 2, 0, 0, TimeSpan.Zero),
        DecidedAt = new DateTimeOffset(2025, 9, 2, 2, 0, 0, TimeSpan.Zero),
    };
}
