using System.Globalization;

namespace Nokor.Platform.Khmer;

/// <summary>
/// Splits text into clusters, the smallest units that may not be cut: search and comparison align
/// on them, truncation stops between them, and lines of PDF text and chart labels break between
/// them. Khmer is written without spaces between words, so a cluster is the smallest unit that
/// can be handled without cutting a written letter in half.
/// <para>
/// A Khmer cluster is an orthographic syllable as the Unicode Khmer encoding model describes it:
/// a base (consonant or independent vowel) with every mark that belongs to it, subscripts
/// (COENG + consonant) included. UAX #29 would end a cluster before the consonant that follows a
/// COENG (U+17D2), but base + COENG + subscript consonant(s) + vowel signs and other marks are
/// drawn as one stack, so here a Khmer cluster runs from a Khmer character through every following
/// mark, each COENG taking the consonant after it along. Outside Khmer a cluster is a Unicode
/// extended grapheme cluster (a surrogate pair, a letter with its combining accents), which the
/// PDF shaper must never split. Call on normalized text (<see cref="KhmerText.Normalize"/>).
/// </para>
/// </summary>
public static class KhmerClusters
{
    internal const char Coeng = '\u17D2';
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>
    /// The length of the cluster that starts at <paramref name="text"/>[0]: a whole Khmer cluster
    /// when it starts with a Khmer character (a base takes its marks and subscripts along; a stray
    /// mark, a digit or a sign takes only the marks that follow it), otherwise one extended grapheme
    /// cluster of another script.
    /// </summary>
    public static int Length(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        if (!KhmerText.IsKhmer(text[0]))
        {
            return Math.Max(1, StringInfo.GetNextTextElementLength(text));
        }

        var i = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == Coeng)
            {
                // COENG makes the next consonant a subscript of this cluster.
                i += i + 1 < text.Length && KhmerText.IsBase(text[i + 1]) ? 2 : 1;
            }
            else if (KhmerText.IsCombining(c) || c is ZeroWidthNonJoiner or ZeroWidthJoiner)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The (start, length) of every cluster of <paramref name="text"/>, in order, covering the whole text.</summary>
    public static List<(int Start, int Length)> Bounds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clusters = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var length = Length(text.AsSpan(i));
            clusters.Add((i, length));
            i += length;
        }

        return clusters;
    }

    /// <summary>The syllables of every Khmer run in the text (clusters that start with a base), in order; anything else is skipped.</summary>
    public static List<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clusters = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var length = Length(text.AsSpan(i));
            if (KhmerText.IsBase(text[i]))
            {
                clusters.Add(text.Substring(i, length));
            }

            i += length;
        }

        return clusters;
    }
}
