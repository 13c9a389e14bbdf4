using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Marriages;
using Nokor.Platform.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Testing;

namespace Nokor.CivilRegistration.Tests.Marriages;

/// <summary>
/// The Civil Code's rules of <see cref="MarriageValidator"/> on their own: what the registry answers
/// is set by the test (<see cref="AnsweringRegistry"/>), so each rule's article, field and message is
/// checked without building the family in the registry (the HTTP tests do that end to end).
/// </summary>
public sealed class MarriageRulesTests : IAsyncLifetime
{
    private static readonly string HusbandKidc = KidcRule.Complete("120000001")!;
    private static readonly string WifeKidc = KidcRule.Complete("120000002")!;

    private readonly AnsweringRegistry _registry = new();
    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;
    private string _village = "";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _services = _db.BuildServices(s => s.AddSingleton<IPopulationRegistry>(_registry));
        await using var scope = _services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await GazetteerLoader.EnsureLoadedAsync(platform, CancellationToken.None);
        _village = await platform.GazetteerUnits.AsNoTracking()
            .Where(u => u.Level == AdminLevel.Village).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static string YearsAgo(int years, int days = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddYears(-years).AddDays(-days).ToString("yyyy-MM-dd");

    private MarriageDossier Dossier(string husbandBorn = "1990-01-01", string wifeBorn = "1992-02-02") => new()
    {
        Husband = new SpouseDetails { Kidc = HusbandKidc, SurnameKm = "សុខ", GivenNameKm = "ដារ៉ា", SurnameLatin = "Sok", GivenNameLatin = "Dara", BirthDate = husbandBorn },
        Wife = new SpouseDetails { Kidc = WifeKidc, SurnameKm = "ចាន់", GivenNameKm = "សុភា", SurnameLatin = "Chan", GivenNameLatin = "Sophea", BirthDate = wifeBorn },
        MarriageDate = YearsAgo(0, 1),
        MarriagePlaceCode = _village,
        Witnesses = [new WitnessDetails { Name = "ហេង សំណាង" }, new WitnessDetails { Name = "លី ស្រីមុំ" }],
    };

    private async Task<(MarriageDossier? Dossier, IDictionary<string, string[]> Errors)> ValidateAsync(MarriageDossier dossier)
    {
        await using var scope = _services.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<MarriageValidator>();
        var errors = new FieldErrors();
        var (valid, _) = await validator.MarriageAsync(dossier, Actor.Platform("test"), errors, "civil registration test", CancellationToken.None);
        return (valid, errors.ToDictionary());
    }

    [Fact]
    public async Task A_valid_marriage_is_normalized_with_the_legal_regime_and_both_spouses_confirmed()
    {
        var (dossier, errors) = await ValidateAsync(Dossier());
        Assert.Empty(errors);
        Assert.Equal("Legal", dossier!.PropertyRegime);
        Assert.True(dossier.Husband!.Confirmed);
        Assert.Equal("KH", dossier.Wife!.Nationality);
        Assert.Equal([Sex.Male, Sex.Female], _registry.Claims.Select(c => c.Sex));
        Assert.All(_registry.Claims, c => Assert.Equal(DateOnly.Parse(YearsAgo(0, 1)), c.AliveOn));
    }

    [Theory]
    [InlineData(KinshipKind.Lineal, 1, "art. 950 (lineal relatives by blood)")]
    [InlineData(KinshipKind.Collateral, 3, "art. 950 (collateral relatives by blood within the third degree)")]
    [InlineData(KinshipKind.LinealByAffinity, 1, "art. 951")]
    [InlineData(KinshipKind.Adoptive, 1, "art. 952")]
    public async Task Each_prohibited_degree_is_refused_on_the_wife_s_KIDC_citing_its_article(KinshipKind kind, int degree, string article)
    {
        _registry.Kinship = new Kinship(kind, degree, "as the registry describes it");
        var (dossier, errors) = await ValidateAsync(Dossier());
        Assert.Null(dossier);
        Assert.Contains(article, Assert.Single(errors["marriage.wife.kidc"]), StringComparison.Ordinal);
        Assert.Equal(new KinshipLimits(3, 6), _registry.Limits);
    }

    [Fact]
    public async Task First_cousins_in_the_fourth_degree_may_marry()
    {
        _registry.Kinship = new Kinship(KinshipKind.Collateral, 4, "first cousins");
        var (_, errors) = await ValidateAsync(Dossier());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_spouse_married_elsewhere_in_the_registry_is_refused_under_article_949()
    {
        _registry.InForce[HusbandKidc] = new SpouseLink(KidcRule.Complete("120000003")!, null, new DateOnly(2015, 3, 8), null, null, "population:manual:42");
        var (_, errors) = await ValidateAsync(Dossier());
        var message = Assert.Single(errors["marriage.husband.kidc"]);
        Assert.Contains("art. 949", message, StringComparison.Ordinal);
        Assert.Contains("2015-03-08", message, StringComparison.Ordinal);
        Assert.False(errors.ContainsKey("marriage.wife.kidc"));
    }

    [Theory]
    [InlineData(15, false, "marriage.husband.birthDate")]
    [InlineData(17, false, "marriage.husband.consent")]
    [InlineData(17, true, null)]
    [InlineData(18, true, "marriage.husband.consent")]
    public async Task The_age_rules_of_article_948_follow_the_age_on_the_date_and_the_consent(int age, bool consent, string? field)
    {
        var dossier = Dossier(husbandBorn: YearsAgo(age, 30));
        if (consent)
        {
            dossier = dossier with
            {
                Husband = dossier.Husband! with { Consent = new ConsentDetails { Name = "សុខ វិបុល", Relationship = "Father", GivenOn = YearsAgo(0, 5) } },
            };
        }

        var (valid, errors) = await ValidateAsync(dossier);
        if (field is null)
        {
            Assert.Empty(errors);
            Assert.Equal("father", valid!.Husband!.Consent!.Relationship);
        }
        else
        {
            Assert.Equal([field], errors.Keys);
        }
    }

    [Fact]
    public async Task A_birth_year_alone_counts_from_its_last_day_so_an_age_that_may_be_17_needs_consent()
    {
        // Born in the year 18 years ago, married yesterday: 18 if born on 1 January, 17 if born later that year.
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).Year - 18;
        var (_, errors) = await ValidateAsync(Dossier(wifeBorn: year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(errors.ContainsKey("marriage.wife.consent"), string.Join("; ", errors.Keys));
    }

    [Fact]
    public async Task A_foreign_spouse_is_described_by_passport_and_a_Cambodian_must_give_a_KIDC()
    {
        var foreign = new SpouseDetails { SurnameLatin = "Tanaka", GivenNameLatin = "Hiro", BirthDate = "1989-07-07", Nationality = "jp", PassportNumber = "tk1234567", PassportCountry = "JP" };
        var (dossier, errors) = await ValidateAsync(Dossier() with { Husband = foreign });
        Assert.Empty(errors);
        Assert.Equal("TK1234567", dossier!.Husband!.PassportNumber);
        Assert.Equal("JP", dossier.Husband.Nationality);

        var (_, cambodian) = await ValidateAsync(Dossier() with { Husband = foreign with { Nationality = "KH" } });
        Assert.Contains("named by KIDC", Assert.Single(cambodian["marriage.husband.kidc"]), StringComparison.Ordinal);
    }

    /// <summary>
    /// Hand-written on purpose: the registry's answers are the input of the rules under test, so the
    /// test sets them (kinship, marriage in force) and records the claims asked; the real registry is
    /// exercised by the HTTP tests. Only what the marriage validator calls is answered.
    /// </summary>
    private sealed class AnsweringRegistry : IPopulationRegistry
    {
        public List<PersonClaim> Claims { get; } = [];
        public Dictionary<string, SpouseLink> InForce { get; } = [];
        public Kinship? Kinship { get; set; }
        public KinshipLimits? Limits { get; private set; }

        public Task<IReadOnlyList<PersonConfirmation>> ConfirmManyAsync(IReadOnlyList<PersonClaim> claims, Actor actor, string purpose, CancellationToken ct)
        {
            Claims.AddRange(claims);
            return Task.FromResult<IReadOnlyList<PersonConfirmation>>(claims.Select(_ => new PersonConfirmation(true, true, null)).ToList());
        }

        public Task<SpouseLink?> MarriageInForceAsync(string kidc, Actor actor, string purpose, CancellationToken ct) =>
            Task.FromResult(InForce.GetValueOrDefault(kidc));

        public Task<Kinship?> KinshipAsync(string kidcA, string kidcB, KinshipLimits limits, Actor actor, string purpose, CancellationToken ct)
        {
            Limits = limits;
            return Task.FromResult(Kinship);
        }

        public Task<PersonConfirmation> ConfirmAsync(PersonClaim claim, Actor actor, string purpose, CancellationToken ct) => throw new NotSupportedException();
        public Task<PersonRecord?> FindAsync(string kidc, Actor actor, string purpose, CancellationToken ct) => throw new NotSupportedException();
        public Task<Outcome<PersonRecord>> RegisterNewbornAsync(Newborn newborn, Actor actor, string reference, CancellationToken ct) => throw new NotSupportedException();
        public Task<Outcome<PersonRecord>> RecordDeathAsync(string kidc, DateOnly deathDate, Actor actor, string reference, CancellationToken ct) => throw new NotSupportedException();
        public Task<Outcome<PersonRecord>> CorrectAsync(string kidc, PersonCorrection correction, Actor actor, string reference, CancellationToken ct) => throw new NotSupportedException();
        public Task<bool> VoidNewbornAsync(string reference, Actor actor, string reason, CancellationToken ct) => throw new NotSupportedException();
        public Task<bool> RevertDeathAsync(string reference, Actor actor, string reason, CancellationToken ct) => throw new NotSupportedException();
        public Task<Outcome<MarriageRecorded>> RecordMarriageAsync(MarriageLink marriage, Actor actor, string reference, CancellationToken ct) => throw new NotSupportedException();
        public Task<Outcome<MarriageRecorded>> EndMarriageAsync(MarriageEnd end, Actor actor, string reference, CancellationToken ct) => throw new NotSupportedException();
        public Task<Outcome<PersonRecord>> ChangeParentsAsync(ParentageChange change, Actor actor, string reference, CancellationToken ct) => throw new NotSupportedException();
        public Task<bool> RevertAsync(string reference, Actor actor, string reason, CancellationToken ct) => throw new NotSupportedException();
    }
}
