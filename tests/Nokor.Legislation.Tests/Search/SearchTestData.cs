using Nokor.Legislation.Akn;
using Nokor.Legislation.Search;

namespace Nokor.Legislation.Tests.Search;

internal static class SearchTestData
{
    /// <summary>"Today" for every search test: 2026-06-01 in Cambodia.</summary>
    public static readonly DateOnly Today = new(2026, 6, 1);

    public static LegalSearchIndex InMemory() =>
        new(new LegislationSearchOptions { IndexPath = "" }, Clock());

    public static TimeProvider Clock() => new FixedClock(new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero));

    public static SearchDocument Document(
        string text,
        string language = "khm",
        AknDocType type = AknDocType.Act,
        Guid? id = null,
        string workUri = "/akn/kh/act/2020-01-01/1",
        DateOnly? from = null,
        DateOnly? to = null,
        string title = "ច្បាប់ស្តីពីការសាកល្បង",
        string? heading = null) =>
        new(
            id ?? Guid.NewGuid(),
            workUri + "/" + language + "@",
            workUri,
            type,
            language,
            title,
            from ?? new DateOnly(2020, 1, 1),
            to,
            [],
            [new SearchArticle("art_1", language == "khm" ? "មាត្រា ១" : "Article 1", heading, text)]);

    public static LegalSearchIndex With(params SearchDocument[] documents)
    {
        var index = InMemory();
        index.Upsert(documents);
        index.Commit();
        return index;
    }

    public static SearchResults Find(this LegalSearchIndex index, string text) => index.Search(new SearchQuery(text));

    /// <summary>The article hits (the title documents left out).</summary>
    public static List<SearchHit> Articles(this SearchResults results) => results.Hits.Where(h => h.EId is not null).ToList();
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
