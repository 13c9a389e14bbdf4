using System.Text;
using Nokor.Platform.Khmer;

namespace Nokor.Platform.Names;

/// <summary>
/// Rule-based romanization of Khmer names into lower-case letters a–z, close to the UNGEGN /
/// BGN-PCGN 1972 system as names are written in everyday Cambodian use (the spelling on identity
/// cards and school lists, without the system's diacritics), so that
/// <c>LatinNames.Fold(LatinNames.Letters(Romanize(km)))</c> meets the fold of the Latin spelling
/// people actually use for most names. It is a reading aid for comparison and search, not a
/// transcription standard: where everyday spelling is irregular (ពេជ្រ Pich, ចរិយា Chakriya) it
/// gives the regular reading, and the search's typo distance bridges the rest.
/// <para>
/// Sources: the UNGEGN Working Group on Romanization Systems, "Khmer", version 4.0, 2013 (the
/// United Nations 1972 system based on BGN/PCGN 1972; http://www.eki.ee/wgrs/rom1_km.htm) for the
/// consonant values, the two series and the dependent vowels by series; the ALA-LC Romanization
/// Tables, "Khmer" (Library of Congress, https://www.loc.gov/catdir/cpso/romanization/khmer.pdf;
/// transcription at http://www.sealang.net/seacat/ALA-LC-Khmer.htm) for the signs and the
/// independent vowels; the Documentation Center of Cambodia's "Transliteration Table: Spelling
/// Names of Persons and Places" (1998,
/// https://docslib.org/doc/305711/documentation-center-of-cambodia-the-transliteration-table) for
/// everyday name spellings (ី kdei, ៃ khai/prey, ួ suon, ូ tauch/bou); the Unicode Standard,
/// chapter 16.4 (Khmer), for the encoding of the series shifters and subscripts (COENG).
/// </para>
/// <para>How a word is read:</para>
/// <list type="number">
/// <item>Clusters: a base (consonant or independent vowel) with its register shifter, subscripts
/// (COENG + consonant), dependent vowel and signs (<see cref="KhmerClusters"/>).</item>
/// <item>Series: each consonant carries the a-series (inherent vowel "a", ក ខ ច ឆ ដ ឋ ណ ត ថ ប ផ ស
/// ហ ឡ អ) or the o-series (inherent "o", គ ឃ ង ជ ឈ ញ ឌ ឍ ទ ធ ន ព ភ ម យ រ ល វ). MUUSIKATOAN ៉
/// moves an o-series consonant to the a-series (ម៉ៅ mao), TRIISAP ៊ an a-series one to the
/// o-series (ស៊ុន sun). A subscript o-series stop (គ ជ ទ ព ...) under an a-series base gives the
/// cluster the o-series.</item>
/// <item>Syllables: a cluster with a vowel starts a syllable; a cluster without one closes the open
/// syllable before it (សុខ sok), unless a vowelless cluster follows it or the open syllable has only
/// its inherent vowel and more follows (កុសល ko-sal, រតនា ra-ta-na). A subscript after an open
/// syllable both closes it and starts the next (បញ្ញា panh-nha written panha, សម្បត្តិ sam-bat).
/// A final ិ or ុ after another cluster is silent in learned names (សុជាតិ socheat).</item>
/// <item>Finals: ក ខ គ ឃ k, ង ng, ច ឆ ជ ឈ ch, ញ nh, ដ ឋ ឌ ឍ ត ថ ទ ធ th after a short vowel and t
/// after a long one (រិទ្ធ rith, គាត keat), ណ ន n, ប ផ ព ភ p, ម m,
/// យ y, រ r (silent; <see cref="LatinNames.Fold"/> drops it), ល l, វ v, ស s, ហ h; a final
/// cluster's subscripts are silent (ពិសិដ្ឋ piseth).</item>
/// <item>Signs: BANTOC ់ shortens (គង់ kong, ចាន់ chan); SAMYOK SANNYA ័ is "a" (a-series) or
/// "ea"/"o"/"e" (o-series, before k / other finals / y: សុភ័ក្ត្រ sopheak, រ័ត្ន roth, ជ័យ chey);
/// NIKAHIT ំ is "am"/"um"; REAHMUK ះ a final h; YUUKALEAPINTU ៈ "ak" (វីរៈ virak); TOANDAKHIAT ៍
/// silences its consonant; ROBAT ៌ is read as r.</item>
/// </list>
/// </summary>
public static class KhmerRomanizer
{
    private const char Coeng = '\u17D2';

