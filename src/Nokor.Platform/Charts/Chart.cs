namespace Nokor.Platform.Charts;

/// <summary>How a chart draws its series.</summary>
public enum ChartKind
{
    /// <summary>Vertical bars, one group per category with one bar per series side by side.</summary>
    Bars,

    /// <summary>Vertical bars, the series of a category stacked on each other (parts of a total).</summary>
    StackedBars,

    /// <summary>
    /// Horizontal bars, one row per category: for long lists of areas (completeness per province),
    /// whose names read better on the left than under narrow columns.
    /// </summary>
    HorizontalBars,

    /// <summary>One line per series across the categories (a trend over years or months).</summary>
    Line,
}

/// <summary>How values, tick labels and tooltips are written.</summary>
public enum ChartValueFormat
{
    /// <summary>Whole counts with thousands separators (1,234).</summary>
    Count,

    /// <summary>
    /// Percentages with one decimal (87.3%). Values are given in percent (87.3, not 0.873), as the
    /// vital statistics tables publish them.
    /// </summary>
    Percent,

    /// <summary>Rates with one decimal (12.4), such as births per 1,000 population.</summary>
    Rate,
}

/// <summary>One named series of values, one per category of the chart.</summary>
/// <param name="Name">Shown in the legend (when there is more than one series) and in tooltips.</param>
/// <param name="Values">
/// One value per category, in category order. Null means the value is missing or suppressed
/// (small-cell suppression protects people in small areas from being identified): it is drawn as
/// a gap, never as zero, and the chart carries a note saying so.
/// </param>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A reference value drawn across the plot as a dashed line, such as a 90% completeness target.</summary>
/// <param name="Value">In the same unit as the series values.</param>
/// <param name="Label">Written next to the line, e.g. "90% target".</param>
public sealed record ChartTarget(double Value, string Label);

/// <summary>
/// What a statistics chart shows, independent of where it is drawn: the same chart is laid out once
/// (<see cref="ChartLayout"/>) and drawn as SVG for dashboards (<see cref="SvgChartRenderer"/>) and
/// into PDF reports (<see cref="PdfChartRenderer"/>), so both show the same thing.
/// Text may be Khmer, Latin or both.
/// </summary>
/// <param name="Title">The chart's title, also its accessible name in SVG.</param>
/// <param name="Kind">How the series are drawn.</param>
/// <param name="Categories">The category labels (x axis, or rows for <see cref="ChartKind.HorizontalBars"/>).</param>
/// <param name="Series">One or more series, each with one value per category.</param>
public sealed record Chart(string Title, ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    public string? Subtitle { get; init; }

    public ChartTarget? Target { get; init; }

    public ChartValueFormat Format { get; init; } = ChartValueFormat.Count;

    /// <summary>Title of the category axis (under the categories; left of the rows for horizontal bars).</summary>
    public string? CategoryAxisTitle { get; init; }

    /// <summary>Title of the value axis (left of the plot; under it for horizontal bars).</summary>
    public string? ValueAxisTitle { get; init; }

    /// <summary>
    /// Writes each value at the end of its bar (<see cref="ChartKind.Bars"/> and
    /// <see cref="ChartKind.HorizontalBars"/> only), where there is room for it; printed reports
    /// are read without tooltips.
    /// </summary>
    public bool ShowValues { get; init; }

    /// <summary>The note written under the chart when a value is missing, in the report's language.</summary>
    public string MissingValuesNote { get; init; } = DefaultMissingValuesNote;

    public const string DefaultMissingValuesNote = "– no bar or a gap: value missing or suppressed";
}
