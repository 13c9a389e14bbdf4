using Nokor.Platform.Charts;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// The charts of the dashboards and the annual report, drawn from a set's tables: one definition
/// serves the SVG on the pages and the drawing in the PDF. Titles and labels in the page's language
/// (the report draws the Khmer title with the English beneath).
/// </summary>
public static class StatCharts
{
    public static IReadOnlyList<Chart> For(StatisticsSet set, bool khmer)
    {
        var charts = new List<Chart>();
        if (set.Table("births-month") is { } births)
        {
            charts.Add(BySex(births, khmer, ChartKind.Bars, withTotal: false));
        }

        if (set.Table("deaths-age") is { } deaths)
        {
            charts.Add(BySex(deaths, khmer, ChartKind.StackedBars, withTotal: false, skipEmpty: true));
        }

        if (set.Table("coverage-areas") is { } areas && areas.Rows.Count > 0)
        {
            var values = areas.Rows.Select(r => r.Values[areas.Columns.ToList().FindIndex(c => c.Key == "Births")]).ToList();
            charts.Add(new Chart(Title(areas, khmer), ChartKind.HorizontalBars, areas.Rows.Select(r => r.Label.In(khmer)).ToList(),
                [new ChartSeries(khmer ? "កំណើត %" : "Births %", values)])
            {
                Format = ChartValueFormat.Percent,
                Target = new ChartTarget(Indicators.Targets["births"], khmer ? "គោលដៅ NSPI ៩០%" : "NSPI target 90%"),
                MissingValuesNote = Missing(khmer, areas.Protected),
            });
        }

        if (set.Table("deaths-cause") is { } causes)
        {
            var rows = causes.Rows.Where(r => r.Label.Key != "Total" && r.Values[3] is > 0).ToList();
            if (rows.Count > 0)
            {
                charts.Add(new Chart(Title(causes, khmer), ChartKind.HorizontalBars, rows.Select(r => r.Label.Key == "NotCoded" ? r.Label.In(khmer) : Chapter(r.Label, khmer)).ToList(),
                    [new ChartSeries(khmer ? "សរុប" : "Total", rows.Select(r => r.Values[3]).ToList())])
                {
                    MissingValuesNote = Missing(khmer, causes.Protected),
                });
            }
        }

        return charts;
    }

    private static Chart BySex(StatTable table, bool khmer, ChartKind kind, bool withTotal, bool skipEmpty = false)
    {
        var rows = table.Rows.Where(r => r.Label.Key is not ("Total" or "NotStated") && (!skipEmpty || r.Values[3] is not 0.0)).ToList();
        var series = new List<ChartSeries>
        {
            new(table.Columns[0].In(khmer), rows.Select(r => r.Values[0]).ToList()),
            new(table.Columns[1].In(khmer), rows.Select(r => r.Values[1]).ToList()),
        };
        if (withTotal)
        {
            series.Add(new ChartSeries(table.Columns[3].In(khmer), rows.Select(r => r.Values[3]).ToList()));
        }

        return new Chart(Title(table, khmer), kind, rows.Select(r => r.Label.In(khmer)).ToList(), series)
        {
            MissingValuesNote = Missing(khmer, table.Protected),
        };
    }

    private static string Title(StatTable table, bool khmer) => table.Title.In(khmer);

    /// <summary>"IX Diseases of the circulatory system" without the code range, which makes the labels too long.</summary>
    private static string Chapter(StatLabel label, bool khmer)
    {
        var text = label.In(khmer);
        var cut = text.LastIndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text;
    }

    private static string Missing(bool khmer, bool protectedFigures) => protectedFigures
        ? (khmer ? "– មិនបង្ហាញ (ចំនួន ១-៤) ឬគ្មានទិន្នន័យ" : "– not shown (1-4 events) or not available")
        : (khmer ? "– គ្មានទិន្នន័យ" : "– not available");
}
