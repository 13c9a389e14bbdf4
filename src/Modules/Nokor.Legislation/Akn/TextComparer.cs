using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Akn;

/// <summary>
/// Compares two versions of a text article by article, "what the Senate changed". Articles are
/// matched by eId, which the importer keeps stable across versions (a replaced "Article 12
/// (new)" is still <c>art_12</c>). The result follows the newer text, with each removed article
/// shown where it stood in the older one. The inline diff works on tokens: Latin words,
/// numbers, runs of white space, single punctuation marks, and for Khmer, which has no spaces
/// between words, orthographic syllables (<see cref="KhmerClusters"/>), so a change never splits
/// a written letter. The token sequences are compared by DiffPlex (Myers' O((N+M)·D) algorithm);
/// a long article is compared paragraph by paragraph first, within a bound on the work
/// (<see cref="Diff"/>), so even two unrelated versions compare in bounded time.
/// </summary>
internal static class TextComparer
{
    /// <summary>Compares <paramref name="older"/> with <paramref name="newer"/>.</summary>
    public static TextComparison Compare(LegalText older, LegalText newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var oldArticles = Articles(older.Body);
        var newArticles = Articles(newer.Body);
        var oldByEId = new Dictionary<string, TextUnit>(StringComparer.Ordinal);
        foreach (var a in oldArticles)
        {
            oldByEId.TryAdd(a.EId, a);
        }

        var newEIds = newArticles.Select(a => a.EId).ToHashSet(StringComparer.Ordinal);

        // Each removed article goes right after the closest preceding older article that survives.
        var removedAfter = new Dictionary<string, List<TextUnit>>(StringComparer.Ordinal);
        var removedAtStart = new List<TextUnit>();
        string? anchor = null;
        foreach (var a in oldArticles)
        {
            if (newEIds.Contains(a.EId))
            {
                anchor = a.EId;
            }
            else if (anchor is null)
            {
                removedAtStart.Add(a);
            }
            else
            {
                if (!removedAfter.TryGetValue(anchor, out var list))
                {
                    removedAfter[anchor] = list = [];
                }

                list.Add(a);
            }
        }

        var results = new List<ArticleComparison>();
        results.AddRange(removedAtStart.Select(Removed));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in newArticles)
        {
            if (!seen.Add(article.EId))
            {
                continue;
            }

            results.Add(oldByEId.TryGetValue(article.EId, out var old) ? Matched(old, article) : Added(article));
            if (removedAfter.TryGetValue(article.EId, out var removed))
            {
                results.AddRange(removed.Select(Removed));
            }
        }

