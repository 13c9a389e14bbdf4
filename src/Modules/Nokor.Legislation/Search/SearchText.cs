using System.Globalization;
using Lucene.Net.Analysis.Miscellaneous;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Search;

/// <summary>One searchable unit of a text: a Khmer cluster or a folded non-Khmer word.</summary>
/// <param name="Start">Offset of the unit's first character in the scanned text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Run">For a Khmer cluster, the number of the Khmer run it belongs to (clusters of one
/// run are adjacent for search even across spaces); 0 for a word.</param>
/// <param name="Word">For a word, its folded form (lower case, ASCII-folded, digits as 0-9); null for a cluster.</param>
internal readonly record struct SearchUnit(int Start, int End, int Run, string? Word)
{
    public bool IsKhmer => Word is null;

    public int Length => End - Start;
}

/// <summary>
/// The one place that decides how text is cut into searchable units. The analyzer (index side),
/// the query parser and the snippet highlighter all call <see cref="Scan(string)"/>, so a query term, an
/// indexed term and a highlighted range are always the same piece of text.
/// <para>
/// Khmer is written without spaces between words and with spaces placed by feel between phrases,
/// so a word cannot be recognised by its boundaries. Instead every Khmer run is cut into
/// orthographic clusters (<see cref="KhmerClusters"/>), which never cut a letter in half, and
/// search looks for the query's clusters in sequence. White space and invisible format characters
/// (ZWSP, ZWNJ, ZWJ, WORD JOINER) do not end a Khmer run: "ច្បាប់ នេះ" and "ច្បាប់នេះ" are the same
/// run. Khmer punctuation (។ ៕ ៖ ៗ …), digits and other scripts do end it.
/// </para>
/// <para>
/// Everything else that is a letter, digit or combining mark forms words, folded to lower case
/// and ASCII (the folding table of Lucene's ASCIIFoldingFilter: "Décret" → "decret"), with every
/// decimal digit (Khmer ០-៩ included) written as 0-9 so that "មាត្រា ១២" and "Article 12" share
/// the term "12".
/// </para>
/// </summary>
internal static class SearchText
{
    public static List<SearchUnit> Scan(string text)
    {
        var units = new List<SearchUnit>(text.Length / 3 + 4);
        Scan(text, units);
        return units;
    }

    /// <summary>Appends the units of <paramref name="text"/> (normalized with KhmerText.Normalize) to <paramref name="units"/>.</summary>
    public static void Scan(string text, List<SearchUnit> units)
    {
        var run = 0;
        var inKhmer = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (KhmerText.IsBase(c))
            {
                if (!inKhmer)
                {
                    run++;
                    inKhmer = true;
                }

                var length = KhmerClusters.Length(text.AsSpan(i));
                units.Add(new SearchUnit(i, i + length, run, null));
                i += length;
            }
            else if (KhmerText.IsCombining(c) || IsSpaceLike(c))
            {
                // A stray mark (invalid Khmer) or spacing: skipped, and the run goes on.
                i++;
            }
            else if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                units.Add(new SearchUnit(start, i, 0, Fold(text.AsSpan(start, i - start))));
                inKhmer = false;
            }
            else
            {
                inKhmer = false;
                i++;
            }
        }
    }

    /// <summary>The indexed term of a cluster: its characters.</summary>
    public static string Cluster(string text, SearchUnit unit) => text.Substring(unit.Start, unit.Length);

    /// <summary>The indexed term of two adjacent clusters of a run (the text between them, a space, is left out).</summary>
    public static string Bigram(string text, SearchUnit first, SearchUnit second) =>
        string.Concat(text.AsSpan(first.Start, first.Length), text.AsSpan(second.Start, second.Length));

    private static bool IsSpaceLike(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>
    /// A character of a non-Khmer word: a letter, a decimal digit (Khmer digits included) or a
    /// combining mark of another script. Other Khmer characters (punctuation, the repetition sign
    /// ៗ, lunar-date digits, symbols) are separators.
    /// </summary>
    private static bool IsWordChar(char c)
    {
        if (KhmerText.IsKhmer(c))
        {
            return KhmerNumerals.IsKhmerDigit(c);
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }

    private static string Fold(ReadOnlySpan<char> word)
    {
        var ascii = true;
        foreach (var c in word)
        {
            if (c > '\u007F')
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return string.Create(word.Length, word.ToString(), static (span, s) => s.AsSpan().ToLowerInvariant(span));
        }

        var lowered = new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            lowered[i] = char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : char.ToLowerInvariant(c);
        }

        // One character folds to at most four (e.g. "⑽" → "(10)").
        var folded = new char[word.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lowered, 0, folded, 0, lowered.Length);
        return new string(folded, 0, length);
    }
}
