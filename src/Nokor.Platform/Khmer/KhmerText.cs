using System.Text;

namespace Nokor.Platform.Khmer;

/// <summary>The outcome of <see cref="KhmerText.Validate"/>: valid, or the first problem and where it is.</summary>
/// <param name="IsValid">True when every Khmer syllable can be written.</param>
/// <param name="Error">A message naming the problem (English), or null when valid.</param>
/// <param name="Index">The position of the offending character in the normalized text, or null when valid.</param>
public sealed record KhmerValidation(bool IsValid, string? Error, int? Index)
{
    public static KhmerValidation Valid { get; } = new(true, null, null);
}

/// <summary>
/// Khmer text as the platform stores it. Khmer is encoded as orthographic syllables (a base
/// consonant or independent vowel followed by signs, subscripts and a dependent vowel), and
/// keyboards let people type those marks in several orders that display identically.
/// <see cref="Normalize"/> puts every syllable into one order, so that the same name typed
/// differently is stored, compared and found as the same string (DESIGN: "Khmer syllable
/// reordering as specified in the Unicode Khmer encoding model").
/// <para>
/// The order is the one of the Unicode Standard's Khmer syllable structure (chapter 16.4,
/// B {R|C} {S {R}}* {{Z} V} {O}; Unicode Technical Note #61 "Khmer Encoding Structure"; Microsoft's
/// Khmer OpenType shaping specification reorders to the same sequence):
/// </para>
/// <list type="number">
/// <item>the base: a consonant (U+1780–U+17A2) or an independent vowel (U+17A5–U+17B3);</item>
/// <item>the register shifters MUUSIKATOAN U+17C9 / TRIISAP U+17CA, then ROBAT U+17CC;</item>
/// <item>the subscripts, each COENG U+17D2 + consonant, in typed order except that the subscript RO
/// (U+17D2 U+179A) comes last (ស្ត្រី is S + ្ត + ្រ + ី);</item>
/// <item>the dependent vowel (U+17B6–U+17C5);</item>
/// <item>the other signs in code point order: NIKAHIT U+17C6, REAHMUK U+17C7, YUUKALEAPINTU U+17C8,
/// BANTOC U+17CB, U+17CD–U+17D1, ATTHACAN U+17DD.</item>
/// </list>
/// </summary>
public static class KhmerText
{
    private const char Coeng = '\u17D2';
    private const char Ro = '\u179A';

    /// <summary>A character of the Khmer (U+1780–U+17FF) or Khmer Symbols (U+19E0–U+19FF) blocks.</summary>
    public static bool IsKhmer(char c) => c is >= '\u1780' and <= '\u17FF' or >= '\u19E0' and <= '\u19FF';

