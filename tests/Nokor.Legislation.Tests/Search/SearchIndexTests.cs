using Nokor.Legislation.Akn;
using Nokor.Legislation.Search;
using static Nokor.Legislation.Tests.Search.SearchTestData;

namespace Nokor.Legislation.Tests.Search;

public sealed class SearchIndexTests
{
    [Fact]
    public void The_language_and_type_filters_keep_only_matching_texts()
    {
        using var index = With(
            Document("ច្បាប់ E-Senate", workUri: "/akn/kh/act/2020-01-01/1"),
            Document("Law on the E-Senate", language: "eng", workUri: "/akn/kh/act/2020-01-01/1"),
            Document("Bill on the E-Senate", language: "eng", type: AknDocType.Bill, workUri: "/akn/kh/bill/2021-01-01/7"));

        Assert.Equal(3, index.Find("senate").Articles().Count);
        Assert.Equal("khm", Assert.Single(index.Search(new SearchQuery("senate") { Language = "khm" }).Articles()).Language);
        Assert.Equal(2, index.Search(new SearchQuery("senate") { Language = "eng" }).Articles().Count);
        var bill = Assert.Single(index.Search(new SearchQuery("senate") { DocType = AknDocType.Bill }).Articles());
        Assert.Equal(AknDocType.Bill, bill.DocType);
        Assert.Equal(2, index.Search(new SearchQuery("senate") { DocType = AknDocType.Act }).Articles().Count);
        Assert.Equal(2, index.Search(new SearchQuery("senate") { WorkUri = "/akn/kh/act/2020-01-01/1" }).Articles().Count);
    }

    [Fact]
    public void Only_the_version_valid_on_the_date_is_found()
    {
        var work = "/akn/kh/act/2010-03-01/5";
        var old = Document("ពន្ធលើប្រាក់ចំណូលដប់ភាគរយ", workUri: work, from: new(2010, 3, 1), to: new(2024, 1, 1));
        var current = Document("ពន្ធលើប្រាក់ចំណូលម្ភៃភាគរយ", workUri: work, from: new(2024, 1, 1));
        using var index = With(old, current);

        // Today (2026-06-01): only the version in force.
        var now = Assert.Single(index.Find("ពន្ធលើប្រាក់ចំណូល").Articles());
        Assert.Equal(current.TextId, now.TextId);
        Assert.Null(now.ValidTo);
        Assert.Empty(index.Find("ដប់ភាគរយ").Hits);

        // A date in the old version's validity.
        var then = Assert.Single(index.Search(new SearchQuery("ដប់ភាគរយ") { AsOf = new(2015, 6, 1) }).Articles());
        Assert.Equal(old.TextId, then.TextId);
        Assert.Equal(new DateOnly(2024, 1, 1), then.ValidTo);

        // The boundaries: ValidFrom is included, ValidTo is not.
        Assert.Equal(old.TextId, Assert.Single(index.Search(new SearchQuery("ពន្ធ") { AsOf = new(2023, 12, 31) }).Articles()).TextId);
        Assert.Equal(current.TextId, Assert.Single(index.Search(new SearchQuery("ពន្ធ") { AsOf = new(2024, 1, 1) }).Articles()).TextId);
        Assert.Empty(index.Search(new SearchQuery("ពន្ធ") { AsOf = new(2010, 2, 28) }).Hits);

        Assert.Equal(2, index.Search(new SearchQuery("ពន្ធលើប្រាក់ចំណូល") { AllVersions = true }).Articles().Count);
    }

    [Fact]
    public void A_text_not_yet_in_force_is_not_found_today()
    {
        using var index = With(Document("ច្បាប់ថ្មី", from: new(2027, 1, 1)));

        Assert.Empty(index.Find("ច្បាប់ថ្មី").Hits);
        Assert.Single(index.Search(new SearchQuery("ច្បាប់ថ្មី") { AsOf = new(2027, 1, 1) }).Articles());
    }

    [Fact]
    public void Upsert_replaces_the_previous_documents_of_a_text()
    {
        var id = Guid.NewGuid();
        using var index = With(Document("ច្បាប់ចាស់", id: id));
        Assert.Single(index.Find("ចាស់").Articles());

        index.Upsert([Document("ច្បាប់ថ្មី", id: id)]);
        index.Commit();

        Assert.Empty(index.Find("ចាស់").Hits);
        var hit = Assert.Single(index.Find("ថ្មី").Articles());
        Assert.Equal(id, hit.TextId);
        Assert.Equal(1, index.TextCount);
        Assert.Equal(2, index.DocumentCount);
    }

    [Fact]
    public void Changes_are_visible_after_the_commit_only()
    {
        using var index = InMemory();

        index.Upsert([Document("ច្បាប់ថ្មី")]);
        Assert.Empty(index.Find("ថ្មី").Hits);

        index.Commit();
        Assert.Single(index.Find("ថ្មី").Articles());
    }

    [Fact]
    public void Delete_removes_every_document_of_the_text()
    {
        var keep = Document("ច្បាប់ទីមួយ");
        var drop = Document("ច្បាប់ទីពីរ");
        using var index = With(keep, drop);

        index.Delete(drop.TextId);
        index.Commit();

        Assert.Equal(keep.TextId, Assert.Single(index.Find("ច្បាប់").Articles()).TextId);
        Assert.Equal(1, index.TextCount);
    }

