using Nokor.Platform.Khmer;

namespace Nokor.Platform.Tests.Khmer;

public sealed class KhmerTextTests
{
    // Real names, in canonical order, spelled out so that every code point is visible.
    private const string Sok = "\u179F\u17BB\u1781";                                   // សុខ
    private const string Dara = "\u178A\u17B6\u179A\u17C9\u17B6";                      // ដារ៉ា: shifter before the vowel AA
    private const string Sreymom = "\u179F\u17D2\u179A\u17B8\u1798\u17BB\u17C6";       // ស្រីមុំ
    private const string Chan = "\u1785\u17B6\u1793\u17CB";                             // ចាន់
    private const string Vanna = "\u179C\u178E\u17D2\u178E\u17B6";                      // វណ្ណា
    private const string Chantrea = "\u1785\u1793\u17D2\u1791\u17D2\u179A\u17B6";       // ចន្ទ្រា: subscript RO last
    private const string Bunthan = "\u1794\u17CA\u17BB\u1793\u1790\u1793";              // ប៊ុនថន
    private const string Meng = "\u1798\u17C9\u17C1\u1784";                             // ម៉េង
    private const string Ouk = "\u17A2\u17CA\u17BB\u1780";                              // អ៊ុក
    private const string Samnang = "\u179F\u17C6\u178E\u17B6\u1784";                    // សំណាង
    private const string Chamroeun = "\u1785\u17C6\u179A\u17BE\u1793";                  // ចំរើន
    private const string Sopheak = "\u179F\u17BB\u1797\u17D0\u1780\u17D2\u179A";        // សុភ័ក្រ
    private const string Pich = "\u1796\u17C1\u1787\u17D2\u179A";                       // ពេជ្រ
    private const string Kosal = "\u1780\u17BB\u179F\u179B";                            // កុសល
    private const string Suorkea = "\u179F\u17BD\u1782\u17CC\u17B6";                    // សួគ៌ា: robat before the vowel
    private const string Reaksmey = "\u179A\u179F\u17D2\u1798\u17B8";                   // រស្មី
    private const string Chenda = "\u1785\u17B7\u1793\u17D2\u178F\u17B6";               // ចិន្តា (subscript TA)

    public static TheoryData<string, string> SameNameTypedDifferently => new()
    {
        { Dara, "\u178A\u17B6\u179A\u17B6\u17C9" },                                    // vowel typed before the shifter
        { Sreymom, "\u179F\u17B8\u17D2\u179A\u1798\u17C6\u17BB" },                     // vowel before subscript; nikahit before vowel
        { Vanna, "\u179C\u178E\u17B6\u17D2\u178E" },                                   // vowel typed before the subscript
        { Chantrea, "\u1785\u1793\u17D2\u179A\u17D2\u1791\u17B6" },                    // subscript RO typed first
        { Chantrea, "\u1785\u1793\u17B6\u17D2\u179A\u17D2\u1791" },                    // vowel first, then RO, then TO
        { Bunthan, "\u1794\u17BB\u17CA\u1793\u1790\u1793" },                           // shifter typed after the vowel
        { Meng, "\u1798\u17C1\u17C9\u1784" },
        { Ouk, "\u17A2\u17BB\u17CA\u1780" },
        { Samnang, Samnang },
        { Chamroeun, "\u1785\u17C6\u179A\u17C1\u17B8\u1793" },                         // vowel OE typed as E + II
        { Chamroeun, "\u1785\u17C6\u179A\u17B8\u17C1\u1793" },                         // ... as II + E
        { "\u1780\u17C4\u179F\u179B", "\u1780\u17C1\u17B6\u179F\u179B" },              // កោសល: vowel OO typed as E + AA
        { "\u178A\u17C4\u17C7", "\u178A\u17C7\u17C1\u17B6" },                          // ដោះ: reahmuk first, OO split
        { Sopheak, "\u179F\u17BB\u1797\u17D0\u1780\u17D2\u179A" },
        { Suorkea, "\u179F\u17BD\u1782\u17B6\u17CC" },                                 // robat typed after the vowel
        { Sok + " " + Dara, "  " + Sok + "\u200B \t " + Dara + "\u200C " },            // spaces, ZWSP, ZWNJ
        { Sok + Dara, Sok + "\u200B" + Dara },                                          // ZWSP between words of a name
        { Meng, "\u1798\u17C9\u200C\u17C1\u1784" },                                    // ZWNJ between shifter and vowel
        { "\u17A2\u17B6\u1793", "\u17A4\u1793" },                                      // deprecated QAA U+17A4
        { "\u17A2\u1793", "\u17A3\u1793" },                                            // deprecated QAQ U+17A3
        { "\u1780\u17B6", "\u1780\u17B4\u17B6" },                                      // inherent vowel U+17B4 dropped
    };

