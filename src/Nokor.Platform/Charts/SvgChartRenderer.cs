using System.Globalization;
using System.Text;
using System.Xml;

namespace Nokor.Platform.Charts;

/// <summary>
/// Writes a chart as a standalone SVG document for the dashboards. The browser shapes the Khmer
/// (the font list puts Khmer fonts first), so layout uses <see cref="ApproximateTextMeasurer"/>.
/// The SVG is accessible (<c>role="img"</c>, a <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c> that
/// summarises the data) and every bar and point carries a tooltip. Output depends only on the
/// input: invariant-culture numbers, no generated ids, so it can be cached and compared.
/// </summary>
public static class SvgChartRenderer
{
    /// <summary>The CSS font list: Khmer fonts first so browsers shape Khmer with a Khmer font.</summary>
    public const string FontFamily = "'Noto Sans Khmer', 'Khmer OS', sans-serif";

    public static string Render(Chart chart, double width, double height) =>
        Render(chart, ChartLayout.Compute(chart, width, height, ApproximateTextMeasurer.Instance));

    /// <summary>Writes an already laid-out chart (<paramref name="drawing"/> must come from <paramref name="chart"/>).</summary>
    public static string Render(Chart chart, ChartDrawing drawing)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(drawing);
        var svg = new StringBuilder();
        var w = Number(drawing.Width);
        var h = Number(drawing.Height);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(w).Append("\" height=\"").Append(h)
            .Append("\" viewBox=\"0 0 ").Append(w).Append(' ').Append(h).Append("\" role=\"img\" font-family=\"").Append(Escape(FontFamily)).Append("\">\n");
        svg.Append("<title>").Append(Escape(chart.Title)).Append("</title>\n");
        svg.Append("<desc>").Append(Escape(Describe(chart))).Append("</desc>\n");
        foreach (var element in drawing.Elements)
        {
            switch (element)
            {
                case ChartRect rect:
                    Rect(svg, rect);
                    break;
                case ChartLine line:
                    svg.Append("<line x1=\"").Append(Number(line.From.X)).Append("\" y1=\"").Append(Number(line.From.Y))
                        .Append("\" x2=\"").Append(Number(line.To.X)).Append("\" y2=\"").Append(Number(line.To.Y))
                        .Append("\" stroke=\"").Append(line.Stroke.ToHex()).Append("\" stroke-width=\"").Append(Number(line.StrokeWidth)).Append('"');
                    if (line.Dashed)
                    {
                        svg.Append(" stroke-dasharray=\"6 4\"");
                    }

                    svg.Append("/>\n");
                    break;
                case ChartPolyline polyline:
                    svg.Append("<polyline fill=\"none\" stroke=\"").Append(polyline.Stroke.ToHex()).Append("\" stroke-width=\"").Append(Number(polyline.StrokeWidth))
                        .Append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"");
                    for (var i = 0; i < polyline.Points.Count; i++)
                    {
                        svg.Append(i == 0 ? "" : " ").Append(Number(polyline.Points[i].X)).Append(',').Append(Number(polyline.Points[i].Y));
                    }

                    svg.Append("\"/>\n");
                    break;
                case ChartCircle circle:
                    svg.Append("<circle cx=\"").Append(Number(circle.Center.X)).Append("\" cy=\"").Append(Number(circle.Center.Y))
                        .Append("\" r=\"").Append(Number(circle.Radius)).Append("\" fill=\"").Append(circle.Fill.ToHex())
                        .Append("\" stroke=\"#ffffff\" stroke-width=\"1\"><title>").Append(Escape(circle.Datum.Tooltip)).Append("</title></circle>\n");
                    break;
                case ChartText text:
                    Text(svg, text);
                    break;
                default:
                    throw new NotSupportedException($"No SVG for {element.GetType().Name}.");
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Rect(StringBuilder svg, ChartRect rect)
    {
        svg.Append("<rect x=\"").Append(Number(rect.Box.X)).Append("\" y=\"").Append(Number(rect.Box.Y))
            .Append("\" width=\"").Append(Number(rect.Box.Width)).Append("\" height=\"").Append(Number(rect.Box.Height))
            .Append("\" fill=\"").Append(rect.Fill.ToHex()).Append('"');
        if (rect.Stroke is { } stroke)
        {
            svg.Append(" stroke=\"").Append(stroke.ToHex()).Append("\" stroke-width=\"0.75\"");
        }

        if (rect.Datum is { } datum)
        {
            svg.Append("><title>").Append(Escape(datum.Tooltip)).Append("</title></rect>\n");
        }
        else
        {
            svg.Append("/>\n");
        }
    }

    private static void Text(StringBuilder svg, ChartText text)
    {
        svg.Append("<text x=\"").Append(Number(text.Position.X)).Append("\" y=\"").Append(Number(text.Position.Y))
            .Append("\" font-size=\"").Append(Number(text.Size)).Append("\" fill=\"").Append(text.Color.ToHex()).Append('"');
        if (text.Bold)
        {
            svg.Append(" font-weight=\"bold\"");
        }

        if (text.Anchor != ChartTextAnchor.Start)
        {
            svg.Append(" text-anchor=\"").Append(text.Anchor == ChartTextAnchor.Middle ? "middle" : "end").Append('"');
        }

        if (text.Rotation != 0)
        {
            svg.Append(" transform=\"rotate(").Append(Number(text.Rotation)).Append(' ').Append(Number(text.Position.X)).Append(' ').Append(Number(text.Position.Y)).Append(")\"");
        }

        svg.Append('>').Append(Escape(text.Text)).Append("</text>\n");
    }

    /// <summary>A plain-language summary for screen readers: kind, axes, series with their values, target, gaps.</summary>
    internal static string Describe(Chart chart)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(chart.Subtitle))
        {
            text.Append(chart.Subtitle.Trim()).Append(". ");
        }

        text.Append(chart.Kind switch
        {
            ChartKind.Bars => "Bar chart",
            ChartKind.StackedBars => "Stacked bar chart",
            ChartKind.HorizontalBars => "Horizontal bar chart",
            _ => "Line chart",
        });
        text.Append(" of ").Append(chart.Categories.Count.ToString(CultureInfo.InvariantCulture)).Append(chart.Categories.Count == 1 ? " category" : " categories");
        if (!string.IsNullOrWhiteSpace(chart.CategoryAxisTitle))
        {
            text.Append(" (").Append(chart.CategoryAxisTitle.Trim()).Append(')');
        }

        if (!string.IsNullOrWhiteSpace(chart.ValueAxisTitle))
        {
            text.Append("; values: ").Append(chart.ValueAxisTitle.Trim());
        }

        text.Append('.');
        foreach (var series in chart.Series)
        {
            text.Append(' ').Append(series.Name).Append(": ");
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(chart.Categories[c]).Append(' ')
                    .Append(series.Values[c] is { } v ? ChartValues.Format(v, chart.Format) : "missing");
            }

            text.Append('.');
        }

        if (chart.Target is { } target)
        {
            text.Append(" Target line: ").Append(target.Label).Append(" (").Append(ChartValues.Format(target.Value, chart.Format)).Append(").");
        }

        return text.ToString();
    }

    private static string Number(double value) => (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>XML-escapes text, dropping characters XML cannot carry at all (control characters, lone surrogates).</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '"':
                    escaped.Append("&quot;");
                    break;
                case '\'':
                    escaped.Append("&apos;");
                    break;
                default:
                    if (XmlConvert.IsXmlChar(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }
}
