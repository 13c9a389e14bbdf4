using System.Text;

namespace Nokor.Platform.Khmer;

/// <summary>
/// Khmer text as the platform stores it. Khmer is encoded as syllables (a base consonant or
/// independent vowel followed by signs, subscripts and a dependent vowel), and keyboards let people
/// type those marks in several orders that display identically. <see cref="Normalize"/> puts every
/// syllable into one order, so that the same name typed differently is stored, compared and found
/// as the same string (DESIGN: "Khmer syllable reordering as specified in the Unicode Khmer
/// encoding model"). The order follows the Unicode Standard's Khmer syllable structure
/// B {R|C} {S {R}}* {V} {O}: base, register shifter or robat, subscripts (coeng + consonant, with
/// the subscript RO last), dependent vowel, other signs.
/// </summary>
public static class KhmerText
{
    private const char Coeng = '\u17D2';
    private const char Ro = '\u179A';

    public static bool IsKhmer(char c) => c is >= '\u1780' and <= '\u17FF' or >= '\u19E0' and <= '\u19FF';

    public static bool ContainsKhmer(string text) => text.Any(IsKhmer);

    /// <summary>A consonant or independent vowel: a character that starts a syllable.</summary>
    public static bool IsBase(char c) => c is >= '\u1780' and <= '\u17B3';

    private static bool IsShifterOrRobat(char c) => c is '\u17C9' or '\u17CA' or '\u17CC';

    private static bool IsDependentVowel(char c) => c is >= '\u17B6' and <= '\u17C5';

    /// <summary>Any character that must follow a base in the same syllable.</summary>
    public static bool IsCombining(char c) => c is >= '\u17B4' and <= '\u17D3' or '\u17DD';

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>
    /// Trims, collapses whitespace to single spaces, applies NFC, drops invisible joiners and
    /// spaces, replaces deprecated characters by their recommended spellings, composes the split
    /// vowels people type (េ + ី → ើ, េ + ា → ោ) and reorders each syllable's marks.
    /// Idempotent: Normalize(Normalize(x)) == Normalize(x).
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = text.Normalize(NormalizationForm.FormC);
        var cleaned = new StringBuilder(source.Length);
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (IsInvisible(c) || c is '\u17B4' or '\u17B5')
            {
                // Zero-width characters and the inherent vowels U+17B4/U+17B5 (discouraged by
                // Unicode) carry nothing in a name.
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = cleaned.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                cleaned.Append(' ');
                pendingSpace = false;
            }

            switch (c)
            {
                case '\u17A3': // deprecated KHMER INDEPENDENT VOWEL QAQ: use U+17A2
                    cleaned.Append('\u17A2');
                    break;
                case '\u17A4': // deprecated KHMER INDEPENDENT VOWEL QAA: use U+17A2 U+17B6
                    cleaned.Append('\u17A2').Append('\u17B6');
                    break;
                case '\u17D8': // deprecated BEYYAL: use U+17D4 U+179B U+17D4
                    cleaned.Append('\u17D4').Append('\u179B').Append('\u17D4');
                    break;
                default:
                    cleaned.Append(c);
                    break;
            }
        }

        return ReorderSyllables(cleaned.ToString());
    }

    private static string ReorderSyllables(string s)
    {
        if (!s.Any(IsKhmer))
        {
            return s;
        }

        var output = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (!IsBase(c) && !IsCombining(c))
            {
                output.Append(c);
                i++;
                continue;
            }

            // One syllable: an optional base and the marks that follow it.
            var start = i;
            if (IsBase(c))
            {
                i++;
            }

            var shifters = new List<char>();
            var subscripts = new List<(char Coeng, char Consonant)>();
            var vowels = new List<char>();
            var signs = new List<char>();
            var strayCoeng = 0;
            while (i < s.Length && IsCombining(s[i]))
            {
                var m = s[i];
                if (m == Coeng)
                {
                    if (i + 1 < s.Length && IsBase(s[i + 1]))
                    {
                        subscripts.Add((Coeng, s[i + 1]));
                        i += 2;
                        continue;
                    }

                    strayCoeng++;
                }
                else if (IsShifterOrRobat(m))
                {
                    shifters.Add(m);
                }
                else if (IsDependentVowel(m))
                {
                    vowels.Add(m);
                }
                else
                {
                    signs.Add(m);
                }

                i++;
            }

            if (start < s.Length && IsBase(s[start]))
            {
                output.Append(s[start]);
            }

            shifters.Sort();
            output.Append(shifters.ToArray());
            // The subscript RO is written last among the subscripts; the others keep their order.
            foreach (var sub in subscripts.Where(x => x.Consonant != Ro).Concat(subscripts.Where(x => x.Consonant == Ro)))
            {
                output.Append(sub.Coeng).Append(sub.Consonant);
            }

            output.Append(ComposeVowels(vowels));
            signs.Sort();
            output.Append(signs.ToArray());
            output.Append(Coeng, strayCoeng);
        }

        return output.ToString();
    }

    /// <summary>The two-part vowels typed as their halves become the single characters.</summary>
    private static string ComposeVowels(List<char> vowels)
    {
        if (vowels.Count < 2)
        {
            return new string(vowels.ToArray());
        }

        var text = new string(vowels.ToArray());
        text = text.Replace("\u17C1\u17B8", "\u17BE", StringComparison.Ordinal)
                   .Replace("\u17B8\u17C1", "\u17BE", StringComparison.Ordinal)
                   .Replace("\u17C1\u17B6", "\u17C4", StringComparison.Ordinal)
                   .Replace("\u17B6\u17C1", "\u17C4", StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// Checks normalized text for Khmer that cannot be a written syllable: a mark with no consonant
    /// to sit on, a coeng with nothing under it, two dependent vowels in one syllable, more than
    /// two subscripts, or control characters.
    /// </summary>
    public static bool TryValidate(string text, out string error)
    {
        error = "";
        var hasBase = false;
        var vowels = 0;
        var subscripts = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                error = "The text contains a control character.";
                return false;
            }

            if (IsBase(c))
            {
                hasBase = true;
                vowels = 0;
                subscripts = 0;
                continue;
            }

            if (!IsCombining(c))
            {
                hasBase = false;
                continue;
            }

            if (!hasBase)
            {
                error = $"The Khmer mark U+{(int)c:X4} has no consonant before it to combine with.";
                return false;
            }

            if (c == Coeng)
            {
                if (i + 1 >= text.Length || !IsBase(text[i + 1]))
                {
                    error = "A coeng (U+17D2) must be followed by the consonant it places below.";
                    return false;
                }

                if (++subscripts > 2)
                {
                    error = "A Khmer syllable has at most two subscript consonants.";
                    return false;
                }

                i++;
                continue;
            }

            if (IsDependentVowel(c) && ++vowels > 1)
            {
                error = "A Khmer syllable has two dependent vowels.";
                return false;
            }
        }

        return true;
    }
}