    [Theory]
    [MemberData(nameof(SameNameTypedDifferently))]
    public void The_same_name_typed_in_another_order_normalizes_to_the_same_text(string canonical, string typed)
    {
        Assert.Equal(KhmerText.Normalize(canonical), KhmerText.Normalize(typed));
        Assert.Equal(KhmerText.Normalize(canonical), KhmerText.Normalize(KhmerText.Normalize(typed)));
        Assert.Equal(NameKeys.KhmerKey(canonical), NameKeys.KhmerKey(typed));
    }

    private static readonly string[] RealNames =
        [Sok, Dara, Sreymom, Chan, Vanna, Chantrea, Bunthan, Meng, Ouk, Samnang, Chamroeun, Sopheak, Pich, Kosal, Suorkea, Reaksmey, Chenda];

    [Fact]
    public void Canonical_names_are_left_as_they_are_and_are_valid()
    {
        foreach (var text in RealNames.Append("Sok Dara").Append(Sok + " " + Dara))
        {
            Assert.Equal(text, KhmerText.Normalize(text));
            var validation = KhmerText.Validate(text);
            Assert.True(validation.IsValid, validation.Error);
            Assert.Null(validation.Index);
        }
    }

    [Fact]
    public void Every_order_of_the_marks_of_a_syllable_normalizes_to_the_same_name()
    {
        var random = new Random(20261123);
        foreach (var name in RealNames)
        {
            var expected = KhmerText.Normalize(name);
            for (var round = 0; round < 200; round++)
            {
                var typed = ShuffleMarks(name, random);
                Assert.Equal(expected, KhmerText.Normalize(typed));
            }
        }
    }

    [Fact]
    public void Normalize_is_idempotent_on_arbitrary_Khmer_input()
    {
        var random = new Random(17);
        char[] alphabet =
        [
            '\u1780', '\u1793', '\u179A', '\u178A', '\u17A2', '\u17A3', '\u17A4', '\u17B4', '\u17B6', '\u17B7', '\u17B8', '\u17BB',
            '\u17C1', '\u17C4', '\u17C5', '\u17C6', '\u17C7', '\u17C9', '\u17CA', '\u17CB', '\u17CC', '\u17D0', '\u17D2', '\u17D2',
            '\u17DD', '\u17D8', '\u200B', '\u200C', ' ', 'a', '\u0301', '\u0334', '\u093C', '\u17E1',
        ];
        for (var i = 0; i < 100_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var once = KhmerText.Normalize(text);
            Assert.Equal(once, KhmerText.Normalize(once));
            Assert.Equal(once, once.Normalize(System.Text.NormalizationForm.FormC));
        }
    }

    [Fact]
    public void Different_names_stay_different()
    {
        Assert.NotEqual(KhmerText.Normalize(Sok), KhmerText.Normalize("\u179F\u17BC\u1781")); // សុខ / សូខ
        Assert.NotEqual(NameKeys.KhmerKey(Chan), NameKeys.KhmerKey("\u1785\u17B6\u1793"));  // ចាន់ / ចាន
        Assert.NotEqual(NameKeys.KhmerKey(Meng), NameKeys.KhmerKey("\u1798\u17C1\u1784"));  // ម៉េង / មេង
    }

