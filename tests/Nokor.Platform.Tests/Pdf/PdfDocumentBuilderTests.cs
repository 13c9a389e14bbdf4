using System.Text;
using Nokor.Platform.Pdf;
using SkiaSharp;

namespace Nokor.Platform.Tests.Pdf;

public sealed class PdfDocumentBuilderTests
{
    private static PdfDocumentBuilder Sample(string keywords = "test") =>
        new PdfDocumentBuilder(new PdfDocumentInfo("Sample")
            {
                Author = "Nokor tests",
                Subject = "PDF toolkit",
                Keywords = keywords,
                Creator = "Nokor.Platform.Tests",
                Created = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(7)),
            })
            .AddPage(page =>
            {
                var title = new TextStyle(18, Bold: true);
                page.DrawText("ព្រះរាជាណាចក្រកម្ពុជា / Kingdom of Cambodia", page.Width / 2, PageCanvas.Mm(30), title, TextAlign.Center);
                page.DrawParagraph("ស្ត្រី ក្រុង ភ្នំពេញ", PageCanvas.Mm(20), PageCanvas.Mm(50), PageCanvas.Mm(170), new TextStyle(12));
                page.DrawText("សំបុត្រកំណើត សង្កាត់ ម៉ោង អត្តសញ្ញាណ ធ្វើនៅ", PageCanvas.Mm(20), PageCanvas.Mm(70), new TextStyle(11, Bold: true));
            });

    [Fact]
    public void A_pdf_has_the_pdf_header_and_trailer()
    {
        var pdf = Sample().ToPdf();

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 8), StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", Encoding.ASCII.GetString(pdf, pdf.Length - 16, 16).TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_round_trip_through_the_info_dictionary()
    {
        var token = "NKC1." + new string('x', 200) + "-_.0123456789abcdef." + new string('Q', 86);
        Assert.True(token.Length >= 300);

        var pdf = Sample(token).ToPdf();

        Assert.True(PdfReader.TryReadKeywords(pdf, out var keywords));
        Assert.Equal(token, keywords);
        Assert.True(PdfReader.TryReadInfoString(pdf, "Title", out var title));
        Assert.Equal("Sample", title);
        Assert.True(PdfReader.TryReadInfoString(pdf, "Producer", out var producer));
        Assert.Equal("Nokor", producer);
    }

    [Theory]
    [InlineData("with (parentheses) and \\ backslash")]
    [InlineData("unbalanced ) ( (")]
    [InlineData("Khmer ស្ត្រី and é")]
    [InlineData("tab\tand newline\nin it")]
    public void Keywords_with_escapes_and_non_ascii_round_trip(string keywords)
    {
        var pdf = Sample(keywords).ToPdf();

        Assert.True(PdfReader.TryReadKeywords(pdf, out var read));
        Assert.Equal(keywords, read);
    }

    [Fact]
    public void Non_pdf_input_is_not_read()
    {
        Assert.False(PdfReader.TryReadKeywords([], out _));
        Assert.False(PdfReader.TryReadKeywords(Encoding.ASCII.GetBytes("%PDF-1.4\ntrailer\n<</Info 1 0 R>>"), out _));
        Assert.False(PdfReader.TryReadKeywords(Encoding.ASCII.GetBytes("hello world, not a pdf"), out _));
        var truncated = Sample("abc").ToPdf();
        Assert.False(PdfReader.TryReadKeywords(truncated.AsSpan(0, truncated.Length / 2).ToArray(), out _));
    }

    [Fact]
    public void Hand_written_literal_escapes_are_decoded()
    {
        // A minimal document written by hand (no cross-reference table: the reader finds the objects).
        const string pdf = "%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n" +
            "3 0 obj\n<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>>\nendobj\n" +
            "4 0 obj\n<</Title (a\\(b\\)c \\\\ \\101\\60x \\\nline)\n/Keywords <FEFF0041 17D2>\n/Count 3 /Ref 2 0 R /N /Name /Arr [1 (x)] /D <</A (b)>>>>\nendobj\n" +
            "trailer\n<</Size 5 /Root 1 0 R /Info 4 0 R>>\n%%EOF\n";
        var bytes = Encoding.ASCII.GetBytes(pdf);

        Assert.True(PdfReader.TryReadInfoString(bytes, "Title", out var title));
        Assert.Equal("a(b)c \\ A0x line", title);
        Assert.True(PdfReader.TryReadKeywords(bytes, out var keywords));
        Assert.Equal("A\u17D2", keywords);
    }

    [Fact]
    public void The_png_is_the_page_at_the_asked_resolution()
    {
        var png = Sample().RenderPng(dpi: 72);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(595, bitmap.Width);
        Assert.Equal(842, bitmap.Height);
        Assert.Equal(SKColors.White, bitmap.GetPixel(5, 5));
        var dark = 0;
        for (var x = 0; x < bitmap.Width; x++)
        {
            for (var y = (int)PageCanvas.Mm(20); y < (int)PageCanvas.Mm(35); y++)
            {
                dark += bitmap.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }

        Assert.True(dark > 500, $"the title line should have ink, found {dark} dark pixels");
    }

    [Fact]
    public void Khmer_text_is_extractable_from_the_pdf()
    {
        var pdf = Sample().ToPdf();

        var text = Pdftotext.Extract(pdf);

        Assert.Contains("ព្រះរាជាណាចក្រកម្ពុជា", text, StringComparison.Ordinal);
        Assert.Contains("Kingdom of Cambodia", text, StringComparison.Ordinal);
        Assert.Contains("ស្ត្រី ក្រុង ភ្នំពេញ", text, StringComparison.Ordinal);
        // Words whose syllables are ligated or carry split vowels come back whole, without inserted spaces.
        Assert.Contains("សំបុត្រកំណើត សង្កាត់ ម៉ោង អត្តសញ្ញាណ ធ្វើនៅ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fonts_and_their_license_are_bundled()
    {
        Assert.Equal("Noto Sans Khmer", PdfFonts.KhmerRegular.FamilyName);
        Assert.True(PdfFonts.KhmerBold.IsBold);
        Assert.Equal("Noto Sans", PdfFonts.LatinRegular.FamilyName);
        Assert.True(PdfFonts.LatinBold.IsBold);
        Assert.Contains("SIL OPEN FONT LICENSE Version 1.1", PdfFonts.License(), StringComparison.Ordinal);
    }
}
