using Nokor.Platform.Khmer;

namespace Nokor.Platform.Tests.Khmer;

public sealed class NameKeysTests
{
    public static TheoryData<string, string> LatinVariants => new()
    {
        { "Sok Dara", "SOKH DARAH" },
        { "Sok", "Sokh" },
        { "Chan Sophea", "Chhan Sophea" },
        { "Chan Sreymom", "Chann Srey Mom" },
        { "Chan", "Chhan" },
        { "Sreymom", "Srey Mom" },
        { "Srey", "Srei" },
        { "Phal", "Pal" },
        { "Kosal", "Kossal" },
        { "Vanna", "Vana" },
        { "Dara", "Darah" },
        { "Pov", "Pou" },
        { "Ouk", "Uk" },
        { "Heng Vanna", "Heng Vana" },
        { "Ouk Kosal", "Uk Kossal" },
        { "Pov Sophal", "Pou Sophal" },
        { "Ly Vicheth", "Li Vichet" },
        { "Keo Wanna", "Keo Vanna" },
        { "Hêng Sophéa", "Heng Sophea" },
        { "Sok-Dara", "Sok Dara" },
        { "Sorn Pisey", "Son Pisei" },
        { "Morm", "Mom" },
        { "Chhay", "Chai" },
        { "D'Ara", "dara" },
        { "Sok  Dara ", " sok dara" },
    };

    [Theory]
    [MemberData(nameof(LatinVariants))]
    public void Latin_spelling_variants_share_a_key(string a, string b) =>
        Assert.Equal(NameKeys.LatinKey(a), NameKeys.LatinKey(b));

    public static TheoryData<string, string> LatinDistinct => new()
    {
        { "Sok", "Sak" },
        { "Chan", "Chea" },
        { "Chan", "Chen" },
        { "Dara", "Dary" },
        { "Heng", "Eng" },
        { "Seng", "Sing" },
        { "Sophea", "Sophal" },
        { "Borey", "Boy" },
        { "Kim", "Kem" },
        { "Sokha", "Sok" },
        { "Yim", "Im" },
        { "Vanna", "Vann" },
    };

    [Theory]
    [MemberData(nameof(LatinDistinct))]
    public void Different_Latin_names_keep_different_keys(string a, string b) =>
        Assert.NotEqual(NameKeys.LatinKey(a), NameKeys.LatinKey(b));

    [Theory]
    [InlineData("Sok Dara", "sokdara")]
    [InlineData("Chhan Sreymom", "chansreimom")]
    [InlineData("Pov Vicheth", "puvichet")]
    [InlineData("Ouk Kossal", "ukkosal")]
    [InlineData("Sorn Phally", "sonpali")]
    [InlineData("Yim Chhorn", "yimchon")]
    public void Latin_keys_are_stable(string name, string key)
    {
        // These keys are stored in the database: a change here means re-keying every person.
        Assert.Equal(key, NameKeys.LatinKey(name));
    }

    [Fact]
    public void The_two_argument_forms_equal_the_full_name_forms()
    {
        Assert.Equal(NameKeys.LatinKey("Sok Dara"), NameKeys.LatinKey("Sok", "Dara"));
        Assert.Equal(NameKeys.KhmerKey("\u179F\u17BB\u1781 \u178A\u17B6"), NameKeys.KhmerKey("\u179F\u17BB\u1781", "\u178A\u17B6"));
        Assert.Equal("", NameKeys.LatinKey(" - "));
    }
}
