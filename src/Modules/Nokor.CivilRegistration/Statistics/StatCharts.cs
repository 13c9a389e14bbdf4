using System.Globalization;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Charts;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// The charts of the statistics pages and of the annual report, made from a set's tables (exact or
/// protected: a withheld cell is a gap, never a zero), in one language. The one definition serves
/// the SVG on the pages and the drawing in the PDF.
/// </summary>
internal static class StatCharts
{
    /// <summary>Death age groups of the tabulation plan folded into broad groups that fit a chart.</summary>
    private static readonly (StatLabel Label, string[] Rows)[] AgeBands =
    [
        (new("under1", "ក្រោម ១ ឆ្នាំ", "Under 1"), ["0d", "1-7d", "8-27d", "28d-11m", "0y"]),
        (new("1-4", "១-៤", "1-4"), ["1y", "2y", "3y", "4y"]),
        (new("5-14", "៥-១៤", "5-14"), ["5-9", "10-14"]),
        (new("15-29", "១៥-២៩", "15-29"), ["15-19", "20-24", "25-29"]),
        (new("30-44", "៣០-៤៤", "30-44"), ["30-34", "35-39", "40-44"]),
        (new("45-59", "៤៥-៥៩", "45-59"), ["45-49", "50-54", "55-59"]),
        (new("60-74", "៦០-៧៤", "60-74"), ["60-64", "65-69", "70-74"]),
        (new("75+", "៧៥ ឡើង", "75+"), ["75-79", "80-84", "85+"]),
        (new("NotStated", "មិនបានបញ្ជាក់", "Not stated"), ["NotStated"]),
    ];

    private static readonly StatLabel Count = new("count", "ចំនួន", "Number");
    private static readonly StatLabel AgeYears = new("age", "អាយុ (ឆ្នាំ)", "Age (years)");
    private static readonly StatLabel PercentOfExpected = new("expected", "% នៃចំនួនរំពឹងទុក", "% of expected");
    private static readonly StatLabel TargetLine = new("target", "គោលដៅ {0}%", "{0}% target");
    private static readonly StatLabel MissingNote = new("missing", "– គ្មានរបារ៖ តួលេខមិនមាន ឬមិនបង្ហាញ", "– no bar: value not available or withheld");

    /// <param name="set">The tables.</param>
    /// <param name="khmer">Khmer, or English.</param>
    /// <param name="subtitle">A line under each title (the pages name the area, year and basis; the report's captions do).</param>
    public static IReadOnlyList<StatChartDefinition> For(StatisticsSet set, bool khmer, string? subtitle = null)
    {
        var charts = new List<StatChartDefinition>();
        if (set.Table("births-month") is { } births)
        {
            var months = births.Rows.Where(r => r.Label.Key != "Total").Select(r => (r.Label.In(khmer), r)).ToList();
            charts.Add(new("chart-births-month", births.Name, BySex(births, months, khmer, subtitle), false));
        }

        if (set.Table("deaths-age") is { } deaths)
        {
            var bands = AgeBands.Select(b => (b.Label.In(khmer), Sum(deaths, b.Rows))).ToList();
            var chart = BySex(deaths, bands, khmer, subtitle) with { CategoryAxisTitle = AgeYears.In(khmer) };
            charts.Add(new("chart-deaths-age", deaths.Name, chart, false));
        }

        if (set.Table("coverage-areas") is { } coverage)
        {
            charts.Add(new("chart-coverage-areas", coverage.Name, Completeness(coverage, set, khmer, subtitle), true));
        }

        if (set.Table("deaths-cause") is { } causes)
        {
            var total = Column(causes, "Total");
            var rows = causes.Rows.Where(r => r.Label.Key != "Total" && r.Values[total] is not 0.0).ToList();
            var chart = rows.Count == 0
                ? null
                : new Chart(causes.Title.In(khmer), ChartKind.HorizontalBars, rows.Select(r => r.Label.In(khmer)).ToList(),
                    [new ChartSeries(causes.Columns[total].In(khmer), rows.Select(r => r.Values[total]).ToList())])
                {
                    Subtitle = subtitle,
                    ShowValues = true,
                    ValueAxisTitle = Count.In(khmer),
                    MissingValuesNote = MissingNote.In(khmer),
                };
            charts.Add(new("chart-deaths-cause", causes.Name, chart, true));
        }

        return charts;
    }

    /// <summary>Grouped bars, one per sex, for each category.</summary>
    private static Chart BySex(StatTable table, IReadOnlyList<(string Label, StatRow Row)> categories, bool khmer, string? subtitle)
    {
        var series = new[] { "Male", "Female" }.Select(sex =>
        {
            var c = Column(table, sex);
            return new ChartSeries(table.Columns[c].In(khmer), categories.Select(x => x.Row.Values[c]).ToList());
        }).ToList();
        return new Chart(table.Title.In(khmer), ChartKind.Bars, categories.Select(x => x.Label).ToList(), series)
        {
            Subtitle = subtitle,
            CategoryAxisTitle = table.RowHeading.In(khmer),
            ValueAxisTitle = Count.In(khmer),
            MissingValuesNote = MissingNote.In(khmer),
        };
    }

    /// <summary>Birth registration completeness by area against the NSPI target (90% in 2024) as a dashed line.</summary>
    private static Chart Completeness(StatTable table, StatisticsSet set, bool khmer, string? subtitle)
    {
        var births = Column(table, "Births");
        var target = set.Table("coverage")?.Cell("births", "Target") ?? Indicators.Targets["births"];
        var rows = table.Rows.Count > 0 ? table.Rows : [new StatRow(set.Area, [null, null, null, null, null, null])];
        var column = table.Columns[births].In(khmer);
        return new Chart(table.Title.In(khmer), ChartKind.HorizontalBars, rows.Select(r => r.Label.In(khmer)).ToList(),
            [new ChartSeries(column, rows.Select(r => r.Values[births]).ToList())])
        {
            Subtitle = subtitle is null ? column : subtitle + " · " + column,
            Format = ChartValueFormat.Percent,
            Target = new ChartTarget(target, string.Format(CultureInfo.InvariantCulture, TargetLine.In(khmer), target.ToString("0", CultureInfo.InvariantCulture))),
            ShowValues = true,
            CategoryAxisTitle = table.RowHeading.In(khmer),
            ValueAxisTitle = PercentOfExpected.In(khmer),
            MissingValuesNote = MissingNote.In(khmer),
        };
    }

    /// <summary>A synthetic row adding up rows of a table; a withheld cell among them withholds the sum.</summary>
    private static StatRow Sum(StatTable table, string[] keys)
    {
        var rows = table.Rows.Where(r => keys.Contains(r.Label.Key)).ToList();
        var values = table.Columns.Select((_, i) => rows.Any(r => r.Values[i] is null) ? null : (double?)rows.Sum(r => r.Values[i] ?? 0)).ToList();
        return new StatRow(new StatLabel(string.Join("+", keys), "", ""), values);
    }

    private static int Column(StatTable table, string key) =>
        table.ColumnIndex(key) is var i and >= 0 ? i : throw new InvalidOperationException($"Table {table.Name} has no column {key}.");
}
