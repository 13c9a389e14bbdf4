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
