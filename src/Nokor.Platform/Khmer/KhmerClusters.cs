namespace Nokor.Platform.Khmer;

/// <summary>
/// Splits Khmer text into orthographic syllables (clusters): a base (consonant or independent
/// vowel) with every mark that belongs to it, subscripts (COENG + consonant) included, as the
/// Unicode Khmer encoding model describes. Khmer is written without spaces between words, so a
/// cluster is the smallest unit that search and comparison can align on without cutting a written
/// letter in half. Call on normalized text (<see cref="KhmerText.Normalize"/>).
/// </summary>
public static class KhmerClusters
{
    private const char Coeng = '\u17D2';

    /// <summary>
    /// The length of the unit that starts at <paramref name="text"/>[0]: a whole cluster when it
    /// starts with a Khmer base, otherwise one character (a stray mark, a digit, any other script).
    /// </summary>
    public static int Length(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        if (!KhmerText.IsBase(text[0]))
        {
            return 1;
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
            else if (KhmerText.IsCombining(c) || c is '\u200C' or '\u200D')
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

    /// <summary>The clusters of every Khmer run in the text, in order; anything else is skipped.</summary>
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
