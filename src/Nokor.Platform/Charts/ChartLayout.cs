namespace Nokor.Platform.Charts;

/// <summary>
/// Lays a chart out once, as a pure function, into primitives (<see cref="ChartDrawing"/>) that
/// the SVG and PDF renderers only translate, so both outputs agree and the geometry can be
/// tested without drawing anything. Sizes are in the units of the target (pixels for SVG, points
/// for PDF); text widths come from an <see cref="IChartTextMeasurer"/>.
/// <para>
/// One file per part: this one validates and starts the layout; <c>ChartLayout.Text.cs</c> wraps and
/// truncates labels; <c>ChartLayout.Frame.cs</c> holds what every kind shares (header, legend,
/// note, value axis, gridlines, axis titles, value labels); <c>ChartLayout.CategoryAxis.cs</c> lays
/// out the columns under which bars, stacked bars and lines are drawn; and one file per plot kind
/// (<c>ChartLayout.Bars.cs</c>, <c>ChartLayout.StackedBars.cs</c>, <c>ChartLayout.Lines.cs</c>,
/// <c>ChartLayout.HorizontalBars.cs</c>) draws its data.
/// </para>
/// </summary>
public static partial class ChartLayout
{
    internal const double TitleSize = 15;
    internal const double SubtitleSize = 11.5;
    internal const double LabelSize = 10;
    internal const double TickSize = 9.5;
    internal const double LegendSize = 10;
    internal const double AxisTitleSize = 10;
    internal const double NoteSize = 8.5;
    internal const string Ellipsis = "…";

    private const double Pad = 8;

    /// <summary>Baseline-to-baseline distance; generous because Khmer stacks reach far above and below.</summary>
    internal static double LineHeight(double size) => size * 1.5;

    /// <summary>From the top of a line box to its baseline.</summary>
    internal static double Ascent(double size) => size * 1.1;

    public static ChartDrawing Compute(Chart chart, double width, double height, IChartTextMeasurer measurer)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(measurer);
        if (!(width >= 50 && height >= 50 && double.IsFinite(width) && double.IsFinite(height)))
        {
            throw new ArgumentOutOfRangeException(nameof(width), "A chart needs at least 50 × 50 units.");
        }

        Validate(chart);
        return new Builder(chart, width, height, measurer).Build();
    }

    private static void Validate(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart.Title, nameof(chart.Title));
        ArgumentNullException.ThrowIfNull(chart.Categories, nameof(chart.Categories));
        ArgumentNullException.ThrowIfNull(chart.Series, nameof(chart.Series));
        if (chart.Series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(chart));
        }

        foreach (var series in chart.Series)
        {
            if (series?.Values is null || series.Name is null)
            {
                throw new ArgumentException("Every series needs a name and values.", nameof(chart));
            }

            if (series.Values.Count != chart.Categories.Count)
            {
                throw new ArgumentException($"Series \"{series.Name}\" has {series.Values.Count} values for {chart.Categories.Count} categories.", nameof(chart));
            }

            foreach (var value in series.Values)
            {
                if (value is { } v && (!double.IsFinite(v) || v < 0))
                {
                    throw new ArgumentException($"Series \"{series.Name}\" has the value {v}: values must be finite and not negative.", nameof(chart));
                }
            }
        }

        if (chart.Target is { } target && (!double.IsFinite(target.Value) || target.Value < 0 || target.Label is null))
        {
            throw new ArgumentException("The target needs a finite value that is not negative and a label.", nameof(chart));
        }
    }
}
