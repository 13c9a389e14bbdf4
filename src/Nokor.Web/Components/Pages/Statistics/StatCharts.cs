using System.Globalization;
using Microsoft.AspNetCore.Components;
using Nokor.CivilRegistration.Statistics;
using Nokor.Platform.Charts;
using Nokor.Web.Localization;

namespace Nokor.Web.Components.Pages.Statistics;

/// <summary>One chart of the statistics pages, drawn on the server as inline SVG, with the table it comes from.</summary>
public sealed record StatChart(string Id, string Table, MarkupString? Svg, bool Wide);

/// <summary>
/// The charts of the staff dashboard and the public page, made from the tables of a set (exact or
/// protected: a withheld cell is a gap, never a zero), in the UI language.
/// </summary>
public static class StatCharts
{
    public const double Width = 520;
    public const double WideWidth = 1040;

    /// <summary>Death age groups of the tabulation plan folded into broad groups that fit a chart.</summary>
    private static readonly (string Key, string[] Rows)[] AgeBands =
    [
        ("under1", ["0d", "1-7d", "8-27d", "28d-11m", "0y"]),
        ("1-4", ["1y", "2y", "3y", "4y"]),
        ("5-14", ["5-9", "10-14"]),
        ("15-29", ["15-19", "20-24", "25-29"]),
        ("30-44", ["30-34", "35-39", "40-44"]),
        ("45-59", ["45-49", "50-54", "55-59"]),
        ("60-74", ["60-64", "65-69", "70-74"]),
        ("75+", ["75-79", "80-84", "85+"]),
        ("NotStated", ["NotStated"]),
    ];

    public static IReadOnlyList<StatChart> For(StatisticsSet set)
    {
        var khmer = UiText.IsKhmer;
        var subtitle = UiText.VstFormat("vst.For", set.Area.In(khmer), UiText.Digits(set.Year.ToString(CultureInfo.InvariantCulture)), UiText.VstCoded("basis", set.Basis.ToString()));
        var charts = new List<StatChart>();
        if (set.Table("births-month") is { } births)
        {
            charts.Add(new("chart-births-month", births.Name, Svg(BySex(births, births.Rows.Where(r => r.Label.Key != "Total").Select(r => (r.Label.In(khmer), r)).ToList(), subtitle), Width, 340), false));
        }

        if (set.Table("deaths-age") is { } deaths)
        {
            var bands = AgeBands.Select(b => (UiText.VstCoded("age", b.Key), Sum(deaths, b.Rows))).ToList();
            var chart = BySex(deaths, bands, subtitle) with { CategoryAxisTitle = UiText.T("vst.AgeYears") };
            charts.Add(new("chart-deaths-age", deaths.Name, Svg(chart, Width, 340), false));
        }

        if (set.Table("coverage-areas") is { } coverage)
        {
            charts.Add(new("chart-coverage-areas", coverage.Name, Svg(Completeness(coverage, set, subtitle), WideWidth, 110 + (Math.Max(coverage.Rows.Count, 3) * 24)), true));
        }

        if (set.Table("deaths-cause") is { } causes)
        {
            var total = Column(causes, "Total");
            var rows = causes.Rows.Where(r => r.Label.Key != "Total" && r.Values[total] is not 0.0).ToList();
            MarkupString? svg = null;
            if (rows.Count > 0)
            {
                var chart = new Chart(causes.Title.In(khmer), ChartKind.HorizontalBars, rows.Select(r => r.Label.In(khmer)).ToList(),
                    [new ChartSeries(causes.Columns[total].In(khmer), rows.Select(r => r.Values[total]).ToList())])
                {
                    Subtitle = subtitle,
                    ShowValues = true,
                    ValueAxisTitle = UiText.T("vst.Count"),
                    MissingValuesNote = UiText.T("vst.MissingNote"),
                };
                svg = Svg(chart, WideWidth, 110 + (Math.Max(rows.Count, 3) * 26));
            }

            charts.Add(new("chart-deaths-cause", causes.Name, svg, true));
        }

        return charts;
    }

    /// <summary>Grouped bars, one per sex, for each category.</summary>
    private static Chart BySex(StatTable table, IReadOnlyList<(string Label, StatRow Row)> categories, string subtitle)
    {
        var khmer = UiText.IsKhmer;
        var series = new[] { "Male", "Female" }.Select(sex =>
        {
            var c = Column(table, sex);
            return new ChartSeries(table.Columns[c].In(khmer), categories.Select(x => x.Row.Values[c]).ToList());
        }).ToList();
        return new Chart(table.Title.In(khmer), ChartKind.Bars, categories.Select(x => x.Label).ToList(), series)
        {
            Subtitle = subtitle,
            CategoryAxisTitle = table.RowHeading.In(khmer),
            ValueAxisTitle = UiText.T("vst.Count"),
            MissingValuesNote = UiText.T("vst.MissingNote"),
        };
    }

    /// <summary>Birth registration completeness by area against the NSPI target (90% in 2024) as a dashed line.</summary>
    private static Chart Completeness(StatTable table, StatisticsSet set, string subtitle)
    {
        var khmer = UiText.IsKhmer;
        var births = Column(table, "Births");
        var target = set.Table("coverage")?.Cell("births", "Target") ?? 90;
        var rows = table.Rows.Count > 0 ? table.Rows : [new StatRow(set.Area, [null, null, null, null, null, null])];
        return new Chart(table.Title.In(khmer), ChartKind.HorizontalBars, rows.Select(r => r.Label.In(khmer)).ToList(),
            [new ChartSeries(table.Columns[births].In(khmer), rows.Select(r => r.Values[births]).ToList())])
        {
            Subtitle = subtitle + " · " + table.Columns[births].In(khmer),
            Format = ChartValueFormat.Percent,
            Target = new ChartTarget(target, UiText.VstFormat("vst.TargetLine", target.ToString("0", CultureInfo.InvariantCulture))),
            ShowValues = true,
            CategoryAxisTitle = table.RowHeading.In(khmer),
            ValueAxisTitle = UiText.T("vst.PercentOfExpected"),
            MissingValuesNote = UiText.T("vst.MissingNote"),
        };
    }

    /// <summary>A synthetic row adding up rows of a table; a withheld cell among them withholds the sum.</summary>
    private static StatRow Sum(StatTable table, string[] keys)
    {
        var rows = table.Rows.Where(r => keys.Contains(r.Label.Key)).ToList();
        var values = table.Columns.Select((_, i) => rows.Any(r => r.Values[i] is null) ? null : (double?)rows.Sum(r => r.Values[i] ?? 0)).ToList();
        return new StatRow(new StatLabel(string.Join("+", keys), "", ""), values);
    }

    private static int Column(StatTable table, string key)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Key == key)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Table {table.Name} has no column {key}.");
    }

    private static MarkupString Svg(Chart chart, double width, double height) => new(SvgChartRenderer.Render(chart, width, height));
}
