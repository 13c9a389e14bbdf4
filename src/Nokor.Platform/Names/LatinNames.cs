using System.Globalization;
using System.Text;

namespace Nokor.Platform.Names;

/// <summary>
/// Latin spellings of Khmer names: their letters, their words, and the romanization-variant key
/// (<see cref="Fold"/>) under which two common spellings of one Khmer name meet.
/// </summary>
public static class LatinNames
{
    private static readonly char[] WordSeparators =
        [' ', '\t', '\n', '\r', '\u00A0', '-', '\u2010', '\u2011', '\u2013', '\'', '\u2018', '\u2019', '\u02BC', '`', '.', ',', '/'];

    /// <summary>
    /// Lower-case ASCII letters a–z only: diacritics removed (Unicode FormD, combining marks
    /// dropped: Kéo = keo, Hêng = heng), every other character (spaces, hyphens, apostrophes, digits,
    /// punctuation) dropped: "Sok-Dara" → "sokdara". One exception: ñ, the UNGEGN and ALA-LC letter
    /// for ញ, is written "nh" as in everyday spelling (Ñim = nhim), not "n".
    /// </summary>
    public static string Letters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsLetters(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (char.IsAsciiLetter(c))
            {
                result.Append(char.ToLowerInvariant(c));
            }
            else if (c == '\u0303' && i > 0 && decomposed[i - 1] is 'n' or 'N')
            {
                // n + COMBINING TILDE: ñ.
                result.Append('h');
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// The words of a Latin name, split at white space, hyphens, apostrophes, periods, commas and
    /// slashes, each as <see cref="Letters"/>(word); words with no letter are dropped.
    /// "Sok-Dara  Heng" → ["sok", "dara", "heng"].
    /// </summary>
    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>(2);
        foreach (var part in text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = Letters(part);
            if (letters.Length > 0)
            {
                words.Add(letters);
            }
        }

        return words;
    }

    private static bool IsLetters(string text)
    {
        foreach (var c in text)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The romanization-variant key of <paramref name="letters"/> (the output of <see cref="Letters"/>):
    /// two common Latin spellings of one Khmer sound give the same key. Deterministic,
    /// culture-independent and idempotent (Fold(Fold(x)) == Fold(x)); no regular expression, and for
    /// names up to 126 letters the only allocation is the result (none when the key is the input). Exact spellings still rank first (the search and the comparisons look at
    /// <see cref="Letters"/> before the key), so the rules merge what clerks really interchange and
    /// keep apart what tells common names apart (Sok ≠ Sam, Chan ≠ Chea, Heng ≠ Hong, Lay ≠ Ly,
    /// Suon ≠ Sun, Sophea ≠ Sopha, Sang ≠ San).
    /// <para>Sources. Khmer names reach Latin letters through three systems and everyday habit:</para>
    /// <list type="bullet">
    /// <item>UNGEGN Working Group on Romanization Systems, "Khmer", version 4.0, September 2013
    /// (the United Nations system of 1972, resolution II/10, based on BGN/PCGN 1972 and the Service
    /// Géographique Khmère 1959 system; http://www.eki.ee/wgrs/rom1_km.htm): ច ជ "ch", ឆ ឈ "chh", ញ
    /// "nh", aspirates with h; by series ា "a"/"éa", ិ "ĕ"/"ĭ", ី "ei"/"i", ុ "ŏ"/"ŭ", ូ "o"/"u", ួ "uŏ",
    /// ើ "aeu"/"eu", ឿ "eua", ៀ "iĕ", េ "é", ែ "ê", ៃ "ai"/"ey", ោ "aô", ៅ "au"/"ŏu".</item>
    /// <item>ALA-LC Romanization Tables, "Khmer" (Library of Congress, pages 96–98,
    /// https://www.loc.gov/catdir/cpso/romanization/khmer.pdf; annotated transcription by Doug Cooper,
    /// SEAlang, http://www.sealang.net/seacat/ALA-LC-Khmer.htm): the Indic letter values, so ច "c",
    /// ជ "j", ឈ "jh", គ "g", ឃ "gh", ទ "d", ធ "dh", ព "b", ភ "bh", ញ "ñ"; vowels ួ "ua", ើ "oe", ៀ "ia",
    /// ែ "ae", ៅ "au" — the source of the k/g, ch/j, t/d, p/b and ea/ia pairs.</item>
    /// <item>French-era civil-status spelling (Protectorate and Sangkum records still seen on old
    /// family books): a length "r" or "h" after a vowel (Sorn, Chhorn, Morm, Darah), "ou" for u (Ouk,
    /// Pou, Touch), "eu"/"oeu" for the central vowels (Chheun, Choeun), "ov"/"ou" finals (Pov, Pou),
    /// accents (Kéo, Hêng), "Chim" for Chhim.</item>
    /// <item>Everyday spelling of persons' names, as collected by the Documentation Center of Cambodia,
    /// "The Transliteration Table: Spelling Names of Persons and Places" (DC-Cam, 1998,
    /// https://docslib.org/doc/305711/documentation-center-of-cambodia-the-transliteration-table):
    /// Kdei, Khai/Prey, Soeun/Doeun, Suon/Tuol, Tauch, Khieu and Takeo without v; and identity-card
    /// habits: y for a final i (Srey, Pisey, Pheakdey), doubled consonants (Sovann, Vanna, Phalla),
    /// w for v (Wanna).</item>
    /// </list>
    /// <para>The rules, applied left to right (vowel runs are read whole):</para>
    /// <list type="table">
    /// <listheader><term>Rule</term><description>Examples that meet</description></listheader>
    /// <item><term>k, kh, g, gh, q, ck, and a hard c (before a, o, u or a consonant) → k</term><description>Kosal = Gosal = Cosal, Khut = Kut, Kheng = Keng, Sokh = Sok (ក ខ គ ឃ)</description></item>
    /// <item><term>ch, chh, j, jh, and a soft c (before e, i, y) → ch</term><description>Chhim = Chim, Chhun = Chun = Jun, Chea = Jea = Cea (ច ឆ ជ ឈ)</description></item>
    /// <item><term>t, th, d, dh → t</term><description>Vuthy = Vuty, Piseth = Piset, Chesda = Chesta, Dy = Thy (ដ ត ថ ទ ធ)</description></item>
    /// <item><term>p, ph, b, bh → p</term><description>Sophal = Sopal, Bopha = Popha, Bun = Pun (ប ប៉ ផ ព ភ)</description></item>
    /// <item><term>w → v; z → s</term><description>Wanna = Vanna, Visal = Wisal</description></item>
    /// <item><term>nh, gn (before a vowel), ny (before a vowel), ñ → nh</term><description>Nhim = Gnim = Ñim, Panha = Pagna = Panya (ញ)</description></item>
    /// <item><term>ng stays apart from n</term><description>Sang ≠ San, Long ≠ Lon, Nget ≠ Net</description></item>
    /// <item><term>an r or h after a vowel and not before one is silent</term><description>Sar = Sa, Chhorn = Chhon, Sorn = Son, Morm = Mom, Darah = Dara, Sah = Sa, Sambor = Sambo (before a vowel it is kept: Borey, Sareth)</description></item>
    /// <item><term>a v or w after a vowel and not before one is the vowel u</term><description>Pov = Pou = Pu, Khiev = Khieu, Ngov = Ngou, Keo = Kaev (before a vowel it is a consonant: Sovann, Davy)</description></item>
    /// <item><term>doubled letters are written once</term><description>Sovann = Sovan, Vanna = Vana, Sinn = Sin, Phalla = Phala, Sokkea = Sokea</description></item>
    /// <item><term>y: a consonant at the start of a name or before a vowel, else the vowel i</term><description>Yim, Soriya keep y; Ly = Li, Srey = Srei</description></item>
    /// <item><term>a, aa → a</term><description>Saa = Sa, Daara = Dara</description></item>
    /// <item><term>e, ae → e (ែ)</term><description>Men = Maen, Pen = Paen, Sen = Saen</description></item>
    /// <item><term>i, ii, ee, y, ey, ei, iy → i (ី ិ and a final ei)</term><description>Sreypich = Sreipich = Sripich, Pheakdey = Pheakdei = Pheakdy, Pisey = Pisei, Mey = Mei, Kim = Keem</description></item>
    /// <item><term>ai, ay → ai, kept apart from i in a name of one syllable; at the end of a longer name
    /// the final ey / ay / ai / ei are one (ៃ is "ai" in the a-series and "ey" in the o-series, ី is "ei")</term><description>Chhay = Chhai, Say = Sai; Bunchhay = Bunchhai = Bunchhey, Pheakday = Pheakdey = Pheakdei; Lay ≠ Ly, Chhay ≠ Chey</description></item>
    /// <item><term>ea, ia, ie, iea → ea (ា of the o-series, ៀ)</term><description>Chea = Chia, Meas = Mias, Ieng = Eang = Ieang, Preap = Priap, Pheakdey = Phiakdey</description></item>
    /// <item><term>eu, oeu, oe, ue, oue, eua, oea, eo, eou, aeu → eu (ឹ ឺ ើ ឿ ែវ)</term><description>Choeun = Cheun = Chhoeun, Thoeun = Theun, Ponleu = Ponloeu, Chamroeun = Chamreun, Keo = Keu = Kaev</description></item>
    /// <item><term>ieu, eau, iau (ៀវ, ea + final v) → eau</term><description>Khiev = Khieu = Kheav</description></item>
    /// <item><term>u, ou, oo, uu → u (ុ ូ of the o-series)</term><description>Ouk = Uk, Touch = Tuch, Pou = Pu, Chhun = Chhoun, Bou = Bu</description></item>
    /// <item><term>uo, ua → uo (ួ)</term><description>Suon = Suan, Nguon = Nguan; kept apart from u: Suon ≠ Sun, Chuon ≠ Chun</description></item>
    /// <item><term>ao, au → ao (ៅ of the a-series)</term><description>Mao = Mau, Chao = Chau, Kao = Kau</description></item>
    /// <item><term>om before another consonant → am (ំ of the a-series, UNGEGN "âm", written am or om)</term><description>Samnang = Somnang, Sambath = Sombath, Chamroeun = Chomroeun, Samrin = Somrin; a final om stays (Mom ≠ Mam, Som ≠ Sam)</description></item>
    /// <item><term>o stays o</term><description>Sok ≠ Suk is not merged: ុ is "o" in the a-series and clerks keep it (Sok, Mok, Long)</description></item>
    /// </list>
    /// Known limits, left to the typo distance (<see cref="NameDistance"/>): o/u and o/a (Roth / Rath,
    /// Sun / Son, Bopha / Bupha), ou/uo for ួ (Suon / Soun: "ou" is also ូ, and merging it would make
    /// Suon = Sun), e/i (Pich / Pech), and a y between vowels (Sreyoun / Sreioun). A name written in
    /// two words and in one is the same letters, so it always meets.
    /// </summary>
    public static string Fold(string letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Length == 0)
        {
            return "";
        }

        // j → ch is the only rule that lengthens, so twice the input always suffices.
        var capacity = letters.Length * 2 + 2;
        Span<char> first = capacity <= 256 ? stackalloc char[capacity] : new char[capacity];
        Span<char> second = capacity <= 256 ? stackalloc char[capacity] : new char[capacity];
        Span<char> scratch = capacity <= 256 ? stackalloc char[capacity] : new char[capacity];
        var length = FoldOnce(letters, first, scratch);

        // The rules are written so one pass is stable; the loop makes Fold(Fold(x)) == Fold(x) a
        // guarantee rather than a proof obligation for every future rule.
        for (var pass = 0; pass < 4; pass++)
        {
            var again = FoldOnce(first[..length], second, scratch);
            if (again == length && first[..length].SequenceEqual(second[..again]))
            {
                break;
            }

            second[..again].CopyTo(first);
            length = again;
        }

        return letters.AsSpan().SequenceEqual(first[..length]) ? letters : new string(first[..length]);
    }

    private static bool IsVowelLetter(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>A vowel, or a y that is not a consonant (not at the start, not before a vowel).</summary>
    private static bool IsVowelAt(ReadOnlySpan<char> s, int i)
    {
        var c = s[i];
        if (IsVowelLetter(c))
        {
            return true;
        }

        return c == 'y' && i > 0 && (i + 1 == s.Length || !IsVowelLetter(s[i + 1]));
    }

    private static int FoldOnce(ReadOnlySpan<char> s, Span<char> output, Span<char> scratch)
    {
        var n = 0;
        var i = 0;
        var vowelRuns = 0;
        while (i < s.Length)
        {
            if (IsVowelAt(s, i))
            {
                var runLength = 0;
                while (i < s.Length && IsVowelAt(s, i))
                {
                    scratch[runLength++] = s[i] == 'y' ? 'i' : s[i];
                    i++;
                }

                var finalU = false;
                while (i < s.Length)
                {
                    var t = s[i];
                    var beforeVowel = i + 1 < s.Length && IsVowelAt(s, i + 1);
                    if (t is 'h' or 'r' && !beforeVowel)
                    {
                        i++;
                        continue;
                    }

                    if (t is 'v' or 'w' && !beforeVowel && !finalU)
                    {
                        finalU = true;
                        i++;
                        continue;
                    }

                    break;
                }

                if (finalU)
                {
                    scratch[runLength++] = 'u';
                }

                vowelRuns++;
                if (i == s.Length && vowelRuns > 1 && scratch[..runLength] is "ai" or "aai")
                {
                    // A final ay / ai after another syllable is the final ey / i (Bunchhay = Bunchhey,
                    // Pheakday = Pheakdey); a one-syllable name keeps it apart (Lay ≠ Ly, Chhay ≠ Chey).
                    output[n++] = 'i';
                    continue;
                }

                if (runLength == 1 && scratch[0] == 'o' && i + 1 < s.Length && s[i] == 'm' && !IsVowelAt(s, i + 1))
                {
                    // om before another consonant is am: ំ of the a-series is "âm" (Somnang = Samnang).
                    output[n++] = 'a';
                    continue;
                }

                n += Vowels(scratch[..runLength], output[n..]);
                continue;
            }

            var c = s[i];
            string token;
            switch (c)
            {
                case 'c':
                    if (i + 1 < s.Length && s[i + 1] == 'h')
                    {
                        i = SkipH(s, i + 1);
                        token = "ch";
                    }
                    else if (i + 1 < s.Length && s[i + 1] is 'e' or 'i' or 'y')
                    {
                        // A soft c: the ALA-LC letter for ច (Cea = Chea).
                        i++;
                        token = "ch";
                    }
                    else
                    {
                        i++;
                        token = "k";
                    }

                    break;
                case 'k' or 'q':
                    i = SkipH(s, i + 1);
                    token = "k";
                    break;
                case 'g':
                    if (i + 2 < s.Length && s[i + 1] == 'n' && IsVowelLetter(s[i + 2]))
                    {
                        i += 2;
                        token = "nh";
                    }
                    else
                    {
                        i = SkipH(s, i + 1);
                        token = "k";
                    }

                    break;
                case 'j':
                    i = SkipH(s, i + 1);
                    token = "ch";
                    break;
                case 't' or 'd':
                    i = SkipH(s, i + 1);
                    token = "t";
                    break;
                case 'p' or 'b':
                    i = SkipH(s, i + 1);
                    token = "p";
                    break;
                case 'v' or 'w':
                    i++;
                    token = "v";
                    break;
                case 's' or 'z':
                    i++;
                    token = "s";
                    break;
                case 'n':
                    if (i + 1 < s.Length && s[i + 1] == 'g')
                    {
                        i += 2;
                        token = "ng";
                    }
                    else if (i + 1 < s.Length && s[i + 1] == 'h')
                    {
                        i = SkipH(s, i + 1);
                        token = "nh";
                    }
                    else if (i + 2 < s.Length && s[i + 1] == 'y' && IsVowelLetter(s[i + 2]))
                    {
                        i += 2;
                        token = "nh";
                    }
                    else
                    {
                        i++;
                        token = "n";
                    }

                    break;
                default:
                    i++;
                    token = Single(c);
                    break;
            }

            // Doubled letters are written once: the same consonant twice in a row is one.
            if (n >= token.Length && output.Slice(n - token.Length, token.Length).SequenceEqual(token))
            {
                continue;
            }

            token.AsSpan().CopyTo(output[n..]);
            n += token.Length;
        }

        return n;
    }

    private static int SkipH(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] == 'h')
        {
            i++;
        }

        return i;
    }

