using System.Globalization;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Generation;
using Nokor.Legislation.Search;

namespace Nokor.Legislation.Contracts;

/// <summary>
/// The legal database's search index on its own, outside a host, filled with synthetic acts: the
/// door the search benchmark (<c>bench/Nokor.Bench.Legislation</c>) drives. It runs the index,
/// the documents and the queries a host runs; it only delegates.
/// </summary>
public sealed class SyntheticSearchIndex : IDisposable
{
    private readonly LegalSearchIndex _index;

    /// <summary>Opens (or creates) the index in <paramref name="path"/> with an indexing buffer of <paramref name="ramBufferSizeMb"/> MB.</summary>
    public SyntheticSearchIndex(string path, double ramBufferSizeMb) =>
        _index = new LegalSearchIndex(new LegislationSearchOptions { IndexPath = path, RamBufferSizeMb = ramBufferSizeMb }, TimeProvider.System);

    /// <summary>The expressions (texts) indexed.</summary>
    public int TextCount => _index.TextCount;

    /// <summary>The Lucene documents (articles, titles and preambles) indexed.</summary>
    public int DocumentCount => _index.DocumentCount;

    /// <summary>The cursor committed last (here: the number of acts indexed), or null.</summary>
    public long? GetCursor() => _index.GetCursor();

    /// <summary>Empties the index.</summary>
    public void Clear() => _index.Clear();

    /// <summary>Commits what was indexed, with the cursor.</summary>
    public void Commit(long cursor) => _index.Commit(cursor);

    /// <summary>One page of hits, best first, as the public search runs it.</summary>
    public SearchResults Search(SearchQuery query) => _index.Search(query);

    /// <summary>
    /// Generates synthetic act <paramref name="number"/> (seed <paramref name="seed"/>) and indexes
    /// each of its expressions under an id derived from the seed, the act, the language and the
    /// version; returns how many expressions and articles were indexed. Safe to call in parallel.
    /// </summary>
    public (int Expressions, int Articles) IndexAct(int number, int seed)
    {
        var act = SyntheticActs.Generate(number, seed);
        var documents = act.Expressions.Select(e => SearchDocument.From(
            DeterministicId(seed, number, e.Text.Language, e.Text.VersionDate),
            ExpressionUri(e.Text),
            e.Text,
            e.ValidFrom,
            e.ValidTo)).ToList();
        _index.Upsert(documents);
        return (documents.Count, documents.Sum(d => d.Articles.Count));
    }

    /// <inheritdoc />
    public void Dispose() => _index.Dispose();

    private static string ExpressionUri(LegalText text) =>
        $"{FrbrUri.Work(text.Work)}/{text.Language}@{text.VersionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static Guid DeterministicId(int seed, int act, string language, DateOnly? version)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, seed);
        BitConverter.TryWriteBytes(bytes[4..], act);
        BitConverter.TryWriteBytes(bytes[8..], language == "khm" ? 1 : 2);
        BitConverter.TryWriteBytes(bytes[12..], version?.DayNumber ?? 0);
        return new Guid(bytes);
    }
}

/// <summary>The synthetic acts and their vocabulary, for building a benchmark's queries; it only delegates.</summary>
public static class SyntheticLegislation
{
    /// <summary>Khmer words of the legal vocabulary.</summary>
    public static IReadOnlyList<string> KhmerWords => LegalVocabulary.KhmerWords;

    /// <summary>English words of the legal vocabulary.</summary>
    public static IReadOnlyList<string> EnglishWords => LegalVocabulary.EnglishWords;

    /// <summary>Synthetic act <paramref name="number"/> (seed <paramref name="seed"/>): its Khmer original and its English translation, if any.</summary>
    public static (LegalText Khmer, LegalText? English) Act(int number, int seed)
    {
        var act = SyntheticActs.Generate(number, seed);
        return (act.Khmer, act.English);
    }
}
