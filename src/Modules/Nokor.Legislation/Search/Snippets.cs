namespace Nokor.Legislation.Search;

/// <summary>
/// Snippets and highlight ranges computed on the stored (normalized) text with the same scanner
/// as the index, so a range covers exactly the clusters or words the query matched, whatever
/// spaces sit between Khmer clusters in the text. Lucene's highlighter is not used: it is a
/// separate package, and term vectors or re-analysis would give the same offsets at more cost.
/// </summary>
internal static class Snippets
{
    /// <summary>The target length of a snippet in UTF-16 characters.</summary>
    public const int Length = 200;

    /// <summary>How much text to show before the first match.</summary>
    private const int Before = 60;

    /// <summary>Every place the patterns match in <paramref name="text"/>, in order, overlapping ones merged.</summary>
    public static List<MatchRange> FindMatches(string text, IReadOnlyList<PatternElement[]> patterns)
    {
        var units = SearchText.Scan(text);
        var ranges = new List<MatchRange>();
        for (var j = 0; j < units.Count; j++)
        {
            foreach (var pattern in patterns)
            {
                if (Matches(text, units, j, pattern))
                {
                    var end = units[j + pattern.Length - 1].End;
                    ranges.Add(new MatchRange(units[j].Start, end - units[j].Start));
                }
            }
        }

        ranges.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var merged = new List<MatchRange>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                var end = Math.Max(last.Start + last.Length, range.Start + range.Length);
                merged[^1] = new MatchRange(last.Start, end - last.Start);
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>A snippet around the first match, or null when the patterns do not match the text.</summary>
    public static SearchSnippet? Around(string field, string text, IReadOnlyList<PatternElement[]> patterns)
    {
        var matches = FindMatches(text, patterns);
        if (matches.Count == 0)
        {
            return null;
        }

        var first = matches[0];
        var start = 0;
        var end = text.Length;
        if (text.Length > Length)
        {
            var units = SearchText.Scan(text);
            start = Math.Clamp(first.Start - Before, 0, text.Length - Length);

            // Cut at the start of a unit (never inside a cluster or a word), at or before the match.
            var firstUnit = units.FindIndex(u => u.Start >= start);
            start = firstUnit < 0 ? first.Start : Math.Min(units[firstUnit].Start, first.Start);
            end = Math.Min(text.Length, start + Length);
            var lastUnit = units.FindLastIndex(u => u.End <= end);
            if (end < text.Length && lastUnit >= 0 && units[lastUnit].End > start)
            {
                end = units[lastUnit].End;
            }

            end = Math.Max(end, first.Start + first.Length);
        }

        var relative = new List<MatchRange>();
        foreach (var match in matches)
        {
            if (match.Start >= start && match.Start + match.Length <= end)
            {
                relative.Add(new MatchRange(match.Start - start, match.Length));
            }
        }

        return new SearchSnippet(field, text[start..end], start, end < text.Length, relative);
    }

    /// <summary>The beginning of a text, when the match is elsewhere (a title hit shown by its preamble).</summary>
    public static SearchSnippet Head(string field, string text)
    {
        if (text.Length <= Length)
        {
            return new SearchSnippet(field, text, 0, false, []);
        }

        var units = SearchText.Scan(text);
        var lastUnit = units.FindLastIndex(u => u.End <= Length);
        var end = lastUnit >= 0 ? units[lastUnit].End : Length;
        return new SearchSnippet(field, text[..end], 0, true, []);
    }

    private static bool Matches(string text, List<SearchUnit> units, int at, PatternElement[] pattern)
    {
        if (at + pattern.Length > units.Count)
        {
            return false;
        }

        for (var k = 0; k < pattern.Length; k++)
        {
            var unit = units[at + k];
            var element = pattern[k];
            if (element.IsKhmer)
            {
                if (!unit.IsKhmer || unit.Length != element.Term.Length
                    || string.CompareOrdinal(text, unit.Start, element.Term, 0, unit.Length) != 0)
                {
                    return false;
                }

                if (element.JoinsNext && units[at + k + 1].Run != unit.Run)
                {
                    return false;
                }
            }
            else if (unit.IsKhmer || unit.Word != element.Term)
            {
                return false;
            }
        }

        return true;
    }
}