    private static string Single(char c) => c switch
    {
        'l' => "l",
        'm' => "m",
        'r' => "r",
        'y' => "y",
        'h' => "h",
        'f' => "f",
        'x' => "x",
        _ => c.ToString(),
    };

    /// <summary>Writes the key of one vowel run (y already read as i; a final v as u) and returns its length.</summary>
    private static int Vowels(ReadOnlySpan<char> run, Span<char> output)
    {
        string? key = run switch
        {
            "a" or "aa" => "a",
            "e" or "ae" or "aae" => "e",
            "i" or "ii" or "ee" or "ei" or "eei" or "eii" or "iii" => "i",
            "ai" or "aai" or "aii" => "ai",
            "o" => "o",
            "u" or "ou" or "oo" or "uu" or "oou" or "ouu" => "u",
            "uo" or "ua" or "uoa" or "uoo" => "uo",
            "ao" or "au" or "aou" or "aao" or "aau" => "ao",
            "ea" or "ia" or "ie" or "iea" or "eaa" or "iaa" or "iee" => "ea",
            "eu" or "oeu" or "oe" or "ue" or "eua" or "oea" or "eo" or "eou" or "oeo" or "aeu" or "aeo" or "euu" or "oue" or "ueu" or "oeue" => "eu",
            "ieu" or "eau" or "iau" or "ieo" or "eao" or "ieau" => "eau",
            _ => null,
        };
        if (key is not null)
        {
            key.AsSpan().CopyTo(output);
            return key.Length;
        }

        // Another run: written with doubled letters once.
        var n = 0;
        foreach (var c in run)
        {
            if (n > 0 && output[n - 1] == c)
            {
                continue;
            }

            output[n++] = c;
        }

        return n;
    }
}
