using Nokor.Platform.Names;

namespace Nokor.Platform.Tests.Names;

public sealed class LatinNamesTests
{
    [Theory]
    [InlineData("Sok-Dara", "sokdara")]
    [InlineData("  Hêng Sophéa ", "hengsophea")]
    [InlineData("KÉO", "keo")]
    [InlineData("D'Ara 2", "dara")]
    [InlineData("Ñim", "nhim")]
    [InlineData("ស្រីមុំ", "")]
    [InlineData("", "")]
    public void Letters_keeps_lower_case_ascii_letters_only(string text, string expected) =>
        Assert.Equal(expected, LatinNames.Letters(text));

    [Fact]
    public void Words_split_at_spaces_hyphens_apostrophes_and_punctuation()
    {
        Assert.Equal(["sok", "dara", "heng"], LatinNames.Words("Sok-Dara  Heng"));
        Assert.Equal(["chan", "srey", "mom"], LatinNames.Words("Chan, Srey'mom"));
        Assert.Equal(["ouk", "kosal"], LatinNames.Words("Ouk/Kosal."));
        Assert.Empty(LatinNames.Words(" - "));
    }

    /// <summary>Pairs of everyday spellings of one Khmer name, one or more per rule of <see cref="LatinNames.Fold"/>.</summary>
    public static TheoryData<string, string> SameName => new()
    {
        // ea / ia / ie / iea (ា of the o-series, ៀ)
        { "Chea", "Chia" },
        { "Meas", "Mias" },
        { "Ieng", "Eang" },
        { "Preap", "Priap" },
        { "Sophea", "Sophia" },
        // oeu / eu / oe / ue / eua / oea / eo
        { "Choeun", "Cheun" },
        { "Chhoeun", "Chheun" },
        { "Thoeun", "Theun" },
        { "Saroeun", "Sareun" },
        { "Saroeun", "Sarouen" },
        { "Ponleu", "Ponloeu" },
        { "Chamroeun", "Chamreun" },
        { "Bunthoeun", "Bunthoeurn" },
        { "Keo", "Keu" },
        // a final r or h after a vowel
        { "Sar", "Sa" },
        { "Chhorn", "Chhon" },
        { "Sorn", "Son" },
        { "Morm", "Mom" },
        { "Darah", "Dara" },
        { "Sambo", "Sambor" },
        { "Kimhour", "Kimhou" },
        // k / g / c (hard) / q, kh / k / gh
        { "Kosal", "Gosal" },
        { "Kosal", "Cosal" },
        { "Kheng", "Keng" },
        { "Sokh", "Sok" },
        { "Khem", "Ghem" },
        // ch / chh / j / jh
        { "Chhim", "Chim" },
        { "Chhun", "Jun" },
        { "Chea", "Jea" },
        { "Vichea", "Vijea" },
        // t / d / th / dh
        { "Vuthy", "Vuty" },
        { "Piseth", "Piset" },
        { "Chesda", "Chesta" },
        { "Dara", "Tara" },
        // p / b / ph / bh
        { "Sophal", "Sopal" },
        { "Bopha", "Popha" },
        { "Bun", "Pun" },
        // v / w
        { "Vanna", "Wanna" },
        { "Visal", "Wisal" },
        // ee / i / y / ii / ei / ey
        { "Sreypich", "Sreipich" },
        { "Pheakdey", "Pheakdei" },
        { "Pheakdey", "Pheakdy" },
        { "Pisey", "Pisei" },
        { "Ly", "Li" },
        { "Kim", "Keem" },
        { "Mey", "Mei" },
        { "Srey", "Sri" },
        // ay / ai
        { "Chhay", "Chhai" },
        { "Bunchhay", "Bunchhai" },
        { "Bunchhay", "Bunchhey" },
        { "Pheakdey", "Pheakday" },
        { "Seyha", "Seiha" },
        // ou / u / oo / ov (final) / ow
        { "Ouk", "Uk" },
        { "Touch", "Tuch" },
        { "Pov", "Pou" },
        { "Pov", "Pow" },
        { "Bou", "Bu" },
        { "Sreypov", "Sreypou" },
        { "Ngov", "Ngou" },
        { "Khiev", "Khieu" },
        // uo / ua
        { "Suon", "Suan" },
        // au / ao
        { "Mao", "Mau" },
        { "Chao", "Chau" },
        // ae / e
        { "Men", "Maen" },
        { "Keo", "Kaev" },
        // om / am before a consonant (ំ)
        { "Samnang", "Somnang" },
        { "Sambath", "Sombath" },
        { "Chamroeun", "Chomroeun" },
        // aa / a / ah
        { "Dara", "Daara" },
        { "Sokha", "Sokhah" },
        // nh / gn / ny / ñ
        { "Nhim", "Gnim" },
        { "Panha", "Pagna" },
        { "Panha", "Panya" },
        { "Nhek", "Ñek" },
        // doubled letters
        { "Sovann", "Sovan" },
        { "Phalla", "Phala" },
        { "Sinn", "Sin" },
        { "Sokkea", "Sokea" },
        { "Borra", "Bora" },
        // accents, spacing and joining
        { "Kéo", "Keo" },
        { "Srey Mom", "Sreymom" },
        { "Sok Heng", "Sokheng" },
    };

