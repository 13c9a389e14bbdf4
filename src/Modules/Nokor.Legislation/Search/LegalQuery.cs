using Lucene.Net.Index;
using Lucene.Net.Search;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Search;

/// <summary>One unit of a query pattern: a Khmer cluster or a folded word.</summary>
/// <param name="Term">The cluster's characters or the folded word.</param>
/// <param name="IsKhmer">True for a cluster.</param>
/// <param name="JoinsNext">True when the next element is a cluster of the same Khmer run (so the
/// two must be in one run of the text, which is what their bigram term says in the index).</param>
internal readonly record struct PatternElement(string Term, bool IsKhmer, bool JoinsNext);

/// <summary>
/// A parsed query: the required patterns (each a sequence of units that must appear in order and
/// adjacent) as a Lucene query on the content field, and the same patterns for highlighting.
/// </summary>
internal sealed class LegalQuery
{
    /// <summary>A longer query is cut: every pattern is a required clause and costs a postings walk.</summary>
    public const int MaxPatterns = 32;

    /// <summary>Longer query text is cut: a quoted phrase becomes one phrase query with a term per unit.</summary>
    public const int MaxLength = 500;

    private LegalQuery(IReadOnlyList<PatternElement[]> patterns, Query? query)
    {
        Patterns = patterns;
        Query = query;
    }

    public IReadOnlyList<PatternElement[]> Patterns { get; }

    /// <summary>The Lucene query, or null when the text holds nothing searchable.</summary>
    public Query? Query { get; }

    /// <summary>
    /// Splits the query into patterns. Outside double quotes every Khmer run is one pattern (its
    /// clusters adjacent, spaces and ZWSP ignored) and every other word is one pattern; inside
    /// quotes the whole quoted text is one pattern. All patterns are required.
    /// </summary>
    public static LegalQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.Length > MaxLength ? text[..MaxLength] : text;
        var normalized = KhmerText.Normalize(cut.Replace('“', '"').Replace('”', '"'));
        var patterns = new List<PatternElement[]>();
        var segments = normalized.Split('"');
        for (var s = 0; s < segments.Length && patterns.Count < MaxPatterns; s++)
        {
            var segment = segments[s];
            var units = SearchText.Scan(segment);
            if (units.Count == 0)
            {
                continue;
            }

            if (s % 2 == 1)
            {
                patterns.Add(ToElements(segment, units, 0, units.Count));
                continue;
            }

            var i = 0;
            while (i < units.Count && patterns.Count < MaxPatterns)
            {
                var end = i + 1;
                if (units[i].IsKhmer)
                {
                    while (end < units.Count && units[end].Run == units[i].Run)
                    {
                        end++;
                    }
                }

                patterns.Add(ToElements(segment, units, i, end));
                i = end;
            }
        }

        var distinct = patterns.DistinctBy(p => string.Join('\u0001', p.Select(e => e.Term + (e.JoinsNext ? "+" : ""))))
            .ToList();
        return new LegalQuery(distinct, BuildQuery(distinct));
    }

    private static PatternElement[] ToElements(string segment, List<SearchUnit> units, int from, int to)
    {
        var elements = new PatternElement[to - from];
        for (var i = from; i < to; i++)
        {
            var unit = units[i];
            var joins = unit.IsKhmer && i + 1 < to && units[i + 1].IsKhmer && units[i + 1].Run == unit.Run;
            elements[i - from] = unit.IsKhmer
                ? new PatternElement(SearchText.Cluster(segment, unit), true, joins)
                : new PatternElement(unit.Word!, false, false);
        }

        return elements;
    }

    /// <summary>
    /// The terms of a pattern at their relative positions, as the tokenizer indexes them: a cluster
    /// joined to the next one gives their bigram, a cluster alone in its run gives its unigram,
    /// the last cluster of a longer run gives nothing (its bigram with the previous one covers it),
    /// a word gives itself.
    /// </summary>
    private static List<(string Term, int Position)> TermsOf(PatternElement[] pattern)
    {
        var terms = new List<(string, int)>(pattern.Length);
        for (var k = 0; k < pattern.Length; k++)
        {
            var element = pattern[k];
            if (!element.IsKhmer)
            {
                terms.Add((element.Term, k));
            }
            else if (element.JoinsNext)
            {
                terms.Add((element.Term + pattern[k + 1].Term, k));
            }
            else if (k == 0 || !pattern[k - 1].JoinsNext)
            {
                terms.Add((element.Term, k));
            }
        }

        return terms;
    }

    private static Query? BuildQuery(List<PatternElement[]> patterns)
    {
        var clauses = new List<Query>();
        foreach (var pattern in patterns)
        {
            var terms = TermsOf(pattern);
            if (terms.Count == 1)
            {
                clauses.Add(new TermQuery(new Term(LegalSearchIndex.ContentField, terms[0].Term)));
                continue;
            }

            var phrase = new PhraseQuery();
            foreach (var (term, position) in terms)
            {
                phrase.Add(new Term(LegalSearchIndex.ContentField, term), position);
            }

            clauses.Add(phrase);
        }

        if (clauses.Count == 0)
        {
            return null;
        }

        if (clauses.Count == 1)
        {
            return clauses[0];
        }

        var all = new BooleanQuery();
        foreach (var clause in clauses)
        {
            all.Add(clause, Occur.MUST);
        }

        return all;
    }
}
