using SkiaSharp;

namespace Nokor.Platform.Pdf;

/// <summary>
/// One page being drawn, in PDF points (1/72 inch) with the origin at the top-left corner and y
/// growing downwards. The same calls draw into a PDF page or a PNG (see <see cref="PdfDocumentBuilder"/>).
/// </summary>
public sealed class PageCanvas
{
    public const float PointsPerMillimetre = 72f / 25.4f;

    internal PageCanvas(SKCanvas canvas, TextRenderer text, SKSize size)
    {
        Canvas = canvas;
        Text = text;
        Width = size.Width;
        Height = size.Height;
    }

    /// <summary>The underlying Skia canvas, for drawing this class does not cover.</summary>
    public SKCanvas Canvas { get; }

    public TextRenderer Text { get; }

    public float Width { get; }

    public float Height { get; }

    /// <summary>Millimetres to points.</summary>
    public static float Mm(float millimetres) => millimetres * PointsPerMillimetre;

    /// <summary>Draws one line of text with its baseline at <paramref name="baseline"/>; returns its width.</summary>
    public float DrawText(string? text, float x, float baseline, TextStyle style, TextAlign align = TextAlign.Left) =>
        Text.Draw(Canvas, text, x, baseline, style, align);

    public float MeasureText(string? text, TextStyle style) => Text.Measure(text, style);

    /// <summary>
    /// Draws text wrapped to <paramref name="width"/> (see <see cref="TextRenderer.Wrap"/>), the top of
    /// the first line at <paramref name="top"/>; returns the height used. <paramref name="lineHeight"/>
    /// defaults to the fonts' line spacing.
    /// </summary>
    public float DrawParagraph(string? text, float x, float top, float width, TextStyle style, float? lineHeight = null, TextAlign align = TextAlign.Left)
    {
        var lines = Text.Wrap(text, style, width);
        var step = lineHeight ?? Text.LineHeight(style);
        var baseline = top + Text.Ascent(style);
        var anchor = align switch
        {
            TextAlign.Center => x + width / 2,
            TextAlign.Right => x + width,
            _ => x,
        };
        foreach (var line in lines)
        {
            Text.Draw(Canvas, line, anchor, baseline, style, align);
            baseline += step;
        }

        return lines.Count * step;
    }

    /// <summary>Draws a QR code (ECC level M, with quiet zone) in a square of side <paramref name="size"/>.</summary>
    public void DrawQrCode(string content, float x, float y, float size, SKColor? color = null) =>
        QrCode.Draw(Canvas, content, x, y, size, color);

    public void DrawLine(float x1, float y1, float x2, float y2, float strokeWidth, SKColor color)
    {
        using var paint = Stroke(strokeWidth, color);
        Canvas.DrawLine(x1, y1, x2, y2, paint);
    }

    public void DrawRect(SKRect rect, float strokeWidth, SKColor color)
    {
        using var paint = Stroke(strokeWidth, color);
        Canvas.DrawRect(rect, paint);
    }

    public void FillRect(SKRect rect, SKColor color)
    {
        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        Canvas.DrawRect(rect, paint);
    }

    private static SKPaint Stroke(float width, SKColor color) =>
        new() { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };
}