    /// <summary>True when the text has at least one Khmer character.</summary>
    public static bool ContainsKhmer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (IsKhmer(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A consonant or independent vowel: a character that starts a syllable.</summary>
    public static bool IsBase(char c) => c is >= '\u1780' and <= '\u17B3';

    /// <summary>Any character that must follow a base in the same syllable.</summary>
    public static bool IsCombining(char c) => c is >= '\u17B4' and <= '\u17D3' or '\u17DD';

    private static bool IsShifterOrRobat(char c) => c is '\u17C9' or '\u17CA' or '\u17CC';

    private static bool IsShifter(char c) => c is '\u17C9' or '\u17CA';

    private static bool IsDependentVowel(char c) => c is >= '\u17B6' and <= '\u17C5';

    /// <summary>
    /// Format characters that carry no meaning in a name. ZWSP U+200B marks word breaks, which a
    /// name does not need. ZWNJ U+200C and ZWJ U+200D only choose between renderings (for example of
    /// a register shifter over an upper vowel, Unicode 16.4) and never change which name is
    /// written, so they are dropped too. Also WORD JOINER, ZERO WIDTH NO-BREAK SPACE (BOM) and
    /// SOFT HYPHEN.
    /// </summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    /// <summary>
    /// Trims, collapses every run of white space to one space, applies NFC, drops invisible format
    /// characters and the discouraged inherent vowels U+17B4/U+17B5, replaces the deprecated
    /// characters by their recommended spellings (U+17A3 → U+17A2, U+17A4 → U+17A2 U+17B6,
    /// U+17D8 → U+17D4 U+179B U+17D4), composes the split vowels people type as two halves
    /// (េ + ី → ើ U+17BE, េ + ា → ោ U+17C4) and reorders each syllable's marks into the canonical
    /// order described on the class. Text that is not Khmer is only trimmed, collapsed and NFC'd.
    /// Idempotent: Normalize(Normalize(x)) == Normalize(x).
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsInvisible(c) || c is '\u17B4' or '\u17B5')
            {
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

        // NFC after the clean-up: dropping an invisible character can bring two marks together.
        var result = cleaned.ToString().Normalize(NormalizationForm.FormC);
        if (!ContainsKhmer(result))
        {
            return result;
        }

        // Reordering never breaks NFC for well-formed Khmer (Khmer letters have no decompositions
        // and the only reorderable marks, COENG and ATTHACAN, come out in combining-class order).
        // Malformed input mixing Khmer with other combining marks can: repeat until stable.
        result = ReorderSyllables(result);
        for (var pass = 0; pass < 8 && !result.IsNormalized(NormalizationForm.FormC); pass++)
        {
            result = ReorderSyllables(result.Normalize(NormalizationForm.FormC));
        }

        return result;
    }

    private static string ReorderSyllables(string s)
    {
        var output = new StringBuilder(s.Length);
        var shifters = new List<char>();
        var subscripts = new List<char>();
        var subscriptRo = 0;
        var vowels = new List<char>();
        var signs = new List<char>();
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

            if (!IsBase(c))
            {
                // Marks with no base (invalid; Validate reports them) are kept as typed.
                output.Append(c);
                i++;
                continue;
            }

            // One syllable: the base and the marks after it.
            output.Append(c);
            i++;

            shifters.Clear();
            subscripts.Clear();
            subscriptRo = 0;
            vowels.Clear();
            signs.Clear();
            var strayCoeng = 0;
            while (i < s.Length && IsCombining(s[i]))
            {
                var m = s[i];
                if (m == Coeng)
                {
                    if (i + 1 < s.Length && IsBase(s[i + 1]))
                    {
                        if (s[i + 1] == Ro)
                        {
                            subscriptRo++;
                        }
                        else
                        {
                            subscripts.Add(s[i + 1]);
                        }

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

            // A coeng with no consonant after it (invalid; Validate reports it) stays in the
            // syllable, right after the base: followed by another mark, never by a consonant, it
            // stays stray on a second pass.
            output.Append(Coeng, strayCoeng);
            shifters.Sort();
            foreach (var m in shifters)
            {
                output.Append(m);
            }

            foreach (var sub in subscripts)
            {
                output.Append(Coeng).Append(sub);
            }

            for (var r = 0; r < subscriptRo; r++)
            {
                output.Append(Coeng).Append(Ro);
            }

            AppendVowels(output, vowels);
            signs.Sort();
            foreach (var m in signs)
            {
                output.Append(m);
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// The split vowels ើ (U+17BE) and ោ (U+17C4) look like the vowel E (U+17C1) followed by II
    /// (U+17B8) or AA (U+17B6), and legacy habits type them that way (in either order once the
    /// marks are mixed up); Unicode asks for the single characters.
    /// </summary>
    private static void AppendVowels(StringBuilder output, List<char> vowels)
    {
        if (vowels.Count == 2 && vowels.Contains('\u17C1'))
        {
            var other = vowels[0] == '\u17C1' ? vowels[1] : vowels[0];
            if (other == '\u17B8')
            {
                output.Append('\u17BE');
                return;
            }

            if (other == '\u17B6')
            {
                output.Append('\u17C4');
                return;
            }
        }

        foreach (var v in vowels)
        {
            output.Append(v);
        }
    }

    /// <summary>
    /// Normalizes the text and checks it for Khmer that cannot be a written syllable: a mark with
    /// no base to sit on (at the start, or after a space, a digit, punctuation or a Latin letter),
    /// a coeng not followed by a consonant, two dependent vowels or two register shifters in one
    /// syllable, more than two subscripts, or a control character. Used to refuse input with
    /// "unpaired Khmer combining marks" (400 naming the field) instead of storing text no font can
    /// render and no search can find.
    /// </summary>
    public static KhmerValidation Validate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ValidateNormalized(Normalize(text));
    }

    /// <summary>Like <see cref="Validate"/>, as a try-pattern; <paramref name="error"/> is "" when valid.</summary>
    public static bool TryValidate(string text, out string error)
    {
        var result = Validate(text);
        error = result.Error ?? "";
        return result.IsValid;
    }

    private static KhmerValidation ValidateNormalized(string text)
    {
        var hasBase = false;
        var vowels = 0;
        var shifters = 0;
        var subscripts = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                return new(false, $"The text contains the control character U+{(int)c:X4}.", i);
            }

            if (IsBase(c))
            {
                hasBase = true;
                vowels = 0;
                shifters = 0;
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
                return new(false, $"The Khmer mark U+{(int)c:X4} has no consonant or independent vowel before it to combine with.", i);
            }

            if (c == Coeng)
            {
                if (i + 1 >= text.Length || !IsBase(text[i + 1]))
                {
                    return new(false, "A coeng (U+17D2) must be followed by the consonant it places below.", i);
                }

                if (++subscripts > 2)
                {
                    return new(false, "A Khmer syllable has at most two subscript consonants.", i);
                }

                i++;
                continue;
            }

            if (IsDependentVowel(c) && ++vowels > 1)
            {
                return new(false, "A Khmer syllable has two dependent vowels.", i);
            }

            if (IsShifter(c) && ++shifters > 1)
            {
                return new(false, "A Khmer syllable has two register shifters (U+17C9/U+17CA).", i);
            }
        }

        return KhmerValidation.Valid;
    }
}