    [Fact]
    public void The_cursor_and_the_documents_survive_reopening_the_index()
    {
        var path = Path.Combine(Path.GetTempPath(), "nokor-search-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new LegislationSearchOptions { IndexPath = path };
            using (var index = new LegalSearchIndex(options, Clock()))
            {
                Assert.Null(index.GetCursor());
                index.Upsert([Document(KhmerSearchTestsText)]);
                index.Commit(41);
                index.Upsert([Document("ច្បាប់ស្តីពីការងារ")]);
                index.Commit(42);
                index.Upsert([Document("មិនទាន់ commit")]);
                Assert.Equal(42, index.GetCursor());
            }

            using (var reopened = new LegalSearchIndex(options, Clock()))
            {
                Assert.Equal(42, reopened.GetCursor());
                Assert.Equal(2, reopened.TextCount);
                Assert.Single(reopened.Find("ព្រឹទ្ធសភា").Articles());

                reopened.Commit();
                Assert.Equal(42, reopened.GetCursor());
                reopened.Clear();
                Assert.Null(reopened.GetCursor());
                Assert.Equal(0, reopened.DocumentCount);
            }
        }
        finally
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    [Fact]
    public void Hits_are_paged_with_the_total_count()
    {
        using var index = InMemory();
        index.Upsert(Enumerable.Range(1, 30).Select(i => Document($"ច្បាប់ទី {i}", workUri: $"/akn/kh/act/2020-01-01/{i}", title: "Test")));
        index.Commit();

        var first = index.Search(new SearchQuery("ច្បាប់") { PageSize = 12 });
        var third = index.Search(new SearchQuery("ច្បាប់") { PageSize = 12, Page = 3 });
        var huge = index.Search(new SearchQuery("ច្បាប់") { PageSize = 500 });

        Assert.Equal(30, first.Total);
        Assert.Equal(12, first.Hits.Count);
        Assert.Equal(6, third.Hits.Count);
        Assert.Equal(LegalSearchIndex.MaxPageSize, huge.PageSize);
        Assert.Equal(30, huge.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.TextId).Intersect(third.Hits.Select(h => h.TextId)));
        Assert.Empty(index.Search(new SearchQuery("ច្បាប់") { PageSize = 50, Page = 100 }).Hits);
    }

    [Fact]
    public void A_snippet_of_a_long_text_is_cut_around_the_first_match_with_exact_ranges()
    {
        var filler = string.Concat(Enumerable.Repeat("រដ្ឋាភិបាលត្រូវរៀបចំថវិកាជាតិ ", 20));
        var text = filler + "ព្រឹទ្ធសភាត្រូវពិនិត្យ " + filler + "ព្រឹទ្ធសភា";
        using var index = With(Document(text));

        var hit = Assert.Single(index.Find("ព្រឹទ្ធសភា").Articles());

        var snippet = hit.Snippet;
        Assert.True(snippet.Offset > 0);
        Assert.True(snippet.Truncated);
        Assert.InRange(snippet.Text.Length, 100, Snippets.Length);
        Assert.Equal(snippet.Text, text.Substring(snippet.Offset, snippet.Text.Length));
        var range = Assert.Single(snippet.Matches);
        Assert.Equal("ព្រឹទ្ធសភា", snippet.Text.Substring(range.Start, range.Length));
        Assert.Equal(filler.Length, snippet.Offset + range.Start);
    }

    [Fact]
    public void SearchDocument_From_flattens_the_articles_of_a_legal_text()
    {
        var work = new AknWork(AknDocType.Act, new DateOnly(2024, 5, 1), "12");
        var article2 = new TextUnit(TextUnitKind.Article, "art_2", "មាត្រា ២", "ភារកិច្ច", ["ក្រសួងមានភារកិច្ច៖"],
        [
            new TextUnit(TextUnitKind.Paragraph, "art_2__para_1", "១.", null, ["រៀបចំថវិកា"], []),
            new TextUnit(TextUnitKind.Paragraph, "art_2__para_2", "២.", null, ["ត្រួតពិនិត្យការចំណាយ"], []),
        ]);
        var text = new LegalText(work, "khm", null, "ច្បាប់ស្តីពីហិរញ្ញវត្ថុ", ["ព្រះរាជាណាចក្រកម្ពុជា"],
        [
            new TextUnit(TextUnitKind.Chapter, "chp_1", "ជំពូកទី ១", "បទប្បញ្ញត្តិទូទៅ", [],
            [
                new TextUnit(TextUnitKind.Article, "art_1", "មាត្រា ១", null, ["ច្បាប់នេះមានគោលបំណង"], []),
                article2,
            ]),
        ]);

        var document = SearchDocument.From(Guid.NewGuid(), "/akn/kh/act/2024-05-01/12/khm@", text, new(2024, 5, 1), null);

        Assert.Equal("/akn/kh/act/2024-05-01/12", document.WorkUri);
        Assert.Equal(["art_1", "art_2"], document.Articles.Select(a => a.EId));
        Assert.Equal("ក្រសួងមានភារកិច្ច៖\n១. រៀបចំថវិកា\n២. ត្រួតពិនិត្យការចំណាយ", document.Articles[1].Text);

        using var index = With(document);
        var hit = Assert.Single(index.Find("ត្រួតពិនិត្យការចំណាយ").Articles());
        Assert.Equal("art_2", hit.EId);
        Assert.Equal("ភារកិច្ច", hit.Heading);
        Assert.Contains('\n', hit.Snippet.Text);
        Assert.Single(index.Find("ព្រះរាជាណាចក្រកម្ពុជា").Hits);
    }

    private const string KhmerSearchTestsText = "រដ្ឋាភិបាលត្រូវដាក់ច្បាប់នេះជូនព្រឹទ្ធសភា";
}
