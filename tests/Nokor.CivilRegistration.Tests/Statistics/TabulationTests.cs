using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Statistics;

namespace Nokor.CivilRegistration.Tests.Statistics;

/// <summary>
/// Every table of the plan, the rates, completeness, the ESCAP indicators and timeliness computed
/// on a small hand-made set of five births and six deaths whose answers were worked out by hand.
/// </summary>
public sealed class TabulationTests
{
    private const int Year = 2025;

    private static readonly AreaScope Nation = new("", new StatLabel("", "កម្ពុជា", "Cambodia"),
        [new StatLabel("12", "ភ្នំពេញ", "Phnom Penh"), new StatLabel("17", "សៀមរាប", "Siem Reap")]);

    private static StatFact Birth(string? sex, int month, string residence, string occurrence, string? place, int? motherAge, int? order,
        string? attendant, string? type, int? weight, int delay) =>
        new(VitalEvent.Birth, Year, month, Year, occurrence, residence, place, sex, delay, motherAge, order, attendant, type, weight,
            null, null, null, false, null, false);

    private static StatFact Death(string? sex, int month, string residence, string? place, int? days, int? years, string? cause, bool certified,
        string? manner, int delay, bool maternal = false) =>
        new(VitalEvent.Death, Year, month, Year, residence, residence, place, sex, delay, null, null, null, null, null,
            days, years, cause, certified, manner, maternal);

    private static readonly StatFact[] Facts =
    [
        Birth("Male", 1, "12010101", "12010101", "HealthFacility", 24, 1, "Doctor", "Single", 3200, 5),
        Birth("Female", 1, "12010102", "17010101", "Home", 17, 2, "Midwife", "Twin", 2400, 40),
        Birth("Female", 3, "17020101", "17020101", "HealthFacility", 31, 5, "Nurse", "Twin", 1400, 400),
        Birth("Male", 12, "17020101", "17020101", "Other", null, null, null, null, null, 0),
        Birth(null, 12, "12010101", "12010101", "HealthFacility", 52, 3, "Doctor", "Single", 4100, 29),
        Death("Male", 2, "12010101", "HealthFacility", 0, 0, "P07.3", true, "Disease", 3),
        Death("Female", 2, "17020101", "Home", 10, 0, "A09", true, null, 20),
        Death("Female", 6, "12010102", "HealthFacility", null, 33, "O72.1", true, null, 100, maternal: true),
        Death("Male", 6, "17020101", "Home", null, 86, null, false, null, 500),
        Death("Male", 7, "12010101", "Other", null, 47, "R99", true, "Accident", 10),
        Death("Male", 9, "17020101", "HealthFacility", 200, 0, "J18.9", true, null, 12),
    ];

    private static readonly List<StatTable> Tables = Tabulator.Tabulate(Facts, Nation, Year, TabulationBasis.Occurrence);

    private static void AssertRow(string table, string row, double male, double female, double notStated)
    {
        var t = Tables.Single(x => x.Name == table);
        Assert.Equal(male, t.Cell(row, "Male"));
        Assert.Equal(female, t.Cell(row, "Female"));
        Assert.Equal(notStated, t.Cell(row, "NotStated"));
        Assert.Equal(male + female + notStated, t.Cell(row, "Total"));
    }

    [Fact]
    public void The_plan_lists_every_table_and_the_totals_add_up()
    {
        Assert.Equal(Tabulator.Names, Tables.Select(t => t.Name));
        foreach (var t in Tables.Where(t => t.Name.StartsWith("births", StringComparison.Ordinal)))
        {
            AssertRow(t.Name, "Total", 2, 2, 1);
        }

        foreach (var t in Tables.Where(t => t.Name.StartsWith("deaths", StringComparison.Ordinal)))
        {
            AssertRow(t.Name, "Total", 4, 2, 0);
        }
    }

    [Fact]
    public void Births_by_month_mother_age_and_order()
    {
        AssertRow("births-month", "1", 1, 1, 0);
        AssertRow("births-month", "3", 0, 1, 0);
        AssertRow("births-month", "12", 1, 0, 1);
        AssertRow("births-month", "6", 0, 0, 0);
        AssertRow("births-mother-age", "20-24", 1, 0, 0);
        AssertRow("births-mother-age", "15-19", 0, 1, 0);
        AssertRow("births-mother-age", "30-34", 0, 1, 0);
        AssertRow("births-mother-age", "50+", 0, 0, 1);
        AssertRow("births-mother-age", "NotStated", 1, 0, 0);
        AssertRow("births-order", "1", 1, 0, 0);
        AssertRow("births-order", "2", 0, 1, 0);
        AssertRow("births-order", "3", 0, 0, 1);
        AssertRow("births-order", "5+", 0, 1, 0);
        AssertRow("births-order", "NotStated", 1, 0, 0);
    }

