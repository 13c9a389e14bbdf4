using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;
using Nokor.Verification.Queries;

namespace Nokor.Verification.Tests;

public class MatchingAndReleaseTests
{
    private static PersonFactsEntity Person(string surnameKm = "សុខ", string givenKm = "ស្រីមុំ", string surnameLatin = "Sok", string givenLatin = "Srey Mom") => new()
    {
        PersonId = Guid.NewGuid(), Kidc = "1143321936", Version = 3,
        SurnameKm = KhmerText.Normalize(surnameKm), GivenNameKm = KhmerText.Normalize(givenKm), SurnameLatin = surnameLatin, GivenNameLatin = givenLatin,
        SurnameKmKey = NameKeys.KhmerKey(surnameKm), GivenNameKmKey = NameKeys.KhmerKey(givenKm),
        SurnameLatinKey = NameKeys.LatinKey(surnameLatin), GivenNameLatinKey = NameKeys.LatinKey(givenLatin),
        Sex = "F", BirthYear = 1990, BirthMonth = 4, BirthDay = 17, BirthPlaceCode = "12010101", Nationality = "KH",
        ResidenceVillageCode = "12010102", Alive = true,
    };

    [Theory]
    [InlineData("ស្រីមុំ", true, null)]
    [InlineData("ស្រី មុំ", true, NameMatching.KhmerEncodingVariant)]
    [InlineData("ស្រីមុខ", false, null)]
    public void Khmer_names_match_exactly_or_as_an_encoding_variant_and_say_which(string claimed, bool match, string? variant)
    {
        var p = Person();
        var result = NameMatching.Khmer(PersonNames.Khmer(claimed, out _)!, p.GivenNameKm);
        Assert.Equal(match, result.Match);
        Assert.Equal(variant, result.Variant);
    }

    [Fact]
    public void A_subscript_DA_typed_for_TA_is_an_encoding_variant()
    {
        // ឧត្តម written with the subscript TA (U+17D2 U+178F) and with the subscript DA (U+17D2 U+178A): one glyph.
        var stored = "\u17A7\u178F\u17D2\u178F\u1798";
        var typed = "\u17A7\u178F\u17D2\u178A\u1798";
        var p = Person(givenKm: stored);
        var result = NameMatching.Khmer(PersonNames.Khmer(typed, out _)!, p.GivenNameKm);
        Assert.True(result.Match);
        Assert.Equal(NameMatching.KhmerEncodingVariant, result.Variant);
    }

    [Theory]
    [InlineData("Srey Mom", true, null)]
    [InlineData("srey mom", true, null)]
    [InlineData("Sreymom", true, NameMatching.LatinSpellingVariant)]
    [InlineData("Srei Mom", true, NameMatching.LatinSpellingVariant)]
    [InlineData("Sray Mom", false, null)]
    public void Latin_names_match_exactly_or_as_a_romanization_variant(string claimed, bool match, string? variant)
    {
        var p = Person();
        var result = NameMatching.Latin(PersonNames.Latin(claimed, out _)!, p.GivenNameLatin, p.GivenNameKm);
        Assert.Equal(match, result.Match);
        Assert.Equal(variant, result.Variant);
    }

    [Theory]
    [InlineData("Chia", "Chea", true, NameMatching.LatinSpellingVariant)] // ea / ia
    [InlineData("Chhon", "Chhorn", true, NameMatching.LatinSpellingVariant)] // a French-era length r
    [InlineData("Gosal", "Kosal", true, NameMatching.LatinSpellingVariant)] // k / g
    [InlineData("Sokhe", "Sokha", false, null)] // a typo is not a match for a verification
    [InlineData("Sam", "Sok", false, null)]
    public void Latin_spelling_variants_match_and_typos_do_not(string claimed, string stored, bool match, string? variant)
    {
        var p = Person(surnameLatin: stored);
        var result = NameMatching.Latin(PersonNames.Latin(claimed, out _)!, p.SurnameLatin, p.SurnameKm);
        Assert.Equal(match, result.Match);
        Assert.Equal(variant, result.Variant);
    }

    [Fact]
    public void A_latin_claim_meeting_the_romanized_khmer_is_an_other_script_match()
    {
        // The registry holds the family's own spelling "Sreypeou"; the institution's file has
        // "Srey Pov", the everyday romanization of ស្រីពៅ: the same name in the other script.
        var p = Person(givenKm: "ស្រីពៅ", givenLatin: "Sreypeou");
        var result = NameMatching.Latin(PersonNames.Latin("Srey Pov", out _)!, p.GivenNameLatin, p.GivenNameKm);
        Assert.True(result.Match);
        Assert.Equal(NameMatching.OtherScriptVariant, result.Variant);
    }

    [Fact]
    public void Another_khmer_spelling_of_the_name_is_a_khmer_spelling_match_and_a_khmer_typo_is_not()
    {
        var p = Person(givenKm: "ចំរើន", givenLatin: "Chamroeun");
        var spelling = NameMatching.Khmer(PersonNames.Khmer("ចម្រើន", out _)!, p.GivenNameKm);
        Assert.True(spelling.Match);
        Assert.Equal(NameMatching.KhmerSpellingVariant, spelling.Variant);

        // ចំរើង: one cluster away (a typo of the final), refused.
        Assert.False(NameMatching.Khmer(PersonNames.Khmer("ចំរើង", out _)!, p.GivenNameKm).Match);
    }

