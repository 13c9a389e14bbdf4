using Nokor.Legislation.Akn;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Tests.Akn;

public sealed class PlainTextImporterTests
{
    private static readonly AknWork _work = AknSamples.KhmerWork;

    private static string K(string text) => KhmerText.Normalize(text);

    [Fact]
    public void Imports_a_khmer_law_with_chapters_sections_and_numbered_paragraphs()
    {
        var text = AknSamples.ImportKhmer();

        Assert.Equal(K("ច្បាប់ស្តីពីការគ្រប់គ្រងបណ្ណាល័យសាធារណៈ"), text.Title);
        Assert.Equal(2, text.Preamble.Count);
        Assert.Equal(K("យើង ព្រះមហាក្សត្រនៃព្រះរាជាណាចក្រកម្ពុជា"), text.Preamble[0]);
        Assert.Equal(["chp_1", "chp_2", "chp_3"], text.Body.Select(u => u.EId));
        Assert.All(text.Body, u => Assert.Equal(TextUnitKind.Chapter, u.Kind));

        var chapter1 = text.Body[0];
        Assert.Equal(K("ជំពូកទី ១"), chapter1.Num);
        Assert.Equal(K("បទប្បញ្ញត្តិទូទៅ"), chapter1.Heading);
        Assert.Equal(["art_1", "art_2"], chapter1.Children.Select(u => u.EId));

        var article1 = chapter1.Children[0];
        Assert.Equal(K("មាត្រា ១"), article1.Num);
        Assert.Equal(K("គោលបំណង"), article1.Heading);
        Assert.Equal([K("ច្បាប់នេះមានគោលបំណងកំណត់ការគ្រប់គ្រង និងការប្រើប្រាស់បណ្ណាល័យសាធារណៈ។")], article1.Text);
        Assert.Empty(article1.Children);

        var chapter2 = text.Body[1];
        Assert.Equal(K("ជំពូកទី ២"), chapter2.Num);
        Assert.Equal(K("ការគ្រប់គ្រង"), chapter2.Heading);
        Assert.Equal(["chp_2__sec_1", "chp_2__sec_2"], chapter2.Children.Select(u => u.EId));
        Assert.Equal(K("អាជ្ញាធរគ្រប់គ្រង"), chapter2.Children[0].Heading);

        // A line that mentions another article is text, not a heading.
        var article3 = AknSamples.Unit(text, "art_3");
        Assert.Null(article3.Heading);
        Assert.Equal(2, article3.Text.Count);
        Assert.StartsWith(K("មាត្រា ៦ នៃច្បាប់នេះ"), article3.Text[1], StringComparison.Ordinal);

        var article4 = AknSamples.Unit(text, "art_4");
        Assert.Equal(K("ភារកិច្ចរបស់អាជ្ញាធរ"), article4.Heading);
        Assert.Equal([K("អាជ្ញាធរគ្រប់គ្រងមានភារកិច្ចដូចតទៅ៖")], article4.Text);
        Assert.Equal(["art_4__para_1", "art_4__para_2", "art_4__para_3"], article4.Children.Select(u => u.EId));
        Assert.All(article4.Children, p => Assert.Equal(TextUnitKind.Paragraph, p.Kind));
        Assert.Equal("១.", article4.Children[0].Num);
        Assert.Equal([K("រៀបចំផែនការអភិវឌ្ឍបណ្ណាល័យ។")], article4.Children[0].Text);

        // Sub-points in another numbering style stay in their paragraph.
        Assert.Equal([K("ត្រួតពិនិត្យការប្រើប្រាស់ថវិកា៖"), K("ក. ថវិកាជាតិ"), K("ខ. ជំនួយពីដៃគូ")], article4.Children[1].Text);

        var article5 = AknSamples.Unit(text, "art_5");
        Assert.Equal(["art_5__para_1", "art_5__para_2"], article5.Children.Select(u => u.EId));
        Assert.Equal("(២)", article5.Children[1].Num);
        Assert.Empty(article5.Text);

        var article6 = AknSamples.Unit(text, "art_6");
        Assert.Equal(K("ម៉ោងបើក"), article6.Heading);
        Assert.Equal(["art_7", "art_8"], text.Body[2].Children.Select(u => u.EId));
        Assert.Equal(8, AknSamples.Flatten(text.Body).Count(u => u.Kind == TextUnitKind.Article));
    }

