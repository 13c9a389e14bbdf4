using Microsoft.EntityFrameworkCore;
using Nokor.Population.Contracts;
using Nokor.Population.Persons;

namespace Nokor.Population.Tests.Families;

/// <summary>Marriages, their ends and the deaths that end them, as approvals of civil registration write them into the registry.</summary>
public sealed class MarriageTests(FamilyRegistry registry) : IClassFixture<FamilyRegistry>
{
    private Task<string> Man(string surnameKm, string givenKm, string surname, string given, string born = "1994-03-12") =>
        registry.PersonAsync(surnameKm, givenKm, surname, given, Sex.Male, born);

    private Task<string> Woman(string surnameKm, string givenKm, string surname, string given, string born = "1996-08-02") =>
        registry.PersonAsync(surnameKm, givenKm, surname, given, Sex.Female, born);

    [Fact]
    public async Task A_marriage_links_both_spouses_and_makes_them_married_in_a_version_each()
    {
        var dara = await Man("សុខ", "ដារ៉ា", "Sok", "Dara");
        var sreymom = await Woman("ចាន់", "ស្រីមុំ", "Chan", "Sreymom");
        var reference = FamilyRegistry.Reference("marriage");

        var outcome = await registry.MarryAsync(dara, sreymom, "2025-12-20", reference);

        Assert.True(outcome.IsOk);
        Assert.Equal([dara, sreymom], outcome.Value!.Kidcs);
        Assert.Equal([MaritalStatus.Married, MaritalStatus.Married], outcome.Value.Statuses);
        var husband = await registry.RecordAsync(dara);
        var wife = await registry.RecordAsync(sreymom);
        Assert.Equal(MaritalStatus.Married, husband.MaritalStatus);
        var link = Assert.Single(husband.Spouses);
        Assert.Equal(new SpouseLink(sreymom, "ចាន់ ស្រីមុំ", new DateOnly(2025, 12, 20), null, null, reference), link);
        Assert.Equal(dara, Assert.Single(wife.Spouses).SpouseKidc);
        Assert.Equal(2, husband.Version);

        var history = await registry.Directory(d => d.HistoryAsync(dara, "test: history", Nokor.Platform.Staff.Actor.Platform("test"), CancellationToken.None));
        var newest = history.Value![0];
        Assert.Equal(ChangeSource.Crvs, newest.Source);
        Assert.Contains(reference, newest.Reason, StringComparison.Ordinal);
        Assert.Equal(["maritalStatus", "spouses"], newest.ChangedFields);
        Assert.Equal(MaritalStatus.Married, newest.Snapshot!.MaritalStatus);
    }

    [Fact]
    public async Task The_same_reference_again_returns_the_first_result_and_writes_nothing_more()
    {
        var vibol = await Man("កែវ", "វិបុល", "Keo", "Vibol");
        var sophea = await Woman("មាស", "សុភា", "Meas", "Sophea");
        var reference = FamilyRegistry.Reference("marriage");

        var first = await registry.MarryAsync(vibol, sophea, "2026-01-10", reference);
        var again = await registry.MarryAsync(vibol, sophea, "2026-01-10", reference);

        Assert.True(again.IsOk);
        Assert.Equal(first.Value!.Kidcs, again.Value!.Kidcs);
        Assert.Equal(first.Value.Statuses, again.Value.Statuses);
        Assert.Equal(2, await registry.Tables(db => db.PersonSpouses.CountAsync(s => s.MarriageReference == reference)));
        Assert.Equal(2, (await registry.RecordAsync(vibol)).Version);
    }

    [Fact]
    public async Task A_person_already_married_is_refused_naming_the_marriage_in_force_and_nothing_is_written()
    {
        var rithy = await Man("ហេង", "រិទ្ធី", "Heng", "Rithy");
        var bopha = await Woman("លីម", "បុប្ផា", "Lim", "Bopha");
        var chenda = await Woman("អ៊ុក", "ចិន្តា", "Ouk", "Chenda");
        var first = FamilyRegistry.Reference("marriage");
        Assert.True((await registry.MarryAsync(rithy, bopha, "2024-05-04", first)).IsOk);

        var second = FamilyRegistry.Reference("marriage");
        var outcome = await registry.MarryAsync(rithy, chenda, "2026-02-14", second);

        Assert.False(outcome.IsOk);
        var message = Assert.Single(outcome.Errors["husbandKidc"]);
        Assert.Contains("already married", message, StringComparison.Ordinal);
        Assert.Contains(first, message, StringComparison.Ordinal);
        Assert.Equal(MaritalStatus.NeverMarried, (await registry.RecordAsync(chenda)).MaritalStatus);
        Assert.Empty((await registry.RecordAsync(chenda)).Spouses);
        Assert.False(await registry.Tables(db => db.SourceReferences.AnyAsync(r => r.Reference == second)));
    }

