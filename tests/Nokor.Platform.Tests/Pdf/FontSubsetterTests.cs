using System.Text;
using Nokor.Platform.Pdf;
using SkiaSharp;

namespace Nokor.Platform.Tests.Pdf;

public sealed class FontSubsetterTests
{
    [Fact]
    public void A_subset_keeps_the_glyph_ids_and_outlines_it_was_asked_for_and_drops_the_rest()
    {
        var full = PdfFonts.LatinRegular;
        var file = PdfFonts.FileOf(full)!;
        var a = full.GetGlyph('A');
        var z = full.GetGlyph('Z');

        using var subset = FontSubsetter.TrySubsetTypeface(file, [a], ['A']);

        Assert.NotNull(subset);
        Assert.Equal(a, subset.GetGlyph('A'));
        using var font = new SKFont(subset, 12);
        using var fullFont = new SKFont(full, 12);
        using var pathA = font.GetGlyphPath(a);
        using var pathZ = font.GetGlyphPath(z);
        using var fullPathZ = fullFont.GetGlyphPath(z);
        Assert.False(pathA.IsEmpty);
        Assert.False(fullPathZ.IsEmpty);
        Assert.True(pathZ is null || pathZ.IsEmpty);
        Assert.Equal(fullFont.GetGlyphWidths([a])[0], font.GetGlyphWidths([a])[0], 3);
        Assert.True(FontSubsetter.TrySubset(file, [a], ['A'])!.Length < file.Length / 10);
    }

    [Fact]
    public void Pdfs_embed_font_subsets_not_whole_fonts()
    {
        var pdf = new PdfDocumentBuilder(new PdfDocumentInfo("Subset"))
            .AddPage(page =>
            {
                page.DrawText("ព្រះរាជាណាចក្រកម្ពុជា", 50, 100, new TextStyle(14, Bold: true));
                page.DrawText("Kingdom of Cambodia", 50, 130, new TextStyle(12));
            })
            .ToPdf();

        // The four bundled fonts are 1.25 MB (650 kB compressed); the subsets a few kB each.
        Assert.True(pdf.Length < 60_000, $"the PDF is {pdf.Length} bytes");
        var text = Pdftotext.Extract(pdf);
        Assert.Contains("ព្រះរាជាណាចក្រកម្ពុជា", text, StringComparison.Ordinal);
        Assert.Contains("Kingdom of Cambodia", text, StringComparison.Ordinal);
        Assert.Contains("Subset", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }
}