    /// <summary>
    /// The romanization of the Khmer in <paramref name="khmer"/>: lower-case letters a–z, one space
    /// between words (Khmer words separated by spaces, punctuation or other scripts), every
    /// non-Khmer character dropped. "សុខ ដារ៉ា" → "sok dara", "ស្រីពៅ" → "sreypov".
    /// </summary>
    public static string Romanize(string khmer)
    {
        ArgumentNullException.ThrowIfNull(khmer);
        if (!KhmerText.ContainsKhmer(khmer))
        {
            return "";
        }

        var text = KhmerText.Normalize(khmer);
        var output = new StringBuilder(text.Length * 2);
        var clusters = new List<Cluster>(8);
        var i = 0;
        while (i < text.Length)
        {
            if (!KhmerText.IsBase(text[i]))
            {
                Flush(clusters, output);
                i++;
                continue;
            }

            var length = KhmerClusters.Length(text.AsSpan(i));
            clusters.Add(Cluster.Parse(text.AsSpan(i, length)));
            i += length;
        }

        Flush(clusters, output);
        return output.ToString();
    }

    private static void Flush(List<Cluster> clusters, StringBuilder output)
    {
        if (clusters.Count == 0)
        {
            return;
        }

        var start = output.Length;
        if (start > 0)
        {
            output.Append(' ');
        }

        RomanizeWord(clusters, output);
        clusters.Clear();
        if (output.Length == start + (start > 0 ? 1 : 0))
        {
            output.Length = start;
        }
    }

    /// <summary>One written syllable being built: onset letters, series, nucleus and final.</summary>
    private sealed class Syllable
    {
        public string Onset = "";
        public bool OSeries;
        public char OnsetConsonant;
        public char Vowel;
        public bool Nikahit;
        public bool Samyok;
        public bool Yuukaleapintu;
        public bool Reahmuk;
        public bool Robat;
        public string? IndependentVowel;
        public char Final;
        public bool FinalBantoc;
        public bool FinalHasSubscript;

        public bool HasNucleus => Vowel != 0 || Nikahit || Samyok || Yuukaleapintu || Reahmuk || IndependentVowel is not null;
    }

    private static void RomanizeWord(List<Cluster> clusters, StringBuilder output)
    {
        // A final ិ or ុ on the last cluster of a learned name is not pronounced (សុជាតិ socheat,
        // សុវត្ថិ sovath, សម្បត្តិ sambath): the cluster is read as a final.
        var last = clusters[^1];
        if (clusters.Count > 1 && last.Vowel is '\u17B7' or '\u17BB' && !last.HasSign && last.Independent is null)
        {
            clusters[^1] = last with { Vowel = '\0' };
        }

        var syllables = new List<Syllable>(clusters.Count);
        Syllable? open = null;
        for (var k = 0; k < clusters.Count; k++)
        {
            var c = clusters[k];
            if (c.Silent)
            {
                continue;
            }

            if (c.HasNucleus)
            {
                // A subscript after an open syllable: the base closes it, the subscript starts this one.
                if (ClosesBefore(c) && open is not null && open.Final == 0)
                {
                    open.Final = c.Base;
                    open.FinalHasSubscript = false;
                    open = Start(c, subscriptOnset: true);
                }
                else
                {
                    open = Start(c, subscriptOnset: false);
                }

                syllables.Add(open);
                continue;
            }

            var isLast = k == clusters.Count - 1;
            if (open is not null && open.Final == 0)
            {
                var next = isLast ? (Cluster?)null : clusters[k + 1];
                bool closes;
                if (c.Bantoc || isLast)
                {
                    closes = true;
                }
                else if (c.Subscripts.Length > 0 && c.Subscripts[0] is not ('\u179A' or '\u179C'))
                {
                    // Base closes the open syllable, the subscript starts a syllable with the inherent
                    // vowel (សម្បត្តិ sam-bat); ស្រ, ស្វ stay together as an initial cluster (ស្រីស្រស់ srei-sros).
                    open.Final = c.Base;
                    open = Start(c, subscriptOnset: true);
                    syllables.Add(open);
                    continue;
                }
                else if (next is { } n && (!n.HasNucleus || ClosesBefore(n)))
                {
                    // Another vowelless cluster follows (កុសល ko-sal), or one whose base will close
                    // this one (សុវណ្ណារ៉ា so-vann-a-ra): this cluster starts a syllable.
                    closes = false;
                }
                else
                {
                    closes = open.HasNucleus;
                }

                if (closes)
                {
                    open.Final = c.Base;
                    open.FinalBantoc = c.Bantoc;
                    open.FinalHasSubscript = c.Subscripts.Length > 0;
                    continue;
                }
            }

            open = Start(c, subscriptOnset: false);
            syllables.Add(open);
        }

        for (var s = 0; s < syllables.Count; s++)
        {
            var syllable = syllables[s];
            var nextOnset = s + 1 < syllables.Count ? syllables[s + 1].Onset : "";
            Write(syllable, s == syllables.Count - 1, syllables.Count > 1, nextOnset, output);
        }
    }

