using System.Globalization;
using Microsoft.AspNetCore.Components;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Charts;
using Nokor.Web.Localization;

namespace Nokor.Web.Components.Pages.Statistics;

/// <summary>One chart of the statistics pages, drawn on the server as inline SVG, with the table it comes from.</summary>
public sealed record StatChart(string Id, string Table, MarkupString? Svg, bool Wide);

/// <summary>
/// The charts of the staff dashboard and the public page: the module's chart definitions
/// (<see cref="IVitalStatistics.Charts"/>, which the annual report draws too) in the UI language, as SVG.
/// </summary>
public static class PageCharts
{
    public const double Width = 520;
    public const double WideWidth = 1040;

    public static IReadOnlyList<StatChart> For(IVitalStatistics statistics, StatisticsSet set)
    {
        var khmer = UiText.IsKhmer;
        var subtitle = UiText.VstFormat("vst.For", set.Area.In(khmer), UiText.Digits(set.Year.ToString(CultureInfo.InvariantCulture)), UiText.VstCoded("basis", set.Basis.ToString()));
        return statistics.Charts(set, khmer, subtitle)
            .Select(c => new StatChart(c.Id, c.Table, c.Chart is { } chart ? Svg(chart, c.Wide) : null, c.Wide))
            .ToList();
    }

    /// <summary>A wide chart (areas, causes) is a bar row per category and grows with them.</summary>
    private static MarkupString Svg(Chart chart, bool wide) => wide
        ? new(SvgChartRenderer.Render(chart, WideWidth, 110 + (Math.Max(chart.Categories.Count, 3) * 25)))
        : new(SvgChartRenderer.Render(chart, Width, 340));
}
