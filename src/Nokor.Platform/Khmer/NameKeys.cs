using System.Globalization;
using System.Text;

namespace Nokor.Platform.Khmer;

/// <summary>
/// The search keys stored with every name (DESIGN: names are "searched tolerant of encoding
/// variants and of romanization"). They are part of the data: they are stored in indexed columns,
/// so the rules below are deterministic and culture-independent, and changing a rule means
/// recomputing the keys of every stored person.
/// </summary>
public static class NameKeys
{
    private const char Coeng = '\u17D2';

    /// <summary>The Khmer key of a surname and a given name: the same as the key of both written together.</summary>
    public static string KhmerKey(string surnameKm, string givenNameKm)
    {
        ArgumentNullException.ThrowIfNull(surnameKm);
        ArgumentNullException.ThrowIfNull(givenNameKm);
        return KhmerKey(surnameKm + " " + givenNameKm);
    }

    /// <summary>
    /// The exact-match key of a Khmer name: <see cref="KhmerText.Normalize"/> (so the order the marks
    /// were typed in does not matter), every space removed ("សុខ ដារ៉ា" = "សុខដារ៉ា"), and the
    /// subscript DA (U+17D2 U+178A) written as the subscript TA (U+17D2 U+178F): the two subscripts
    /// are the same glyph, people type either, and the Khmer Label Generation Rules (ICANN Root Zone
    /// LGR, Khmer) treat them as variants.
    /// </summary>
    public static string KhmerKey(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var normalized = KhmerText.Normalize(fullName);
        var key = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            key.Append(c == '\u178A' && key.Length > 0 && key[^1] == Coeng ? '\u178F' : c);
        }

        return key.ToString();
    }

    /// <summary>The Latin key of a surname and a given name; see <see cref="LatinKey(string)"/>.</summary>
    public static string LatinKey(string surnameLatin, string givenNameLatin)
    {
        ArgumentNullException.ThrowIfNull(surnameLatin);
        ArgumentNullException.ThrowIfNull(givenNameLatin);
        return LatinKey(surnameLatin + " " + givenNameLatin);
    }

    /// <summary>
    /// A phonetic key for Latin spellings of Khmer names, which vary between the UNGEGN system
    /// (BGN/PCGN 1972), the older French-based spellings and what families chose for their papers.
    /// The name is split into words at spaces, hyphens, apostrophes, periods and commas; each word is
    /// keyed by the rules below, in this order; the word keys are joined without separator (so
    /// "Srey Mom" = "Sreymom" and "Sok-Dara" = "Sok Dara").
    /// <list type="number">
    /// <item>Case: lower case (invariant). Accents removed (Hêng = Heng, Sophéa = Sophea); every
    /// character that is not a letter a–z is dropped.</item>
    /// <item>"chh" → "ch": ឆ is written chh or ch (Chhan = Chan).</item>
    /// <item>Aspirates lose their h: "kh" → "k", "ph" → "p", "th" → "t" (Sokh = Sok, Phal = Pal,
    /// Vicheth = Vichet).</item>
    /// <item>"w" → "v" (Wanna = Vanna).</item>
    /// <item>A final "ov" → "ou" (Pov = Pou).</item>
    /// <item>"ou" and "oo" → "u" (Ouk = Uk, Pou = Pu).</item>
    /// <item>An "r" after "o" and before a consonant is silent: the French-era length mark
    /// (Sorn = Son, Morm = Mom). Before a vowel or at the end of the word it is kept (Borey, Kor).</item>
    /// <item>"y" after the first letter → "i" (Srey = Srei, Ly = Li, Chhay = Chhai); an initial
    /// y stays a consonant (Yim).</item>
    /// <item>An "h" after a vowel and not before one is silent (Darah = Dara, Sah = Sa); an initial
    /// h is kept (Heng ≠ Eng).</item>
    /// <item>Doubled letters are written once (Vanna = Vana, Kossal = Kosal, Chann = Chan).</item>
    /// </list>
    /// Vowel qualities are kept apart, so different names keep different keys: Sok ≠ Sak,
    /// Chan ≠ Chea ≠ Chen, Dara ≠ Dary, Seng ≠ Sing (ស៊ីង and សេង are different names).
    /// Known limit: an aspirate split by a space is not folded across words ("Sok Heng" keys as
    /// sok+heng, "Sokheng" as sokeng).
    /// </summary>
    public static string LatinKey(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var decomposed = fullName.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(fullName.Length);
        var letters = new StringBuilder(16);
        foreach (var word in decomposed.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            letters.Clear();
            foreach (var c in word)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                if (char.IsAsciiLetter(c))
                {
                    letters.Append(char.ToLowerInvariant(c));
                }
            }

            if (letters.Length > 0)
            {
                key.Append(WordKey(letters.ToString()));
            }
        }

        return key.ToString();
    }

    private static readonly char[] WordSeparators =
        [' ', '\t', '\n', '\r', '\u00A0', '-', '\u2010', '\u2011', '\'', '\u2019', '\u02BC', '`', '.', ',', '/'];

    private static string WordKey(string w)
    {
        w = w.Replace("chh", "ch", StringComparison.Ordinal)
             .Replace("kh", "k", StringComparison.Ordinal)
             .Replace("ph", "p", StringComparison.Ordinal)
             .Replace("th", "t", StringComparison.Ordinal)
             .Replace('w', 'v');
        if (w.EndsWith("ov", StringComparison.Ordinal))
        {
            w = w[..^2] + "ou";
        }

        w = w.Replace("ou", "u", StringComparison.Ordinal).Replace("oo", "u", StringComparison.Ordinal);

        var sb = new StringBuilder(w.Length);
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            if (c == 'r' && i > 0 && w[i - 1] == 'o' && i + 1 < w.Length && !IsVowel(w[i + 1]))
            {
                continue;
            }

            if (c == 'y' && i > 0)
            {
                c = 'i';
            }

            sb.Append(c);
        }

        w = sb.ToString();
        sb.Clear();
        for (var i = 0; i < w.Length; i++)
        {
            var c = w[i];
            if (c == 'h' && i > 0 && IsVowel(w[i - 1]) && (i + 1 == w.Length || !IsVowel(w[i + 1])))
            {
                continue;
            }

            if (sb.Length > 0 && sb[^1] == c)
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
