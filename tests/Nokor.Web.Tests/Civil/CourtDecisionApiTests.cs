using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Data;
using Nokor.Platform.Pdf;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Civil;

/// <summary>
/// The courts' system sends final decisions over the API; the registrar of the office finds them in
/// the inbox and enters the application they open (issue 17, court decisions and bad input).
/// </summary>
public sealed class CourtDecisionApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string PhnomPenhCourt = "Phnom Penh Municipal Court of First Instance";

    private static int s_case = Random.Shared.Next(100, 5000);

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    /// <summary>A case number of this year the tests have not used yet ("1234/2026").</summary>
    private static string NewCase() => $"{Interlocked.Increment(ref s_case)}/{DateTime.UtcNow.AddHours(7).Year}";

    /// <summary>A one-page PDF, as a court's document system makes them.</summary>
    private static readonly byte[] s_decisionPdf = new PdfDocumentBuilder(new PdfDocumentInfo("Judgment")).AddPage(_ => { }).ToPdf();

    /// <summary>The courts' system: a system account with the role court, made as the CLI makes one (<c>nokor users create --role court --national</c>).</summary>
    private async Task<HttpClient> CourtAsync()
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            if (!await platform.Users.AnyAsync(u => u.UserName == "courts.n"))
            {
                var errors = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                    .CreateAsync(new NewStaffAccount("courts.n", "Courts' information system", NokorHost.Password, Roles.Court, OfficeLevel.National, null));
                Assert.Empty(errors);
            }
        }

        return await host.ClientForAsync("courts.n");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, object? decision, byte[]? pdf = null, bool withPdf = true)
    {
        var form = new MultipartFormDataContent();
        if (decision is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(decision, NokorHost.Json)), "decision");
        }

        if (withPdf)
        {
            var file = new ByteArrayContent(pdf ?? s_decisionPdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "pdf", "judgment.pdf");
        }

        return client.PostAsync("/api/civil/court-decisions", form);
    }

    private static Dictionary<string, object?> NameChange(string caseNumber, string kidc) => new()
    {
        ["kind"] = "NameChange",
        ["court"] = PhnomPenhCourt,
        ["caseNumber"] = caseNumber,
        ["decisionDate"] = DaysAgo(20),
        ["effectiveDate"] = DaysAgo(5),
        ["nameChange"] = new Dictionary<string, object?>
        {
            ["personKidc"] = kidc, ["newSurnameKm"] = "សុខ", ["newGivenNameKm"] = "វិបុល", ["newSurnameLatin"] = "Sok", ["newGivenNameLatin"] = "Vibol",
            ["reason"] = "The name is the name of a deceased elder",
        },
    };

    private static Dictionary<string, object?> Divorce(string caseNumber, string marriageNumber, int decidedDaysAgo = 40, int effectiveDaysAgo = 10) => new()
    {
        ["kind"] = "Divorce",
        ["court"] = PhnomPenhCourt,
        ["caseNumber"] = caseNumber,
        ["decisionDate"] = DaysAgo(decidedDaysAgo),
        ["effectiveDate"] = DaysAgo(effectiveDaysAgo),
        ["dissolution"] = new Dictionary<string, object?> { ["marriageNumber"] = marriageNumber, ["petitioner"] = "wife", ["dependentChildren"] = 2 },
    };

    private static Dictionary<string, object?> Paternity(string caseNumber, string childKidc, string fatherKidc) => new()
    {
        ["kind"] = "Paternity",
        ["court"] = PhnomPenhCourt,
        ["caseNumber"] = caseNumber,
        ["decisionDate"] = DaysAgo(15),
        ["paternity"] = new Dictionary<string, object?> { ["childKidc"] = childKidc, ["fatherKidc"] = fatherKidc },
    };

    /// <summary>A KIDC that passes the rule and that the registry never issued (the registry issues sequential codes).</summary>
    private static string UnissuedKidc()
    {
        for (var body = 299_999_999; ; body--)
        {
            if (KidcRule.Complete(body.ToString("D9")) is { } code && KidcRule.IsValid(code))
            {
                return code;
            }
        }
    }

    private async Task<PersonRecord> PersonInAAsync(string surnameKm, string givenNameKm, string surnameLatin, string givenNameLatin, string birthDate, string sex = "Male")
    {
        var agent = await host.ClientForAsync("agent.a");
        var body = host.PersonBody(host.VillageA, surnameKm, givenNameKm, surnameLatin, givenNameLatin, birthDate);
        body["sex"] = sex;
        return await host.RegisterPersonAsync(agent, body);
    }

    /// <summary>A registered marriage in commune A's register (as its approval leaves it), in the state given.</summary>
    private async Task<(Guid Id, string Number)> MarriageAsync(PersonRecord husband, PersonRecord wife, string date, MarriageState state = MarriageState.InForce)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        var id = Guid.CreateVersion7();
        var number = $"M{host.CommuneA}-{date[..4]}-{Random.Shared.Next(100_000, 999_999):D6}";
        var husbandName = $"{husband.SurnameKm} {husband.GivenNameKm}";
        var wifeName = $"{wife.SurnameKm} {wife.GivenNameKm}";
        db.Registrations.Add(new RegistrationEntity
        {
            Id = id, Event = VitalEvent.Marriage, Status = RegistrationStatus.Approved, Number = number, OfficeCode = host.CommuneA, Version = 1,
            EventDate = DateOnly.Parse(date), EventPlaceCode = host.VillageA, SubjectKidc = husband.Kidc,
            SubjectNameKm = $"{husbandName} & {wifeName}", SubjectNameLatin = $"{husband.SurnameLatin} {husband.GivenNameLatin} & {wife.SurnameLatin} {wife.GivenNameLatin}",
            SubjectNameKey = husbandName, Dossier = "{}", EnteredBy = "test", EnteredByName = "Test agent", EnteredAt = DateTimeOffset.UtcNow,
        });
        db.Marriages.Add(new MarriageEntity
        {
            RegistrationId = id, Number = number, OfficeCode = host.CommuneA, MarriageDate = DateOnly.Parse(date),
            HusbandKidc = husband.Kidc, WifeKidc = wife.Kidc, HusbandName = husbandName, WifeName = wifeName, State = state,
            EndedOn = state == MarriageState.InForce ? null : DateOnly.Parse(DaysAgo(100)),
            EndedByNumber = state == MarriageState.InForce ? null : $"V{host.CommuneA}-2025-000001",
        });
        await db.SaveChangesAsync();
        return (id, number);
    }

    private async Task<List<CourtDecisionEntity>> StoredAsync(string caseNumber)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CivilDbContext>().CourtDecisions.AsNoTracking()
            .Where(d => d.CaseNumber == caseNumber).ToListAsync();
    }

    [Fact]
    public async Task A_decision_sent_twice_is_stored_once_and_opens_one_application_with_its_PDF_as_annex()
    {
        var court = await CourtAsync();
        var registrar = await host.ClientForAsync("registrar.a");
        var person = await PersonInAAsync("ចាន់", "សុខា", "Chan", "Sokha", "1988-03-14");
        var caseNumber = NewCase();

        var first = await SendAsync(court, NameChange(caseNumber, person.Kidc));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var received = await CivilIntents.ReadAsync<CourtDecisionView>(first);
        Assert.Equal(CourtDecisionStatus.Received, received.Status);
        Assert.Equal(host.CommuneA, received.OfficeCode);
        Assert.Equal($"/api/civil/court-decisions/{received.Id}", first.Headers.Location?.OriginalString);

        // The courts' system did not get the answer and sends the same decision again.
        var again = await SendAsync(court, NameChange(caseNumber, person.Kidc));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(received.Id, (await CivilIntents.ReadAsync<CourtDecisionView>(again)).Id);
        Assert.Single(await StoredAsync(caseNumber));

        // The registrar of the person's commune finds it in the inbox, with the application pre-filled.
        var inbox = await registrar.GetFromJsonAsync<List<CourtDecisionView>>("/api/civil/court-decisions", NokorHost.Json);
        Assert.Contains(inbox!, d => d.Id == received.Id && d.Summary.StartsWith("ចាន់ សុខា", StringComparison.Ordinal));
        var detail = await registrar.GetFromJsonAsync<CourtDecisionDetail>($"/api/civil/court-decisions/{received.Id}", NokorHost.Json);
        Assert.Equal(VitalEvent.NameChange, detail!.Event);
        Assert.Equal(received.Id, detail.NameChange!.CourtDecisionId);
        Assert.Equal(person.Kidc, detail.NameChange.NameChange!.Person!.Kidc);
        Assert.Equal("វិបុល", detail.NameChange.NameChange.NewGivenNameKm);
        Assert.Equal(caseNumber, detail.NameChange.NameChange.CaseNumber);
        var pdf = await registrar.GetAsync($"/api/civil/court-decisions/{received.Id}/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(s_decisionPdf, await pdf.Content.ReadAsByteArrayAsync());

        // The agent completes the pre-filled application (the person's names and date of birth as the
        // decision states them) and enters it: the decision is applied and its PDF is the registration's annex.
        var agent = await host.ClientForAsync("agent.a");

        // Entered for somebody else than the person the court renamed, it is refused and nothing is written.
        var brother = await PersonInAAsync("ចាន់", "សុភា", "Chan", "Sophea", "1990-05-21");
        var wrong = Completed(detail.NameChange, brother);
        wrong = wrong with { NameChange = wrong.NameChange! with { Person = wrong.NameChange.Person! with { Kidc = brother.Kidc } } };
        var departs = await CivilIntents.ProblemAsync(await agent.PostAsJsonAsync("/api/civil/registrations/name-changes", wrong), HttpStatusCode.BadRequest);
        Assert.Equal($"The court decision names the person {person.Kidc}: the application registers what the court decided.",
            departs.GetProperty("errors").GetProperty("nameChange.person.kidc")[0].GetString());
        Assert.Equal(CourtDecisionStatus.Received, Assert.Single(await StoredAsync(caseNumber)).Status);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.Id == wrong.Id));
        }

        var application = Completed(detail.NameChange, person);
        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync("/api/civil/registrations/name-changes", application));
        var annex = Assert.Single(entered.Annexes);
        Assert.Equal(received.PdfSha256, annex.Sha256);
        Assert.Equal("application/pdf", annex.ContentType);
        Assert.Equal(PhnomPenhCourt, entered.NameChange!.Court);
        var stored = Assert.Single(await StoredAsync(caseNumber));
        Assert.Equal(CourtDecisionStatus.Applied, stored.Status);
        Assert.Equal(entered.Id, stored.RegistrationId);
        var annexBytes = await registrar.GetAsync($"/api/civil/registrations/{entered.Id}/annexes/{annex.Id}");
        Assert.Equal(s_decisionPdf, await annexBytes.Content.ReadAsByteArrayAsync());
        var history = await registrar.GetFromJsonAsync<List<RegistrationHistoryEntry>>($"/api/civil/registrations/{entered.Id}/history", NokorHost.Json);
        Assert.Contains(history!, h => h.Action == "annex.added" && h.Note!.StartsWith(annex.FileName, StringComparison.Ordinal));

        // A second application from the same decision is refused: one decision, one application.
        var second = await agent.PostAsJsonAsync("/api/civil/registrations/name-changes", Completed(detail.NameChange, person));
        var refused = await CivilIntents.ProblemAsync(second, HttpStatusCode.BadRequest);
        Assert.Equal("This court decision is already applied by another application.", refused.GetProperty("errors").GetProperty("courtDecisionId")[0].GetString());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.CountAsync(r => r.CourtDecisionId == received.Id));
        }

        // Sent again once applied, it is still the one decision.
        var late = await SendAsync(court, NameChange(caseNumber, person.Kidc));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(CourtDecisionStatus.Applied, (await CivilIntents.ReadAsync<CourtDecisionView>(late)).Status);
    }

    /// <summary>The pre-filled application as the agent completes it: a new id, and the person's names and date of birth typed from the decision.</summary>
    private static NameChangeApplication Completed(NameChangeApplication prefilled, PersonRecord person) => prefilled with
    {
        Id = Guid.NewGuid(),
        NameChange = prefilled.NameChange! with
        {
            Person = prefilled.NameChange.Person! with
            {
                SurnameKm = person.SurnameKm, GivenNameKm = person.GivenNameKm, SurnameLatin = person.SurnameLatin, GivenNameLatin = person.GivenNameLatin,
                BirthDate = person.BirthDate,
            },
        },
    };

    [Fact]
    public async Task A_different_decision_under_the_same_court_and_case_is_a_conflict()
    {
        var court = await CourtAsync();
        var person = await PersonInAAsync("ហេង", "បុប្ផា", "Heng", "Bopha", "1992-07-01", "Female");
        var caseNumber = NewCase();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(court, NameChange(caseNumber, person.Kidc))).StatusCode);

        var changed = NameChange(caseNumber, person.Kidc);
        changed["decisionDate"] = DaysAgo(21);
        var conflict = await SendAsync(court, changed);
        var problem = await CivilIntents.ProblemAsync(conflict, HttpStatusCode.Conflict);
        Assert.Contains($"case {caseNumber}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The same decision with another PDF is another decision too.
        var otherPdf = new PdfDocumentBuilder(new PdfDocumentInfo("Judgment (copy)")).AddPage(_ => { }).ToPdf();
        await CivilIntents.ProblemAsync(await SendAsync(court, NameChange(caseNumber, person.Kidc), otherPdf), HttpStatusCode.Conflict);
        Assert.Single(await StoredAsync(caseNumber));
    }

    [Theory]
    [InlineData("12/34/2026")]
    [InlineData("2026-1234")]
    [InlineData("0/2026")]
    [InlineData("ក១២៣/២០២៦")]
    public async Task An_unknown_case_number_format_is_refused_on_caseNumber(string caseNumber)
    {
        var court = await CourtAsync();
        var person = await PersonInAAsync("សុខ", "ដារ៉ា", "Sok", "Dara", "1990-04-17");
        var response = await SendAsync(court, NameChange(caseNumber, person.Kidc));
        var problem = await CivilIntents.ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("caseNumber")[0].GetString();
        Assert.Equal("Unknown case number format: give it as <n>/<yyyy>, e.g. 1234/2026.", message);
        Assert.Empty(await StoredAsync(caseNumber));
    }

    [Fact]
    public async Task A_decision_without_its_PDF_or_with_a_file_that_is_not_a_PDF_is_refused_on_pdf()
    {
        var court = await CourtAsync();
        var person = await PersonInAAsync("ស៊ុន", "ចន្ធូ", "Sun", "Chanthou", "1985-11-30");
        var cases = new List<string>();
        async Task<string> RefusedAsync(byte[]? pdf, bool withPdf)
        {
            var caseNumber = NewCase();
            cases.Add(caseNumber);
            var problem = await CivilIntents.ProblemAsync(await SendAsync(court, NameChange(caseNumber, person.Kidc), pdf, withPdf), HttpStatusCode.BadRequest);
            return problem.GetProperty("errors").GetProperty("pdf")[0].GetString()!;
        }

        Assert.Equal("Send the decision's PDF in the part \"pdf\" of the multipart/form-data body.", await RefusedAsync(null, withPdf: false));
        Assert.Equal("This file is not a PDF.", await RefusedAsync("Judgment of the court, case 1/2026"u8.ToArray(), withPdf: true));
        Assert.Equal("This file is not a PDF.", await RefusedAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, withPdf: true));
        // The first bytes say PDF; PdfPig finds no document behind them.
        Assert.StartsWith("This PDF cannot be read: ", await RefusedAsync("%PDF-1.7\n% a scanner's half-written file\n"u8.ToArray(), withPdf: true));
        foreach (var caseNumber in cases)
        {
            Assert.Empty(await StoredAsync(caseNumber));
        }

        // A JSON body, not multipart: the decision and its PDF go in two parts.
        var json = await court.PostAsJsonAsync("/api/civil/court-decisions", NameChange(NewCase(), person.Kidc));
        var problemJson = await CivilIntents.ProblemAsync(json, HttpStatusCode.BadRequest);
        Assert.True(problemJson.GetProperty("errors").TryGetProperty("pdf", out _));
    }

    [Fact]
    public async Task A_decision_naming_an_unknown_KIDC_is_held_for_review_and_answered_422_without_an_application()
    {
        var court = await CourtAsync();
        var child = await PersonInAAsync("ម៉ៅ", "សុភ័ក្ត្រ", "Mao", "Sopheak", "2019-02-03");
        var stranger = UnissuedKidc();
        var caseNumber = NewCase();

        var response = await SendAsync(court, Paternity(caseNumber, child.Kidc, stranger));
        var problem = await CivilIntents.ProblemAsync(response, (HttpStatusCode)422);
        Assert.Equal("No person with this KIDC in the Population Registry.", problem.GetProperty("errors").GetProperty("paternity.fatherKidc")[0].GetString());
        Assert.Equal("HeldForReview", problem.GetProperty("status").GetString());
        var stored = Assert.Single(await StoredAsync(caseNumber));
        Assert.Equal(CourtDecisionStatus.HeldForReview, stored.Status);
        Assert.Equal(host.CommuneA, stored.OfficeCode);
        Assert.Equal(stored.Id, problem.GetProperty("decisionId").GetGuid());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.CourtDecisionId == stored.Id));
        }

        // The registrar sees it held, with the problem in Khmer and English, and cannot enter it.
        var registrar = await host.ClientForAsync("registrar.a");
        var held = await registrar.GetFromJsonAsync<CourtDecisionDetail>($"/api/civil/court-decisions/{stored.Id}", NokorHost.Json);
        var heldProblem = Assert.Single(held!.Decision.Problems);
        Assert.Equal("paternity.fatherKidc", heldProblem.Field);
        Assert.Equal("គ្មានបុគ្គលណាដែលមានលេខអត្តសញ្ញាណនេះក្នុងបញ្ជីប្រជាជនទេ។", heldProblem.MessageKm);
        Assert.Equal(RegistrationEntryFather(held), stranger);

        // The registry look-ups were audited with the decision's purpose.
        var audit = await host.AuditForAsync(child.Kidc);
        Assert.Contains(audit, a => a.Purpose == $"court decision {PhnomPenhCourt} {caseNumber}");

        // Sent again, the held decision is answered the same way, still once.
        await CivilIntents.ProblemAsync(await SendAsync(court, Paternity(caseNumber, child.Kidc, stranger)), (HttpStatusCode)422);
        Assert.Single(await StoredAsync(caseNumber));

        // The registrar dismisses it with a reason; a reason is required.
        var noReason = await registrar.PostAsJsonAsync($"/api/civil/court-decisions/{stored.Id}/dismiss", new { reason = " " });
        Assert.True((await CivilIntents.ProblemAsync(noReason, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        var agent = await host.ClientForAsync("agent.a");
        var byAgent = await agent.PostAsJsonAsync($"/api/civil/court-decisions/{stored.Id}/dismiss", new { reason = "The father is not in the registry" });
        Assert.Equal("Only a registrar dismisses a court decision.",
            (await CivilIntents.ProblemAsync(byAgent, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("reason")[0].GetString());
        var dismissed = await CivilIntents.ReadAsync<CourtDecisionView>(
            await registrar.PostAsJsonAsync($"/api/civil/court-decisions/{stored.Id}/dismiss", new { reason = "The court is asked for the father's KIDC" }));
        Assert.Equal(CourtDecisionStatus.Dismissed, dismissed.Status);
        Assert.Equal("The court is asked for the father's KIDC", dismissed.DismissalReason);
        await CivilIntents.ProblemAsync(await registrar.PostAsJsonAsync($"/api/civil/court-decisions/{stored.Id}/dismiss", new { reason = "again" }), HttpStatusCode.Conflict);
    }

    private static string? RegistrationEntryFather(CourtDecisionDetail detail) => detail.Recognition?.Recognition?.Parent?.Kidc;

    [Fact]
    public async Task A_divorce_of_a_marriage_not_registered_or_already_ended_is_held_and_answered_422()
    {
        var court = await CourtAsync();
        var husband = await PersonInAAsync("កែវ", "សុវណ្ណ", "Keo", "Sovann", "1980-01-20");
        var wife = await PersonInAAsync("លី", "ស្រីនីត", "Ly", "Sreynith", "1983-06-02", "Female");

        var unknownCase = NewCase();
        var unknown = await SendAsync(court, Divorce(unknownCase, $"M{host.CommuneA}-2015-999999"));
        Assert.Equal("No registered marriage has this number.",
            (await CivilIntents.ProblemAsync(unknown, (HttpStatusCode)422)).GetProperty("errors").GetProperty("dissolution.marriageNumber")[0].GetString());
        var heldUnknown = Assert.Single(await StoredAsync(unknownCase));
        Assert.Equal(CourtDecisionStatus.HeldForReview, heldUnknown.Status);
        // Nobody's office is known: it waits in the court's province for review.
        Assert.Equal("12", heldUnknown.OfficeCode);

        var (_, ended) = await MarriageAsync(husband, wife, "2010-12-12", MarriageState.Dissolved);
        var endedCase = NewCase();
        var already = await SendAsync(court, Divorce(endedCase, ended));
        var message = (await CivilIntents.ProblemAsync(already, (HttpStatusCode)422)).GetProperty("errors").GetProperty("dissolution.marriageNumber")[0].GetString();
        Assert.Equal($"This marriage already ended (Dissolved on {DaysAgo(100)} by V{host.CommuneA}-2025-000001).", message);
        Assert.Equal(CourtDecisionStatus.HeldForReview, Assert.Single(await StoredAsync(endedCase)).Status);

        // A marriage in force: received, in the marriage's office, with the dissolution pre-filled.
        var (_, inForce) = await MarriageAsync(husband, wife, "2012-02-14");
        var okCase = NewCase();
        var received = await CivilIntents.ReadAsync<CourtDecisionView>(await SendAsync(court, Divorce(okCase, inForce)));
        Assert.Equal(CourtDecisionStatus.Received, received.Status);
        Assert.Equal(host.CommuneA, received.OfficeCode);
        Assert.Equal($"{inForce} · កែវ សុវណ្ណ · លី ស្រីនីត", received.Summary);
        var registrar = await host.ClientForAsync("registrar.a");
        var detail = await registrar.GetFromJsonAsync<CourtDecisionDetail>($"/api/civil/court-decisions/{received.Id}", NokorHost.Json);
        Assert.Equal("Divorce", detail!.Dissolution!.Event);
        Assert.Equal(inForce, detail.Dissolution.Dissolution!.MarriageNumber);
        Assert.Equal(DaysAgo(10), detail.Dissolution.Dissolution.EffectiveDate);
        Assert.Equal("Court", detail.Dissolution.Dissolution.Authority);

        // The held one is re-checked once the marriage is in the register: a national registrar re-checks it.
        var national = await host.ClientForAsync("registrar.n");
        var stillHeld = await CivilIntents.ReadAsync<CourtDecisionView>(await national.PostAsJsonAsync($"/api/civil/court-decisions/{heldUnknown.Id}/recheck", new { }));
        Assert.Equal(CourtDecisionStatus.HeldForReview, stillHeld.Status);
        Assert.Equal("dissolution.marriageNumber", Assert.Single(stillHeld.Problems).Field);
    }

    [Fact]
    public async Task A_held_decision_is_received_and_routed_when_a_recheck_finds_the_registry_changed()
    {
        var court = await CourtAsync();
        var husband = await PersonInAAsync("ពេជ្រ", "រតនា", "Pich", "Rathana", "1979-09-09");
        var wife = await PersonInAAsync("សៅ", "ម៉ាលី", "Sao", "Maly", "1981-10-10", "Female");
        var number = $"M{host.CommuneA}-2011-{Random.Shared.Next(100_000, 999_999):D6}";
        var caseNumber = NewCase();
        await CivilIntents.ProblemAsync(await SendAsync(court, Divorce(caseNumber, number)), (HttpStatusCode)422);
        var held = Assert.Single(await StoredAsync(caseNumber));

        // The marriage's registration was late: it is now in the register under that number.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            var (id, made) = await MarriageAsync(husband, wife, "2011-05-05");
            var m = await db.Marriages.SingleAsync(x => x.RegistrationId == id);
            var r = await db.Registrations.SingleAsync(x => x.Id == id);
            m.Number = number;
            r.Number = number;
            await db.SaveChangesAsync();
            Assert.NotEqual(made, number);
        }

        var national = await host.ClientForAsync("registrar.n");
        var agent = await host.ClientForAsync("agent.a");
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsJsonAsync($"/api/civil/court-decisions/{held.Id}/recheck", new { })).StatusCode);
        var rechecked = await CivilIntents.ReadAsync<CourtDecisionView>(await national.PostAsJsonAsync($"/api/civil/court-decisions/{held.Id}/recheck", new { }));
        Assert.Equal(CourtDecisionStatus.Received, rechecked.Status);
        Assert.Empty(rechecked.Problems);
        Assert.Equal(host.CommuneA, rechecked.OfficeCode);

        // Now in commune A's inbox.
        var registrar = await host.ClientForAsync("registrar.a");
        var inbox = await registrar.GetFromJsonAsync<List<CourtDecisionView>>("/api/civil/court-decisions", NokorHost.Json);
        Assert.Contains(inbox!, d => d.Id == held.Id && d.Status == CourtDecisionStatus.Received);
        await CivilIntents.ProblemAsync(await national.PostAsJsonAsync($"/api/civil/court-decisions/{held.Id}/recheck", new { }), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("registrar.a")]
    [InlineData("agent.a")]
    [InlineData("system.n")]
    [InlineData("admin")]
    public async Task Only_the_courts_system_sends_decisions(string user)
    {
        var client = await host.ClientForAsync(user);
        var person = await PersonInAAsync("ឈឹម", "សុផាត", "Chhim", "Sophat", "1975-12-25");
        var caseNumber = NewCase();
        var response = await SendAsync(client, NameChange(caseNumber, person.Kidc));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await StoredAsync(caseNumber));
    }

    [Fact]
    public async Task Staff_of_another_area_do_not_see_the_decision()
    {
        var court = await CourtAsync();
        var person = await PersonInAAsync("ទេព", "សុធា", "Tep", "Sotheara", "1991-08-08");
        var received = await CivilIntents.ReadAsync<CourtDecisionView>(await SendAsync(court, NameChange(NewCase(), person.Kidc)));
        var agentB = await host.ClientForAsync("agent.b");
        foreach (var path in new[] { $"/api/civil/court-decisions/{received.Id}", $"/api/civil/court-decisions/{received.Id}/pdf" })
        {
            var response = await agentB.GetAsync(path);
            var problem = await CivilIntents.ProblemAsync(response, HttpStatusCode.NotFound);
            Assert.Equal("No court decision with this id in your area.", problem.GetProperty("detail").GetString());
        }

        var inbox = await agentB.GetFromJsonAsync<List<CourtDecisionView>>("/api/civil/court-decisions", NokorHost.Json);
        Assert.DoesNotContain(inbox!, d => d.Id == received.Id);

        // The viewer of the area reads registrations, not the inbox; the courts' system does not read it either.
        var viewer = await host.ClientForAsync("viewer.a");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/civil/court-decisions/{received.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await court.GetAsync("/api/civil/court-decisions")).StatusCode);
    }

    [Fact]
    public async Task Queue_counts_give_the_decisions_waiting_and_the_queues_per_event()
    {
        var court = await CourtAsync();
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var person = await PersonInAAsync("អ៊ុំ", "វណ្ណា", "Um", "Vanna", "1987-04-04");
        var before = await second.GetFromJsonAsync<QueueCounts>("/api/civil/queues", NokorHost.Json);
        await CivilIntents.ReadAsync<CourtDecisionView>(await SendAsync(court, NameChange(NewCase(), person.Kidc)));
        await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(3)));

        var after = await second.GetFromJsonAsync<QueueCounts>("/api/civil/queues", NokorHost.Json);
        Assert.Equal(before!.CourtDecisions + 1, after!.CourtDecisions);
        var births = Assert.Single(after.PerEvent, c => c.Event == VitalEvent.Birth);
        Assert.Equal((before.PerEvent.SingleOrDefault(c => c.Event == VitalEvent.Birth)?.ToVerify ?? 0) + 1, births.ToVerify);
        Assert.Equal(after.ToVerify, after.PerEvent.Sum(c => c.ToVerify));
        Assert.Equal(after.ToApprove + after.ToApproveSenior, after.PerEvent.Sum(c => c.ToApprove));
    }

    [Fact]
    public async Task A_persons_life_events_come_in_the_order_of_the_events_with_the_role_in_each()
    {
        var husband = await PersonInAAsync("នួន", "ចន្ទា", "Nuon", "Chanthea", "1984-02-02");
        var wife = await PersonInAAsync("ឡុង", "សុជាតា", "Long", "Socheata", "1986-03-03", "Female");
        var (marriageId, number) = await MarriageAsync(husband, wife, "2014-01-18", MarriageState.Dissolved);
        Guid birthId, divorceId, nameChangeId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            RegistrationEntity Row(VitalEvent e, string date, string? kidc, string dossier, string numberLetter) => new()
            {
                Id = Guid.CreateVersion7(), Event = e, Status = RegistrationStatus.Approved,
                Number = $"{numberLetter}{host.CommuneA}-{date[..4]}-{Random.Shared.Next(100_000, 999_999):D6}", OfficeCode = host.CommuneA, Version = 1,
                EventDate = DateOnly.Parse(date), EventPlaceCode = host.VillageA, SubjectKidc = kidc, SubjectNameKm = "នួន ចន្ទា", SubjectNameLatin = "Nuon Chanthea",
                SubjectNameKey = "នួនចន្ទា", Dossier = dossier, EnteredBy = "test", EnteredByName = "Test agent", EnteredAt = DateTimeOffset.UtcNow,
            };
            var nameChange = Row(VitalEvent.NameChange, "2020-06-01", husband.Kidc,
                """{"newSurnameKm":"នួន","newGivenNameKm":"វិចិត្រ","authority":"Court","court":"Phnom Penh Municipal Court of First Instance","caseNumber":"77/2020"}""", "N");
            var birth = Row(VitalEvent.Birth, "1984-02-02", husband.Kidc, "{}", "B");
            var divorce = Row(VitalEvent.Divorce, "2022-09-30", null, $$"""{"marriageNumber":"{{number}}","authority":"Court"}""", "V");
            db.Registrations.AddRange(nameChange, birth, divorce);
            var m = await db.Marriages.SingleAsync(x => x.RegistrationId == marriageId);
            m.EndedByRegistrationId = divorce.Id;
            m.EndedByNumber = divorce.Number;
            await db.SaveChangesAsync();
            (birthId, divorceId, nameChangeId) = (birth.Id, divorce.Id, nameChange.Id);
        }

        var registrar = await host.ClientForAsync("registrar.a");
        var events = (await registrar.GetFromJsonAsync<List<LifeEvent>>($"/api/civil/persons/{husband.Kidc}/events", NokorHost.Json))!;
        Assert.Equal([birthId, marriageId, nameChangeId, divorceId], events.Select(e => e.RegistrationId));
        Assert.Equal(["subject", "husband", "subject", "husband"], events.Select(e => e.Role));
        Assert.Equal([VitalEvent.Birth, VitalEvent.Marriage, VitalEvent.NameChange, VitalEvent.Divorce], events.Select(e => e.Event));
        Assert.Equal("នួន ចន្ទា (Nuon Chanthea) → នួន វិចិត្រ", events[2].Summary);
        Assert.Equal($"{number} · នួន ចន្ទា · ឡុង សុជាតា", events[3].Summary);

        // The wife's page: the marriage and its divorce, as wife.
        var hers = await registrar.GetFromJsonAsync<List<LifeEvent>>($"/api/civil/persons/{wife.Kidc}/events", NokorHost.Json);
        Assert.Equal([(marriageId, "wife"), (divorceId, "wife")], hers!.Select(e => (e.RegistrationId, e.Role)));
        Assert.Contains(await host.AuditForAsync(husband.Kidc), a => a.Action == "civil.person.events" && a.Purpose == "Automated test");

        // Staff of another area, for a person living and registered elsewhere: not found. A bad KIDC names the field.
        var agentB = await host.ClientForAsync("agent.b");
        await CivilIntents.ProblemAsync(await agentB.GetAsync($"/api/civil/persons/{husband.Kidc}/events"), HttpStatusCode.NotFound);
        var bad = await registrar.GetAsync("/api/civil/persons/1234567890/events");
        Assert.True((await CivilIntents.ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("kidc", out _));
    }

    [Fact]
    public async Task A_court_divorce_of_a_registered_marriage_is_completed_by_the_registrar_and_shows_in_both_spouses_life_events()
    {
        var court = await CourtAsync();
        var agent = await host.ClientForAsync("agent.a");
        var second = await host.ClientForAsync("agent.a2");
        var registrar = await host.ClientForAsync("registrar.a");
        var husband = await host.PersonAsync(agent, host.VillageA, "Male", "យិន", "សម្បត្តិ", "Yin", "Sambath", "1987-07-07");
        var wife = await host.PersonAsync(agent, host.VillageA, "Female", "ផាន", "ស្រីពៅ", "Phan", "Sreypov", "1990-10-20");
        var marriage = await host.RegisterAsync("/api/civil/registrations/marriages",
            MarriageIntents.MarriageBody(host.VillageA, DaysAgo(25), MarriageIntents.Spouse(husband), MarriageIntents.Spouse(wife)));

        // The court's decision arrives over the API and lands in the marriage's office.
        var caseNumber = NewCase();
        var received = await CivilIntents.ReadAsync<CourtDecisionView>(await SendAsync(court, Divorce(caseNumber, marriage.Number!, 12, 3)));
        Assert.Equal(CourtDecisionStatus.Received, received.Status);
        Assert.Equal(marriage.OfficeCode, received.OfficeCode);

        // The registrar's agent enters the pre-filled application; a second agent verifies; the registrar approves.
        var detail = (await registrar.GetFromJsonAsync<CourtDecisionDetail>($"/api/civil/court-decisions/{received.Id}", NokorHost.Json))!;
        var application = detail.Dissolution! with { Id = Guid.NewGuid() };
        var entered = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync("/api/civil/registrations/dissolutions", application));
        Assert.Equal(received.PdfSha256, Assert.Single(entered.Annexes).Sha256);
        await second.StepAsync(entered.Id, "verify");
        var divorce = await registrar.StepAsync(entered.Id, "approve");
        Assert.Equal(RegistrationStatus.Approved, divorce.Status);
        Assert.Equal(caseNumber, divorce.Dissolution!.CaseNumber);

        // Both pages: the marriage and its divorce, in order, with the role of each spouse; the husband's birth is not registered here.
        foreach (var (person, role) in new[] { (husband, "husband"), (wife, "wife") })
        {
            var events = (await registrar.GetFromJsonAsync<List<LifeEvent>>($"/api/civil/persons/{person.Kidc}/events", NokorHost.Json))!;
            Assert.Equal([(marriage.Id, VitalEvent.Marriage, role), (divorce.Id, VitalEvent.Divorce, role)], events.Select(e => (e.RegistrationId, e.Event, e.Role)));
            Assert.Equal([marriage.Number, divorce.Number], events.Select(e => e.Number));
            Assert.Equal([DaysAgo(25), DaysAgo(3)], events.Select(e => e.EventDate));
        }

        // The decision is applied: sent again, it answers as applied and opens nothing.
        var again = await CivilIntents.ReadAsync<CourtDecisionView>(await SendAsync(court, Divorce(caseNumber, marriage.Number!, 12, 3)));
        Assert.Equal(CourtDecisionStatus.Applied, again.Status);
        Assert.Equal(divorce.Id, again.RegistrationId);

        // A second decision to divorce the same marriage, now dissolved, is held.
        var late = await SendAsync(court, Divorce(NewCase(), marriage.Number!, 2, 1));
        Assert.StartsWith("This marriage already ended (Dissolved on ",
            (await CivilIntents.ProblemAsync(late, (HttpStatusCode)422)).GetProperty("errors").GetProperty("dissolution.marriageNumber")[0].GetString(), StringComparison.Ordinal);
    }
}