        var summary = new ComparisonSummary(
            results.Count(r => r.Status == ArticleStatus.Unchanged),
            results.Count(r => r.Status == ArticleStatus.Changed),
            results.Count(r => r.Status == ArticleStatus.Added),
            results.Count(r => r.Status == ArticleStatus.Removed),
            results.Count(r => r.Status == ArticleStatus.Changed && r.OnlyHeadingChanged));
        return new TextComparison(results, summary);
    }

    /// <summary>
    /// The most tokens (both versions together) that one DiffPlex run compares. DiffPlex's time
    /// grows with (N+M)·D, and it has no cap of its own on D: two unrelated versions of this size
    /// (two 20,000-character lines, the importer's longest) take about a second.
    /// </summary>
    internal const int MaxDiffTokens = 24_000;

    /// <summary>
    /// The work one comparison may spend, counted as the sum of (N+M)² over its DiffPlex runs: a
    /// long article with many rewritten paragraphs still compares in bounded time. Past it, the
    /// remaining changed paragraphs are shown as deleted and inserted whole.
    /// </summary>
    private const long WorkBudget = 4L * MaxDiffTokens * MaxDiffTokens;

    /// <summary>
    /// The inline diff of two strings over words, Khmer syllables, spaces and punctuation. The token
    /// sequences are compared by DiffPlex. A text longer than <see cref="MaxDiffTokens"/> is first
    /// compared paragraph by paragraph (DiffPlex over lines), then token by token inside each run of
    /// changed paragraphs while <see cref="WorkBudget"/> lasts; a run too long for that is shown
    /// deleted and inserted whole. The result is always exact (the older text is the equal and
    /// deleted segments, the newer the equal and inserted ones); it is minimal whenever the token
    /// comparison ran on the whole text.
    /// </summary>
    public static IReadOnlyList<DiffSegment> Diff(string older, string newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var segments = new SegmentBuilder();
        var work = 0L;
        if (Tokenize(older).Count + Tokenize(newer).Count <= MaxDiffTokens)
        {
            TokenDiff(older, newer, segments);
            return segments.Build();
        }

        var lines = Differ.Instance.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, LineEndingsPreservingChunker.Instance);
        if ((long)lines.PiecesOld.Count + lines.PiecesNew.Count > MaxDiffTokens)
        {
            segments.Add(DiffOperation.Deleted, older);
            segments.Add(DiffOperation.Inserted, newer);
            return segments.Build();
        }

        var nextOld = 0;
        foreach (var block in lines.DiffBlocks)
        {
            segments.Add(DiffOperation.Equal, lines.PiecesOld, nextOld, block.DeleteStartA);
            var deleted = string.Concat(lines.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            var inserted = string.Concat(lines.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            long size = Tokenize(deleted).Count + Tokenize(inserted).Count;
            if (size <= MaxDiffTokens && work + (size * size) <= WorkBudget)
            {
                work += size * size;
                TokenDiff(deleted, inserted, segments);
            }
            else
            {
                segments.Add(DiffOperation.Deleted, deleted);
                segments.Add(DiffOperation.Inserted, inserted);
            }

            nextOld = block.DeleteStartA + block.DeleteCountA;
        }

        segments.Add(DiffOperation.Equal, lines.PiecesOld, nextOld, lines.PiecesOld.Count);
        return segments.Build();
    }

    /// <summary>DiffPlex over two token sequences (exact comparison): its blocks are the edited runs, what lies between them is equal.</summary>
    private static void TokenDiff(string olderText, string newerText, SegmentBuilder segments)
    {
        var result = Differ.Instance.CreateDiffs(olderText, newerText, ignoreWhiteSpace: false, ignoreCase: false, KhmerAwareChunker.Instance);
        var older = result.PiecesOld;
        var newer = result.PiecesNew;
        var nextOld = 0;
        foreach (var block in result.DiffBlocks)
        {
            segments.Add(DiffOperation.Equal, older, nextOld, block.DeleteStartA);
            segments.Add(DiffOperation.Deleted, older, block.DeleteStartA, block.DeleteStartA + block.DeleteCountA);
            segments.Add(DiffOperation.Inserted, newer, block.InsertStartB, block.InsertStartB + block.InsertCountB);
            nextOld = block.DeleteStartA + block.DeleteCountA;
        }

        segments.Add(DiffOperation.Equal, older, nextOld, older.Count);
    }

    /// <summary>
    /// Splits text into diff tokens: a Khmer syllable, a run of other letters and digits (with
    /// their combining marks), a run of white space, or any other single character (a surrogate
    /// pair stays whole).
    /// </summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int length;
            if (KhmerText.IsBase(c))
            {
                length = KhmerClusters.Length(text.AsSpan(i));
            }
            else if (char.IsWhiteSpace(c))
            {
                length = 1;
                while (i + length < text.Length && char.IsWhiteSpace(text[i + length]))
                {
                    length++;
                }
            }
            else if (IsWordChar(c))
            {
                length = 1;
                while (i + length < text.Length && (IsWordChar(text[i + length]) || IsMark(text[i + length])))
                {
                    length++;
                }
            }
            else
            {
                length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }

            tokens.Add(text.Substring(i, length));
            i += length;
        }

        return tokens;
    }

    /// <summary>The article's text as compared: its own paragraphs, then each numbered paragraph with its number (walked without recursion).</summary>
    internal static string ArticleText(TextUnit article)
    {
        var lines = new List<string>(article.Text);
        foreach (var (unit, _) in TextUnits.DepthFirst(article.Children))
        {
            var first = true;
            foreach (var line in unit.Text)
            {
                lines.Add(first && unit.Num.Length > 0 ? unit.Num + " " + line : line);
                first = false;
            }

            if (first && unit.Num.Length > 0)
            {
                lines.Add(unit.Num);
            }
        }

        return string.Join("\n", lines);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !KhmerText.IsKhmer(c) || KhmerNumerals.IsKhmerDigit(c);

    private static bool IsMark(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark && !KhmerText.IsKhmer(c);

    /// <summary>Every article in document order, wherever it sits; what is inside an article is not searched.</summary>
    private static List<TextUnit> Articles(IReadOnlyList<TextUnit> units) =>
        TextUnits.DepthFirst(units, u => u.Kind != TextUnitKind.Article).Select(p => p.Unit).Where(u => u.Kind == TextUnitKind.Article).ToList();

    private static ArticleComparison Matched(TextUnit older, TextUnit newer)
    {
        var oldText = ArticleText(older);
        var newText = ArticleText(newer);
        var headingChanged = !string.Equals(older.Heading ?? "", newer.Heading ?? "", StringComparison.Ordinal);
        var numChanged = !string.Equals(older.Num, newer.Num, StringComparison.Ordinal);
        var textChanged = !string.Equals(oldText, newText, StringComparison.Ordinal);
        if (!headingChanged && !numChanged && !textChanged)
        {
            return new ArticleComparison(newer.EId, ArticleStatus.Unchanged, older, newer, false, false, false, Whole(DiffOperation.Equal, newText));
        }

        var diff = textChanged ? Diff(oldText, newText) : Whole(DiffOperation.Equal, newText);
        return new ArticleComparison(newer.EId, ArticleStatus.Changed, older, newer, headingChanged, numChanged, textChanged, diff);
    }

    private static ArticleComparison Added(TextUnit newer) =>
        new(newer.EId, ArticleStatus.Added, null, newer, false, false, false, Whole(DiffOperation.Inserted, ArticleText(newer)));

    private static ArticleComparison Removed(TextUnit older) =>
        new(older.EId, ArticleStatus.Removed, older, null, false, false, false, Whole(DiffOperation.Deleted, ArticleText(older)));

    private static DiffSegment[] Whole(DiffOperation operation, string text) => text.Length == 0 ? [] : [new DiffSegment(operation, text)];

    /// <summary>
    /// Turns text into the tokens DiffPlex compares (<see cref="Tokenize"/>). DiffPlex's own
    /// chunkers split on characters, white space or lines: none keeps a Khmer orthographic syllable
    /// whole, and Khmer writes no spaces between words, so the chunker is this project's.
    /// </summary>
    private sealed class KhmerAwareChunker : IChunker
    {
        public static readonly KhmerAwareChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Tokenize(text);
    }

    /// <summary>Collects runs into segments: between two equal runs, all deletions are shown first, then all insertions.</summary>
    private sealed class SegmentBuilder
    {
        private readonly List<DiffSegment> _segments = [];
        private readonly StringBuilder _equal = new();
        private readonly StringBuilder _deleted = new();
        private readonly StringBuilder _inserted = new();

        public void Add(DiffOperation operation, IReadOnlyList<string> pieces, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                Add(operation, pieces[i]);
            }
        }

        public void Add(DiffOperation operation, string text)
        {
            if (text.Length == 0)
            {
                return;
            }

            if (operation == DiffOperation.Equal)
            {
                Flush(_deleted, DiffOperation.Deleted);
                Flush(_inserted, DiffOperation.Inserted);
                _equal.Append(text);
            }
            else
            {
                Flush(_equal, DiffOperation.Equal);
                (operation == DiffOperation.Deleted ? _deleted : _inserted).Append(text);
            }
        }

        public List<DiffSegment> Build()
        {
            Flush(_equal, DiffOperation.Equal);
            Flush(_deleted, DiffOperation.Deleted);
            Flush(_inserted, DiffOperation.Inserted);
            return _segments;
        }

        private void Flush(StringBuilder buffer, DiffOperation operation)
        {
            if (buffer.Length > 0)
            {
                _segments.Add(new DiffSegment(operation, buffer.ToString()));
                buffer.Clear();
            }
        }
    }
}
