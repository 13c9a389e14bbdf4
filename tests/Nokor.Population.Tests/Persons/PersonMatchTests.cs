using Nokor.Platform.Khmer;
using Nokor.Population.Contracts;
using Nokor.Population.Data;
using Nokor.Population.Persons;

namespace Nokor.Population.Tests.Persons;

/// <summary>The birth form's parent check: the names of a claimed parent against the registry's, through the platform's name comparison.</summary>
public sealed class PersonMatchTests
{
    private static PersonEntity Mother() => new()
    {
        Kidc = "1143321936",
        SurnameKm = "ជា", GivenNameKm = "ស្រីពៅ", SurnameLatin = "Chea", GivenNameLatin = "Sreypeou",
        NameKmKey = NameKeys.KhmerKey("ជា", "ស្រីពៅ"), NameLatinKey = NameKeys.LatinKey("Chea", "Sreypeou"),
        Sex = Sex.Female, BirthYear = 1990, BirthMonth = 4, BirthDay = 17,
        Nationality = "KH", ResidenceVillageCode = "12010102",
    };

    private static PersonClaim Claim(string surnameKm = "ជា", string givenKm = "ស្រីពៅ", string? surnameLatin = null, string? givenLatin = null) =>
        new("1143321936", surnameKm, givenKm, surnameLatin, givenLatin, "1990-04-17");

    [Fact]
    public void The_same_names_however_typed_match()
    {
        Assert.True(PersonMatch.Matches(Mother(), Claim()));
        Assert.True(PersonMatch.Matches(Mother(), Claim(givenKm: "ស្រី ពៅ", surnameLatin: "CHEA", givenLatin: "Sreypeou")));
    }

    [Fact]
    public void Spelling_variants_and_the_romanized_khmer_match()
    {
        // Chia for Chea (ea / ia); Srey Pov, the romanization of ស្រីពៅ, for the stored "Sreypeou".
        Assert.True(PersonMatch.Matches(Mother(), Claim(surnameLatin: "Chia", givenLatin: "Srey Pov")));
        Assert.True(PersonMatch.Latin("Sreipov", "Sreypeou", "ស្រីពៅ"));
    }

    [Fact]
    public void A_typo_in_a_name_is_not_the_same_parent()
    {
        Assert.False(PersonMatch.Matches(Mother(), Claim(surnameLatin: "Chan")));
        Assert.False(PersonMatch.Latin("Sreypeau", "Sreypeou", "")); // one letter away, no Khmer to meet
        Assert.False(PersonMatch.Khmer("ស្រីពេ", "ស្រីពៅ")); // another vowel sign: one cluster edit
        Assert.False(PersonMatch.Matches(Mother(), Claim(surnameKm: "ចាន់")));
    }
}