    [Fact]
    public void Births_by_place_of_occurrence_residence_and_kind()
    {
        AssertRow("births-place-occurrence", "12", 1, 0, 1);
        AssertRow("births-place-occurrence", "17", 1, 2, 0);
        AssertRow("births-place-residence", "12", 1, 1, 1);
        AssertRow("births-place-residence", "17", 1, 1, 0);
        AssertRow("births-place-kind", "HealthFacility", 1, 1, 1);
        AssertRow("births-place-kind", "Home", 0, 1, 0);
        AssertRow("births-place-kind", "Other", 1, 0, 0);
    }

    [Fact]
    public void Births_by_attendant_weight_and_type()
    {
        AssertRow("births-attendant", "Doctor", 1, 0, 1);
        AssertRow("births-attendant", "Midwife", 0, 1, 0);
        AssertRow("births-attendant", "Nurse", 0, 1, 0);
        AssertRow("births-attendant", "NotStated", 1, 0, 0);
        AssertRow("births-weight", "3000-3499", 1, 0, 0);
        AssertRow("births-weight", "1500-2499", 0, 1, 0);
        AssertRow("births-weight", "0-1499", 0, 1, 0);
        AssertRow("births-weight", "4000+", 0, 0, 1);
        AssertRow("births-weight", "NotStated", 1, 0, 0);
        AssertRow("births-type", "Single", 1, 0, 1);
        AssertRow("births-type", "Twin", 0, 2, 0);
        AssertRow("births-type", "NotStated", 1, 0, 0);
    }

    [Fact]
    public void Deaths_by_age_month_place_cause_and_manner()
    {
        AssertRow("deaths-age", "0d", 1, 0, 0);
        AssertRow("deaths-age", "8-27d", 0, 1, 0);
        AssertRow("deaths-age", "28d-11m", 1, 0, 0);
        AssertRow("deaths-age", "30-34", 0, 1, 0);
        AssertRow("deaths-age", "45-49", 1, 0, 0);
        AssertRow("deaths-age", "85+", 1, 0, 0);
        AssertRow("deaths-age", "1-7d", 0, 0, 0);
        AssertRow("deaths-month", "2", 1, 1, 0);
        AssertRow("deaths-month", "6", 1, 1, 0);
        AssertRow("deaths-month", "9", 1, 0, 0);
        AssertRow("deaths-place-residence", "12", 2, 1, 0);
        AssertRow("deaths-place-residence", "17", 2, 1, 0);
        AssertRow("deaths-place-kind", "Home", 1, 1, 0);
        AssertRow("deaths-cause", "XVI", 1, 0, 0);
        AssertRow("deaths-cause", "I", 0, 1, 0);
        AssertRow("deaths-cause", "XV", 0, 1, 0);
        AssertRow("deaths-cause", "XVIII", 1, 0, 0);
        AssertRow("deaths-cause", "X", 1, 0, 0);
        AssertRow("deaths-cause", "NotCoded", 1, 0, 0);
        AssertRow("deaths-manner", "Disease", 1, 0, 0);
        AssertRow("deaths-manner", "Accident", 1, 0, 0);
        AssertRow("deaths-manner", "NotStated", 2, 2, 0);
    }

    [Fact]
    public void An_area_counts_only_its_residents_and_lists_the_areas_below_it()
    {
        var province = new AreaScope("17", new StatLabel("17", "សៀមរាប", "Siem Reap"), [new StatLabel("1701", "ក", "A"), new StatLabel("1702", "ខ", "B")]);
        var tables = Tabulator.Tabulate(Facts, province, Year, TabulationBasis.Occurrence);
        var births = tables.Single(t => t.Name == "births-place-residence");
        Assert.Equal(2, births.Cell("Total", "Total"));
        Assert.Equal(2, births.Cell("1702", "Total"));
        Assert.Equal(0, births.Cell("1701", "Total"));
    }

    [Fact]
    public void Without_marriages_or_divorces_their_tables_are_in_the_plan_with_zeros()
    {
        var marriages = Tables.Single(t => t.Name == "marriages-month");
        Assert.All(marriages.Rows, r => Assert.Equal(0, r.Values[^1]));
    }

