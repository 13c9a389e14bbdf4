using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Pdf;
using Nokor.Platform.Signing;
using Nokor.Population.Contracts;
using Nokor.Web.Tests.Infrastructure;
using static Nokor.Web.Tests.Infrastructure.MarriageIntents;

namespace Nokor.Web.Tests.Civil;

/// <summary>Divorce, annulment and legal separation over HTTP: the end of a registered marriage in the register and the registry, and their refusals.</summary>
public sealed class DivorceApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Marriages = "/api/civil/registrations/marriages";
    private const string Dissolutions = "/api/civil/registrations/dissolutions";

    private async Task<(RegistrationView Marriage, PersonRecord Husband, PersonRecord Wife)> MarriedAsync(
        string husbandKm, string husbandLatin, string wifeKm, string wifeLatin, int daysAgo = 400)
    {
        var agent = await host.ClientForAsync("agent.a");
        var husband = await host.PersonAsync(agent, host.VillageA, "Male", "ញឹម", husbandKm, "Nhim", husbandLatin, "1989-09-09");
        var wife = await host.PersonAsync(agent, host.VillageA, "Female", "ស៊ឹម", wifeKm, "Sim", wifeLatin, "1991-01-15");
        var marriage = await host.RegisterAsync(Marriages, MarriageBody(host.VillageA, DaysAgo(daysAgo), Spouse(husband), Spouse(wife)));
        Assert.Equal(RegistrationStatus.Approved, marriage.Status);
        return (marriage, husband, wife);
    }

    private async Task<PersonRecord> PersonAsync(string kidc)
    {
        var registrar = await host.ClientForAsync("registrar.a");
        return (await registrar.GetFromJsonAsync<PersonRecord>($"/api/population/persons/{kidc}", NokorHost.Json))!;
    }

    private async Task<MarriageEntity> RegisterRowAsync(Guid marriageId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Marriages.AsNoTracking().SingleAsync(m => m.RegistrationId == marriageId);
    }

    private async Task<bool> WrittenAsync(Dictionary<string, object?> body)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.Id == (Guid)body["id"]!);
    }

    [Fact]
    public async Task A_court_divorce_ends_the_marriage_in_the_register_and_the_registry_prints_its_certificate_and_a_second_divorce_is_refused()
    {
        var (marriage, husband, wife) = await MarriedAsync("សុផាត", "Sophat", "ធីតា", "Thida");
        var divorce = await host.RegisterAsync(Dissolutions, DivorceBody(marriage.Number!, DaysAgo(5)));
        Assert.Equal(VitalEvent.Divorce, divorce.Event);
        Assert.Matches($"^V{host.CommuneA}-\\d{{4}}-\\d{{6}}$", divorce.Number);
        Assert.Equal(marriage.SubjectNameKm, divorce.SubjectNameKm);
        Assert.Equal("Phnom Penh Court of First Instance", divorce.Dissolution!.Court);

        // The registry: both divorced, the spouse links ended on the effective date by the divorce.
        foreach (var (person, spouse) in new[] { (husband, wife), (wife, husband) })
        {
            var record = await PersonAsync(person.Kidc);
            Assert.Equal(MaritalStatus.Divorced, record.MaritalStatus);
            var link = Assert.Single(record.Spouses);
            Assert.Equal(spouse.Kidc, link.SpouseKidc);
            Assert.Equal(DateOnly.Parse(DaysAgo(5)), link.Until);
            Assert.Equal(MarriageEndKind.Divorce, link.EndedBy);
        }

        // The marriage register: dissolved by the divorce; the marriage registration unchanged, its history says so.
        var row = await RegisterRowAsync(marriage.Id);
        Assert.Equal(MarriageState.Dissolved, row.State);
        Assert.Equal(divorce.Number, row.EndedByNumber);
        Assert.Equal(DateOnly.Parse(DaysAgo(5)), row.EndedOn);
        var registrar = await host.ClientForAsync("registrar.a");
        var history = await registrar.GetFromJsonAsync<List<RegistrationHistoryEntry>>($"/api/civil/registrations/{marriage.Id}/history", NokorHost.Json);
        Assert.Contains(history!, h => h.Action == "divorce.registered" && h.Note!.StartsWith(divorce.Number!, StringComparison.Ordinal));
        var stillReadable = await registrar.GetFromJsonAsync<RegistrationView>($"/api/civil/registrations/{marriage.Id}", NokorHost.Json);
        Assert.Equal(RegistrationStatus.Approved, stillReadable!.Status);

        // The divorce certificate verifies offline and on the public API.
        var printed = await registrar.PostAsync($"/api/civil/registrations/{divorce.Id}/certificates", null);
        Assert.True(printed.StatusCode == HttpStatusCode.OK, await printed.Content.ReadAsStringAsync());
        var pdf = await printed.Content.ReadAsByteArrayAsync();
        var file = host.Services.GetRequiredService<ICertificateFiles>().Check(pdf, host.Services.GetRequiredService<SigningKeyRing>().GetPublicKeySet());
        Assert.True(file.Verdict == CertificateFileVerdict.Genuine, file.Message);
        Assert.True(PdfReader.TryRead(pdf, out var contents, out _));
        Assert.Contains("Divorce Certificate", contents!.PageTexts[0], StringComparison.Ordinal);
        Assert.Contains(marriage.Number!, contents.PageTexts[0], StringComparison.Ordinal);
        var check = await host.CreateClient().GetFromJsonAsync<CertificateCheck>($"/api/public/certificates/verify?token={Uri.EscapeDataString(file.Token!)}", NokorHost.Json);
        Assert.True(check!.Genuine);
        Assert.Equal(VitalEvent.Divorce, check.Event);

        // Already ended: a second divorce is refused naming the divorce, and nothing is written.
        var agent = await host.ClientForAsync("agent.a");
        var again = DivorceBody(marriage.Number!, DaysAgo(1), caseNumber: "PP-2026-0999");
        var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Dissolutions, again), HttpStatusCode.BadRequest);
        Assert.Contains($"already ended by {divorce.Number}", refused.GetProperty("errors").GetProperty("dissolution.marriageNumber").ToString(), StringComparison.Ordinal);
        Assert.False(await WrittenAsync(again));
    }

    [Theory]
    [InlineData("not-registered", "dissolution.marriageNumber", "No marriage is registered")]
    [InlineData("not-a-marriage-number", "dissolution.marriageNumber", "looks like")]
    [InlineData("administrative", "dissolution.authority", "courts")]
    [InlineData("administrative-annulment", "dissolution.authority", "court only")]
    [InlineData("before-the-marriage", "dissolution.effectiveDate", "before the marriage")]
    [InlineData("future", "dissolution.effectiveDate", "after today")]
    [InlineData("no-court", "dissolution.court", "Name the court")]
    [InlineData("unknown-event", "event", "Divorce, Annulment or LegalSeparation")]
    public async Task Bad_dissolution_applications_are_refused_naming_the_field_and_nothing_is_written(string problem, string field, string words)
    {
        var (marriage, _, _) = await MarriedAsync("ចំរើន", "Chamroeun", "សុគន្ធា", "Sokunthea", daysAgo: 100);
        var body = DivorceBody(marriage.Number!, DaysAgo(3));
        var d = (Dictionary<string, object?>)body["dissolution"]!;
        switch (problem)
        {
            case "not-registered": d["marriageNumber"] = $"M{host.CommuneA}-2019-999999"; break;
            case "not-a-marriage-number": d["marriageNumber"] = "B120101-2026-000042"; break;
            case "administrative": d["authority"] = "Administrative"; break;
            case "administrative-annulment": body["event"] = "Annulment"; d["authority"] = "Administrative"; break;
            case "before-the-marriage": d["effectiveDate"] = DaysAgo(200); d["decisionDate"] = DaysAgo(200); break;
            case "future": d["effectiveDate"] = DaysAgo(-3); break;
            case "no-court": d["court"] = null; break;
            case "unknown-event": body["event"] = "Widowhood"; break;
        }

        var agent = await host.ClientForAsync("agent.a");
        var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Dissolutions, body), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty(field, out var messages), refused.ToString());
        Assert.Contains(words, messages.ToString(), StringComparison.Ordinal);
        Assert.False(await WrittenAsync(body));
        Assert.Equal(MarriageState.InForce, (await RegisterRowAsync(marriage.Id)).State);
    }

    [Fact]
    public async Task A_legal_separation_suspends_the_marriage_which_may_then_be_divorced_but_not_separated_again()
    {
        var (marriage, husband, _) = await MarriedAsync("សម្បត្តិ", "Sambath", "ស្រីមាលា", "Sreymealea");
        var separation = await host.RegisterAsync(Dissolutions, DivorceBody(marriage.Number!, DaysAgo(30), "LegalSeparation", "PP-2026-0300"));
        Assert.Equal(VitalEvent.LegalSeparation, separation.Event);
        Assert.Equal(MarriageState.Separated, (await RegisterRowAsync(marriage.Id)).State);
        Assert.Equal(MaritalStatus.Separated, (await PersonAsync(husband.Kidc)).MaritalStatus);

        var agent = await host.ClientForAsync("agent.a");
        var twice = DivorceBody(marriage.Number!, DaysAgo(20), "LegalSeparation", "PP-2026-0301");
        var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Dissolutions, twice), HttpStatusCode.BadRequest);
        Assert.Contains($"already legally separated by {separation.Number}", refused.GetProperty("errors").GetProperty("dissolution.marriageNumber").ToString(), StringComparison.Ordinal);

        var divorce = await host.RegisterAsync(Dissolutions, DivorceBody(marriage.Number!, DaysAgo(2), caseNumber: "PP-2026-0302"));
        var row = await RegisterRowAsync(marriage.Id);
        Assert.Equal(MarriageState.Dissolved, row.State);
        Assert.Equal(divorce.Number, row.EndedByNumber);
        Assert.Equal(MaritalStatus.Divorced, (await PersonAsync(husband.Kidc)).MaritalStatus);
    }

    [Fact]
    public async Task A_second_open_application_to_end_the_same_marriage_is_refused()
    {
        var (marriage, _, _) = await MarriedAsync("វណ្ណៈ", "Vannak", "ចាន់ណា", "Channa");
        var agent = await host.ClientForAsync("agent.a");
        await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync(Dissolutions, DivorceBody(marriage.Number!, DaysAgo(4))));
        var annulment = DivorceBody(marriage.Number!, DaysAgo(3), "Annulment", "PP-2026-0555");
        var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Dissolutions, annulment), HttpStatusCode.BadRequest);
        Assert.Contains("already open", refused.GetProperty("errors").GetProperty("dissolution.marriageNumber").ToString(), StringComparison.Ordinal);
        Assert.False(await WrittenAsync(annulment));
    }

    [Fact]
    public async Task The_approved_death_of_a_spouse_ends_the_marriage_in_the_register_and_a_later_divorce_is_refused()
    {
        var (marriage, husband, _) = await MarriedAsync("សុវណ្ណ", "Sovann", "ស្រីណុច", "Sreynoch");
        var death = new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid(),
            ["death"] = new Dictionary<string, object?>
            {
                ["deathDate"] = DaysAgo(6), ["deathTime"] = "09:10", ["deathPlaceCode"] = host.VillageA, ["placeKind"] = "Home",
                ["informant"] = new { kind = "Relative", name = "Sim Sreynoch", relationship = "wife" },
                ["cause"] = new { lineA = new { condition = "Road traffic injury", icd10 = "V89.2" }, manner = "Accident" },
            },
        };
        CivilIntents.Deceased((Dictionary<string, object?>)death["death"]!, husband);
        var registered = await host.RegisterAsync("/api/civil/registrations/deaths", death);
        Assert.Equal(RegistrationStatus.Approved, registered.Status);

        var row = await RegisterRowAsync(marriage.Id);
        Assert.Equal(MarriageState.EndedByDeath, row.State);
        Assert.Equal(registered.Number, row.EndedByNumber);
        Assert.Equal(DateOnly.Parse(DaysAgo(6)), row.EndedOn);

        var agent = await host.ClientForAsync("agent.a");
        var late = DivorceBody(marriage.Number!, DaysAgo(2));
        var refused = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync(Dissolutions, late), HttpStatusCode.BadRequest);
        Assert.Contains("death of a spouse", refused.GetProperty("errors").GetProperty("dissolution.marriageNumber").ToString(), StringComparison.Ordinal);
    }
}
