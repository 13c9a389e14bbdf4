using System.Text.RegularExpressions;

namespace Nokor.Bench.NameSearch;

/// <summary>
/// Another common romanization of the same Khmer name. Cambodian names reach the registry in
/// several Latin spellings of one Khmer sound: the UNGEGN system (the BGN/PCGN 1972 Khmer table
/// adopted by the UN group of experts on geographical names), the ALA-LC Khmer romanization table
/// of the Library of Congress, French-era spellings on colonial and Sangkum-era papers (ou for /u/,
/// final h and r, ch/chh, ey), and the everyday spellings of passports, school rolls and Facebook
/// (Chea/Chia, Thoeun/Theun, Pheap/Pheab, Sovann/Sowann, Srey/Srei). Each rule below is one
/// alternation seen between those spellings of the same Khmer letter or vowel, with examples of
/// real name pairs; a query applies one or two of them to the surname, the given name or both.
/// Written from those tables and from names as they are written, not from the search code.
/// </summary>
internal static class Romanization
{
    /// <summary>One alternation: where it applies in a lower-case word and what it may become.</summary>
    /// <param name="KhmerLetters">When set, the rule is a difference between the systems for these
    /// Khmer letters only (ALA-LC transliterates គ as g, ជ as j, ទ as d, ប as b where UNGEGN writes
    /// k, ch, t and b/p by sound), so it applies only to a name whose Khmer spelling has one of them.</param>
    internal sealed record Rule(string Name, string Example, (Regex Where, string[] Into)[] Ways, string? KhmerLetters = null);

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant);

    private const string Consonant = "[bcdfghjklmnpqrstvwxz]";

    public static readonly Rule[] Rules =
    [
        // The vowel ៀ/ា of the second series: UNGEGN "ea", everyday and ALA-LC-like "ia".
        new("ea/ia", "Chea ~ Chia, Leang ~ Liang, Kheang ~ Khiang",
            [(R("ea"), ["ia"]), (R("ia"), ["ea"])]),
        // ឿ / ើ / ឺ: UNGEGN "oeu"/"eu", French-era "eu", everyday "oe".
        new("oeu/eu/oe", "Thoeun ~ Theun ~ Thoen, Choeung ~ Cheung, Soeun ~ Seun",
            [(R("oeu"), ["eu", "oe"]), (R("(?<!o)eu"), ["oeu"]), (R("oe(?!u)"), ["oeu"])]),
        // A final h (reahmuk ះ) or r (the French-era way of marking a long open vowel) after a vowel,
        // written or left out: Sar ~ Sa, Kah ~ Ka, Chanthar ~ Chantha, Lah ~ La.
        new("final r/h", "Sa ~ Sar, Ka ~ Kah, Chantha ~ Chanthar, Bora ~ Borah",
            [(R("(?<=[aeo])$"), ["h", "r"]), (R("(?<=[aeiouy])[hr]$"), [""])]),
        // គ: k in UNGEGN, g in ALA-LC (and in some everyday spellings): Kim ~ Gim, Kong ~ Gong.
        new("k/g", "Kim ~ Gim, Kong ~ Gong, Kunthea ~ Gunthea",
            [(R("k(?!h)"), ["g"]), (R("(?<!n)g"), ["k"])], "គឃ"),
        // ខ/ឃ aspirated or not in the spelling: Khim ~ Kim, Khorn ~ Korn.
        new("kh/k", "Khim ~ Kim, Khorn ~ Korn, Kheang ~ Keang",
            [(R("kh"), ["k"]), (R("k(?!h)"), ["kh"])]),
        // ជ: UNGEGN "ch", ALA-LC "j", everyday both: Chan ~ Jan, Chea ~ Jea.
        new("ch/j", "Chan ~ Jan, Chea ~ Jea, Vichet ~ Vijet",
            [(R("(?<!c)ch(?!h)"), ["j"]), (R("j"), ["ch"])], "ជឈ"),
        // ឆ/ឈ: UNGEGN "chh", everyday often "ch": Chhay ~ Chay, Chhun ~ Chun.
        new("chh/ch", "Chhay ~ Chay, Chhun ~ Chun, Chhorn ~ Chorn",
            [(R("chh"), ["ch"]), (R("(?<!c)ch(?!h)"), ["chh"])]),
        // ប: b at the start, p or b at the end of a syllable (UNGEGN b, everyday p): Bopha ~ Popha, Chab ~ Chap.
        new("p/b", "Bopha ~ Popha, Bun ~ Pun, Chab ~ Chap",
            [(R("p(?!h)"), ["b"]), (R("b"), ["p"])], "ប"),
        // ផ/ភ: ph in UNGEGN, p in some everyday spellings: Phal ~ Pal, Phan ~ Pan.
        new("ph/p", "Phal ~ Pal, Phan ~ Pan, Sophal ~ Sopal",
            [(R("ph"), ["p"]), (R("p(?!h)"), ["ph"])]),
        // ទ: t in UNGEGN, d in ALA-LC; ដ: d, t in some French-era spellings: Tep ~ Dep, Dara ~ Tara.
        new("t/d", "Tep ~ Dep, Dara ~ Tara, Vuthy ~ Vudhy",
            [(R("t(?!h)"), ["d"]), (R("d"), ["t"])], "ទដ"),
        // ថ/ធ and final ត្ថ/ទ្ធ: th or t: Thida ~ Tida, Rith ~ Rit, Sith ~ Sit.
        new("th/t", "Thida ~ Tida, Rith ~ Rit, Sothea ~ Sotea",
            [(R("th"), ["t"]), (R("t(?!h)"), ["th"])]),
        // The vowels ី/ិ: i (UNGEGN/French), ee (English-style), and y for a final one (everyday).
        new("ee/i/y", "Kim ~ Keem, Ly ~ Li ~ Lee, Pich ~ Peech, Nary ~ Nari",
            [(R("ee"), ["i"]), (R("ee$"), ["y"]), (R($"(?<={Consonant})i(?![aeiou])"), ["ee"]), (R($"(?<={Consonant})i$"), ["y"]), (R($"(?<={Consonant})y$"), ["i", "ee"])]),
        // The vowels ូ/ុ/ួ: ou (French-era and UNGEGN), u, o: Chhoun ~ Chhun, Sun ~ Soun, Sok ~ Souk.
        new("ou/u/o", "Chhoun ~ Chhun, Bun ~ Boun, Kosal ~ Kousal, Touch ~ Tuch",
            [(R("(?<![eo])ou"), ["u", "o"]), (R("(?<![aeiou])u(?![aeiou])"), ["ou", "o"]), (R("(?<![aeiou])o(?![aeiouvwy])"), ["ou"])]),
        // A final ៅ/ូវ: ov (UNGEGN) or ou (French-era): Pov ~ Pou, Tov ~ Tou.
        new("ov/ou", "Pov ~ Pou, Tov ~ Tou, Sovchea ~ Souchea",
            [(R("ov(?![aeiouy])"), ["ou"]), (R("(?<![eo])ou$"), ["ov"])]),
        // វ: v (UNGEGN) or w (English-style everyday): Vanna ~ Wanna, Sovann ~ Sowann.
        new("v/w", "Vanna ~ Wanna, Sovann ~ Sowann, Vichet ~ Wichet",
            [(R("v"), ["w"]), (R("w"), ["v"])]),
        // A doubled consonant for a subscript (ណ្ណ, ល្ល, ត្ត) or a final -nn, written single or double.
        new("double/single", "Sovann ~ Sovan, Phalla ~ Phala, Bunna ~ Buna, Dalin ~ Dallin",
            [(R(@"([bcdfgklmnprstv])\1"), ["$1"]), (R("(?<=[aeiou])([nlmkt])(?=[aeiouy])"), ["$1$1"]), (R("(?<=[aeiouy])n$"), ["nn"])]),
        // ័យ/ៃ/ី at the end: ey (UNGEGN for ី in some positions), ei, ay/ai: Srey ~ Srei, Chey ~ Chay.
        new("ey/ei/ay", "Srey ~ Srei, Chey ~ Chay, Pheakdey ~ Pheakdei, Chhay ~ Chhai",
            [(R("ey"), ["ei", "ay"]), (R("ei"), ["ey"]), (R("ay"), ["ey", "ai"]), (R("ai"), ["ay"])]),
    ];

    /// <summary>Applies one rule at one place of the word (lower-cased), chosen at random among the
    /// places it fits; null when the rule does not fit the word or changes nothing.</summary>
    public static string? Apply(Rule rule, string word, Random rng)
    {
        var lower = word.ToLowerInvariant();
        var candidates = new List<(Match Match, Regex Where, string Into)>();
        foreach (var (where, into) in rule.Ways)
        {
            foreach (Match m in where.Matches(lower))
            {
                foreach (var target in into)
                {
                    candidates.Add((m, where, target));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var (match, regex, replacement) = candidates[rng.Next(candidates.Count)];
        var replaced = match.Result(replacement);
        var result = lower[..match.Index] + replaced + lower[(match.Index + match.Length)..];
        if (result.Length == 0 || result == lower)
        {
            return null;
        }

        return LatinForms.TitleCase(result);
    }

    /// <summary>The rules that fit a word, given its Khmer spelling (for drawing one that changes something).</summary>
    public static List<Rule> Fitting(string word, string khmer)
    {
        var lower = word.ToLowerInvariant();
        return Rules.Where(r => (r.KhmerLetters is null || khmer.IndexOfAny(r.KhmerLetters.ToCharArray()) >= 0)
                                && r.Ways.Any(w => w.Where.IsMatch(lower))).ToList();
    }
}
