using Nokor.Legislation.Akn;
using Nokor.Legislation.Search;
using Nokor.Legislation.Texts;

namespace Nokor.Legislation.Tests.Akn;

/// <summary>
/// Issue 14, item 1: an act nesting thousands of paragraphs is an attack on the parser, not a
/// law. It is refused on the raw stream, naming the element, before anything recursive or the
/// schema validator runs; what is accepted is written without indentation that grows with depth;
/// and every walker of the unit tree survives any depth a caller can build.
/// </summary>
public sealed class DeepTextTests
{
    /// <summary>
    /// An act of <paramref name="levels"/> hierarchical levels: article 1 holding a paragraph
    /// holding a paragraph… (eIds of fixed width, so every level takes the same room).
    /// </summary>
    internal static LegalText Nested(int levels, string innermost = "The innermost paragraph.")
    {
        TextUnit? inner = null;
        for (var i = levels - 1; i >= 1; i--)
        {
            inner = new TextUnit(TextUnitKind.Paragraph, $"art_1__para_{i:D5}", "", null, inner is null ? [innermost] : [], inner is null ? [] : [inner]);
        }

        var article = new TextUnit(TextUnitKind.Article, "art_1", "Article 1", null, inner is null ? [innermost] : [], inner is null ? [] : [inner]);
        return new LegalText(AknSamples.KhmerWork, "khm", null, Nokor.Platform.Khmer.KhmerText.Normalize("ច្បាប់ស្ដីពីជម្រៅ"), [], [article]);
    }

    internal static string NestedXml(int levels) => AknWriter.Write(Nested(levels));

