using System.Globalization;
using System.Text;

namespace Nokor.Platform.Khmer;

/// <summary>
/// The search keys stored with every name. They are part of the data: changing a rule means
/// recomputing the keys of every stored person.
/// </summary>
public static class NameKeys
{
    /// <summary>The Khmer name, normalized, without any space: "សុខ ដារ៉ា" and "សុខដារ៉ា" match.</summary>
    public static string KhmerKey(string surnameKm, string givenNameKm) => KhmerKey(surnameKm + givenNameKm);

    public static string KhmerKey(string fullName)
    {
        var normalized = KhmerText.Normalize(fullName);
        return string.Concat(normalized.Where(c => !char.IsWhiteSpace(c)));
    }

    public static string LatinKey(string surnameLatin, string givenNameLatin) => LatinKey(surnameLatin + " " + givenNameLatin);

    /// <summary>
    /// A phonetic key for Latin spellings of Khmer names, which vary between the UNGEGN system, the
    /// older French-based spellings and what families choose. Applied word by word, then joined:
    /// <list type="number">
    /// <item>lower case; accents removed; anything but letters dropped (so "Srey Mom" = "Sreymom");</item>
    /// <item>"chh" → "ch" (ឆ and ច are both written ch/chh);</item>
    /// <item>aspirates lose their h: kh → k, ph → p, th → t (Sokh = Sok, Vicheth = Vichet);</item>
    /// <item>w → v (Wanna = Vanna);</item>
    /// <item>final "ov" → "ou" (Pov = Pou);</item>
    /// <item>"ou" and "oo" → "u" (Ouk = Uk);</item>
    /// <item>y after the first letter → i (Srey = Srei, Ly = Li);</item>
    /// <item>an h after a vowel and not before one is silent (Darah = Dara);</item>
    /// <item>doubled letters are single (Vanna = Vana, Kossal = Kosal).</item>
    /// </list>
    /// Vowel qualities are kept apart (Sok ≠ Sak, Chan ≠ Chen), as are initial h (Heng ≠ Eng).
    /// </summary>
    public static string LatinKey(string fullName)
    {
        var decomposed = fullName.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(fullName.Length);
        foreach (var word in decomposed.Split([' ', '-', '\'', '’', '.', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new StringBuilder(word.Length);
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

            key.Append(WordKey(letters.ToString()));
        }

        return key.ToString();
    }

    private static string WordKey(string w)
    {
        if (w.Length == 0)
        {
            return w;
        }

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
        w = w[0] + w[1..].Replace('y', 'i');

        var sb = new StringBuilder(w.Length);
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
