using Nokor.Platform.Charts;
using Nokor.Platform.Pdf;
using Nokor.Platform.Tests.Pdf;
using SkiaSharp;

namespace Nokor.Platform.Tests.Charts;

public sealed class PdfChartRendererTests
{
    private static readonly string s_outputFolder = Path.Combine(AppContext.BaseDirectory, "chart-samples");

    private static PdfDocumentBuilder Report(params (Chart Chart, SKRect Area)[] charts) =>
        new PdfDocumentBuilder(new PdfDocumentInfo("Vital statistics") { Created = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(7)) })
            .AddPage(page =>
            {
                foreach (var (chart, area) in charts)
                {
                    PdfChartRenderer.Draw(page, chart, area);
                }
            });

    private static SKRect Area(float top, float height) => SKRect.Create(PageCanvas.Mm(15), PageCanvas.Mm(top), PageCanvas.Mm(180), PageCanvas.Mm(height));

    [Fact]
    public void The_khmer_title_and_labels_extract_from_the_pdf()
    {
        var pdf = Report((ChartSamples.BirthsByYear(), Area(15, 90))).ToPdf();

        var text = Pdftotext.Extract(pdf);

        Assert.Contains("ចំនួនកំណើតដែលបានចុះបញ្ជី តាមឆ្នាំ", text, StringComparison.Ordinal);
        Assert.Contains("ប្រុស Boys", text, StringComparison.Ordinal);
        Assert.Contains("2024", text, StringComparison.Ordinal);
        Assert.Contains("150,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_is_laid_out_with_the_fonts_it_is_drawn_with_and_fills_its_area()
    {
        ChartDrawing? drawing = null;
        var area = Area(20, 120);
        using var text = new TextRenderer();
        var builder = new PdfDocumentBuilder(new PdfDocumentInfo("Chart"))
            .AddPage(page => drawing = PdfChartRenderer.Draw(page, ChartSamples.Completeness(), area));

        using var bitmap = SKBitmap.Decode(builder.RenderPng(dpi: 72));

        Assert.NotNull(drawing);
        Assert.Equal(area.Width, drawing.Width, 3);
        Assert.Equal(area.Height, drawing.Height, 3);
        var measurer = new PdfChartTextMeasurer(text);
        foreach (var label in drawing.Elements.OfType<ChartText>().Where(t => t.Role == ChartTextRole.CategoryLabel))
        {
            Assert.True(label.Position.X - measurer.Width(label.Text, label.Size, label.Bold) >= 0, $"{label.Text} starts left of the chart");
        }

        var blue = ChartPalette.Series(0);
        var bar = drawing.Elements.OfType<ChartRect>().First(r => r.Datum is not null).Box;
        var pixel = bitmap.GetPixel((int)(area.Left + bar.X + bar.Width / 2), (int)(area.Top + bar.Y + bar.Height / 2));
        Assert.Equal(new SKColor(blue.R, blue.G, blue.B), pixel);
        Assert.Equal(SKColors.White, bitmap.GetPixel(5, 5));
    }

    [Fact]
    public void A_sample_report_page_renders_to_png()
    {
        (Chart Chart, SKRect Area)[] charts =
        [
            (ChartSamples.BirthsByYear(), Area(12, 80)),
            (ChartSamples.Completeness(), Area(95, 118)),
            (ChartSamples.RegistrationDelay(), SKRect.Create(PageCanvas.Mm(15), PageCanvas.Mm(215), PageCanvas.Mm(88), PageCanvas.Mm(72))),
            (ChartSamples.CrudeBirthRate(), SKRect.Create(PageCanvas.Mm(107), PageCanvas.Mm(215), PageCanvas.Mm(88), PageCanvas.Mm(72))),
        ];
        var drawings = new ChartDrawing[charts.Length];
        var builder = new PdfDocumentBuilder(new PdfDocumentInfo("Vital statistics")).AddPage(page =>
        {
            for (var i = 0; i < charts.Length; i++)
            {
                drawings[i] = PdfChartRenderer.Draw(page, charts[i].Chart, charts[i].Area);
            }
        });

        var png = builder.RenderPng(dpi: 150);
        Directory.CreateDirectory(s_outputFolder);
        File.WriteAllBytes(Path.Combine(s_outputFolder, "report-page.png"), png);
        File.WriteAllText(Path.Combine(s_outputFolder, "completeness.svg"), SvgChartRenderer.Render(ChartSamples.Completeness(), 640, 560));
        File.WriteAllText(Path.Combine(s_outputFolder, "births.svg"), SvgChartRenderer.Render(ChartSamples.BirthsByYear(), 640, 360));
        File.WriteAllText(Path.Combine(s_outputFolder, "delay.svg"), SvgChartRenderer.Render(ChartSamples.RegistrationDelay(), 480, 360));
        File.WriteAllText(Path.Combine(s_outputFolder, "rate.svg"), SvgChartRenderer.Render(ChartSamples.CrudeBirthRate(), 480, 320));

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1240, bitmap.Width);
        const float scale = 150f / 72f;
        SKColor Pixel(SKRect area, double x, double y) => bitmap.GetPixel((int)((area.Left + x) * scale), (int)((area.Top + y) * scale));

        // Every chart's title and legend are real text in the PDF, each line as laid out.
        var text = Pdftotext.Extract(builder.ToPdf());
        foreach (var drawing in drawings)
        {
            var labels = drawing.Elements.OfType<ChartText>().Where(t => t.Role is ChartTextRole.Title or ChartTextRole.Legend).ToList();
            Assert.NotEmpty(labels);
            Assert.All(labels, label => Assert.Contains(label.Text, text, StringComparison.Ordinal));
        }

        // Every bar, stacked segment and line marker with a value is drawn in its series' colour:
        // one rectangle or marker per value given, none for a missing one.
        for (var i = 0; i < charts.Length; i++)
        {
            var (chart, area) = charts[i];
            var data = drawings[i].Elements.Where(e => e is ChartRect { Datum: not null } or ChartCircle).ToList();
            Assert.Equal(chart.Series.Sum(s => s.Values.Count(v => v is not null)), data.Count);
            foreach (var bar in data.OfType<ChartRect>().Where(r => r.Box.Width >= 2 && r.Box.Height >= 2))
            {
                var color = ChartPalette.Series(bar.Datum!.Series);
                Assert.Equal(new SKColor(color.R, color.G, color.B), Pixel(area, bar.Box.X + bar.Box.Width / 2, bar.Box.Y + bar.Box.Height / 2));
            }
        }

        // The bars of births by year are as high as their values (one scale for all) and drawn to that height.
        var (_, birthsArea) = charts[0];
        var bars = drawings[0].Elements.OfType<ChartRect>().Where(r => r.Datum is not null).ToList();
        Assert.Equal(9, bars.Count);
        var pointsPerBirth = bars[0].Box.Height / bars[0].Datum!.Value;
        foreach (var bar in bars)
        {
            Assert.Equal(bar.Datum!.Value * pointsPerBirth, bar.Box.Height, 6);
            Assert.Equal(drawings[0].Plot.Bottom, bar.Box.Y + bar.Box.Height, 6);
            var color = ChartPalette.Series(bar.Datum.Series);
            var x = bar.Box.X + bar.Box.Width / 2;
            Assert.Equal(new SKColor(color.R, color.G, color.B), Pixel(birthsArea, x, bar.Box.Y + 1.5));
            Assert.NotEqual(new SKColor(color.R, color.G, color.B), Pixel(birthsArea, x, bar.Box.Y - 1.5));
        }

        var tallest = bars.MaxBy(b => b.Datum!.Value)!;
        Assert.Equal(161_045, tallest.Datum!.Value);
        Assert.Equal((0, 4), (tallest.Datum.Series, tallest.Datum.Category));
        Assert.True(builder.ToPdf().Length > 1000);
    }
}