    [Fact]
    public void An_act_30000_levels_deep_is_refused_on_the_stream_naming_the_paragraph_and_the_limit()
    {
        var xml = NestedXml(30_000);
        Assert.InRange(xml.Length, 1_000_000, 2_000_000);

        var result = AknReader.Read(xml);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(
            "The <paragraph> at akomaNtoso/act/body/article/paragraph×32 (eId \"art_1__para_00032\") is nested 33 hierarchical levels deep; at most 32 are accepted.",
            error.Message);
        Assert.True(error.Line > 1, error.ToString());

        // The schema validation refuses it the same way, and so does the reader of stored texts
        // (at its wider limit), instead of walking it.
        Assert.Equal(error, Assert.Single(AknSchema.Validate(xml)));
        var stored = Assert.Single(AknReader.ReadStored(xml).Errors);
        Assert.Contains($"is nested {AknLimits.HardMaxDepth + 1} hierarchical levels deep; at most {AknLimits.HardMaxDepth} are accepted", stored.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_act_8000_levels_deep_is_refused()
    {
        var result = AknReader.Read(NestedXml(8_000));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("The <paragraph> at akomaNtoso/act/body/article/paragraph×32 ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("at most 32 are accepted.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_act_at_the_depth_limit_is_accepted_and_reads_back_the_same_and_one_level_more_is_not()
    {
        var atLimit = Nested(AknLimits.DefaultMaxDepth);
        Assert.Equal(32, TextUnits.Depth(atLimit.Body));
        var result = AknReader.Read(AknWriter.Write(atLimit));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True(LegalTextEquality.AreEqual(atLimit, result.Text), "The round trip changed the text.");
        Assert.Equal(32, TextUnits.Depth(result.Text.Body));

        var error = Assert.Single(AknReader.Read(NestedXml(AknLimits.DefaultMaxDepth + 1)).Errors);
        Assert.Contains("\"art_1__para_00032\") is nested 33 hierarchical levels deep", error.Message, StringComparison.Ordinal);

        // The limit is the configured one.
        var strict = new AknLimits { MaxDepth = 8 };
        Assert.True(AknReader.Read(NestedXml(8), strict).Succeeded);
        Assert.Contains("at most 8 are accepted", Assert.Single(AknReader.Read(NestedXml(9), strict).Errors).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AknLimits { MaxDepth = AknLimits.HardMaxDepth + 1 });
    }

    [Fact]
    public void Elements_of_any_kind_nested_past_the_allowance_are_refused_too()
    {
        // Inline markup 100 deep inside a paragraph: no hierarchical level, still an attack.
        var xml = AknWriter.Write(Nested(2, "TEXT"));
        var inline = string.Concat(Enumerable.Repeat("<b>", 100)) + "deep" + string.Concat(Enumerable.Repeat("</b>", 100));
        var error = Assert.Single(AknReader.Read(xml.Replace("TEXT", inline, StringComparison.Ordinal)).Errors);
        Assert.Contains("The <b> at akomaNtoso/act/body/article/paragraph/content/p/b×", error.Message, StringComparison.Ordinal);
        Assert.Contains("elements deep; at most 64 are accepted.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_does_not_indent_so_the_xml_grows_linearly_with_depth()
    {
        var sizes = new[] { 16, 32, 64, 128 }.Select(levels => AknWriter.Write(Nested(levels)).Length).ToArray();
        var perLevel = (sizes[1] - sizes[0]) / 16;
        Assert.Equal(perLevel * 16, sizes[1] - sizes[0]);
        Assert.Equal(perLevel * 32, sizes[2] - sizes[1]);
        Assert.Equal(perLevel * 64, sizes[3] - sizes[2]);
        Assert.InRange(perLevel, 20, 80);

        var deep = NestedXml(8_000);
        Assert.DoesNotContain(deep.Split('\n'), line => line.StartsWith(' '));
        Assert.InRange(deep.Length, 100_000, 8_000 * 80);
    }

    [Fact]
    public void Every_walker_of_the_unit_tree_survives_a_text_built_100000_levels_deep()
    {
        // Not from a document (the reader refuses those): built in code, as a caller could.
        var text = Nested(100_000);
        Assert.Equal(100_000, TextUnits.Depth(text.Body));
        Assert.True(LegalTextEquality.AreEqual(text, Nested(100_000)));
        Assert.False(LegalTextEquality.AreEqual(text, Nested(100_000, "Another innermost paragraph.")));

        var html = AknHtml.Render(text);
        Assert.Equal(99_999, html.Split("<div class=\"akn-paragraph\"").Length - 1);

        var comparison = TextComparer.Compare(text, Nested(100_000, "Another innermost paragraph."));
        Assert.Equal(ArticleStatus.Changed, Assert.Single(comparison.Articles).Status);

        var document = SearchDocument.From(Guid.NewGuid(), "/akn/kh/act/2024-05-01/12/khm@", text, new DateOnly(2024, 5, 1), null);
        Assert.EndsWith("The innermost paragraph.", Assert.Single(document.Articles).Text, StringComparison.Ordinal);

        var xml = AknWriter.Write(text);
        Assert.Contains("art_1__para_99999", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_never_nests_more_than_five_levels()
    {
        var text = AknSamples.Import("Title\nPart 1\nChapter 1\nSection 1\nArticle 1\n1. First.\na) Sub-point stays text.\n2. Second.", AknSamples.KhmerWork, "eng");
        Assert.Equal(5, TextUnits.Depth(text.Body));
    }

    [Fact]
    public void A_text_is_not_stored_deeper_or_larger_than_the_settings_allow_and_the_error_names_it()
    {
        var uri = "/akn/kh/act/2024-05-01/12/khm@";
        var deep = TextStore.Check(new LegislationOptions { MaxNestingDepth = 8 }, "text", Nested(9), null);
        Assert.Equal($"{uri}: the paragraph art_1__para_00008 is nested 9 levels deep; at most 8 are accepted.", Assert.Single(deep.Errors["text"]));

        var small = new LegislationOptions { MaxStoredCharacters = 2_000 };
        var large = TextStore.Check(small, "text", Nested(32), null);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(uri)} would be stored as [0-9,]+ characters of Akoma Ntoso XML; at most 2,000 are accepted\\.$", Assert.Single(large.Errors["text"]));
        Assert.True(TextStore.Check(new LegislationOptions(), "text", Nested(32), null).IsOk);

        Assert.Null(new LegislationOptions().Problem());
        Assert.NotNull(new LegislationOptions { MaxNestingDepth = 300 }.Problem());
        Assert.NotNull(new LegislationOptions { MaxStoredCharacters = AknSchema.MaxDocumentCharacters + 1 }.Problem());
    }
}