    /// <summary>
    /// A vowelled cluster whose base closes the syllable before it: one with a subscript other than
    /// ro or vo, which make an initial cluster with their base (ស្រ sr, ស្វ sv: ម៉េងស្រ៊ុន meng-srun).
    /// </summary>
    private static bool ClosesBefore(Cluster c) =>
        c.Independent is null && c.Subscripts.Length > 0 && c.Subscripts[0] is not ('\u179A' or '\u179C');

    private static Syllable Start(Cluster c, bool subscriptOnset)
    {
        var syllable = new Syllable
        {
            Vowel = c.Vowel,
            Nikahit = c.Nikahit,
            Samyok = c.Samyok,
            Yuukaleapintu = c.Yuukaleapintu,
            Reahmuk = c.Reahmuk,
            Robat = c.Robat,
            IndependentVowel = c.Independent,
        };
        if (c.Independent is not null)
        {
            return syllable;
        }

        var onset = new StringBuilder(6);
        var subscripts = c.Subscripts;
        if (!subscriptOnset)
        {
            // ប is p before a subscript or with MUUSIKATOAN (ប្រាក់ Prak, ប៉ែន Pen), else b.
            onset.Append(c.Base == '\u1794' && (subscripts.Length > 0 || c.Shifter == '\u17C9') ? "p" : Consonants.Onset(c.Base));
        }

        foreach (var sub in subscripts)
        {
            onset.Append(Consonants.Onset(sub));
        }

        if (subscriptOnset && subscripts.Length == 0)
        {
            onset.Append(Consonants.Onset(c.Base));
        }

        syllable.Onset = onset.ToString();
        syllable.OSeries = Series(c, subscriptOnset);
        syllable.OnsetConsonant = subscriptOnset && subscripts.Length > 0 ? subscripts[0] : c.Base;
        if (c.Shifter == '\u17C9' && syllable.OnsetConsonant == c.Base)
        {
            // ម៉ ន៉ ...: an o-series sonorant moved to the a-series reads as an a-series consonant.
            syllable.OnsetConsonant = '\0';
        }
        return syllable;
    }

    /// <summary>The series of a cluster: the base's, moved by a shifter, or an o-series subscript stop's.</summary>
    private static bool Series(Cluster c, bool subscriptOnset)
    {
        if (c.Shifter == '\u17C9')
        {
            return false;
        }

        if (c.Shifter == '\u17CA')
        {
            return true;
        }

        var series = Consonants.IsOSeries(c.Base);
        if (c.Subscripts.Length > 0)
        {
            var sub = c.Subscripts[0];
            if (subscriptOnset)
            {
                // The subscript is the onset: its series, unless it is a sonorant under an a-series base.
                return Consonants.IsSonorant(sub) ? series : Consonants.IsOSeries(sub);
            }

            if (!series && Consonants.IsOSeries(sub) && !Consonants.IsSonorant(sub))
            {
                return true;
            }
        }

        return series;
    }

