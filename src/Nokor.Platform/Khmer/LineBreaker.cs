namespace Nokor.Platform.Khmer;

/// <summary>
/// The one line breaker of the platform, used by PDF text (<c>Pdf.TextRenderer</c>) and chart
/// labels (<c>Charts.ChartLayout</c>) alike. Lines break after spaces and ZERO WIDTH SPACE (the
/// Khmer word boundary: Khmer puts no spaces between words), filling each line greedily; a run of
/// spaces stays with the word before it and takes no room at the end of a line. A word too wide
/// for a line on its own is broken between clusters (<see cref="KhmerClusters"/>), never inside a
/// Khmer syllable, and every line gets at least one cluster. No dictionary-based Khmer word
/// segmentation is attempted: authors mark the word boundaries with ZERO WIDTH SPACE.
/// </summary>
internal static class LineBreaker
{
    public const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// The lines of one paragraph (no line feeds), each as it is drawn (without trailing spaces);
    /// none for empty text. <paramref name="fits"/> says whether a line is narrow enough.
    /// <paramref name="wholeWords"/> is false when a word had to be broken between clusters.
    /// </summary>
    public static List<string> Break(string paragraph, Func<string, bool> fits, out bool wholeWords)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        ArgumentNullException.ThrowIfNull(fits);
        wholeWords = true;
        var lines = new List<string>();
        var clusters = KhmerClusters.Bounds(paragraph);

        string Slice(int from, int to) =>
            paragraph.Substring(clusters[from].Start, clusters[to - 1].Start + clusters[to - 1].Length - clusters[from].Start);

        bool Fits(int from, int to) => fits(TrimLineEnd(Slice(from, to)));

        int NextWordEnd(int from)
        {
            var i = from;
            while (i < clusters.Count)
            {
                var (start, length) = clusters[i++];
                if (IsWordBreakAfter(paragraph.AsSpan(start, length)))
                {
                    // Keep a run of spaces together with the word before them.
                    while (i < clusters.Count && IsWordBreakAfter(paragraph.AsSpan(clusters[i].Start, clusters[i].Length)))
                    {
                        i++;
                    }

                    break;
                }
            }

            return i;
        }

        var lineStart = 0;
        while (lineStart < clusters.Count)
        {
            var end = -1;
            var wordEnd = NextWordEnd(lineStart);
            while (Fits(lineStart, wordEnd))
            {
                end = wordEnd;
                if (wordEnd == clusters.Count)
                {
                    break;
                }

                wordEnd = NextWordEnd(wordEnd);
            }

            if (end < 0)
            {
                // The first word alone is too wide: put as many whole clusters as fit (at least one).
                wholeWords = false;
                end = lineStart + 1;
                while (end < wordEnd && Fits(lineStart, end + 1))
                {
                    end++;
                }
            }

            lines.Add(TrimLineEnd(Slice(lineStart, end)));
            lineStart = end;
        }

        return lines;
    }

    /// <summary>Whether a line may end after this cluster without breaking a word: spaces (not NO-BREAK SPACE) and ZERO WIDTH SPACE.</summary>
    public static bool IsWordBreakAfter(ReadOnlySpan<char> cluster) =>
        cluster.Length > 0 && (cluster[^1] == ZeroWidthSpace || (char.IsWhiteSpace(cluster[^1]) && cluster[^1] != '\u00A0'));

    /// <summary>Trailing spaces and zero-width spaces, which take no room at the end of a line.</summary>
    public static string TrimLineEnd(string line) => line.TrimEnd(' ', '\t', ZeroWidthSpace);
}