    public static TheoryData<string> Invalid => new()
    {
        "\u17B6\u1780",                                  // vowel with nothing before it
        "\u1780 \u17B6",                                 // vowel after a space
        "\u1780\u17D2",                                  // coeng at the end
        "\u17D2\u1780",                                  // coeng first
        "\u1780\u17D2 \u1781",                           // coeng before a space
        "\u1780\u17D2\u17E1",                            // coeng before a Khmer digit
        "A\u17C6",                                       // Khmer sign on a Latin letter
        "\u17E1\u17B6",                                  // vowel on a Khmer digit
        "\u1780\u17B7\u17BB",                            // two dependent vowels
        "\u1780\u17C9\u17CA",                            // two register shifters
        "\u1780\u17D2\u1780\u17D2\u1781\u17D2\u1782",    // three subscripts
        "\u1780\u0007",                                  // control character
        "\u200B\u17BB\u1781",                            // a mark after an invisible character only
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Marks_without_a_base_and_broken_syllables_are_refused(string text)
    {
        var result = KhmerText.Validate(text);
        Assert.False(result.IsValid);
        Assert.False(string.IsNullOrEmpty(result.Error));
        Assert.NotNull(result.Index);
        Assert.False(KhmerText.TryValidate(text, out var error));
        Assert.Equal(result.Error, error);
    }

    [Fact]
    public void Validation_says_where_the_problem_is()
    {
        var result = KhmerText.Validate(Sok + " \u17B6");
        Assert.Equal(4, result.Index);
        Assert.Contains("U+17B6", result.Error, StringComparison.Ordinal);
        Assert.Contains("coeng", KhmerText.Validate("\u1780\u17D2").Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ContainsKhmer_tells_Khmer_from_Latin()
    {
        Assert.True(KhmerText.ContainsKhmer("Sok " + Dara));
        Assert.True(KhmerText.ContainsKhmer("\u17D2"));
        Assert.False(KhmerText.ContainsKhmer("Sok Dara"));
        Assert.False(KhmerText.ContainsKhmer(""));
    }

    [Fact]
    public void Non_Khmer_text_is_only_trimmed_collapsed_and_composed()
    {
        Assert.Equal("Sok Dara", KhmerText.Normalize("  Sok \t\n Dara "));
        Assert.Equal("H\u00EAng", KhmerText.Normalize("He\u0302ng"));
        Assert.Equal("", KhmerText.Normalize(" \u200B "));
    }

    [Fact]
    public void The_Khmer_key_ignores_spacing_mark_order_and_the_two_spellings_of_subscript_TA()
    {
        Assert.Equal(NameKeys.KhmerKey(Sok, Dara), NameKeys.KhmerKey(Sok + " \u178A\u17B6\u179A\u17B6\u17C9"));
        Assert.Equal(NameKeys.KhmerKey(Sok + Dara), NameKeys.KhmerKey(Sok, Dara));
        Assert.Equal(Sok + Dara, NameKeys.KhmerKey(" " + Sok + "  " + Dara + " "));
        var chendaWithDa = "\u1785\u17B7\u1793\u17D2\u178A\u17B6";
        Assert.NotEqual(KhmerText.Normalize(Chenda), KhmerText.Normalize(chendaWithDa));
        Assert.Equal(NameKeys.KhmerKey(Chenda), NameKeys.KhmerKey(chendaWithDa));
        Assert.NotEqual(NameKeys.KhmerKey("\u178A\u17B6"), NameKeys.KhmerKey("\u178F\u17B6")); // base DA and TA differ
    }

    /// <summary>Shuffles the marks of each syllable, keeping each coeng with its consonant.</summary>
    private static string ShuffleMarks(string text, Random random)
    {
        var output = new System.Text.StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            output.Append(text[i++]);
            var units = new List<string>();
            while (i < text.Length && KhmerText.IsCombining(text[i]))
            {
                if (text[i] == '\u17D2')
                {
                    units.Add(text.Substring(i, 2));
                    i += 2;
                }
                else
                {
                    units.Add(text[i].ToString());
                    i++;
                }
            }

            foreach (var unit in units.OrderBy(_ => random.Next()))
            {
                output.Append(unit);
            }
        }

        return output.ToString();
    }
}
