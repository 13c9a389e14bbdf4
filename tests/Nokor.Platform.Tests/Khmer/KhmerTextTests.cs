using Nokor.Platform.Khmer;

namespace Nokor.Platform.Tests.Khmer;

public sealed class KhmerTextTests
{
    // ដារ៉ា (Dara): the shifter U+17C9 belongs before the vowel AA.
    private const string Dara = "\u178A\u17B6\u179A\u17C9\u17B6";
    // ស្រី (Srey): subscript RO, then vowel II.
    private const string Srey = "\u179F\u17D2\u179A\u17B8";
    // ក្ស្រ (ksr-): two subscripts, subscript RO last.
    private const string Kssra = "\u1780\u17D2\u179F\u17D2\u179A";

    public static TheoryData<string, string> SameNameTypedDifferently => new()
    {
        { Dara, "\u178A\u17B6\u179A\u17B6\u17C9" },                         // vowel typed before the shifter
        { Srey, "\u179F\u17B8\u17D2\u179A" },                              // vowel typed before the subscript
        { "\u179F\u17BB\u17C6", "\u179F\u17C6\u17BB" },                     // សុំ: nikahit typed before the vowel
        { Kssra + "\u17B6", "\u1780\u17D2\u179A\u17D2\u179F\u17B6" },       // subscript RO typed first
        { "\u1781\u17BE\u1798", "\u1781\u17C1\u17B8\u1798" },               // ខើម: vowel OE typed as E + II
        { "\u1780\u17C4\u179F\u179B", "\u1780\u17C1\u17B6\u179F\u179B" },   // កោសល: vowel OO typed as E + AA
        { "\u179F\u17BB\u1781 " + Dara, "  \u179F\u17BB\u1781\u200B  " + Dara + " " }, // spaces and ZWSP
        { "\u17A2\u17B6\u1793", "\u17A4\u1793" },                          // deprecated QAA
    };

    [Theory]
    [MemberData(nameof(SameNameTypedDifferently))]
    public void The_same_name_typed_in_another_order_normalizes_to_the_same_text(string canonical, string typed)
    {
        Assert.Equal(KhmerText.Normalize(canonical), KhmerText.Normalize(typed));
        Assert.Equal(KhmerText.Normalize(canonical), KhmerText.Normalize(KhmerText.Normalize(typed)));
    }

    [Fact]
    public void Canonical_text_is_left_as_it_is()
    {
        foreach (var text in new[] { Dara, Srey, Kssra + "\u17B6", "\u179F\u17BB\u1781", "Sok Dara", "\u1796\u17B7\u179F\u17B7\u178A\u17D2\u178B" })
        {
            Assert.Equal(text, KhmerText.Normalize(text));
        }
    }

    [Fact]
    public void Different_names_stay_different()
    {
        Assert.NotEqual(KhmerText.Normalize("\u179F\u17BB\u1781"), KhmerText.Normalize("\u179F\u17BC\u1781")); // សុខ / សូខ
        Assert.NotEqual(NameKeys.KhmerKey("\u1785\u17B6\u1793\u17CB"), NameKeys.KhmerKey("\u1785\u17B6\u1793"));
    }

    public static TheoryData<string> Invalid => new()
    {
        "\u17B6\u1780",          // vowel with nothing before it
        "\u1780 \u17B6",         // vowel after a space
        "\u1780\u17D2",          // coeng at the end
        "\u17D2\u1780",          // coeng first
        "\u1780\u17D2 ",         // coeng before a space
        "A\u17C6",               // Khmer sign on a Latin letter
        "\u1780\u17B7\u17BB",    // two dependent vowels
        "\u1780\u17D2\u1780\u17D2\u1781\u17D2\u1782", // three subscripts
        "\u1780\u0007",          // control character
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Marks_without_a_base_and_broken_syllables_are_refused(string text)
    {
        Assert.False(KhmerText.TryValidate(KhmerText.Normalize(text), out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Real_names_validate()
    {
        foreach (var text in new[] { Dara, Srey + "\u1798\u17BB\u17C6", Kssra + "\u17B6", "\u179F\u17BB\u1781 " + Dara })
        {
            Assert.True(KhmerText.TryValidate(KhmerText.Normalize(text), out var error), error);
        }
    }

    [Fact]
    public void The_Khmer_key_ignores_spacing_and_mark_order()
    {
        Assert.Equal(NameKeys.KhmerKey("\u179F\u17BB\u1781", Dara), NameKeys.KhmerKey("\u179F\u17BB\u1781 \u178A\u17B6\u179A\u17B6\u17C9"));
        Assert.Equal(NameKeys.KhmerKey("\u179F\u17BB\u1781" + Dara), NameKeys.KhmerKey("\u179F\u17BB\u1781", Dara));
    }

    public static TheoryData<string, string> LatinVariants => new()
    {
        { "Sok Dara", "SOKH DARAH" },
        { "Chan Sophea", "Chhan Sophea" },
        { "Chan Sreymom", "Chann Srey Mom" },
        { "Heng Vanna", "Heng Vana" },
        { "Ouk Kosal", "Uk Kossal" },
        { "Pov Sophal", "Pou Sophal" },
        { "Ly Vicheth", "Li Vichet" },
        { "Keo Wanna", "Keo Vanna" },
        { "Hêng Sophéa", "Heng Sophea" },
        { "Sok-Dara", "Sok Dara" },
    };

    [Theory]
    [MemberData(nameof(LatinVariants))]
    public void Latin_spelling_variants_share_a_key(string a, string b) =>
        Assert.Equal(NameKeys.LatinKey(a), NameKeys.LatinKey(b));

    public static TheoryData<string, string> LatinDistinct => new()
    {
        { "Sok", "Sak" },
        { "Chan", "Chea" },
        { "Dara", "Dary" },
        { "Heng", "Eng" },
        { "Sophea", "Sophal" },
    };

    [Theory]
    [MemberData(nameof(LatinDistinct))]
    public void Different_Latin_names_keep_different_keys(string a, string b) =>
        Assert.NotEqual(NameKeys.LatinKey(a), NameKeys.LatinKey(b));
}
