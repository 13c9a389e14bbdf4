using System.Globalization;
using Nokor.Platform.Khmer;

namespace Nokor.Platform.Pdf;

/// <summary>
/// Splits text into the units a line may be broken between. Outside Khmer these are Unicode
/// extended grapheme clusters. Khmer needs more: UAX #29 ends a cluster before the consonant that
/// follows a COENG (U+17D2), but base + COENG + subscript consonant(s) + vowel signs and other
/// marks are drawn as one stack, so here a Khmer cluster runs from a base character through every
/// following mark, each COENG taking the consonant after it along.
/// </summary>
internal static class TextClusters
{
    public const char Coeng = '\u17D2';
    public const char ZeroWidthSpace = '\u200B';
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>The (start, length) of every cluster of <paramref name="text"/>, in order.</summary>
    public static List<(int Start, int Length)> Split(string text)
    {
        var clusters = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (KhmerText.IsKhmer(text[i]))
            {
                i++;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == Coeng && i + 1 < text.Length && KhmerText.IsBase(text[i + 1]))
                    {
                        i += 2;
                    }
                    else if (KhmerText.IsCombining(c) || c is ZeroWidthJoiner or ZeroWidthNonJoiner)
                    {
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }
            }
            else
            {
                i += Math.Max(1, StringInfo.GetNextTextElementLength(text, i));
            }

            clusters.Add((start, i - start));
        }

        return clusters;
    }

    /// <summary>Whether a line may end after this cluster without breaking a word: spaces and ZERO WIDTH SPACE.</summary>
    public static bool IsWordBreakAfter(ReadOnlySpan<char> cluster) =>
        cluster.Length > 0 && (cluster[^1] == ZeroWidthSpace || (char.IsWhiteSpace(cluster[^1]) && cluster[^1] != '\u00A0'));

    /// <summary>Trailing spaces and zero-width spaces, which take no room at the end of a line.</summary>
    public static string TrimLineEnd(string line) => line.TrimEnd(' ', '\t', ZeroWidthSpace);
}
