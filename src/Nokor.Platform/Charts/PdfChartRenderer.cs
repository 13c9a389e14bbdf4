using Nokor.Platform.Pdf;
using SkiaSharp;

namespace Nokor.Platform.Charts;

/// <summary>
/// Draws a chart into a PDF page (or its PNG rendering) for printed reports: laid out with the
/// exact widths of the fonts it is drawn with (<see cref="PdfChartTextMeasurer"/>), text drawn
/// with <see cref="PageCanvas.DrawText"/> so Khmer is shaped by HarfBuzz and stays extractable,
/// shapes drawn on the Skia canvas. Units are points; the chart fills <c>area</c>.
/// </summary>
public static class PdfChartRenderer
{
    /// <summary>Lays the chart out for <paramref name="area"/> and draws it there; returns the layout.</summary>
    public static ChartDrawing Draw(PageCanvas page, Chart chart, SKRect area)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(chart);
        var drawing = ChartLayout.Compute(chart, area.Width, area.Height, new PdfChartTextMeasurer(page.Text));
        Draw(page, drawing, area.Left, area.Top);
        return drawing;
    }

    private static void Draw(PageCanvas page, ChartDrawing drawing, float left, float top)
    {
        var canvas = page.Canvas;
        canvas.Save();
        try
        {
            canvas.Translate(left, top);
            canvas.ClipRect(SKRect.Create((float)drawing.Width, (float)drawing.Height));
            foreach (var element in drawing.Elements)
            {
                switch (element)
                {
                    case ChartRect rect:
                        var box = SKRect.Create((float)rect.Box.X, (float)rect.Box.Y, (float)rect.Box.Width, (float)rect.Box.Height);
                        using (var fill = new SKPaint { Color = Color(rect.Fill), Style = SKPaintStyle.Fill, IsAntialias = true })
                        {
                            canvas.DrawRect(box, fill);
                        }

                        if (rect.Stroke is { } stroke)
                        {
                            using var outline = Stroke(stroke, 0.75);
                            canvas.DrawRect(box, outline);
                        }

                        break;
                    case ChartLine line:
                        using (var paint = Stroke(line.Stroke, line.StrokeWidth))
                        using (var dash = line.Dashed ? SKPathEffect.CreateDash([6f, 4f], 0) : null)
                        {
                            paint.PathEffect = dash;
                            canvas.DrawLine(Point(line.From), Point(line.To), paint);
                        }

                        break;
                    case ChartPolyline polyline:
                        using (var path = new SKPath())
                        using (var paint = Stroke(polyline.Stroke, polyline.StrokeWidth))
                        {
                            paint.StrokeJoin = SKStrokeJoin.Round;
                            paint.StrokeCap = SKStrokeCap.Round;
                            path.MoveTo(Point(polyline.Points[0]));
                            for (var i = 1; i < polyline.Points.Count; i++)
                            {
                                path.LineTo(Point(polyline.Points[i]));
                            }

                            canvas.DrawPath(path, paint);
                        }

                        break;
                    case ChartCircle circle:
                        using (var fill = new SKPaint { Color = Color(circle.Fill), Style = SKPaintStyle.Fill, IsAntialias = true })
                        using (var ring = Stroke(ChartColor.White, 1))
                        {
                            canvas.DrawCircle(Point(circle.Center), (float)circle.Radius, fill);
                            canvas.DrawCircle(Point(circle.Center), (float)circle.Radius, ring);
                        }

                        break;
                    case ChartText text:
                        DrawText(page, text);
                        break;
                    default:
                        throw new NotSupportedException($"No PDF drawing for {element.GetType().Name}.");
                }
            }
        }
        finally
        {
            canvas.Restore();
        }
    }

    private static void DrawText(PageCanvas page, ChartText text)
    {
        var style = new TextStyle((float)text.Size, text.Bold) { Color = Color(text.Color) };
        var align = text.Anchor switch
        {
            ChartTextAnchor.Middle => TextAlign.Center,
            ChartTextAnchor.End => TextAlign.Right,
            _ => TextAlign.Left,
        };
        var x = (float)text.Position.X;
        var y = (float)text.Position.Y;
        if (text.Rotation == 0)
        {
            page.DrawText(text.Text, x, y, style, align);
            return;
        }

        page.Canvas.Save();
        page.Canvas.RotateDegrees((float)text.Rotation, x, y);
        page.DrawText(text.Text, x, y, style, align);
        page.Canvas.Restore();
    }

    private static SKPoint Point(ChartPoint point) => new((float)point.X, (float)point.Y);

    private static SKColor Color(ChartColor color) => new(color.R, color.G, color.B);

    private static SKPaint Stroke(ChartColor color, double width) =>
        new() { Color = Color(color), Style = SKPaintStyle.Stroke, StrokeWidth = (float)width, IsAntialias = true };
}