    [Fact]
    public async Task A_deceased_spouse_and_the_same_person_twice_are_refused_on_their_fields()
    {
        var sothea = await Man("រស់", "សុធា", "Ros", "Sothea");
        var malis = await Woman("ពេជ្រ", "ម្លិះ", "Pich", "Malis");
        Assert.True((await registry.Registry(r => r.RecordDeathAsync(malis, new DateOnly(2025, 6, 1), FamilyRegistry.Crvs,
            FamilyRegistry.Reference("death"), CancellationToken.None))).IsOk);

        var deceased = await registry.MarryAsync(sothea, malis, "2025-07-01", FamilyRegistry.Reference("marriage"));
        var twice = await registry.MarryAsync(sothea, sothea, "2025-07-01", FamilyRegistry.Reference("marriage"));

        Assert.Equal("This person is recorded as deceased on the date of the marriage.", Assert.Single(deceased.Errors["wifeKidc"]));
        Assert.Equal("The husband and the wife are the same person (the same KIDC twice).", Assert.Single(twice.Errors["wifeKidc"]));
        Assert.Empty((await registry.RecordAsync(sothea)).Spouses);
        Assert.Equal(MaritalStatus.NeverMarried, (await registry.RecordAsync(sothea)).MaritalStatus);
    }

    [Fact]
    public async Task A_spouse_who_died_after_the_date_is_refused_too()
    {
        var husband = await Man("ចេង", "ហុង", "Cheng", "Hong", "1950-01-01");
        var wife = await Woman("ស៊ឹម", "សុខុម", "Sim", "Sokhom", "1955-01-01");
        Assert.True((await registry.Registry(r => r.RecordDeathAsync(husband, new DateOnly(2024, 4, 4), FamilyRegistry.Crvs,
            FamilyRegistry.Reference("death"), CancellationToken.None))).IsOk);

        var outcome = await registry.MarryAsync(husband, wife, "1979-09-09", FamilyRegistry.Reference("marriage"));

        Assert.Equal("This person has since died (2024-04-04); a marriage is recorded while both spouses live.", Assert.Single(outcome.Errors["husbandKidc"]));
        Assert.Empty((await registry.RecordAsync(wife)).Spouses);
    }

    [Fact]
    public async Task Two_marriages_of_one_man_approved_at_once_leave_him_married_once()
    {
        var husband = await Man("អ៊ូ", "វណ្ណារិទ្ធ", "Ou", "Vannarith");
        var first = await Woman("ថន", "សុជាតា", "Thon", "Socheata");
        var second = await Woman("ហ៊ាង", "ស្រីនី", "Hang", "Sreyny");

        var outcomes = await Task.WhenAll(
            Task.Run(() => registry.MarryAsync(husband, first, "2026-07-07", FamilyRegistry.Reference("marriage"))),
            Task.Run(() => registry.MarryAsync(husband, second, "2026-07-07", FamilyRegistry.Reference("marriage"))));

        Assert.Single(outcomes, o => o.IsOk);
        var refused = Assert.Single(outcomes, o => !o.IsOk);
        Assert.True(refused.Kind == Nokor.Platform.Errors.OutcomeKind.Conflict || refused.Errors.ContainsKey("husbandKidc"));
        var record = await registry.RecordAsync(husband);
        Assert.Single(record.Spouses);
        Assert.Equal(2, record.Version);
        Assert.Equal(1, await registry.Tables(db => db.PersonSpouses.CountAsync(s => s.PersonKidc == first || s.PersonKidc == second)));
    }

    [Fact]
    public async Task A_foreign_wife_is_linked_by_name_and_only_the_husband_changes()
    {
        var sovann = await Man("ង៉ែត", "សុវណ្ណ", "Nget", "Sovann");
        var reference = FamilyRegistry.Reference("marriage");

        var outcome = await registry.MarryAsync(sovann, null, "2026-03-08", reference, wifeName: "NGUYEN Thi Lan, VN, passport C1234567");
        var withoutName = await registry.MarryAsync(null, null, "2026-03-08", FamilyRegistry.Reference("marriage"));

        Assert.Equal([sovann], outcome.Value!.Kidcs);
        var link = Assert.Single((await registry.RecordAsync(sovann)).Spouses);
        Assert.Null(link.SpouseKidc);
        Assert.Equal("NGUYEN Thi Lan, VN, passport C1234567", link.SpouseName);
        Assert.True(withoutName.Errors.ContainsKey("husbandKidc"));
    }

