using Nokor.Platform.Pdf;

namespace Nokor.Platform.Tests.Pdf;

public sealed class TextShapingTests
{
    [Theory]
    [InlineData("ស្ត្រី")]
    [InlineData("ក្រុង")]
    public void Khmer_is_shaped_not_drawn_character_by_character(string word)
    {
        var font = PdfFonts.KhmerRegular;
        var naive = font.GetGlyphs(word);
        var coengGlyph = font.GetGlyph(0x17D2);
        Assert.NotEqual(0, coengGlyph);
        Assert.Contains(coengGlyph, naive);

        using var renderer = new TextRenderer();
        var shaped = renderer.Shape(word, new TextStyle(12));

        var run = Assert.Single(shaped.Runs);
        Assert.Same(font, run.Typeface);
        // HarfBuzz replaces COENG + consonant by a subscript form: the visible COENG glyph is gone
        // and the glyph sequence differs from the cmap lookup of each character.
        Assert.DoesNotContain(coengGlyph, run.Glyphs);
        Assert.NotEqual(naive, run.Glyphs.ToArray());
        Assert.All(run.Glyphs, g => Assert.NotEqual(0, g));
    }

    [Fact]
    public void The_pre_base_vowel_is_drawn_before_the_consonant_it_follows()
    {
        // កេ: the vowel sign E (U+17C1) is typed after KA but drawn to its left.
        using var renderer = new TextRenderer();
        var run = renderer.Shape("កេ", new TextStyle(12)).Runs.Single();
        var font = PdfFonts.KhmerRegular;

        Assert.Equal(font.GetGlyph(0x17C1), run.Glyphs[0]);
        Assert.Equal(font.GetGlyph(0x1780), run.Glyphs[1]);
    }

    [Fact]
    public void Mixed_text_is_split_into_khmer_and_latin_runs()
    {
        using var renderer = new TextRenderer();

        var shaped = renderer.Shape("សំបុត្រកំណើត / Birth Certificate 2026", new TextStyle(12, Bold: true));

        Assert.Equal(2, shaped.Runs.Count);
        Assert.Same(PdfFonts.KhmerBold, shaped.Runs[0].Typeface);
        Assert.Same(PdfFonts.LatinBold, shaped.Runs[1].Typeface);
        Assert.Equal("សំបុត្រកំណើត / ", System.Text.Encoding.UTF8.GetString(shaped.Runs[0].Utf8.ToArray()));
        Assert.True(shaped.Runs[1].Positions[0].X >= renderer.Measure("សំបុត្រកំណើត / ", new TextStyle(12, Bold: true)) - 0.01f);
    }

    [Fact]
    public void Latin_text_before_khmer_keeps_its_font_for_the_separator()
    {
        var runs = TextRenderer.SplitRuns("No. ១២៣", bold: false);

        Assert.Equal(2, runs.Count);
        Assert.Same(PdfFonts.LatinRegular, runs[0].Typeface);
        Assert.Equal((0, 4), (runs[0].Start, runs[0].Length));
        Assert.Same(PdfFonts.KhmerRegular, runs[1].Typeface);
    }

    [Fact]
    public void Empty_text_has_no_runs_and_no_width()
    {
        using var renderer = new TextRenderer();

        var shaped = renderer.Shape("", new TextStyle(12));

        Assert.Empty(shaped.Runs);
        Assert.Equal(0, shaped.Width);
        Assert.Null(shaped.CreateBlob());
    }
}
