using static Nokor.Legislation.Tests.Search.SearchTestData;

namespace Nokor.Legislation.Tests.Search;

public sealed class EnglishSearchTests
{
    private const string Text = "The Senate shall review the Décret within thirty days of its receipt.";

    [Theory]
    [InlineData("senate")]
    [InlineData("SENATE")]
    [InlineData("decret")]
    [InlineData("DÉCRET")]
    [InlineData("review senate")]
    [InlineData("\"senate shall review\"")]
    [InlineData("“thirty days”")]
    public void Words_and_phrases_are_found_whatever_the_case_and_accents(string query)
    {
        using var index = With(Document(Text, language: "eng", title: "Law on Tests"));

        Assert.Single(index.Find(query).Articles());
    }

    [Theory]
    [InlineData("senate budget")]           // every word is required
    [InlineData("\"review senate\"")]       // a quoted phrase keeps its order
    [InlineData("\"senate review\"")]       // and its adjacency
    [InlineData("senat")]                   // whole words, no stemming
    public void Absent_words_and_broken_phrases_are_not_found(string query)
    {
        using var index = With(Document(Text, language: "eng", title: "Law on Tests"));

        Assert.Empty(index.Find(query).Hits);
    }

    [Fact]
    public void Ranges_point_at_every_matched_word_in_the_stored_text()
    {
        using var index = With(Document(Text, language: "eng", title: "Law on Tests"));

        var hit = Assert.Single(index.Find("décret SENATE").Articles());

        var words = hit.Snippet.Matches.Select(m => hit.Snippet.Text.Substring(m.Start, m.Length)).ToList();
        Assert.Equal(["Senate", "Décret"], words);
    }

    [Fact]
    public void A_phrase_is_highlighted_as_one_range()
    {
        using var index = With(Document(Text, language: "eng", title: "Law on Tests"));

        var hit = Assert.Single(index.Find("\"thirty days\"").Articles());

        var range = Assert.Single(hit.Snippet.Matches);
        Assert.Equal("thirty days", hit.Snippet.Text.Substring(range.Start, range.Length));
    }

    [Fact]
    public void Mixed_Khmer_and_English_queries_require_both()
    {
        using var index = With(
            Document("ច្បាប់ស្តីពី E-Senate និងព្រឹទ្ធសភា"),
            Document("ច្បាប់ស្តីពីការងារ"));

        var hit = Assert.Single(index.Find("senate ព្រឹទ្ធសភា").Articles());
        Assert.Equal(2, hit.Snippet.Matches.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("។ ៖ ! ? -")]
    [InlineData("\"unbalanced")]
    public void Queries_with_nothing_searchable_return_no_hits_without_failing(string query)
    {
        using var index = With(Document(Text, language: "eng", title: "Law on Tests"));

        var results = index.Find(query);

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public void A_very_long_query_is_cut_instead_of_failing()
    {
        using var index = With(Document(Text, language: "eng", title: "Law on Tests"));

        var results = index.Find("senate " + string.Concat(Enumerable.Repeat("ច្បាប់ ", 3000)));

        Assert.Equal(0, results.Total);
        Assert.Single(index.Find("\"" + Text + "\"").Articles());
    }
}
