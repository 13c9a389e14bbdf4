namespace Nokor.Bench.NameSearch;

/// <summary>
/// Latin names as clerks type them: other case, punctuation and spacing (as on lists and forms:
/// "SOK, Dara", "sok-dara", " sok  dara "), one typing error on a QWERTY keyboard, and names not
/// in the registry for the negative set.
/// </summary>
internal static class LatinForms
{
    public static string TitleCase(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    /// <summary>The case, punctuation and spacing forms of "surname given": (kind, text).</summary>
    public static IEnumerable<(string Kind, string Text)> CaseAndPunctuation(string surname, string given)
    {
        yield return ("upper case", (surname + " " + given).ToUpperInvariant());
        yield return ("lower case", (surname + " " + given).ToLowerInvariant());
        yield return ("SURNAME, Given", surname.ToUpperInvariant() + ", " + given);
        yield return ("hyphen", (surname + "-" + given).ToLowerInvariant());
        yield return ("extra spaces", " " + surname.ToLowerInvariant() + "  " + given.ToLowerInvariant() + " ");
    }

    // QWERTY neighbours of each letter (same row and the rows above and below).
    private static readonly Dictionary<char, string> Neighbours = new()
    {
        ['q'] = "wa", ['w'] = "qeas", ['e'] = "wrsd", ['r'] = "etdf", ['t'] = "ryfg", ['y'] = "tugh", ['u'] = "yihj",
        ['i'] = "uojk", ['o'] = "ipkl", ['p'] = "ol", ['a'] = "qwsz", ['s'] = "awedxz", ['d'] = "serfcx",
        ['f'] = "drtgvc", ['g'] = "ftyhbv", ['h'] = "gyujnb", ['j'] = "huikmn", ['k'] = "jiolm", ['l'] = "kop",
        ['z'] = "asx", ['x'] = "zsdc", ['c'] = "xdfv", ['v'] = "cfgb", ['b'] = "vghn", ['n'] = "bhjm", ['m'] = "njk",
    };

    /// <summary>One typing error in a word of five letters or more: a letter dropped, a neighbouring
    /// key pressed too (before or after the intended one), or two neighbouring letters swapped.
    /// Errors that only undouble a double letter or swap two equal letters are not drawn (those
    /// are spellings, not slips). Null when the kind does not fit.</summary>
    public static string? Typo(string word, string kind, Random rng)
    {
        var w = word.ToLowerInvariant();
        var options = new List<string>();
        switch (kind)
        {
            case "letter dropped":
                for (var i = 0; i < w.Length; i++)
                {
                    if ((i > 0 && w[i - 1] == w[i]) || (i + 1 < w.Length && w[i + 1] == w[i]))
                    {
                        continue;
                    }

                    options.Add(w.Remove(i, 1));
                }

                break;
            case "letter added":
                for (var i = 0; i < w.Length; i++)
                {
                    if (!Neighbours.TryGetValue(w[i], out var keys))
                    {
                        continue;
                    }

                    foreach (var k in keys)
                    {
                        options.Add(w.Insert(i + 1, k.ToString()));
                        options.Add(w.Insert(i, k.ToString()));
                    }
                }

                break;
            case "letters swapped":
                for (var i = 0; i + 1 < w.Length; i++)
                {
                    if (w[i] != w[i + 1])
                    {
                        var chars = w.ToCharArray();
                        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                        options.Add(new string(chars));
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        options.RemoveAll(o => o == w);
        return options.Count == 0 ? null : TitleCase(options[rng.Next(options.Count)]);
    }

    public static readonly string[] TypoKinds = ["letter dropped", "letter added", "letters swapped"];

    // Onsets and rhymes of Khmer syllables as they are romanized in everyday use, to make
    // Khmer-looking Latin names that no one in the registry bears.
    private static readonly string[] Onsets =
    [
        "k", "kh", "ch", "chh", "t", "th", "p", "ph", "s", "h", "l", "m", "n", "ng", "nh", "r", "v", "y", "b", "d",
        "pr", "kr", "sr", "tr", "khl", "phn", "sv", "thl", "kh", "",
    ];

    private static readonly string[] Rhymes =
    [
        "a", "ak", "am", "an", "ang", "ap", "at", "ay", "ea", "eak", "eam", "ean", "eang", "eap", "eat", "ei", "ek",
        "em", "en", "eng", "et", "ey", "i", "ich", "im", "in", "ip", "it", "o", "oam", "oan", "oang", "oeun",
        "oeung", "oeur", "ok", "om", "on", "ong", "orn", "ot", "ou", "ouch", "oum", "oun", "oung", "ov", "u", "uk",
        "um", "un", "ung", "ut", "uth", "uon", "uor", "euy", "ieng", "aong", "oeuk",
    ];

    /// <summary>A Khmer-looking Latin name (one-syllable surname, two-syllable given name) whose
    /// surname and given name are both absent from the registry.</summary>
    public static (string Surname, string Given) Negative(RegistryNames registry, Random rng)
    {
        for (var attempt = 0; attempt < 10_000; attempt++)
        {
            var surname = TitleCase(Syllable(rng));
            var given = TitleCase(Syllable(rng) + Syllable(rng));
            if (surname.Length >= 2 && given.Length >= 4 && !registry.Latin.Contains(surname) && !registry.Latin.Contains(given))
            {
                return (surname, given);
            }
        }

        throw new InvalidOperationException("No Latin name outside the registry found in 10,000 draws.");
    }

    private static string Syllable(Random rng) => Onsets[rng.Next(Onsets.Length)] + Rhymes[rng.Next(Rhymes.Length)];

    /// <summary>Levenshtein distance (for telling far negatives from near ones).</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }

    /// <summary>The smallest distance from a name to any registry name of the same script.</summary>
    public static int Nearest(string name, IEnumerable<string> registry)
    {
        var best = int.MaxValue;
        foreach (var r in registry)
        {
            if (Math.Abs(r.Length - name.Length) >= best)
            {
                continue;
            }

            best = Math.Min(best, Distance(name, r));
        }

        return best;
    }
}