    [Theory]
    [MemberData(nameof(SameName))]
    public void Common_spellings_of_one_name_fold_alike(string a, string b) =>
        Assert.Equal(Fold(a), Fold(b));

    /// <summary>Common names that must stay apart, so that a short name does not meet half the register.</summary>
    public static TheoryData<string, string> DifferentNames => new()
    {
        { "Sok", "Sam" },
        { "Chan", "Chea" },
        { "Heng", "Hong" },
        { "Lay", "Ly" },
        { "Chhay", "Chey" },
        { "Say", "Sy" },
        { "Mom", "Mam" },
        { "Som", "Sam" },
        { "Suon", "Sun" },
        { "Sophea", "Sopha" },
        { "Sang", "San" },
        { "Long", "Lon" },
        { "Sok", "Suk" },
        { "Dara", "Dary" },
        { "Seng", "Sing" },
        { "Kim", "Kem" },
        { "Mao", "Mo" },
        { "Heng", "Eng" },
        { "Chan", "Chen" },
        { "Nhim", "Nim" },
        { "Sreymom", "Sreymao" },
        { "Borey", "Bora" },
        { "Keo", "Ko" },
        { "Meas", "Mas" },
    };

    [Theory]
    [MemberData(nameof(DifferentNames))]
    public void Different_names_keep_different_folds(string a, string b) =>
        Assert.NotEqual(Fold(a), Fold(b));

    [Theory]
    [InlineData("Chea", "chea")]
    [InlineData("Chhorn", "chon")]
    [InlineData("Sreypich", "sripich")]
    [InlineData("Pheakdey", "peakti")]
    [InlineData("Khiev", "keau")]
    [InlineData("Nguon", "nguon")]
    [InlineData("Bunheng", "punheng")]
    [InlineData("Soriya", "soriya")]
    [InlineData("Yim", "yim")]
    public void Fold_gives_the_documented_key(string name, string key) =>
        Assert.Equal(key, Fold(name));

    [Fact]
    public void Fold_is_idempotent_on_every_spelling_in_these_tests()
    {
        var names = SameName.Concat(DifferentNames).SelectMany(row => new[] { (string)row[0], (string)row[1] });
        foreach (var name in names)
        {
            var once = Fold(name);
            Assert.Equal(once, LatinNames.Fold(once));
        }
    }

    [Fact]
    public void Fold_of_empty_is_empty() => Assert.Equal("", LatinNames.Fold(""));

    private static string Fold(string name) => LatinNames.Fold(LatinNames.Letters(name));
}
