using System.Text;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Akn;

/// <summary>
/// Compares two versions of a text article by article, "what the Senate changed". Articles are
/// matched by eId, which the importer keeps stable across versions (a replaced "Article 12
/// (new)" is still <c>art_12</c>). The result follows the newer text, with each removed article
/// shown where it stood in the older one. The inline diff works on tokens: Latin words,
/// numbers, runs of white space, single punctuation marks, and for Khmer, which has no spaces
/// between words, orthographic syllables (<see cref="KhmerClusters"/>), so a change never splits
/// a written letter. It uses Myers' O((N+M)·D) algorithm in linear space with a cap on the
/// search for very different texts, so even a 20,000 character article compares quickly.
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

    /// <summary>The inline diff of two strings over words, Khmer syllables, spaces and punctuation.</summary>
    public static IReadOnlyList<DiffSegment> Diff(string older, string newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var a = Tokenize(older);
        var b = Tokenize(newer);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var aIds = a.Select(t => Id(ids, t)).ToArray();
        var bIds = b.Select(t => Id(ids, t)).ToArray();
        var segments = new List<DiffSegment>();
        var equal = new StringBuilder();
        var deleted = new StringBuilder();
        var inserted = new StringBuilder();

        // Between two equal runs, all deletions are shown first, then all insertions.
        void Flush(StringBuilder buffer, DiffOperation operation)
        {
            if (buffer.Length > 0)
            {
                segments.Add(new DiffSegment(operation, buffer.ToString()));
                buffer.Clear();
            }
        }

        new Myers(aIds, bIds, (op, start, end) =>
        {
            var tokens = op == DiffOperation.Inserted ? b : a;
            var target = op switch
            {
                DiffOperation.Equal => equal,
                DiffOperation.Deleted => deleted,
                _ => inserted,
            };
            if (op == DiffOperation.Equal)
            {
                Flush(deleted, DiffOperation.Deleted);
                Flush(inserted, DiffOperation.Inserted);
            }
            else
            {
                Flush(equal, DiffOperation.Equal);
            }

            for (var i = start; i < end; i++)
            {
                target.Append(tokens[i]);
            }
        }).Run();
        Flush(equal, DiffOperation.Equal);
        Flush(deleted, DiffOperation.Deleted);
        Flush(inserted, DiffOperation.Inserted);
        return segments;
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

    private static int Id(Dictionary<string, int> ids, string token)
    {
        if (!ids.TryGetValue(token, out var id))
        {
            ids[token] = id = ids.Count;
        }

        return id;
    }

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
    /// Myers' diff with the linear-space refinement (find the middle snake of the shortest edit
    /// script, recurse on both halves), reporting runs in order through a callback.
    /// </summary>
    private sealed class Myers(int[] a, int[] b, Action<DiffOperation, int, int> emit)
    {
        private readonly int[] _forward = new int[2 * (a.Length + b.Length) + 4];
        private readonly int[] _backward = new int[2 * (a.Length + b.Length) + 4];

        public void Run() => Compare(0, a.Length, 0, b.Length);

        private void Compare(int aStart, int aEnd, int bStart, int bEnd)
        {
            var prefix = 0;
            while (aStart + prefix < aEnd && bStart + prefix < bEnd && a[aStart + prefix] == b[bStart + prefix])
            {
                prefix++;
            }

            if (prefix > 0)
            {
                emit(DiffOperation.Equal, aStart, aStart + prefix);
                aStart += prefix;
                bStart += prefix;
            }

            var suffix = 0;
            while (aEnd - suffix > aStart && bEnd - suffix > bStart && a[aEnd - suffix - 1] == b[bEnd - suffix - 1])
            {
                suffix++;
            }

            aEnd -= suffix;
            bEnd -= suffix;
            if (aStart == aEnd)
            {
                if (bStart < bEnd)
                {
                    emit(DiffOperation.Inserted, bStart, bEnd);
                }
            }
            else if (bStart == bEnd)
            {
                emit(DiffOperation.Deleted, aStart, aEnd);
            }
            else
            {
                var (x, y, u, v) = MiddleSnake(aStart, aEnd, bStart, bEnd);
                Compare(aStart, x, bStart, y);
                if (u > x)
                {
                    emit(DiffOperation.Equal, x, u);
                }

                Compare(u, aEnd, v, bEnd);
            }

            if (suffix > 0)
            {
                emit(DiffOperation.Equal, aEnd, aEnd + suffix);
            }
        }

        /// <summary>
        /// Past this many edits on each side of a middle snake (very different texts) the search
        /// stops and splits at the furthest point reached: the diff stays correct but may no longer
        /// be minimal, and the time stays bounded by O((N+M)·MaxCost).
        /// </summary>
        private const int MaxCost = 1024;

        private (int X, int Y, int U, int V) CheapSplit(int aStart, int bStart, int n, int m, int d, int offset)
        {
            var (bestX, bestY) = (0, 0);
            for (var k = -d; k <= d; k += 2)
            {
                var x = Math.Min(_forward[offset + k], n);
                var y = Math.Clamp(x - k, 0, m);
                if (x + y > bestX + bestY)
                {
                    (bestX, bestY) = (x, y);
                }
            }

            if ((bestX == 0 && bestY == 0) || (bestX == n && bestY == m))
            {
                (bestX, bestY) = ((n + 1) / 2, 0);
            }

            return (aStart + bestX, bStart + bestY, aStart + bestX, bStart + bestY);
        }

        /// <summary>The middle snake (x,y)→(u,v) of the edit graph of a[aStart..aEnd) and b[bStart..bEnd).</summary>
        private (int X, int Y, int U, int V) MiddleSnake(int aStart, int aEnd, int bStart, int bEnd)
        {
            var n = aEnd - aStart;
            var m = bEnd - bStart;
            var delta = n - m;
            var odd = (delta & 1) != 0;
            var offset = n + m + 1;
            var max = (n + m + 1) / 2;
            _forward[offset + 1] = 0;
            _backward[offset + 1] = 0;
            for (var d = 0; d <= max; d++)
            {
                for (var k = -d; k <= d; k += 2)
                {
                    var x = k == -d || (k != d && _forward[offset + k - 1] < _forward[offset + k + 1])
                        ? _forward[offset + k + 1]
                        : _forward[offset + k - 1] + 1;
                    var y = x - k;
                    var startX = x;
                    var startY = y;
                    while (x < n && y < m && a[aStart + x] == b[bStart + y])
                    {
                        x++;
                        y++;
                    }

                    _forward[offset + k] = x;
                    var reverseK = delta - k;
                    if (odd && reverseK >= -(d - 1) && reverseK <= d - 1 && x + _backward[offset + reverseK] >= n)
                    {
                        return (aStart + startX, bStart + startY, aStart + x, bStart + y);
                    }
                }

                for (var k = -d; k <= d; k += 2)
                {
                    var x = k == -d || (k != d && _backward[offset + k - 1] < _backward[offset + k + 1])
                        ? _backward[offset + k + 1]
                        : _backward[offset + k - 1] + 1;
                    var y = x - k;
                    var startX = x;
                    var startY = y;
                    while (x < n && y < m && a[aEnd - 1 - x] == b[bEnd - 1 - y])
                    {
                        x++;
                        y++;
                    }

                    _backward[offset + k] = x;
                    var forwardK = delta - k;
                    if (!odd && forwardK >= -d && forwardK <= d && x + _forward[offset + forwardK] >= n)
                    {
                        return (aEnd - x, bEnd - y, aEnd - startX, bEnd - startY);
                    }
                }

                if (d >= MaxCost)
                {
                    return CheapSplit(aStart, bStart, n, m, d, offset);
                }
            }

            throw new InvalidOperationException("The diff found no middle snake.");
        }
    }
}
