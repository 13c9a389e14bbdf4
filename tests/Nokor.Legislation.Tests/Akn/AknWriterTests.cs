using System.Xml.Linq;
using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Tests.Akn;

public sealed class AknWriterTests
{
    private static readonly XNamespace _akn = AknSchema.Namespace;

    public static TheoryData<string> Variants() =>
    [
        "act-khm", "act-eng", "bill-khm", "bill-eng", "act-khm-version", "constitution", "flat-no-preamble", "events", "container-intro",
    ];

    private static LegalText Variant(string name) => name switch
    {
        "act-khm" => AknSamples.ImportKhmer(),
        "act-eng" => AknSamples.ImportEnglish(),
        "bill-khm" => AknSamples.Import(AknSamples.KhmerLaw, AknSamples.BillWork, "khm"),
        "bill-eng" => AknSamples.Import(AknSamples.EnglishLaw, AknSamples.BillWork, "eng", new DateOnly(2025, 3, 2)),
        "act-khm-version" => AknSamples.ImportKhmer(new DateOnly(2025, 3, 1)),
        "constitution" => AknSamples.Import(
            "Constitution of the Kingdom of Cambodia\nArticle 1\nCambodia is a Kingdom.",
            new AknWork(AknDocType.Act, new DateOnly(1993, 9, 24), "1", "constitution"),
            "eng",
            new DateOnly(2008, 3, 6)),
        "flat-no-preamble" => AknSamples.Import("Law on Flat Texts\nArticle 1\nOne.\nArticle 2\n1. Two.\n2. Three.", AknSamples.KhmerWork, "eng"),
        "events" => AknSamples.ImportKhmer(new DateOnly(2025, 3, 1)),
        "container-intro" => new LegalText(
            AknSamples.KhmerWork,
            "eng",
            null,
            "Hand-made",
            [],
            [new TextUnit(TextUnitKind.Chapter, "chp_1", "Chapter 1", null, ["An introduction."], [
                new TextUnit(TextUnitKind.Article, "art_1", "", null, [], [])])]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static AknWriterOptions? Options(string name) => name == "events"
        ? new AknWriterOptions
        {
            Events =
            [
                new AknLifecycleEvent(new DateOnly(2024, 5, 1)),
                new AknLifecycleEvent(new DateOnly(2025, 3, 1), "amendment", "/akn/kh/act/2025-02-20/3"),
            ],
            ManifestationDate = new DateOnly(2025, 4, 1),
            VersionName = "as amended in 2025",
        }
        : null;

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_written_document_validates_against_the_schema(string variant)
    {
        var xml = AknWriter.Write(Variant(variant), Options(variant));
        Assert.Empty(AknSchema.Validate(xml));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_the_frbr_identification_of_an_original_khmer_act()
    {
        var xml = XDocument.Parse(AknWriter.Write(AknSamples.ImportKhmer()));
        var act = xml.Root!.Element(_akn + "act")!;
        Assert.Equal("originalVersion", (string?)act.Attribute("contains"));
        Assert.Equal("act", (string?)act.Attribute("name"));
        var work = act.Descendants(_akn + "FRBRWork").Single();
        Assert.Equal("/akn/kh/act/2024-05-01/12", Value(work, "FRBRuri"));
        Assert.Equal("/akn/kh/act/2024-05-01/12/!main", Value(work, "FRBRthis"));
        Assert.Equal("kh", Value(work, "FRBRcountry"));
        Assert.Equal("12", Value(work, "FRBRnumber"));
        Assert.Equal("2024-05-01", (string?)work.Element(_akn + "FRBRdate")!.Attribute("date"));
        Assert.Equal("#nationalAssembly", (string?)work.Element(_akn + "FRBRauthor")!.Attribute("href"));
        var expression = act.Descendants(_akn + "FRBRExpression").Single();
        Assert.Equal("/akn/kh/act/2024-05-01/12/khm@", Value(expression, "FRBRuri"));
        Assert.Equal("khm", (string?)expression.Element(_akn + "FRBRlanguage")!.Attribute("language"));
        Assert.Null(expression.Element(_akn + "FRBRtranslation"));
        var manifestation = act.Descendants(_akn + "FRBRManifestation").Single();
        Assert.Equal("/akn/kh/act/2024-05-01/12/khm@.akn", Value(manifestation, "FRBRuri"));

        var tlcs = act.Descendants(_akn + "TLCOrganization").Select(t => (string?)t.Attribute("eId")).ToList();
        foreach (var href in act.Descendants().Attributes().Where(a => a.Name.LocalName is "href" or "source" or "by").Select(a => a.Value).Where(v => v.StartsWith('#')))
        {
            Assert.Contains(href[1..], tlcs);
        }

        Assert.Equal(AknSamples.ImportKhmer().Title, act.Descendants(_akn + "docTitle").Single().Value);
        Assert.Equal(2, act.Element(_akn + "preamble")!.Elements(_akn + "p").Count());
        var article4 = act.Descendants(_akn + "article").Single(a => (string?)a.Attribute("eId") == "art_4");
        Assert.Equal(["num", "heading", "intro", "paragraph", "paragraph", "paragraph"], article4.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Writes_an_english_version_as_a_translation_of_the_khmer_one()
    {
        var xml = XDocument.Parse(AknWriter.Write(AknSamples.ImportEnglish(new DateOnly(2025, 3, 1)), new AknWriterOptions { ExpressionAuthor = "#senate" }));
        var act = xml.Root!.Element(_akn + "act")!;
        Assert.Equal("singleVersion", (string?)act.Attribute("contains"));
        var expression = act.Descendants(_akn + "FRBRExpression").Single();
        Assert.Equal("/akn/kh/act/2024-05-01/12/eng@2025-03-01", Value(expression, "FRBRuri"));
        var translation = expression.Element(_akn + "FRBRtranslation")!;
        Assert.Equal("/akn/kh/act/2024-05-01/12/khm@2025-03-01", (string?)translation.Attribute("href"));
        Assert.Equal("khm", (string?)translation.Attribute("fromLanguage"));
        Assert.Equal("#senate", (string?)translation.Attribute("by"));
    }

    [Fact]
    public void Writes_a_bill_and_the_subtype()
    {
        var bill = XDocument.Parse(AknWriter.Write(AknSamples.Import(AknSamples.KhmerLaw, AknSamples.BillWork, "khm")));
        Assert.NotNull(bill.Root!.Element(_akn + "bill"));
        var constitution = XDocument.Parse(AknWriter.Write(Variant("constitution")));
        Assert.Equal("constitution", Value(constitution.Descendants(_akn + "FRBRWork").Single(), "FRBRsubtype"));
        Assert.Equal("constitution", (string?)constitution.Root!.Element(_akn + "act")!.Attribute("name"));
    }

    [Fact]
    public void Refuses_what_cannot_be_written()
    {
        var text = AknSamples.ImportEnglish();
        Assert.Throws<ArgumentException>(() => AknWriter.Write(text with { Language = "fra" }));
        Assert.Throws<ArgumentException>(() => AknWriter.Write(text, new AknWriterOptions { WorkAuthor = "javascript:alert(1)" }));
        Assert.Throws<ArgumentException>(() => AknWriter.Write(text with { Body = [] }));
    }

    private static string? Value(XElement parent, string name) => (string?)parent.Element(_akn + name)!.Attribute("value");
}