    [Fact]
    public async Task A_divorce_ends_the_links_with_the_date_and_a_second_divorce_is_refused()
    {
        var dara = await Man("ទេព", "ដារ៉ា", "Tep", "Dara");
        var leakhena = await Woman("ស៊ុន", "លក្ខិណា", "Sun", "Leakhena");
        var marriage = FamilyRegistry.Reference("marriage");
        Assert.True((await registry.MarryAsync(dara, leakhena, "2019-11-23", marriage)).IsOk);
        var divorce = FamilyRegistry.Reference("divorce");

        var outcome = await registry.EndAsync(marriage, MarriageEndKind.Divorce, "2026-04-30", divorce);
        var again = await registry.EndAsync(marriage, MarriageEndKind.Divorce, "2026-05-02", FamilyRegistry.Reference("divorce"));
        var unknown = await registry.EndAsync(FamilyRegistry.Reference("marriage"), MarriageEndKind.Divorce, "2026-05-02", FamilyRegistry.Reference("divorce"));
        var repeated = await registry.EndAsync(marriage, MarriageEndKind.Divorce, "2026-04-30", divorce);

        Assert.Equal([MaritalStatus.Divorced, MaritalStatus.Divorced], outcome.Value!.Statuses);
        Assert.True(repeated.IsOk);
        Assert.Equal("This marriage already ended: Divorce on 2026-04-30.", Assert.Single(again.Errors["marriageReference"]));
        Assert.Equal("No marriage is recorded in the Population Registry under this reference.", Assert.Single(unknown.Errors["marriageReference"]));
        var wife = await registry.RecordAsync(leakhena);
        Assert.Equal(MaritalStatus.Divorced, wife.MaritalStatus);
        Assert.Equal(new SpouseLink(dara, "ទេព ដារ៉ា", new DateOnly(2019, 11, 23), new DateOnly(2026, 4, 30), MarriageEndKind.Divorce, marriage), Assert.Single(wife.Spouses));
        Assert.Equal(3, wife.Version);
        Assert.Null(await registry.Registry(r => r.MarriageInForceAsync(dara, FamilyRegistry.Crvs, "test: bigamy check", CancellationToken.None)));
    }

    [Fact]
    public async Task A_legal_separation_suspends_the_marriage_which_stays_in_force_until_a_divorce()
    {
        var vuthy = await Man("ឈឹម", "វុទ្ធី", "Chhim", "Vuthy");
        var nary = await Woman("យឹម", "ណារី", "Yim", "Nary");
        var other = await Woman("សេង", "ចាន់ធី", "Seng", "Chanthy");
        var marriage = FamilyRegistry.Reference("marriage");
        Assert.True((await registry.MarryAsync(vuthy, nary, "2015-02-01", marriage)).IsOk);

        var separation = await registry.EndAsync(marriage, MarriageEndKind.LegalSeparation, "2025-09-01", FamilyRegistry.Reference("legal-separation"));
        var inForce = await registry.Registry(r => r.MarriageInForceAsync(vuthy, FamilyRegistry.Crvs, "test: bigamy check", CancellationToken.None));
        var remarriage = await registry.MarryAsync(vuthy, other, "2026-01-01", FamilyRegistry.Reference("marriage"));
        var divorce = await registry.EndAsync(marriage, MarriageEndKind.Divorce, "2026-06-01", FamilyRegistry.Reference("divorce"));

        Assert.Equal([MaritalStatus.Separated, MaritalStatus.Separated], separation.Value!.Statuses);
        Assert.Equal(new SpouseLink(nary, null, new DateOnly(2015, 2, 1), new DateOnly(2025, 9, 1), MarriageEndKind.LegalSeparation, marriage), inForce);
        Assert.Contains("legally separated", Assert.Single(remarriage.Errors["husbandKidc"]), StringComparison.Ordinal);
        Assert.Equal([MaritalStatus.Divorced, MaritalStatus.Divorced], divorce.Value!.Statuses);
    }

    [Fact]
    public async Task An_annulment_gives_back_the_status_before_the_marriage()
    {
        var pisey = await Woman("ហួត", "ពិសី", "Huot", "Pisey", "1980-01-15");
        var first = await Man("ឡុង", "សារ៉ាត", "Long", "Sarath", "1975-04-01");
        var second = await Man("ម៉ៅ", "សំណាង", "Mao", "Samnang", "1979-10-10");
        var firstMarriage = FamilyRegistry.Reference("marriage");
        Assert.True((await registry.MarryAsync(first, pisey, "2001-06-01", firstMarriage)).IsOk);
        Assert.True((await registry.Registry(r => r.RecordDeathAsync(first, new DateOnly(2020, 3, 3), FamilyRegistry.Crvs,
            FamilyRegistry.Reference("death"), CancellationToken.None))).IsOk);
        Assert.Equal(MaritalStatus.Widowed, (await registry.RecordAsync(pisey)).MaritalStatus);
        var secondMarriage = FamilyRegistry.Reference("marriage");
        Assert.True((await registry.MarryAsync(second, pisey, "2024-02-02", secondMarriage)).IsOk);

        var annulment = await registry.EndAsync(secondMarriage, MarriageEndKind.Annulment, "2025-01-20", FamilyRegistry.Reference("annulment"));

        Assert.Equal([MaritalStatus.NeverMarried, MaritalStatus.Widowed], annulment.Value!.Statuses);
        var record = await registry.RecordAsync(pisey);
        Assert.Equal(MaritalStatus.Widowed, record.MaritalStatus);
        Assert.Equal([MarriageEndKind.Death, MarriageEndKind.Annulment], record.Spouses.Select(s => s.EndedBy));
    }