    private static readonly Denominators Population = new(
    [
        Band("Male", 0, 4, 100), Band("Female", 0, 4, 100),
        .. Enumerable.Range(0, 7).Select(i => Band("Female", 15 + (5 * i), 19 + (5 * i), 50)),
        Band("Male", 5, 150, 500),
    ], new ExpectedRateEntity { Year = Year, AreaCode = "", CrudeBirthRate = 20, CrudeDeathRate = 8 });

    private static PopulationEstimateEntity Band(string sex, int from, int to, long n) =>
        new() { Year = Year, AreaCode = "", Sex = sex, AgeFrom = from, AgeTo = to, Population = n };

    [Fact]
    public void Rates_from_the_population_denominators()
    {
        var rates = Indicators.Rates(Facts, Population);
        Assert.Equal(4.8, rates.Cell("cbr", "Value"));
        Assert.Equal(1050, rates.Cell("cbr", "Denominator"));
        Assert.Equal(5.7, rates.Cell("cdr", "Value"));
        Assert.Equal(20.0, rates.Cell("asfr-15-19", "Value"));
        Assert.Equal(20.0, rates.Cell("asfr-20-24", "Value"));
        Assert.Equal(0.0, rates.Cell("asfr-25-29", "Value"));
        Assert.Equal(20.0, rates.Cell("asfr-30-34", "Value"));
        Assert.Equal(0.3, rates.Cell("tfr", "Value"));
        Assert.Equal(600.0, rates.Cell("imr", "Value"));
        Assert.Equal(3, rates.Cell("imr", "Numerator"));
        Assert.Equal(400.0, rates.Cell("nmr", "Value"));
    }

    [Fact]
    public void Without_a_population_there_are_counts_but_no_rates()
    {
        var rates = Indicators.Rates(Facts, Denominators.None);
        Assert.Null(rates.Cell("cbr", "Value"));
        Assert.Equal(5, rates.Cell("cbr", "Numerator"));
        Assert.Null(rates.Cell("tfr", "Value"));
        Assert.Equal(600.0, rates.Cell("imr", "Value"));
    }

    [Fact]
    public void Completeness_against_the_NSPI_targets_by_sex()
    {
        var coverage = Indicators.Coverage(Facts, Population, new Dictionary<string, long> { ["Male"] = 2, ["Female"] = 3 });
        Assert.Equal(5, coverage.Cell("births", "Registered"));
        Assert.Equal(21, coverage.Cell("births", "Expected"));
        Assert.Equal(23.8, coverage.Cell("births", "Total"));
        Assert.Equal(18.6, coverage.Cell("births", "Male"));
        Assert.Equal(19.5, coverage.Cell("births", "Female"));
        Assert.Equal(90, coverage.Cell("births", "Target"));
        Assert.Equal(2.5, coverage.Cell("under-five", "Total"));
        Assert.Equal(71.4, coverage.Cell("deaths", "Total"));
        Assert.Equal(83.3, coverage.Cell("deaths", "Male"));
        Assert.Equal(55.6, coverage.Cell("deaths", "Female"));
        Assert.Equal(65, coverage.Cell("deaths", "Target"));
        Assert.Equal(83.3, coverage.Cell("deaths-certified", "Total"));
        Assert.Equal(50, coverage.Cell("deaths-certified", "Target"));
        // No marriage rate loaded: registered marriages (none here) but no expected number.
        Assert.Equal(0, coverage.Cell("marriages", "Registered"));
        Assert.Null(coverage.Cell("marriages", "Total"));
        Assert.Equal(65, coverage.Cell("marriages", "Target"));
    }

