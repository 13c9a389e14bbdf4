using SkiaSharp;

namespace Nokor.Platform.Pdf;

/// <summary>The PDF document information dictionary (title, author, ..., creation date).</summary>
public sealed record PdfDocumentInfo(string Title)
{
    public string? Author { get; init; }

    public string? Subject { get; init; }

    /// <summary>Free text; <see cref="PdfReader.TryReadKeywords"/> reads it back.</summary>
    public string? Keywords { get; init; }

    public string? Creator { get; init; }

    public string Producer { get; init; } = "Nokor";

    public DateTimeOffset? Created { get; init; }
}

/// <summary>
/// Builds a document page by page. Each page is a drawing callback, called for the PDF
/// (<see cref="ToPdf"/>: twice, once to collect the glyphs used so that only subsets of the bundled
/// fonts are embedded, once to write) and for every raster image asked of it
/// (<see cref="RenderPng"/>), so the screenshot is the same page. Callbacks must therefore draw the
/// same thing every time they are called.
/// </summary>
public sealed class PdfDocumentBuilder
{
    /// <summary>ISO 216 A4, 210 × 297 mm, in points.</summary>
    public static readonly SKSize A4 = new(PageCanvas.Mm(210), PageCanvas.Mm(297));

    private readonly List<(SKSize Size, Action<PageCanvas> Draw)> _pages = [];

    public PdfDocumentBuilder(PdfDocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Info = info;
    }

    public PdfDocumentInfo Info { get; }

    public int PageCount => _pages.Count;

    /// <summary>Adds a page (A4 unless <paramref name="size"/> says otherwise, in points).</summary>
    public PdfDocumentBuilder AddPage(Action<PageCanvas> draw, SKSize? size = null)
    {
        ArgumentNullException.ThrowIfNull(draw);
        _pages.Add((size ?? A4, draw));
        return this;
    }

    public byte[] ToPdf()
    {
        if (_pages.Count == 0)
        {
            throw new InvalidOperationException("A PDF needs at least one page.");
        }

        var created = (Info.Created ?? DateTimeOffset.UtcNow).UtcDateTime;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = Info.Title,
            Author = Info.Author ?? "",
            Subject = Info.Subject ?? "",
            Keywords = Info.Keywords ?? "",
            Creator = Info.Creator ?? "",
            Producer = Info.Producer,
            Creation = created,
            Modified = created,
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = 101,
        };

        // First pass: draw every page onto a throw-away recording to learn which glyphs each font
        // draws; the PDF then embeds subsets of the fonts with just those glyphs.
        var usage = new GlyphUsage();
        using (var recording = new TextRenderer(usage, null))
        {
            foreach (var (size, draw) in _pages)
            {
                using var recorder = new SKPictureRecorder();
                var canvas = recorder.BeginRecording(SKRect.Create(size));
                draw(new PageCanvas(canvas, recording, size));
                using var picture = recorder.EndRecording();
            }
        }

        var subsets = usage.CreateSubsets();
        using var output = new MemoryStream();
        try
        {
            using var text = new TextRenderer(null, subsets);
            using var document = SKDocument.CreatePdf(output, metadata)
                ?? throw new InvalidOperationException("Skia could not create a PDF document.");
            foreach (var (size, draw) in _pages)
            {
                var canvas = document.BeginPage(size.Width, size.Height);
                draw(new PageCanvas(canvas, text, size));
                document.EndPage();
            }

            document.Close();
        }
        finally
        {
            foreach (var subset in subsets.Values)
            {
                subset.Dispose();
            }
        }

        return output.ToArray();
    }

    /// <summary>Renders one page to a PNG at <paramref name="dpi"/> dots per inch on a white background.</summary>
    public byte[] RenderPng(int pageIndex = 0, float dpi = 150)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pageIndex, _pages.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dpi, 1200);

        var (size, draw) = _pages[pageIndex];
        var scale = dpi / 72f;
        var info = new SKImageInfo((int)Math.Round(size.Width * scale), (int)Math.Round(size.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException("Skia could not create a raster surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        using (var text = new TextRenderer())
        {
            draw(new PageCanvas(canvas, text, size));
        }

        canvas.Flush();
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
