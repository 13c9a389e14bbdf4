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
using static Nokor.Web.Tests.Infrastructure.MarriageIntents;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// The family events' pages as a browser without script uses them (forms posted with their
/// antiforgery token): a refused divorce shows its reason beside the marriage number and stores
/// nothing, the person pages show marital status read-only with the spouse link and the linked
/// history, a court decision held for review shows its problems in the inbox and is dismissed, and
/// the queues count their records per event.
/// </summary>
public sealed class FamilyEventPagesTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Purpose = "Registration%20service";

    private async Task<(PersonRecord Husband, PersonRecord Wife)> CoupleAsync(string husbandKm, string husbandLatin, string wifeKm, string wifeLatin)
    {
        var agent = await host.ClientForAsync("agent.a");
        var husband = await host.PersonAsync(agent, host.VillageA, "Male", "ស៊ុន", husbandKm, "Sun", husbandLatin, "1990-03-11");
        var wife = await host.PersonAsync(agent, host.VillageA, "Female", "ពៅ", wifeKm, "Pov", wifeLatin, "1993-06-02");
        return (husband, wife);
    }

    [Fact]
    public async Task A_divorce_of_a_marriage_not_registered_is_refused_beside_the_marriage_number_in_Khmer_and_nothing_is_stored()
    {
        var pages = await FormPages.SignInAsync(host, "agent.a");
        var id = Guid.NewGuid();
        var page = await pages.PostFormAsync("/civil/dissolutions/new", "civil-dissolution", new()
        {
            ["Input.ClientId"] = id.ToString(),
            ["Input.Event"] = "Divorce",
            ["Input.MarriageNumber"] = $"M{host.CommuneA}-2015-999999",
            ["Input.Authority"] = "Court",
            ["Input.Court"] = "Phnom Penh Municipal Court of First Instance",
            ["Input.CaseNumber"] = "811/2026",
            ["Input.DecisionDate"] = DaysAgo(12),
            ["Input.EffectiveDate"] = DaysAgo(10),
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("<span class=\"field-error\" data-field=\"dissolution.marriageNumber\">គ្មានអាពាហ៍ពិពាហ៍ណាមួយបានចុះបញ្ជីដោយលេខនេះក្នុងតំបន់របស់អ្នកទេ", page.Html);
        Assert.Contains("id=\"dissolution-marriageNumber\"", page.Html);
        Assert.Contains("<li data-field=\"dissolution.marriageNumber\"><a href=\"#dissolution-marriageNumber\">លេខចុះបញ្ជីអាពាហ៍ពិពាហ៍</a>", page.Html);
        // The form keeps what was typed and its id.
        Assert.Contains($"value=\"{id}\"", page.Html);
        Assert.Contains("value=\"811/2026\"", page.Html);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.Id == id));
    }

    [Fact]
    public async Task A_married_persons_page_shows_marital_status_read_only_with_the_spouse_link_and_the_marriage_and_the_edit_form_offers_no_marital_status()
    {
        var (husband, wife) = await CoupleAsync("រតនា", "Rotana", "ចន្ថា", "Chantha");
        var marriage = await host.RegisterAsync("/api/civil/registrations/marriages",
            MarriageBody(host.VillageA, DaysAgo(30), Spouse(husband), Spouse(wife)));
        Assert.Equal(RegistrationStatus.Approved, marriage.Status);

        var pages = await FormPages.SignInAsync(host, "registrar.a");
        var view = await pages.GetAsync($"/persons/{wife.Kidc}?purpose={Purpose}");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Contains("id=\"marital-status\" data-status=\"Married\"", view.Html);
        Assert.Contains("តាមព្រឹត្តិការណ៍ដែលបានចុះបញ្ជី", view.Html);
        Assert.Contains($"<a href=\"/persons/{husband.Kidc}?purpose=Registration%20service\" class=\"kidc\">{husband.Kidc}</a>", view.Html);
        Assert.Contains("class=\"spouse-link\" data-ended=\"false\"", view.Html);
        Assert.Contains($"<span class=\"spouse-from\">{KhmerDigits(DaysAgo(30))}</span>", view.Html);
        Assert.Contains("class=\"life-event\" data-event=\"Marriage\" data-status=\"Approved\"", view.Html);
        Assert.Contains($"href=\"/civil/registrations/{marriage.Id}\"", view.Html);
        Assert.Contains(marriage.Number!, view.Html);

        var edit = await pages.GetAsync($"/persons/{wife.Kidc}/edit");
        Assert.True(edit.Status == HttpStatusCode.OK, $"{edit.Status}: {host.ServerErrors}");
        Assert.DoesNotContain("name=\"Input.MaritalStatus\"", edit.Html);
        Assert.Contains("id=\"maritalStatus-value\">រៀបការ", edit.Html);

        // The registration record links each spouse to their person page.
        var record = await pages.GetAsync($"/civil/registrations/{marriage.Id}");
        Assert.Contains($"<a href=\"/persons/{husband.Kidc}\" class=\"person-link\">{husband.Kidc}</a>", record.Html);
        Assert.Contains("id=\"record-title\" data-event=\"Marriage\">ការចុះបញ្ជីអាពាហ៍ពិពាហ៍</span>", record.Html);
    }

    [Fact]
    public async Task A_court_decision_held_for_review_shows_its_problem_in_the_inbox_and_a_registrar_dismisses_it_with_a_reason()
    {
        var court = await CourtAsync();
        var caseNumber = $"{Random.Shared.Next(100, 99999)}/{DateTime.UtcNow.Year}";
        var sent = await SendDecisionAsync(court, new Dictionary<string, object?>
        {
            ["kind"] = "Divorce",
            ["court"] = "Phnom Penh Municipal Court of First Instance",
            ["caseNumber"] = caseNumber,
            ["decisionDate"] = DaysAgo(12),
            ["effectiveDate"] = DaysAgo(10),
            ["dissolution"] = new Dictionary<string, object?> { ["marriageNumber"] = $"M{host.CommuneA}-2014-888888" },
        });
        Assert.Equal((HttpStatusCode)422, sent.StatusCode);
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<CivilDbContext>().CourtDecisions.Where(d => d.CaseNumber == caseNumber).Select(d => d.Id).SingleAsync();
        }

        // The held decision waits in the court's province; the national registrar sees it with its problem.
        var pages = await FormPages.SignInAsync(host, "registrar.n");
        var inbox = await pages.GetAsync("/civil/court-decisions");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.Contains($"id=\"decision-{id}\" data-kind=\"Divorce\" data-status=\"HeldForReview\"", inbox.Html);
        Assert.Contains("<li data-field=\"dissolution.marriageNumber\">", inbox.Html);
        Assert.Contains(caseNumber, inbox.Html);

        var detail = await pages.GetAsync($"/civil/court-decisions/{id}");
        Assert.Contains("id=\"recheck-form\"", detail.Html);
        Assert.DoesNotContain("id=\"complete-application\"", detail.Html);
        Assert.Contains($"href=\"/api/civil/court-decisions/{id}/pdf\"", detail.Html);

        var dismissed = await pages.PostFormAsync($"/civil/court-decisions/{id}", "dismiss", new() { ["DismissReason"] = "The court will send the corrected marriage number." });
        Assert.Equal(HttpStatusCode.Redirect, dismissed.Status);
        Assert.Equal($"/civil/court-decisions/{id}?done=dismissed", dismissed.Location);
        var after = await pages.GetAsync(dismissed.Location);
        Assert.Contains("id=\"decision-status\" data-status=\"Dismissed\"", after.Html);
        Assert.Contains("The court will send the corrected marriage number.", after.Html);
        Assert.DoesNotContain($"id=\"decision-{id}\"", (await pages.GetAsync("/civil/court-decisions")).Html);
    }

    [Fact]
    public async Task The_verification_queue_counts_its_records_per_event_and_lists_one_event_when_chosen()
    {
        var (husband, wife) = await CoupleAsync("វណ្ណៈ", "Vannak", "សុគន្ធា", "Sokunthea");
        var agent = await host.ClientForAsync("agent.a");
        var marriage = await CivilIntents.ReadAsync<RegistrationView>(await agent.PostAsJsonAsync("/api/civil/registrations/marriages",
            MarriageBody(host.VillageA, DaysAgo(3), Spouse(husband), Spouse(wife))));
        var birth = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(2)));

        var pages = await FormPages.SignInAsync(host, "agent.a2");
        var all = await pages.GetAsync("/civil/queues/to-verify");
        Assert.Contains("id=\"event-filter\"", all.Html);
        Assert.Contains($"id=\"registration-{marriage.Id}\"", all.Html);
        Assert.Contains($"id=\"registration-{birth.Id}\"", all.Html);
        Assert.Matches("data-event=\"Marriage\"\\s+data-count=\"[1-9]", all.Html);

        var marriages = await pages.GetAsync("/civil/queues/to-verify?event=Marriage");
        Assert.Contains($"id=\"registration-{marriage.Id}\"", marriages.Html);
        Assert.DoesNotContain($"id=\"registration-{birth.Id}\"", marriages.Html);

        var dashboard = await pages.GetAsync("/civil");
        Assert.Contains("id=\"per-event-counts\"", dashboard.Html);
        Assert.Contains("class=\"event-count\" data-event=\"Marriage\"", dashboard.Html);
        Assert.Contains("href=\"/civil/queues/to-verify?event=Marriage\"", dashboard.Html);
    }

    private static Task<HttpResponseMessage> SendDecisionAsync(HttpClient court, Dictionary<string, object?> decision)
    {
        var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(decision, NokorHost.Json)), "decision" } };
        var judgment = new ByteArrayContent(new PdfDocumentBuilder(new PdfDocumentInfo("Judgment")).AddPage(_ => { }).ToPdf());
        judgment.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(judgment, "pdf", "judgment.pdf");
        return court.PostAsync("/api/civil/court-decisions", form);
    }

    /// <summary>The courts' system: a system account with the role court, as <c>nokor users create --role court --national</c> makes one.</summary>
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

    private static string KhmerDigits(string text) => string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('\u17E0' + (c - '0')) : c));
}
