using Nokor.Platform.Khmer;
using static Nokor.Legislation.Tests.Search.SearchTestData;

namespace Nokor.Legislation.Tests.Search;

public sealed class KhmerSearchTests
{
    private const string Running = "រដ្ឋាភិបាលត្រូវដាក់ច្បាប់នេះជូនព្រឹទ្ធសភា";

    [Theory]
    [InlineData("ច្បាប់")]
    [InlineData("ព្រឹទ្ធសភា")]
    [InlineData("រដ្ឋាភិបាល")]
    [InlineData("ដាក់ច្បាប់នេះ")]
    public void A_word_inside_running_Khmer_text_is_found(string query)
    {
        using var index = With(Document(Running));

        var hit = Assert.Single(index.Find(query).Articles());

        var range = Assert.Single(hit.Snippet.Matches);
        Assert.Equal("text", hit.Snippet.Field);
        Assert.Equal(query, hit.Snippet.Text.Substring(range.Start, range.Length));
    }

    [Theory]
    [InlineData("ច្បាប់ នេះ")]
    [InlineData("ច្បាប់\u200Bនេះ")]
    [InlineData("  ច្បា ប់នេះ ")]
    [InlineData("ច្បាប់\u200B \u200Cនេះ")]
    public void Spacing_and_invisible_characters_in_the_query_do_not_matter(string query)
    {
        using var index = With(Document(Running));

        Assert.Single(index.Find(query).Articles());
    }

    [Fact]
    public void Spacing_in_the_text_does_not_matter_and_the_range_spans_it()
    {
        using var index = With(Document("រដ្ឋាភិបាល ត្រូវដាក់ ច្បាប់ នេះ ជូនព្រឹទ្ធសភា"));

        var hit = Assert.Single(index.Find("ច្បាប់នេះជូន").Articles());

        var range = Assert.Single(hit.Snippet.Matches);
        Assert.Equal("ច្បាប់ នេះ ជូន", hit.Snippet.Text.Substring(range.Start, range.Length));
    }

    [Fact]
    public void A_query_typed_in_a_non_canonical_mark_order_is_found()
    {
        // ព្រឹទ្ធសភា with the vowel ឹ typed before the subscript ្រ: displays the same, other code points.
        const string typed = "ព\u17B9\u17D2\u179Aទ\u17D2\u1792សភា";
        Assert.NotEqual("ព្រឹទ្ធសភា", typed);
        Assert.Equal("ព្រឹទ្ធសភា", KhmerText.Normalize(typed));
        using var index = With(Document(Running));

        var hit = Assert.Single(index.Find(typed).Articles());

        var range = Assert.Single(hit.Snippet.Matches);
        Assert.Equal("ព្រឹទ្ធសភា", hit.Snippet.Text.Substring(range.Start, range.Length));
    }

    [Fact]
    public void A_text_typed_in_a_non_canonical_order_is_found_by_the_canonical_query()
    {
        // ស្ត្រី with the subscript RO typed before the subscript TA.
        const string typed = "សិទ្ធិរបស់ស\u17D2\u179A\u17D2\u178F\u17B8និងកុមារ";
        using var index = With(Document(typed));

        var hit = Assert.Single(index.Find("ស្ត្រី").Articles());

        var range = Assert.Single(hit.Snippet.Matches);
        Assert.Equal("ស្ត្រី", hit.Snippet.Text.Substring(range.Start, range.Length));
    }

    [Theory]
    [InlineData("ច្បាប់ព្រឹទ្ធសភា")]     // both words are in the text, not next to each other
    [InlineData("ច្បាប់នោះ")]            // only part of the phrase is in the text
    [InlineData("ព្រឹទ្ធសភាកម្ពុជា")]
    [InlineData("ដាក់ ច្បាប់ ព្រឹទ្ធសភា")]
    public void The_clusters_of_the_query_must_be_adjacent_in_the_text(string query)
    {
        using var index = With(Document(Running));

        Assert.Empty(index.Find(query).Hits);
    }

    [Fact]
    public void Khmer_punctuation_ends_a_run()
    {
        using var index = With(Document("ត្រូវអនុវត្តច្បាប់។ នេះជាការសាកល្បង"));

        Assert.Empty(index.Find("ច្បាប់នេះ").Hits);
        Assert.Single(index.Find("ច្បាប់").Articles());
        Assert.Single(index.Find("នេះជា").Articles());
    }

    [Fact]
    public void A_single_cluster_query_uses_the_unigrams()
    {
        using var index = With(Document(Running), Document("ក្រសួងការងារ"));

        var hit = Assert.Single(index.Find("ភា").Articles());
        Assert.Contains("សភា", hit.Snippet.Text, StringComparison.Ordinal);
        var range = Assert.Single(hit.Snippet.Matches);
        Assert.Equal("ភា", hit.Snippet.Text.Substring(range.Start, range.Length));
        Assert.Empty(index.Find("ឃ").Hits);
    }

    [Fact]
    public void Separate_Khmer_runs_of_a_query_are_all_required()
    {
        using var index = With(Document(Running), Document("ច្បាប់ស្តីពីការងារ។ ព្រឹទ្ធសភា"));

        var hits = index.Find("ច្បាប់។ព្រឹទ្ធសភា").Articles();

        Assert.Equal(2, hits.Count);
        Assert.Empty(index.Find("ច្បាប់។ រដ្ឋសភា").Hits);
    }

    [Fact]
    public void Khmer_and_Arabic_digits_meet()
    {
        using var index = With(
            Document("បទប្បញ្ញត្តិនៃមាត្រា ១២ នៃច្បាប់នេះ", workUri: "/akn/kh/act/2020-01-01/1"),
            Document("The provisions of Article 12 of this law", language: "eng", workUri: "/akn/kh/act/2020-01-01/2"));

        Assert.Equal(2, index.Find("12").Articles().Count);
        Assert.Equal(2, index.Find("១២").Articles().Count);
        var khmer = Assert.Single(index.Find("មាត្រា ១២").Articles());
        Assert.Equal("khm", khmer.Language);
        Assert.Equal(2, khmer.Snippet.Matches.Count);
        Assert.Equal("១២", khmer.Snippet.Text.Substring(khmer.Snippet.Matches[1].Start, khmer.Snippet.Matches[1].Length));
        Assert.Empty(index.Find("13").Hits);
    }

    [Fact]
    public void The_article_number_and_heading_are_searched_too()
    {
        using var index = With(Document(Running, heading: "គោលបំណង"));

        var hit = Assert.Single(index.Find("គោលបំណង").Articles());

        Assert.Equal("heading", hit.Snippet.Field);
        Assert.Equal("គោលបំណង", hit.Snippet.Text.Substring(hit.Snippet.Matches[0].Start, hit.Snippet.Matches[0].Length));
        Assert.Equal("art_1", hit.EId);
        Assert.Equal("មាត្រា ១", hit.Num);
    }

    [Fact]
    public void The_title_document_is_found_by_the_title()
    {
        using var index = With(Document(Running, title: "ច្បាប់ស្តីពីការបោះឆ្នោត"));

        var hit = Assert.Single(index.Find("ការបោះឆ្នោត").Hits);

        Assert.Null(hit.EId);
        Assert.Equal("title", hit.Snippet.Field);
        Assert.Equal("ច្បាប់ស្តីពីការបោះឆ្នោត", hit.Title);
    }
}
