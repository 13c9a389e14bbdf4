using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Statistics;

namespace Nokor.CivilRegistration.Tests.Statistics;

/// <summary>The one chart definition the pages and the annual report share.</summary>
public sealed class StatChartsTests
{
    private static readonly AreaScope Nation = new("", new StatLabel("", "ព្រះរាជាណាចក្រកម្ពុជា", "Kingdom of Cambodia"), [new StatLabel("12", "រាជធានីភ្នំពេញ", "Phnom Penh")]);

    private static StatFact Death(string sex, int? days, int? years) =>
        new(VitalEvent.Death, 2025, 5, 2025, "12010101", "12010101", "Home", sex, 3, null, null, null, null, null, days, years, "I21.9", true, "Disease", false);

    private static StatFact Birth(string sex, int month) =>
        new(VitalEvent.Birth, 2025, month, 2025, "12010101", "12010101", "HealthFacility", sex, 3, 25, 1, "Midwife", "Single", 3100, null, null, null, false, null, false);

    private static StatisticsSet Set(IEnumerable<StatFact> facts)
    {
        var tables = Tabulator.Tabulate(facts.ToList(), Nation, 2025, TabulationBasis.Occurrence);
        tables.Add(new StatTable("coverage-areas", new StatLabel("coverage-areas", "ភាពពេញលេញតាមតំបន់", "Completeness by area"), new StatLabel("area", "តំបន់", "Area"),
            [new StatLabel("Births", "កំណើត %", "Births %")], [new StatRow(Nation.Children[0], [72.5])], StatValueKind.Percent, []));
        return new(2025, TabulationBasis.Occurrence, "", Nation.Name, false, tables);
    }

    [Fact]
    public void Every_age_group_of_the_tabulation_plan_is_drawn_in_exactly_one_band()
    {
        // One death in each age group of the plan: the bands must add up to all of them.
        var ages = new List<(int? Days, int? Years)> { (0, 0), (5, 0), (20, 0), (100, 0), (null, 0) };
        ages.AddRange(Enumerable.Range(1, 4).Select(y => ((int?)null, (int?)y)));
        ages.AddRange(Enumerable.Range(1, 16).Select(i => ((int?)null, (int?)(5 * i))));
        ages.AddRange([(null, 90), (null, null)]);
        Assert.Equal(Tabulator.DeathAgeGroups.Length, ages.Select(a => Tabulator.DeathAgeGroup(a.Days, a.Years)).Distinct().Count());

        var chart = StatCharts.For(Set(ages.Select(a => Death("Female", a.Days, a.Years))), khmer: false).Single(c => c.Id == "chart-deaths-age").Chart!;
        var female = chart.Series.Single(s => s.Name == "Female");
        Assert.Equal((double)ages.Count, female.Values.Sum());
        Assert.Equal(["Under 1", "1-4", "5-14", "15-29", "30-44", "45-59", "60-74", "75+", "Not stated"], chart.Categories);
        Assert.Equal([5.0, 4, 2, 3, 3, 3, 3, 3, 1], female.Values.Select(v => v ?? -1));
    }

    [Fact]
    public void Both_languages_give_the_same_charts_in_the_same_order_with_their_own_words()
    {
        var facts = new[] { Birth("Male", 1), Birth("Female", 1), Birth("Male", 7), Death("Male", null, 70) };
        var km = StatCharts.For(Set(facts), khmer: true, subtitle: "ភ្នំពេញ");
        var en = StatCharts.For(Set(facts), khmer: false);

        Assert.Equal(["chart-births-month", "chart-deaths-age", "chart-coverage-areas", "chart-deaths-cause"], en.Select(c => c.Id));
        Assert.Equal(en.Select(c => (c.Id, c.Table, c.Wide, c.Chart is null)), km.Select(c => (c.Id, c.Table, c.Wide, c.Chart is null)));
        var births = en[0].Chart!;
        Assert.DoesNotContain("Total", births.Categories);
        Assert.Equal(1.0, births.Series.Single(s => s.Name == "Male").Values[0]);
        Assert.Equal(1.0, births.Series.Single(s => s.Name == "Male").Values[6]);
        Assert.Equal("Number", births.ValueAxisTitle);
        Assert.Equal("ចំនួន", km[0].Chart!.ValueAxisTitle);
        Assert.Equal("ភ្នំពេញ", km[0].Chart!.Subtitle);
        Assert.Null(en[0].Chart!.Subtitle);
        Assert.Equal("អាយុ (ឆ្នាំ)", km[1].Chart!.CategoryAxisTitle);
    }

    [Fact]
    public void No_death_with_a_cause_means_no_cause_chart_and_a_withheld_cell_is_a_gap()
    {
        var births = Enumerable.Range(0, 12).Select(i => Birth(i % 2 == 0 ? "Male" : "Female", 1 + (i % 3))).ToList();
        var charts = StatCharts.For(Set(births), khmer: false);
        Assert.Null(charts.Single(c => c.Id == "chart-deaths-cause").Chart);

        // Protected: a month with 1-4 births is withheld, so its bar is missing, not zero.
        var published = StatisticsCalculator.Protect(Set(births));
        var month = StatCharts.For(published, khmer: false).Single(c => c.Id == "chart-births-month").Chart!;
        Assert.Null(month.Series.Single(s => s.Name == "Male").Values[0]);
        var coverage = StatCharts.For(published, khmer: false).Single(c => c.Id == "chart-coverage-areas").Chart!;
        Assert.Equal(Indicators.Targets["births"], coverage.Target!.Value);
        Assert.Equal("90% target", coverage.Target.Label);
    }
}