    private static void Write(Syllable s, bool lastSyllable, bool polysyllabic, string nextOnset, StringBuilder output)
    {
        if (s.IndependentVowel is not null)
        {
            output.Append(s.IndependentVowel);
            AppendFinal(s, nextOnset, output);
            if (s.Reahmuk)
            {
                output.Append('h');
            }

            return;
        }

        output.Append(s.Onset);
        var final = s.Final;
        if (s.Samyok)
        {
            output.Append(!s.OSeries ? "a" : final == '\u1799' ? "e" : Consonants.IsVelar(final) ? "ea" : "o");
        }
        else if (s.Yuukaleapintu)
        {
            output.Append("ak");
        }
        else if (s.Vowel == 0)
        {
            if (s.Nikahit)
            {
                output.Append(s.OSeries ? "um" : "am");
            }
            else if (final == 0)
            {
                output.Append(s.OSeries && lastSyllable ? "o" : "a");
            }
            else if (s.FinalBantoc)
            {
                output.Append('o');
            }
            else if (s.OSeries)
            {
                // ភក្តី pheak-dey, លក្ខណា leak-hena; វណ្ណ vann; else o (គង់ kong, យស yos, ពរ por).
                output.Append(final is >= '\u1780' and <= '\u1783' ? "ea" : final == '\u178E' ? "a" : "o");
            }
            else
            {
                output.Append(final == '\u1793' && !s.FinalHasSubscript && lastSyllable ? "o" : "a");
            }
        }
        else
        {
            if (s.Vowel == '\u17B6' && s.Nikahit && final == '\u1784' && !s.OSeries)
            {
                // ាំង: "aing" (តាំង Taing).
                output.Append("ai");
            }
            else
            {
                output.Append(EverydayVowel(s, lastSyllable, polysyllabic));
                if (s.Nikahit)
                {
                    output.Append('m');
                }
            }
        }

        AppendFinal(s, nextOnset, output);
        if (s.Robat && s.Final == 0)
        {
            output.Append('r');
        }

        if (s.Reahmuk)
        {
            output.Append('h');
        }
    }

    private static void AppendFinal(Syllable s, string nextOnset, StringBuilder output)
    {
        if (s.Final == 0)
        {
            return;
        }

        var final = Consonants.Final(s.Final);
        if (final == "t" && s.Vowel is not ('\u17B6' or '\u17BD' or '\u17C2' or '\u17C0' or '\u17BF' or '\u17BC'))
        {
            // A dental final after a short vowel is written th in names (ពិសិដ្ឋ Piseth, រិទ្ធ Rith,
            // វុធ Vuth), t after a long one (គាត Keat, ហួត Huot, ង៉ែត Nget).
            final = "th";
        }

        // A geminate written once: បញ្ញា panha, ពិសិដ្ឋា pisetha, វិជ្ជា vichea.
        if (final.Length > 0 && !nextOnset.StartsWith(final, StringComparison.Ordinal))
        {
            output.Append(final);
        }
    }