    [Fact]
    public async Task A_death_widows_the_survivor_and_reverting_it_gives_the_marriage_back()
    {
        var kosal = await Man("ស៊ិន", "កុសល", "Sin", "Kosal", "1960-05-05");
        var thida = await Woman("ខៀវ", "ធីដា", "Khiev", "Thida", "1963-09-09");
        var marriage = FamilyRegistry.Reference("marriage");
        Assert.True((await registry.MarryAsync(kosal, thida, "1985-12-12", marriage)).IsOk);
        var death = FamilyRegistry.Reference("death");

        Assert.True((await registry.Registry(r => r.RecordDeathAsync(kosal, new DateOnly(2026, 10, 1), FamilyRegistry.Crvs, death, CancellationToken.None))).IsOk);
        var widow = await registry.RecordAsync(thida);
        var deceased = await registry.RecordAsync(kosal);
        Assert.True(await registry.Registry(r => r.RevertDeathAsync(death, FamilyRegistry.Crvs, "registration rejected", CancellationToken.None)));
        var wife = await registry.RecordAsync(thida);

        Assert.Equal(MaritalStatus.Widowed, widow.MaritalStatus);
        Assert.Equal(new SpouseLink(kosal, "ស៊ិន កុសល", new DateOnly(1985, 12, 12), new DateOnly(2026, 10, 1), MarriageEndKind.Death, marriage), Assert.Single(widow.Spouses));
        Assert.Equal(MaritalStatus.Married, deceased.MaritalStatus);
        Assert.Equal(MarriageEndKind.Death, Assert.Single(deceased.Spouses).EndedBy);
        Assert.Equal(MaritalStatus.Married, wife.MaritalStatus);
        Assert.Null(Assert.Single(wife.Spouses).EndedBy);
        Assert.Equal(marriage, (await registry.Registry(r => r.MarriageInForceAsync(kosal, FamilyRegistry.Crvs, "test", CancellationToken.None)))!.MarriageReference);
    }

    [Fact]
    public async Task Marital_status_cannot_be_edited_on_the_record_but_is_declared_at_registration()
    {
        var staff = Nokor.Platform.Staff.Actor.Platform("registrar-test");
        var created = await registry.Directory(d => d.RegisterAsync(new RegisterPersonRequest
        {
            SurnameKm = "នួន", GivenNameKm = "សុផល", SurnameLatin = "Nuon", GivenNameLatin = "Sophal", Sex = "Male",
            BirthDate = "1950-01-01", BirthPlaceCode = registry.Village, ResidenceVillageCode = registry.Village,
            CitizenshipStatus = "CitizenByBirth", MaritalStatus = "Married", Source = "ManualCorrection", Reason = "Registered from the family book",
        }, staff, CancellationToken.None));
        var kidc = created.Value!.Kidc;

        var edit = await registry.Directory(d => d.UpdateAsync(kidc, new UpdatePersonRequest
        {
            MaritalStatus = "Divorced", Source = "ManualCorrection", Reason = "Divorced last year",
        }, staff, CancellationToken.None));
        var unchanged = await registry.Directory(d => d.UpdateAsync(kidc, new UpdatePersonRequest
        {
            MaritalStatus = "Married", ResidenceAddress = "ផ្ទះលេខ ១២ ភូមិថ្មី", Source = "Residence", Reason = "Moved within the village",
        }, staff, CancellationToken.None));

        Assert.Equal(MaritalStatus.Married, created.Value.MaritalStatus);
        Assert.Equal(PersonValidator.MaritalStatusIsDerived, Assert.Single(edit.Errors["maritalStatus"]));
        Assert.EndsWith("Marital status follows the registered marriages, divorces and deaths: register the event.", PersonValidator.MaritalStatusIsDerived, StringComparison.Ordinal);
        Assert.True(unchanged.IsOk);
        var record = await registry.RecordAsync(kidc);
        Assert.Equal(MaritalStatus.Married, record.MaritalStatus);
        Assert.Equal(2, record.Version);
    }
}