    [Fact]
    public void Imports_an_english_law_with_roman_chapters_and_amended_articles()
    {
        var text = AknSamples.ImportEnglish(new DateOnly(2025, 3, 1));

        Assert.Equal("Law on Public Libraries", text.Title);
        Assert.Equal("eng", text.Language);
        Assert.Equal(new DateOnly(2025, 3, 1), text.VersionDate);
        Assert.Equal(["chp_1", "chp_2", "chp_3"], text.Body.Select(u => u.EId));
        Assert.Equal("CHAPTER I", text.Body[0].Num);
        Assert.Equal("GENERAL PROVISIONS", text.Body[0].Heading);
        Assert.Equal("Chapter II", text.Body[1].Num);
        Assert.Equal("Management", text.Body[1].Heading);
        Assert.Equal("FINAL PROVISIONS", text.Body[2].Heading);

        var section = text.Body[1].Children.Single();
        Assert.Equal("chp_2__sec_1", section.EId);
        Assert.Equal("Authority", section.Heading);
        Assert.Equal(["art_3", "art_4", "art_5", "art_5new1"], section.Children.Select(u => u.EId));

        var article1 = AknSamples.Unit(text, "art_1");
        Assert.Equal("Article 1", article1.Num);
        Assert.Equal("Purpose", article1.Heading);

        Assert.Equal(2, AknSamples.Unit(text, "art_3").Text.Count);

        var article4 = AknSamples.Unit(text, "art_4");
        Assert.Equal("Duties", article4.Heading);
        Assert.Equal(["The authority shall:"], article4.Text);
        Assert.Equal(["art_4__para_1", "art_4__para_2", "art_4__para_3"], article4.Children.Select(u => u.EId));
        Assert.Equal("a)", article4.Children[0].Num);

        var article5 = AknSamples.Unit(text, "art_5");
        Assert.Equal("Article 5 (new)", article5.Num);
        Assert.Null(article5.Heading);
        Assert.Equal("1.", article5.Children[0].Num);

        var inserted = AknSamples.Unit(text, "art_5new1");
        Assert.Equal("Article 5 new-1", inserted.Num);
        Assert.Equal("Opening hours", inserted.Heading);

        var last = AknSamples.Unit(text, "art_6");
        Assert.Equal("Art. 6", last.Num);
        Assert.Equal(["Any provision contrary to this law is repealed."], last.Text);
    }

    [Fact]
    public void Reads_text_on_the_article_line_and_parts()
    {
        var text = AknSamples.Import(
            """
            ច្បាប់ស្តីពីការធ្វើតេស្ត
            ភាគទី ១ ៖ បទប្បញ្ញត្តិទូទៅ
            ជំពូកទី ១
            គោលការណ៍
            មាត្រា ១.- ច្បាប់នេះមានគោលបំណងសាកល្បង។
            មាត្រា ២ ថ្មី ៖ ការកែប្រែ
            អត្ថបទថ្មី។
            មាត្រា ២ ស្ទួន
            អត្ថបទបន្ថែម។
            PART 2
            Chapter 2
            Article 3. Heading in English
            Text.
            """,
            _work,
            "khm");

        Assert.Equal("part_1", text.Body[0].EId);
        Assert.Equal(K("បទប្បញ្ញត្តិទូទៅ"), text.Body[0].Heading);
        Assert.Equal("part_1__chp_1", text.Body[0].Children[0].EId);
        var article1 = AknSamples.Unit(text, "art_1");
        Assert.Null(article1.Heading);
        Assert.Equal([K("ច្បាប់នេះមានគោលបំណងសាកល្បង។")], article1.Text);
        Assert.Equal(K("មាត្រា ២ ថ្មី"), AknSamples.Unit(text, "art_2").Num);
        Assert.Equal(K("ការកែប្រែ"), AknSamples.Unit(text, "art_2").Heading);
        Assert.Equal(K("មាត្រា ២ ស្ទួន"), AknSamples.Unit(text, "art_2bis").Num);
        Assert.Equal("part_2__chp_2", text.Body[1].Children[0].EId);
        Assert.Equal("Heading in English", AknSamples.Unit(text, "art_3").Heading);
    }

    [Fact]
    public void Reads_headings_written_without_spaces_or_in_capitals()
    {
        var text = AknSamples.Import(
            "ច្បាប់\nជំពូកទី១\nទូទៅ\nមាត្រា១\nអត្ថបទ។\nមាត្រា២៖ ចំណងជើង\nអត្ថបទ។\nSECTION 1 - FINAL\nARTICLE 3\nText.",
            _work,
            "khm");
        Assert.Equal("chp_1", text.Body[0].EId);
        Assert.Equal(K("ទូទៅ"), text.Body[0].Heading);
        Assert.Equal(["art_1", "art_2", "chp_1__sec_1"], text.Body[0].Children.Select(u => u.EId));
        Assert.Equal(K("មាត្រា២"), AknSamples.Unit(text, "art_2").Num);
        Assert.Equal(K("ចំណងជើង"), AknSamples.Unit(text, "art_2").Heading);
        Assert.Equal("FINAL", AknSamples.Unit(text, "chp_1__sec_1").Heading);
        Assert.Equal("ARTICLE 3", AknSamples.Unit(text, "art_3").Num);
    }

