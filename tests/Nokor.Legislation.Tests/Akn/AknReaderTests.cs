using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Tests.Akn;

public sealed class AknReaderTests
{
    public static TheoryData<string> Texts() => ["khm", "eng", "khm-version", "bill", "constitution", "hand-made"];

    private static LegalText Text(string name) => name switch
    {
        "khm" => AknSamples.ImportKhmer(),
        "eng" => AknSamples.ImportEnglish(),
        "khm-version" => AknSamples.ImportKhmer(new DateOnly(2025, 3, 1)),
        "bill" => AknSamples.Import(AknSamples.EnglishLaw, AknSamples.BillWork, "eng"),
        "constitution" => AknSamples.Import(
            "រដ្ឋធម្មនុញ្ញនៃព្រះរាជាណាចក្រកម្ពុជា\nជំពូកទី ១ ៖ អធិបតេយ្យភាព\nមាត្រា ១\nព្រះរាជាណាចក្រកម្ពុជា ជារាជាណាចក្រ។",
            new AknWork(AknDocType.Act, new DateOnly(1993, 9, 24), "1", "constitution"),
            "khm"),
        "hand-made" => new LegalText(
            AknSamples.KhmerWork,
            "eng",
            null,
            "Hand-made <&> text",
            ["Preamble & recitals"],
            [new TextUnit(TextUnitKind.Part, "part_1", "Part 1", "Heading", ["Intro of the part."], [
                new TextUnit(TextUnitKind.Section, "part_1__sec_1", "Section 1", null, [], [
                    new TextUnit(TextUnitKind.Article, "art_1", "Article 1", null, [], [])])])]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Reading_what_was_written_gives_the_same_text(string name)
    {
        var text = Text(name);
        var result = AknReader.Read(AknWriter.Write(text));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True(LegalTextEquality.AreEqual(text, result.Text), "The round trip changed the text.");
        Assert.Equal(text.Work, result.Text.Work);
        Assert.Equal(text.VersionDate, result.Text.VersionDate);
    }

    [Fact]
    public void The_equality_notices_a_difference()
    {
        var text = AknSamples.ImportKhmer();
        var changed = AknSamples.Import(AknSamples.KhmerLaw.Replace("៤០ ម៉ោង", "៣៥ ម៉ោង", StringComparison.Ordinal), AknSamples.KhmerWork, "khm");
        Assert.False(LegalTextEquality.AreEqual(text, changed));
        Assert.True(LegalTextEquality.AreEqual(text, AknSamples.ImportKhmer()));
    }

    [Fact]
    public void Refuses_non_conforming_documents_with_line_and_reason()
    {
        var result = AknReader.Read("<akomaNtoso xmlns=\"" + AknSchema.Namespace + "\">\n  <act name=\"act\">\n    <body/>\n  </act>\n</akomaNtoso>");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Line == 3);

        Assert.False(AknReader.Read("").Succeeded);
        Assert.Equal(1, Assert.Single(AknReader.Read("<akomaNtoso").Errors).Line);
    }

    [Fact]
    public void Refuses_a_foreign_work_iri()
    {
        var xml = AknWriter.Write(AknSamples.ImportEnglish()).Replace("\"/akn/kh/act/2024-05-01/12\"", "\"/akn/fr/act/2024-05-01/12\"", StringComparison.Ordinal);
        var result = AknReader.Read(xml);
        var error = Assert.Single(result.Errors);
        Assert.Contains("country", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }

    [Fact]
    public void Refuses_structures_the_platform_does_not_hold()
    {
        var xml = AknWriter.Write(AknSamples.Import("Title\nArticle 1\nText.", AknSamples.KhmerWork, "eng"))
            .Replace("<article eId=\"art_1\">", "<book eId=\"book_1\"><article eId=\"art_1\">", StringComparison.Ordinal)
            .Replace("</article>", "</article></book>", StringComparison.Ordinal);
        Assert.Empty(AknSchema.Validate(xml));
        var result = AknReader.Read(xml);
        var error = Assert.Single(result.Errors);
        Assert.Contains("<book>", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 1);
    }
}