    [Fact]
    public void Escap_indicators_and_timeliness()
    {
        var escap = Indicators.Escap(Facts, Population);
        Assert.Equal(19.0, escap.Cell("1A-births-1y", "Value"));
        Assert.Equal(59.5, escap.Cell("1D-deaths-1y", "Value"));
        Assert.Equal(83.3, escap.Cell("1E-certified", "Value"));
        Assert.Equal(20.0, escap.Cell("3-ill-defined", "Value"));

        var timeliness = Indicators.Timeliness(Facts, 30, 15);
        Assert.Equal(60.0, timeliness.Cell("births", "Legal"));
        Assert.Equal(20.0, timeliness.Cell("births", "Year"));
        Assert.Equal(20.0, timeliness.Cell("births", "Later"));
        Assert.Equal(50.0, timeliness.Cell("deaths", "Legal"));
        Assert.Equal(33.3, timeliness.Cell("deaths", "Year"));
        Assert.Equal(16.7, timeliness.Cell("deaths", "Later"));
        Assert.Equal(6, timeliness.Cell("deaths", "Registered"));
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, null)]
    [InlineData(4.0, null)]
    [InlineData(5.0, 5.0)]
    [InlineData(7.0, 5.0)]
    [InlineData(8.0, 10.0)]
    [InlineData(1234.0, 1235.0)]
    public void Published_counts_are_suppressed_below_five_and_rounded_to_five(double exact, double? published) =>
        Assert.Equal(published, Disclosure.Count(exact));

    [Fact]
    public void Published_tables_hide_small_cells_and_the_rates_built_on_them()
    {
        var month = Disclosure.Protect(Tables.Single(t => t.Name == "births-month"));
        Assert.True(month.Protected);
        Assert.Null(month.Cell("1", "Male"));
        Assert.Equal(0, month.Cell("6", "Male"));
        Assert.Equal(5, month.Cell("Total", "Total"));
        Assert.Contains(month.Notes, n => n.Key == "protected");

        var rates = Disclosure.Protect(Indicators.Rates(Facts, Population));
        Assert.Null(rates.Cell("imr", "Value"));
        Assert.Null(rates.Cell("imr", "Numerator"));
        Assert.Equal(5, rates.Cell("cbr", "Numerator"));
        Assert.Equal(4.8, rates.Cell("cbr", "Value"));
        Assert.Equal(1050, rates.Cell("cbr", "Denominator"));

        var coverage = Disclosure.Protect(Indicators.Coverage(Facts, Population, new Dictionary<string, long>()));
        Assert.Equal(23.8, coverage.Cell("births", "Total"));
        Assert.Equal(90, coverage.Cell("births", "Target"));
    }

    [Fact]
    public void Denominators_fall_back_to_finer_estimates_and_to_the_rates_of_the_area_above()
    {
        var estimates = new[]
        {
            new PopulationEstimateEntity { Year = Year, AreaCode = "1701", Sex = "Male", AgeFrom = 0, AgeTo = 150, Population = 300 },
            new PopulationEstimateEntity { Year = Year, AreaCode = "1702", Sex = "Male", AgeFrom = 0, AgeTo = 150, Population = 200 },
            new PopulationEstimateEntity { Year = Year, AreaCode = "170101", Sex = "Male", AgeFrom = 0, AgeTo = 150, Population = 999 },
        };
        var rates = new[]
        {
            new ExpectedRateEntity { Year = Year, AreaCode = "", CrudeBirthRate = 20, CrudeDeathRate = 6 },
            new ExpectedRateEntity { Year = Year, AreaCode = "17", CrudeBirthRate = 24, CrudeDeathRate = 7 },
        };
        var province = StatisticsCalculator.DenominatorsOf("17", estimates, rates);
        Assert.Equal(500, province.Total());
        Assert.Equal(24, province.Expected!.CrudeBirthRate);
        var commune = StatisticsCalculator.DenominatorsOf("170101", estimates, rates);
        Assert.Equal(999, commune.Total());
        Assert.Equal(24, commune.Expected!.CrudeBirthRate);
        Assert.Equal(20, StatisticsCalculator.DenominatorsOf("12", estimates, rates).Expected!.CrudeBirthRate);
        Assert.False(StatisticsCalculator.DenominatorsOf("12", estimates, rates).HasPopulation);
    }

    [Theory]
    [InlineData("A09", "I")]
    [InlineData("B99", "I")]
    [InlineData("C50.9", "II")]
    [InlineData("D48", "II")]
    [InlineData("D50", "III")]
    [InlineData("H60", "VIII")]
    [InlineData("I21", "IX")]
    [InlineData("O72.1", "XV")]
    [InlineData("S06", "XIX")]
    [InlineData("T98", "XIX")]
    [InlineData("V89", "XX")]
    [InlineData("U07.1", "XXII")]
    [InlineData("R99", "XVIII")]
    [InlineData("j18", null)]
    [InlineData("X", null)]
    [InlineData(null, null)]
    public void Icd10_codes_fall_in_their_chapter(string? code, string? chapter) =>
        Assert.Equal(chapter, Icd10.ChapterOf(code)?.Numeral);
}