    [Fact]
    public void Normalizes_khmer_per_line_and_accepts_crlf_and_a_bom()
    {
        // Vowel typed before the subscript, doubled spaces: normalized line by line.
        var result = PlainTextImporter.Parse("\uFEFFTitle\r\n\r\nArticle 1\r\nខ\u17C1\u17D2\u1798  រ\r\n", _work, "khm", null);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal([K("ខ\u17D2\u1798\u17C1 រ")], result.Text.Body[0].Text);
        Assert.Equal("Title", result.Text.Title);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("\n  \n\t\n", 1, "empty")]
    [InlineData("Title\nPreamble only", 1, "no article")]
    [InlineData("Title\nChapter 1\nGeneral", 1, "no article")]
    [InlineData("Title\nArticle 1\nText\n\nArticle 1\nMore", 5, "Duplicate article")]
    [InlineData("Title\nArticle 1\nText\nArticle 2 (new)\nText\nArticle 2\nMore", 6, "already given on line 4")]
    [InlineData("Title\nArticle 1\nText\nArticle twelve: Scope\nText", 4, "\"twelve\" is not a number")]
    [InlineData("Title\nមាត្រា ១\nText\nមាត្រា\nText", 4, "no number follows")]
    [InlineData("Title\nChapter One - General\nArticle 1\nText", 2, "\"One\" is not a number")]
    [InlineData("Title\nArticle 4\nText\nArticle 3\nText", 4, "must run in sequence")]
    [InlineData("Title\nArticle 1\nText\nArticle 2\nText\nArticle 1 bis\nText", 6, "must run in sequence")]
    [InlineData("Title\nArticle 1\nText\nArticle 2\nText\nArticle 2\nText", 6, "Duplicate article")]
    [InlineData("Title\nChapter 1\nGeneral\nThis text belongs nowhere.\nArticle 1\nText", 4, "outside any article")]
    [InlineData("Title\nArticle 1\nText\nChapter 2\nHeading\nStray text\nArticle 2\nText", 6, "outside any article")]
    [InlineData("Article 1\nText", 1, "must be the title")]
    [InlineData("Title\nChapter 1\nA\nArticle 1\nText\nChapter 1\nB\nArticle 2\nText", 6, "Duplicate chapter")]
    [InlineData("Title\nArticle 1\n1. One\n1. One again", 4, "Duplicate paragraph")]
    [InlineData("Title\nArticle 1\nText\u0007bell", 3, "control character U+0007")]
    [InlineData("Title\nArticle 1\nMojibake \uFFFD here", 3, "not saved as UTF-8")]
    public void Reports_errors_with_their_line(string input, int line, string message)
    {
        var result = PlainTextImporter.Parse(input, _work, "eng", null);
        Assert.False(result.Succeeded);
        Assert.Null(result.Text);
        Assert.Contains(result.Errors, e => e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_text_that_is_not_valid_unicode()
    {
        var result = PlainTextImporter.Parse("Title\nArticle 1\nBroken " + '\uD800' + " text", _work, "eng", null);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(8, error.Column);
        Assert.Contains("unpaired surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_gap_left_by_a_repealed_article()
    {
        var text = AknSamples.Import("Title\nArticle 1\nText\nArticle 3\nText", _work, "eng");
        Assert.Equal(["art_1", "art_3"], text.Body.Select(u => u.EId));
    }

    [Fact]
    public void Reports_the_column_of_a_control_character()
    {
        var result = PlainTextImporter.Parse("Title\nArticle 1\nText\u0007bell", _work, "eng", null);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("line 3, column 5: The line contains the control character U+0007.", error.ToString());
    }

    [Fact]
    public void Refuses_a_line_longer_than_the_limit()
    {
        var input = "Title\nArticle 1\n" + new string('a', PlainTextImporter.MaxLineLength + 1) + "\nArticle 2\nText";
        var result = PlainTextImporter.Parse(input, _work, "eng", null);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("20,000", error.Message, StringComparison.Ordinal);

        var longest = "Title\nArticle 1\n" + new string('a', PlainTextImporter.MaxLineLength);
        Assert.True(PlainTextImporter.Parse(longest, _work, "eng", null).Succeeded);
    }

    [Fact]
    public void Refuses_an_unsupported_language_without_throwing()
    {
        var result = PlainTextImporter.Parse("Title\nArticle 1\nText", _work, "fra", null);
        Assert.Equal(0, Assert.Single(result.Errors).Line);
        Assert.False(PlainTextImporter.Parse(null, _work, "khm", null).Succeeded);
    }

    [Fact]
    public void Accepts_inserted_articles_and_letters()
    {
        var text = AknSamples.Import(
            "Title\nArticle 1\nA\nArticle 1 bis\nB\nArticle 1a\nC\nArticle 2\nD\nArticle 2 new-1\nE\nArticle 2 new-2\nF\nArticle 3\nG",
            _work,
            "eng");
        Assert.Equal(["art_1", "art_1bis", "art_1a", "art_2", "art_2new1", "art_2new2", "art_3"], text.Body.Select(u => u.EId));
    }

    [Fact]
    public void Keeps_an_article_without_text_and_prose_that_starts_like_a_heading()
    {
        var text = AknSamples.Import(
            "Title\nArticle 1 (repealed)\nArticle 2\nSection 5 of the Civil Code applies.\nPart of the budget is reserved.\nArticle by article review is allowed.",
            _work,
            "eng");
        Assert.Equal(["art_1", "art_2"], text.Body.Select(u => u.EId));
        Assert.Equal("(repealed)", text.Body[0].Heading);
        Assert.Empty(text.Body[0].Text);
        Assert.Equal(3, text.Body[1].Text.Count);
    }
}
