using System.Globalization;

namespace Nokor.Platform.Charts;

/// <summary>An opaque sRGB colour, kept free of any drawing library so the layout stays pure.</summary>
public readonly record struct ChartColor(byte R, byte G, byte B)
{
    public static ChartColor White { get; } = new(255, 255, 255);

    /// <summary>#rrggbb, as SVG and CSS write it.</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    internal static ChartColor FromHex(uint rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
}

/// <summary>
/// Series colours: the Okabe–Ito palette (dark yellow dropped, a grey added), chosen because its
/// colours stay apart for readers with colour-vision deficiencies and differ in lightness, so
/// they stay distinguishable when a report is printed in greyscale.
/// </summary>
public static class ChartPalette
{
    private static readonly ChartColor[] s_series =
    [
        ChartColor.FromHex(0x0072B2),
        ChartColor.FromHex(0xE69F00),
        ChartColor.FromHex(0x009E73),
        ChartColor.FromHex(0xD55E00),
        ChartColor.FromHex(0xCC79A7),
        ChartColor.FromHex(0x56B4E9),
        ChartColor.FromHex(0x666666),
    ];

    public static ChartColor Text { get; } = ChartColor.FromHex(0x1A1A1A);

    public static ChartColor MutedText { get; } = ChartColor.FromHex(0x4D4D4D);

    public static ChartColor Axis { get; } = ChartColor.FromHex(0x4D4D4D);

    public static ChartColor Grid { get; } = ChartColor.FromHex(0xD9D9D9);

    public static ChartColor Target { get; } = ChartColor.FromHex(0x000000);

    /// <summary>The colour of series <paramref name="index"/> (colours repeat after seven series).</summary>
    public static ChartColor Series(int index) => s_series[index % s_series.Length];
}

/// <summary>A point in chart coordinates (origin top-left, y down).</summary>
public readonly record struct ChartPoint(double X, double Y);

/// <summary>An axis-aligned rectangle in chart coordinates.</summary>
public readonly record struct ChartBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;
}

/// <summary>The data value behind a bar or marker: which series and category, and its tooltip.</summary>
public sealed record ChartDatum(int Series, int Category, double Value, string Tooltip);

/// <summary>One drawing primitive of a laid-out chart; renderers only translate these.</summary>
public abstract record ChartElement;

/// <summary>A filled rectangle: a bar (with its <see cref="Datum"/>), a legend swatch or the background.</summary>
public sealed record ChartRect(ChartBox Box, ChartColor Fill) : ChartElement
{
    public ChartDatum? Datum { get; init; }

    /// <summary>An outline, e.g. white between stacked segments.</summary>
    public ChartColor? Stroke { get; init; }
}

/// <summary>What a straight line is for.</summary>
public enum ChartLineRole
{
    Axis,
    Gridline,
    Target,
    Legend,
}

public sealed record ChartLine(ChartPoint From, ChartPoint To, ChartColor Stroke, double StrokeWidth, ChartLineRole Role) : ChartElement
{
    public bool Dashed { get; init; }
}

/// <summary>A series of a line chart between two gaps (missing values break the line).</summary>
public sealed record ChartPolyline(IReadOnlyList<ChartPoint> Points, ChartColor Stroke, double StrokeWidth, int Series) : ChartElement;

/// <summary>A point marker of a line chart.</summary>
public sealed record ChartCircle(ChartPoint Center, double Radius, ChartColor Fill, ChartDatum Datum) : ChartElement;

/// <summary>Which point of a text line <see cref="ChartText.Position"/> is.</summary>
public enum ChartTextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>What a text item is for.</summary>
public enum ChartTextRole
{
    Title,
    Subtitle,
    Legend,
    TickLabel,
    CategoryLabel,
    AxisTitle,
    TargetLabel,
    ValueLabel,
    MissingMark,
    Note,
}

/// <summary>
/// One line of text. <see cref="Position"/> is on the baseline, at the start, middle or end of
/// the line per <see cref="Anchor"/>; <see cref="Rotation"/> turns the line about that point, in
/// degrees clockwise (negative goes up, as in SVG).
/// </summary>
public sealed record ChartText(string Text, ChartPoint Position, double Size, bool Bold, ChartTextAnchor Anchor, ChartColor Color, ChartTextRole Role) : ChartElement
{
    public double Rotation { get; init; }
}

/// <summary>
/// A chart laid out into primitives in a <see cref="Width"/> × <see cref="Height"/> space,
/// in drawing order. <see cref="Plot"/> and <see cref="Ticks"/> describe the value axis.
/// </summary>
public sealed record ChartDrawing(double Width, double Height, IReadOnlyList<ChartElement> Elements, ChartBox Plot, IReadOnlyList<double> Ticks);
