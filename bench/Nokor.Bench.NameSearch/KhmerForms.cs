using System.Text;

namespace Nokor.Bench.NameSearch;

/// <summary>
/// Other ways of typing the same Khmer name that render (nearly) the same on screen: what comes
/// out of copy-paste from Word or a web page (zero-width space as the word separator, a stray
/// zero-width non-joiner), of keyboards and fonts that accept the two-key forms of the composite
/// vowels (ោ typed as េ + ា, ើ as េ + ី — the sequences the Unicode Standard's Khmer section asks
/// encoders not to use but that still occur), of typists who press the marks in the order they
/// see them (the register shifters ៉ ៊ after the vowel, ំ before the vowel under it), and of
/// spacing habits (no space, since Khmer writes no spaces between words, or two).
/// Written from the Unicode Khmer block and from how clerks type, not from the search code.
/// </summary>
internal static class KhmerForms
{
    public const char Zwsp = '\u200B';
    public const char Zwnj = '\u200C';
    private const char Coeng = '\u17D2';
    private const char VowelE = '\u17C1';   // េ
    private const char VowelAa = '\u17B6';  // ា
    private const char VowelIi = '\u17B8';  // ី
    private const char VowelOo = '\u17C4';  // ោ = េ + ា on screen
    private const char VowelOe = '\u17BE';  // ើ = េ + ី on screen

    public static bool IsConsonant(char c) => c is >= '\u1780' and <= '\u17A2';

    public static bool IsIndependentVowel(char c) => c is >= '\u17A3' and <= '\u17B3';

    public static bool IsDependentVowel(char c) => c is >= '\u17B6' and <= '\u17C5';

    /// <summary>The marks a typist may press in another order: vowels, ំ, ៉, ៊, ់.</summary>
    private static bool IsMovableMark(char c) => IsDependentVowel(c) || c is '\u17C6' or '\u17C9' or '\u17CA' or '\u17CB';

    /// <summary>Positions inside a word where a new orthographic cluster starts (a consonant or an
    /// independent vowel not written under the one before it).</summary>
    private static List<int> ClusterStarts(string word)
    {
        var starts = new List<int>();
        for (var i = 1; i < word.Length; i++)
        {
            if ((IsConsonant(word[i]) || IsIndependentVowel(word[i])) && word[i - 1] != Coeng)
            {
                starts.Add(i);
            }
        }

        return starts;
    }

    /// <summary>Inserts <paramref name="mark"/> as a copy-paste would: in place of the space between
    /// the words, or at a cluster boundary inside one of the two words.</summary>
    public static string InsertInvisible(string surname, string given, char mark, Random rng)
    {
        var inSurname = ClusterStarts(surname);
        var inGiven = ClusterStarts(given);
        var choice = rng.Next(3);
        if (choice == 1 && inGiven.Count > 0)
        {
            var at = inGiven[rng.Next(inGiven.Count)];
            return surname + " " + given.Insert(at, mark.ToString());
        }

        if (choice == 2 && inSurname.Count > 0)
        {
            var at = inSurname[rng.Next(inSurname.Count)];
            return surname.Insert(at, mark.ToString()) + " " + given;
        }

        // Khmer text from the web separates words with a zero-width space and no visible space;
        // with ZWNJ, keep the space and add the mark after it.
        return mark == Zwsp ? surname + mark + given : surname + " " + mark + given;
    }

    /// <summary>ោ written as េ + ា and ើ as េ + ី; null when the name has neither vowel.</summary>
    public static string? SplitVowels(string fullName, Random rng)
    {
        var positions = new List<int>();
        for (var i = 0; i < fullName.Length; i++)
        {
            if (fullName[i] is VowelOo or VowelOe)
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            return null;
        }

        // One or all of them, as a given keyboard does it every time.
        var all = rng.Next(2) == 0;
        var sb = new StringBuilder(fullName.Length + positions.Count);
        var chosen = positions[rng.Next(positions.Count)];
        for (var i = 0; i < fullName.Length; i++)
        {
            var c = fullName[i];
            if ((all || i == chosen) && c == VowelOo)
            {
                sb.Append(VowelE).Append(VowelAa);
            }
            else if ((all || i == chosen) && c == VowelOe)
            {
                sb.Append(VowelE).Append(VowelIi);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Two neighbouring marks of one cluster pressed in the other order (a register
    /// shifter after the vowel, ំ before the vowel, ់ before a shifter); never two vowels.
    /// Null when no cluster has two such marks.</summary>
    public static string? ReorderMarks(string fullName, Random rng)
    {
        var pairs = new List<int>();
        for (var i = 0; i + 1 < fullName.Length; i++)
        {
            var a = fullName[i];
            var b = fullName[i + 1];
            if (IsMovableMark(a) && IsMovableMark(b) && a != b && !(IsDependentVowel(a) && IsDependentVowel(b)))
            {
                pairs.Add(i);
            }
        }

        if (pairs.Count == 0)
        {
            return null;
        }

        var at = pairs[rng.Next(pairs.Count)];
        var chars = fullName.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }

    // Pieces of Khmer syllables for names that are not in the registry: an initial consonant
    // (sometimes with a subscript), a dependent vowel and an optional final consonant.
    private static readonly string[] Initials =
    [
        "ក", "ខ", "គ", "ឃ", "ង", "ច", "ឆ", "ជ", "ឈ", "ញ", "ដ", "ត", "ថ", "ទ", "ធ", "ន", "ប", "ផ", "ព", "ភ",
        "ម", "យ", "រ", "ល", "វ", "ស", "ហ", "អ", "ស្រ", "ក្រ", "ព្រ", "ត្រ", "ខ្ល", "ផ្ន", "ស្វ", "ថ្ល",
    ];

    private static readonly string[] Vowels =
    [
        "ា", "ិ", "ី", "ឹ", "ឺ", "ុ", "ូ", "ួ", "ើ", "ឿ", "ៀ", "េ", "ែ", "ៃ", "ោ", "ៅ", "ុំ", "ាំ",
    ];

    private static readonly string[] Finals = ["", "", "ន", "ង", "ម", "ត", "ក", "ច", "ញ", "ល", "ស", "ប", "ន់", "ង់", "ក់"];

    /// <summary>A Khmer-looking name (one-syllable surname, two-syllable given name) whose surname
    /// and given name are both absent from the registry.</summary>
    public static (string Surname, string Given) Negative(RegistryNames registry, Random rng)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var surname = Syllable(rng);
            var given = Syllable(rng) + Syllable(rng);
            if (!registry.Khmer.Contains(surname) && !registry.Khmer.Contains(given))
            {
                return (surname, given);
            }
        }

        throw new InvalidOperationException("No Khmer name outside the registry found in 10,000 draws.");
    }

    private static string Syllable(Random rng)
    {
        var vowel = Vowels[rng.Next(Vowels.Length)];
        // Vowels ending in ំ take no final consonant.
        var final = vowel.EndsWith('\u17C6') ? "" : Finals[rng.Next(Finals.Length)];
        return Initials[rng.Next(Initials.Length)] + vowel + final;
    }
}