    /// <summary>
    /// A dependent vowel with the everyday readings that depend on its neighbours:
    /// <list type="bullet">
    /// <item>ា after an o-series sonorant other than ម (ញ ន យ រ ល ...), open or before ណ ន, in the
    /// last syllable of a longer name is "a", as in learned names (វាសនា Veasna, បញ្ញា Panha, មករា Makara, តុលា Tola, កល្យាណ
    /// Kalyan), where a monosyllable keeps "ea" (ជា Chea, នាង neang, ស្រីនាង Sreyneang, រាជ reach) and so do stops and ម (សុភា
    /// Sophea, ស្រីមាស Sreymeas);</item>
    /// <item>ុ after an unshifted ម is "o" (មុនី Mony, មុំ Mom, មុនីរ័ត្ន Monirath);</item>
    /// <item>ួ before a final រ is "ou" (ហួរ hour: Kimhour, Lyhour);</item>
    /// <item>ូ of the a-series before a pronounced final is "ou" (តូច touch), open or before a silent រ "o"
    /// (បូរ៉ា Bora, សំបូរ Sambo);</item>
    /// <item>ឹ of the o-series before ក or ង is "e" (ញឹក Nhek), else "i" (ឈឹម Chhim, គឹម Kim);</item>
    /// <item>េ before a final ច or ជ is "i" (ពេជ្រ Pich).</item>
    /// </list>
    /// </summary>
    private static string EverydayVowel(Syllable s, bool lastSyllable, bool polysyllabic)
    {
        var final = s.Final;
        switch (s.Vowel)
        {
            case '\u17B6' when s.OSeries && !s.Nikahit && lastSyllable && polysyllabic && Consonants.IsSonorant(s.OnsetConsonant) && s.OnsetConsonant != '\u1798' && final is '\0' or '\u178E' or '\u1793':
                return "a";
            case '\u17BB' when s.OnsetConsonant == '\u1798':
                return "o";
            case '\u17BD' when final == '\u179A':
                return "ou";
            case '\u17BC' when !s.OSeries && final != 0 && final != '\u179A':
                return "ou";
            case '\u17B9' when s.OSeries && final is >= '\u1780' and <= '\u1784':
                return "e";
            case '\u17C1' when final is >= '\u1785' and <= '\u1788':
                return "i";
            default:
                return DependentVowel(s.Vowel, s.OSeries, s.Nikahit);
        }
    }

    /// <summary>The dependent vowels by series (a-series, o-series), in everyday spelling.</summary>
    private static string DependentVowel(char vowel, bool oSeries, bool nikahit) => vowel switch
    {
        '\u17B6' => nikahit ? (oSeries ? "oa" : "a") : (oSeries ? "ea" : "a"), // ា
        '\u17B7' => oSeries ? "i" : "e", // ិ
        '\u17B8' => oSeries ? "i" : "ei", // ី
        '\u17B9' => oSeries ? "i" : "e", // ឹ
        '\u17BA' => "eu", // ឺ
        '\u17BB' => nikahit ? (oSeries ? "u" : "o") : (oSeries ? "u" : "o"), // ុ
        '\u17BC' => oSeries ? "u" : "o", // ូ
        '\u17BD' => "uo", // ួ
        '\u17BE' => oSeries ? "eu" : "aeu", // ើ
        '\u17BF' => "oeu", // ឿ
        '\u17C0' => "ie", // ៀ
        '\u17C1' => "e", // េ
        '\u17C2' => oSeries ? "e" : "ae", // ែ
        '\u17C3' => oSeries ? "ey" : "ai", // ៃ
        '\u17C4' => "o", // ោ
        '\u17C5' => oSeries ? "ov" : "ao", // ៅ
        _ => "",
    };

    /// <summary>One orthographic cluster, parsed.</summary>
    private readonly record struct Cluster(
        char Base,
        string? Independent,
        char Shifter,
        string Subscripts,
        char Vowel,
        bool Nikahit,
        bool Reahmuk,
        bool Yuukaleapintu,
        bool Bantoc,
        bool Samyok,
        bool Robat,
        bool Silent)
    {
        public bool HasNucleus => Vowel != 0 || Nikahit || Reahmuk || Yuukaleapintu || Samyok || Independent is not null;

        public bool HasSign => Nikahit || Reahmuk || Yuukaleapintu || Bantoc || Samyok;

        public static Cluster Parse(ReadOnlySpan<char> text)
        {
            var b = text[0];
            var independent = Consonants.IndependentVowel(b);
            char shifter = '\0', vowel = '\0';
            bool nikahit = false, reahmuk = false, yuuk = false, bantoc = false, samyok = false, robat = false, silent = false;
            var subscripts = "";
            for (var i = 1; i < text.Length; i++)
            {
                var m = text[i];
                switch (m)
                {
                    case Coeng when i + 1 < text.Length && KhmerText.IsBase(text[i + 1]):
                        subscripts += text[i + 1];
                        i++;
                        break;
                    case '\u17C9' or '\u17CA':
                        shifter = m;
                        break;
                    case >= '\u17B6' and <= '\u17C5':
                        vowel = m;
                        break;
                    case '\u17C6':
                        nikahit = true;
                        break;
                    case '\u17C7':
                        reahmuk = true;
                        break;
                    case '\u17C8':
                        yuuk = true;
                        break;
                    case '\u17CB':
                        bantoc = true;
                        break;
                    case '\u17CC':
                        robat = true;
                        break;
                    case '\u17CD':
                        silent = true;
                        break;
                    case '\u17D0':
                        samyok = true;
                        break;
                }
            }

            return new Cluster(b, independent, shifter, subscripts, vowel, nikahit, reahmuk, yuuk, bantoc, samyok, robat, silent);
        }
    }