    [Theory]
    [InlineData("1990-04-17", true)]
    [InlineData("1990-04", false)]
    [InlineData("1990", false)]
    [InlineData("1990-04-18", false)]
    public void A_date_of_birth_matches_only_at_the_precision_the_registry_holds(string claimed, bool match)
    {
        var errors = new FieldErrors();
        var claims = Claims.Parse(new ClaimsInput(DateOfBirth: claimed), errors)!;
        Assert.False(errors.Any);
        Assert.Equal(match, claims.Compare(Person()).Single().Value.Match);
    }

    [Fact]
    public void A_registry_date_known_to_the_month_matches_a_claim_to_the_month()
    {
        var p = Person();
        p.BirthDay = null;
        var claims = Claims.Parse(new ClaimsInput(DateOfBirth: "1990-04"), new FieldErrors())!;
        Assert.True(claims.Compare(p).Single().Value.Match);
    }

    [Fact]
    public void Bad_claims_are_named_field_by_field()
    {
        var errors = new FieldErrors();
        var claims = Claims.Parse(new ClaimsInput(SurnameKm: "Sok", SurnameLatin: "សុខ", Sex: "X", DateOfBirth: "17/04/1990", Nationality: "KHM"), errors);
        Assert.Null(claims);
        foreach (var field in new[] { "claims.surnameKm", "claims.surnameLatin", "claims.sex", "claims.dateOfBirth", "claims.nationality" })
        {
            Assert.True(errors.Has(field), field);
        }
    }

    [Fact]
    public void No_claim_at_all_is_refused()
    {
        var errors = new FieldErrors();
        Assert.Null(Claims.Parse(new ClaimsInput(), errors));
        Assert.True(errors.Has("claims"));
        var none = new FieldErrors();
        Assert.Null(Claims.Parse(null, none));
        Assert.True(none.Has("claims"));
    }

    /// <summary>
    /// Every one of the 2,048 sets of allowed attributes, asked for everything, for each attribute
    /// alone and for what it does not allow: nothing outside the contract ever comes back.
    /// </summary>
    [Fact]
    public async Task No_combination_of_contract_and_request_releases_an_attribute_the_contract_does_not_allow()
    {
        var all = PersonAttributes.Releasable;
        var p = Person();
        p.Alive = false;
        p.DeathDate = new DateOnly(2024, 1, 2);
        var checkedCases = 0;
        for (var mask = 0; mask < 1 << all.Count; mask++)
        {
            var allowed = all.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            var requests = new List<IReadOnlyList<string>> { all, all.Where(a => !allowed.Contains(a)).ToList() };
            requests.AddRange(all.Select(a => (IReadOnlyList<string>)[a]));
            foreach (var requested in requests)
            {
                var released = await AttributeRelease.SelectAsync(p, requested, allowed, null, CancellationToken.None);
                Assert.True(released.Keys.All(allowed.Contains));
                Assert.True(released.Keys.All(requested.Contains));
                Assert.Equal(requested.Count(allowed.Contains), released.Count);
                checkedCases++;
            }
        }

        Assert.Equal(2048 * 13, checkedCases);
    }

    [Fact]
    public async Task Released_values_are_the_registry_values()
    {
        var p = Person();
        var released = await AttributeRelease.SelectAsync(p, PersonAttributes.Releasable, PersonAttributes.Releasable.ToHashSet(), null, CancellationToken.None);
        Assert.Equal(p.SurnameKm, released[PersonAttributes.SurnameKm]);
        Assert.Equal("1990-04-17", released[PersonAttributes.DateOfBirth]);
        Assert.Equal("alive", released[PersonAttributes.LifeStatus]);
        Assert.Null(released[PersonAttributes.DateOfDeath]);
        Assert.Equal("12010101", ((ReleasedPlace)released[PersonAttributes.PlaceOfBirth]!).Code);
    }

    [Theory]
    [InlineData("2026-11-30T16:59:59Z", 202611, 1)]
    [InlineData("2026-11-30T17:00:00Z", 202612, 31 * 86400)]
    [InlineData("2026-12-31T17:00:00Z", 202701, 31 * 86400)]
    public void Months_and_quota_renewal_follow_Cambodia_time(string utc, int month, int secondsToRenewal)
    {
        var at = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(month, UsageMeter.MonthOf(at));
        Assert.Equal(secondsToRenewal, (int)UsageMeter.UntilNextMonth(at).TotalSeconds);
    }

    [Theory]
    [InlineData("account-opening", true)]
    [InlineData("kyc", true)]
    [InlineData("Account-Opening", false)]
    [InlineData("account--opening", false)]
    [InlineData("-kyc", false)]
    [InlineData("k", false)]
    public void Purpose_codes_are_lower_case_words_joined_by_hyphens(string code, bool ok) => Assert.Equal(ok, Purposes.IsWellFormed(code));
}
