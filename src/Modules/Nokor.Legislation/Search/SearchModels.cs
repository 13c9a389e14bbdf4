using Nokor.Legislation.Akn;

namespace Nokor.Legislation.Search;

/// <summary>Where the search index lives. Bound from configuration section <see cref="Section"/>.</summary>
internal sealed class LegislationSearchOptions
{
    public const string Section = "Legislation:Search";

    /// <summary>
    /// The index directory (relative paths are relative to the working directory); when not set,
    /// <c>search/legislation</c> under the data root (see <c>LegislationModule</c>). Empty keeps
    /// the index in memory, for tests. The index is a cache: deleting the directory makes the host
    /// rebuild it from the database.
    /// </summary>
    public string? IndexPath { get; set; }

    /// <summary>The indexing buffer of the IndexWriter in MB; more makes bulk (re)building faster.</summary>
    public double RamBufferSizeMb { get; set; } = 48;

    /// <summary>
    /// How many times the feeder tries a text that fails to index (one try per poll) before it
    /// sets the text aside and reports it on the search status.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;
}

/// <summary>One article of a text as the index holds it.</summary>
/// <param name="EId">The article's AKN eId, e.g. "art_12".</param>
/// <param name="Num">The number as printed, e.g. "មាត្រា ១២".</param>
/// <param name="Heading">The article heading, or null.</param>
/// <param name="Text">The article's text: its own paragraphs, then its numbered paragraphs, one per line.</param>
internal sealed record SearchArticle(string EId, string Num, string? Heading, string Text);

/// <summary>
/// One expression (a text in one language, one version) to index, with the period it is the
/// law: from <paramref name="ValidFrom"/> up to, not including, <paramref name="ValidTo"/>
/// (null while it is still in force). The feed from the database sends one of these per changed
/// expression; the index replaces whatever it held under <paramref name="TextId"/>.
/// </summary>
internal sealed record SearchDocument(
    Guid TextId,
    string ExpressionUri,
    string WorkUri,
    AknDocType DocType,
    string Language,
    string Title,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<SearchArticle> Articles)
{
    /// <summary>
    /// Flattens a <see cref="LegalText"/>: every article wherever it sits (in parts, chapters,
    /// sections), its text being its own text and then its paragraphs ("num text"), one per line.
    /// Chapter headings are not copied into articles: an article should be found for what it says,
    /// and a chapter heading would make every article of the chapter match.
    /// </summary>
    public static SearchDocument From(Guid textId, string expressionUri, LegalText text, DateOnly validFrom, DateOnly? validTo)
    {
        ArgumentNullException.ThrowIfNull(text);
        var articles = Texts.TextStore.Articles(text)
            .Select(a => new SearchArticle(a.EId, a.Num, a.Heading, Texts.TextStore.ArticleText(a)))
            .ToList();
        return new SearchDocument(
            textId, expressionUri, FrbrUri.Work(text.Work), text.Work.Type, text.Language, text.Title,
            validFrom, validTo, text.Preamble, articles);
    }
}

/// <summary>A search request.</summary>
/// <param name="Text">
/// The query. Khmer is matched as runs of clusters that must appear in this order and adjacent
/// (spaces inside the query are ignored, as Khmer spacing is arbitrary); other words must all
/// appear, anywhere in the article; "double quotes" ask for an exact phrase.
/// </param>
internal sealed record SearchQuery(string Text)
{
    /// <summary>"khm", "eng", or null for any language.</summary>
    public string? Language { get; init; }

    /// <summary>Act, bill, or null for both.</summary>
    public AknDocType? DocType { get; init; }

    /// <summary>
    /// Only expressions that were the law on this date (ValidFrom ≤ date &lt; ValidTo). Null means
    /// today in Cambodia: the texts in force now, which is what a citizen searching the legal
    /// database expects to see. Ignored when <see cref="AllVersions"/> is set.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Search every version, past and future, instead of those valid on one date.</summary>
    public bool AllVersions { get; init; }

    /// <summary>Only within this work (e.g. "/akn/kh/act/2024-05-01/12"), or null.</summary>
    public string? WorkUri { get; init; }

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Hits per page, 1 to <see cref="LegalSearchIndex.MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 20;
}

/// <summary>A highlighted range of a snippet, relative to <see cref="SearchSnippet.Text"/>.</summary>
internal readonly record struct MatchRange(int Start, int Length);

/// <summary>
/// A piece of a stored field around the first match.
/// </summary>
/// <param name="Field">Where it comes from: "text" (the article or the preamble), "heading", "num" or "title".</param>
/// <param name="Text">The piece of text, cut at unit boundaries.</param>
/// <param name="Offset">Where <paramref name="Text"/> starts in the field (more text before when &gt; 0).</param>
/// <param name="Truncated">True when the field goes on after <paramref name="Text"/>.</param>
/// <param name="Matches">The matched ranges, in order, relative to <paramref name="Text"/>.</param>
internal sealed record SearchSnippet(string Field, string Text, int Offset, bool Truncated, IReadOnlyList<MatchRange> Matches);

/// <summary>One matching article (or, when <see cref="EId"/> is null, the title and preamble of a text).</summary>
internal sealed record SearchHit(
    Guid TextId,
    string ExpressionUri,
    string WorkUri,
    AknDocType DocType,
    string Language,
    string Title,
    string? EId,
    string? Num,
    string? Heading,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    float Score,
    SearchSnippet Snippet);

/// <summary>One page of hits, best first.</summary>
/// <param name="Total">The number of matching articles (and titles) in all pages.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The page size applied (at most <see cref="LegalSearchIndex.MaxPageSize"/>).</param>
/// <param name="Hits">This page's hits.</param>
internal sealed record SearchResults(int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResults Empty(int page, int pageSize) => new(0, page, pageSize, []);
}