    /// <summary>The consonant table: onset and final values, series, sonorants.</summary>
    private static class Consonants
    {
        // U+1780..U+17A2: onset letters, final letters, o-series.
        private static readonly (string Onset, string Final, bool O)[] Table =
        [
            ("k", "k", false), ("kh", "k", false), ("k", "k", true), ("kh", "k", true), ("ng", "ng", true), // ក ខ គ ឃ ង
            ("ch", "ch", false), ("chh", "ch", false), ("ch", "ch", true), ("chh", "ch", true), ("nh", "nh", true), // ច ឆ ជ ឈ ញ
            ("d", "t", false), ("th", "t", false), ("d", "t", true), ("th", "t", true), ("n", "n", false), // ដ ឋ ឌ ឍ ណ
            ("t", "t", false), ("th", "t", false), ("t", "t", true), ("th", "t", true), ("n", "n", true), // ត ថ ទ ធ ន
            ("b", "p", false), ("ph", "p", false), ("p", "p", true), ("ph", "p", true), ("m", "m", true), // ប ផ ព ភ ម
            ("y", "y", true), ("r", "r", true), ("l", "l", true), ("v", "v", true), // យ រ ល វ
            ("s", "s", false), ("s", "s", false), ("s", "s", false), ("h", "h", false), ("l", "l", false), ("", "", false), // ឝ ឞ ស ហ ឡ អ
        ];

        public static bool IsConsonant(char c) => c is >= '\u1780' and <= '\u17A2';

        public static string Onset(char c) => IsConsonant(c) ? Table[c - '\u1780'].Onset : "";

        public static string Final(char c) => IsConsonant(c) ? Table[c - '\u1780'].Final : "";

        public static bool IsOSeries(char c) => IsConsonant(c) && Table[c - '\u1780'].O;

        /// <summary>ង ញ ន ម យ រ ល វ: o-series letters that do not move an a-series base when subscript.</summary>
        public static bool IsSonorant(char c) => c is '\u1784' or '\u1789' or '\u1793' or '\u1798' or '\u1799' or '\u179A' or '\u179B' or '\u179C';

        /// <summary>ក ខ គ ឃ ង: the finals before which an o-series short vowel is "ea".</summary>
        public static bool IsVelar(char c) => c is >= '\u1780' and <= '\u1784';

        /// <summary>The everyday reading of an independent vowel, or null for a consonant.</summary>
        public static string? IndependentVowel(char c) => c switch
        {
            '\u17A5' => "e", // ឥ
            '\u17A6' => "ei", // ឦ
            '\u17A7' => "ou", // ឧ
            '\u17A8' => "ok", // ឨ
            '\u17A9' => "u", // ឩ
            '\u17AA' => "ov", // ឪ
            '\u17AB' or '\u17AC' => "ry", // ឫ ឬ
            '\u17AD' or '\u17AE' => "ly", // ឭ ឮ
            '\u17AF' => "ae", // ឯ
            '\u17B0' => "ai", // ឰ
            '\u17B1' or '\u17B2' => "ao", // ឱ ឲ
            '\u17B3' => "au", // ឳ
            _ => null,
        };
    }
}
