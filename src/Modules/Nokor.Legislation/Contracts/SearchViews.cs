namespace Nokor.Legislation.Contracts;

/// <summary>A search request.</summary>
/// <param name="Text">
/// The query. Khmer is matched as runs of clusters that must appear in this order and adjacent
/// (spaces inside the query are ignored, as Khmer spacing is arbitrary); other words must all
/// appear, anywhere in the article; "double quotes" ask for an exact phrase.
/// </param>
public sealed record SearchQuery(string Text)
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

    /// <summary>Hits per page, 1 to 50.</summary>
    public int PageSize { get; init; } = 20;
}

/// <summary>A highlighted range of a snippet, relative to <see cref="SearchSnippet.Text"/>.</summary>
public readonly record struct MatchRange(int Start, int Length);

/// <summary>
/// A piece of a stored field around the first match.
/// </summary>
/// <param name="Field">Where it comes from: "text" (the article or the preamble), "heading", "num" or "title".</param>
/// <param name="Text">The piece of text, cut at unit boundaries.</param>
/// <param name="Offset">Where <paramref name="Text"/> starts in the field (more text before when &gt; 0).</param>
/// <param name="Truncated">True when the field goes on after <paramref name="Text"/>.</param>
/// <param name="Matches">The matched ranges, in order, relative to <paramref name="Text"/>.</param>
public sealed record SearchSnippet(string Field, string Text, int Offset, bool Truncated, IReadOnlyList<MatchRange> Matches);

/// <summary>One matching article (or, when <see cref="EId"/> is null, the title and preamble of a text).</summary>
public sealed record SearchHit(
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
/// <param name="PageSize">The page size applied (at most 50).</param>
/// <param name="Hits">This page's hits.</param>
public sealed record SearchResults(int Total, int Page, int PageSize, IReadOnlyList<SearchHit> Hits)
{
    public static SearchResults Empty(int page, int pageSize) => new(0, page, pageSize, []);
}

/// <summary>This host's search index: how much it holds and how far it has followed the database.</summary>
public sealed record SearchIndexStatus(int Texts, int Articles, long? Cursor);
