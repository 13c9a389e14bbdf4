using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Web.Tests.Browser;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// The registration record page in a real browser: who sees which action, refused actions showing
/// their reason, annexes, the area boundary, and the public verification page without a session.
/// </summary>
public sealed class CivilRecordPagesTests(UiHost host, BrowserFixture browser) : IClassFixture<UiHost>, IClassFixture<BrowserFixture>
{
    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    private async Task<RegistrationView> EnterBirthAsync(string givenNameKm = "សុវណ្ណារី", string givenNameLatin = "Sovannary")
    {
        var agent = await host.ClientForAsync("agent.a");
        return await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(2), givenNameKm: givenNameKm, givenNameLatin: givenNameLatin));
    }

    private Task<(IBrowserContext Context, IPage Page)> SignInAsync(string user) =>
        BrowserSignIn.SignInAsync(browser, host, user);

    /// <summary>Kept in tests/Nokor.Web.Tests/TestResults/screenshots (ignored by git) for a person to look at.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    private static async Task AssertNoMissingWordsAsync(IPage page)
    {
        var text = await page.InnerTextAsync("main");
        Assert.DoesNotContain("rec.", text);
        Assert.DoesNotContain("verify.", text);
    }

    [Fact]
    public async Task The_agent_who_entered_gets_no_verify_button_and_a_second_agent_verifies()
    {
        var entered = await EnterBirthAsync();

        var (first, page) = await SignInAsync("agent.a");
        await using (first)
        {
            var response = await page.GotoAsync($"/civil/registrations/{entered.Id}");
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Entered");
            await Assertions.Expect(page.Locator("#child-name-km")).ToContainTextAsync("ចាន់ សុវណ្ណារី");
            await Assertions.Expect(page.Locator("#verify")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#verify-by-other")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#approve")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#reject")).ToHaveCountAsync(0);
            await AssertNoMissingWordsAsync(page);
        }

        var (second, page2) = await SignInAsync("agent.a2");
        await using (second)
        {
            await page2.GotoAsync($"/civil/registrations/{entered.Id}");
            await Assertions.Expect(page2.Locator("#verify")).ToBeVisibleAsync();
            await page2.ClickAsync("#verify");
            await page2.WaitForURLAsync("**done=verified**");
            await Assertions.Expect(page2.Locator("#status")).ToHaveAttributeAsync("data-status", "Verified");
            await Assertions.Expect(page2.Locator("#verified-by")).ToContainTextAsync("Test agent.a2");
            await Assertions.Expect(page2.Locator("#history-list tr.history[data-action=verified]")).ToHaveCountAsync(1);
            // An agent neither approves nor rejects.
            await Assertions.Expect(page2.Locator("#approve")).ToHaveCountAsync(0);
            await Assertions.Expect(page2.Locator("#reject")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task Rejecting_without_reasons_shows_the_error_and_with_reasons_offers_the_printed_decision()
    {
        var entered = await EnterBirthAsync("បុប្ផា", "Bopha");

        var (context, page) = await SignInAsync("registrar.a");
        await using (context)
        {
            await page.GotoAsync($"/civil/registrations/{entered.Id}");
            var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#reject"),
                r => r.Request.Method == "POST" && r.Url.Contains($"/civil/registrations/{entered.Id}"));
            Assert.Equal(400, refused.Status);
            await Assertions.Expect(page.Locator("#reject-error")).ToContainTextAsync("មូលហេតុផ្លូវច្បាប់");
            await Assertions.Expect(page.Locator("#action-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Entered");

            await ScreenshotAsync(page, "record-reject-error-km.png");
            await page.FillAsync("#reasons", "ឪពុកម្ដាយមិនបានបង្ហាញភស្តុតាងនៃកំណើត (មាត្រា ១០)។");
            await page.ClickAsync("#reject");
            await page.WaitForURLAsync("**done=rejected**");
            await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Rejected");
            await Assertions.Expect(page.Locator("#rejection-reasons")).ToContainTextAsync("មាត្រា ១០");
            await Assertions.Expect(page.Locator("#rejection-pdf")).ToHaveAttributeAsync("href", $"/api/civil/registrations/{entered.Id}/rejection.pdf");
            var decision = await context.APIRequest.GetAsync($"/api/civil/registrations/{entered.Id}/rejection.pdf");
            Assert.Equal(200, decision.Status);
            Assert.Equal("application/pdf", decision.Headers["content-type"]);
            await Assertions.Expect(page.Locator("#reject")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#annex-form")).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task An_uploaded_PNG_is_listed_and_opens_inline_and_a_text_file_is_refused_with_the_reason()
    {
        var entered = await EnterBirthAsync("ស្រីពៅ", "Sreypov");

        var (context, page) = await SignInAsync("agent.a");
        await using (context)
        {
            await page.GotoAsync($"/civil/registrations/{entered.Id}");
            await Assertions.Expect(page.Locator("#no-annexes")).ToBeVisibleAsync();
            await page.SetInputFilesAsync("#annex-file", new FilePayload { Name = "birth-notice.png", MimeType = "image/png", Buffer = Png });
            await page.FillAsync("#annex-description", "Hospital birth notice");
            await page.ClickAsync("#annex-submit");
            await page.WaitForURLAsync("**done=annex**");
            var link = page.Locator("#annex-list tr.annex a.annex-link");
            await Assertions.Expect(link).ToHaveCountAsync(1);
            await Assertions.Expect(link).ToHaveTextAsync("birth-notice.png");
            await Assertions.Expect(page.Locator("#history-list tr.history[data-action='annex.added']")).ToHaveCountAsync(1);

            var href = await link.GetAttributeAsync("href");
            var scan = await context.NewPageAsync();
            var shown = await scan.GotoAsync(href!);
            Assert.Equal(200, shown!.Status);
            Assert.Equal("image/png", shown.Headers["content-type"]);
            Assert.Equal("inline", shown.Headers["content-disposition"]);
            Assert.Equal(Png, await shown.BodyAsync());

            await page.SetInputFilesAsync("#annex-file", new FilePayload
            {
                Name = "notes.txt", MimeType = "text/plain", Buffer = "not a scan"u8.ToArray(),
            });
            // The browser comes back to the record page with the reason beside the upload form.
            await page.ClickAsync("#annex-submit");
            await page.WaitForURLAsync("**annexError=**");
            await Assertions.Expect(page.Locator("#annex-error")).ToBeVisibleAsync();
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#annex-error").InnerTextAsync()));
            await Assertions.Expect(page.Locator("#annex-list tr.annex")).ToHaveCountAsync(1);
        }
    }

    [Fact]
    public async Task An_agent_of_another_commune_gets_the_not_found_page()
    {
        var entered = await EnterBirthAsync("ច័ន្ទថា", "Chantha");

        var (context, page) = await SignInAsync("agent.b");
        await using (context)
        {
            var response = await page.GotoAsync($"/civil/registrations/{entered.Id}");
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
            Assert.DoesNotContain("ចាន់", await page.InnerTextAsync("main"));

            var unknown = await page.GotoAsync($"/civil/registrations/{Guid.NewGuid()}");
            Assert.Equal(404, unknown!.Status);
        }
    }

    /// <summary>A birth entered, verified and approved through the API, with a printed certificate and an evidence annex.</summary>
    private async Task<(RegistrationView Record, Guid AnnexId)> RegisteredBirthWithCertificateAsync(string givenNameKm, string givenNameLatin)
    {
        var entered = await EnterBirthAsync(givenNameKm, givenNameLatin);
        await (await host.ClientForAsync("agent.a2")).StepAsync(entered.Id, "verify");
        var registrar = await host.ClientForAsync("registrar.a");
        var approved = await registrar.StepAsync(entered.Id, "approve");
        var printed = await registrar.PostAsync($"/api/civil/registrations/{entered.Id}/certificates", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, printed.StatusCode);
        using var form = new System.Net.Http.MultipartFormDataContent();
        var file = new System.Net.Http.ByteArrayContent(Png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "hospital-letter.png");
        form.Add(new System.Net.Http.StringContent("Hospital letter"), "description");
        var annex = await CivilIntents.ReadAsync<AnnexView>(await registrar.PostAsync($"/api/civil/registrations/{entered.Id}/annexes", form));
        return (approved, annex.Id);
    }

    [Fact]
    public async Task A_correction_requested_on_the_page_and_approved_by_another_registrar_supersedes_the_printed_certificate()
    {
        var (record, annexId) = await RegisteredBirthWithCertificateAsync("សុវណ្ណារី", "Sovannary");

        var (requesterContext, requester) = await SignInAsync("registrar.a");
        await using (requesterContext)
        {
            await requester.GotoAsync($"/civil/registrations/{record.Id}");
            await Assertions.Expect(requester.Locator("#print-fee")).ToBeVisibleAsync();
            await Assertions.Expect(requester.Locator("#c-given-latin")).ToHaveValueAsync("Sovannary");
            await Assertions.Expect(requester.Locator("#c-given-km")).ToHaveValueAsync("សុវណ្ណារី");

            // Without the evidence the request is refused, next to the field.
            await requester.FillAsync("#c-given-latin", "Sovannaree");
            await requester.FillAsync("#c-reason", "Latin spelling as on the hospital letter");
            await requester.ClickAsync("#correction-submit");
            await Assertions.Expect(requester.Locator("#correction-form .field-error[data-field=evidenceAnnexId]")).ToBeVisibleAsync();
            await Assertions.Expect(requester.Locator("#c-given-latin")).ToHaveValueAsync("Sovannaree");

            await requester.SelectOptionAsync("#c-evidence", annexId.ToString());
            await requester.ClickAsync("#correction-submit");
            await requester.WaitForURLAsync("**done=correction-requested**");
            await Assertions.Expect(requester.Locator("#correction-changes")).ToContainTextAsync("Sovannaree");
            await Assertions.Expect(requester.Locator("#correction-by-other")).ToBeVisibleAsync();
            await Assertions.Expect(requester.Locator("#correction-approve")).ToHaveCountAsync(0);
            await Assertions.Expect(requester.Locator("#correction-form")).ToHaveCountAsync(0);
            await ScreenshotAsync(requester, "record-correction-pending-km.png");
        }

        var (deciderContext, decider) = await SignInAsync("senior.a");
        await using (deciderContext)
        {
            await decider.GotoAsync($"/culture/en?returnUrl=/civil/registrations/{record.Id}");
            // Refusing needs a note.
            await decider.ClickAsync("#correction-refuse");
            await Assertions.Expect(decider.Locator("#correction-decision-error")).ToContainTextAsync("why");
            await decider.ClickAsync("#correction-approve");
            await decider.WaitForURLAsync("**done=correction-approved**");
            await Assertions.Expect(decider.Locator("#child-name-latin")).ToHaveTextAsync("Chan Sovannaree");
            await Assertions.Expect(decider.Locator("#correction-list tr.correction")).ToHaveAttributeAsync("data-status", "Approved");
            await Assertions.Expect(decider.Locator("#certificate-list tr.certificate")).ToHaveAttributeAsync("data-state", "Superseded");
            // The new version was never printed: the next print is an original, without a fee.
            await Assertions.Expect(decider.Locator("#print-fee")).ToHaveCountAsync(0);
            await Assertions.Expect(decider.Locator("#history-list tr.history[data-action='correction.approved']")).ToHaveCountAsync(1);
            await AssertNoMissingWordsAsync(decider);
        }

        string token;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
            token = (await db.Certificates.AsNoTracking().SingleAsync(c => c.RegistrationId == record.Id)).Token;
        }

        await using var publicContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync($"/verify/qr?t={Uri.EscapeDataString(token)}");
        await Assertions.Expect(visitor.Locator("#check-result")).ToHaveAttributeAsync("data-state", "Superseded");
        await Assertions.Expect(visitor.Locator("#verdict")).ToContainTextAsync("ហួសសុពលភាព");
        await Assertions.Expect(visitor.Locator("#state-text")).ToContainTextAsync("ការិយាល័យអត្រានុកូលដ្ឋាន");
        // The check shows the certificate as printed: the name before the correction.
        await Assertions.Expect(visitor.Locator("#check-name-latin")).ToHaveTextAsync("Chan Sovannary");
        await ScreenshotAsync(visitor, "verify-superseded-km.png");
    }

    [Fact]
    public async Task A_claimed_record_is_held_for_its_worker_and_a_registrar_reassigns_it_within_the_area()
    {
        var entered = await EnterBirthAsync("វិចិត្រ", "Vichet");

        var (workerContext, worker) = await SignInAsync("agent.a2");
        await using (workerContext)
        {
            await worker.GotoAsync($"/civil/registrations/{entered.Id}");
            await worker.ClickAsync("#claim");
            await worker.WaitForURLAsync("**done=claimed**");
            await Assertions.Expect(worker.Locator("#assigned-to")).ToHaveTextAsync("Test agent.a2");
            await Assertions.Expect(worker.Locator("#release")).ToBeVisibleAsync();
            await Assertions.Expect(worker.Locator("#claim")).ToHaveCountAsync(0);
        }

        var (registrarContext, registrar) = await SignInAsync("registrar.a");
        await using (registrarContext)
        {
            await registrar.GotoAsync($"/civil/registrations/{entered.Id}");
            await Assertions.Expect(registrar.Locator("#held-by-other")).ToContainTextAsync("Test agent.a2");
            await Assertions.Expect(registrar.Locator("#reject")).ToHaveCountAsync(0);
            await registrar.FillAsync("#assign-user", "agent.b");
            await registrar.ClickAsync("#assign");
            await Assertions.Expect(registrar.Locator("#assign-error")).ToContainTextAsync("តំបន់");
            await registrar.FillAsync("#assign-user", "registrar.a");
            await registrar.ClickAsync("#assign");
            await registrar.WaitForURLAsync("**done=assigned**");
            await Assertions.Expect(registrar.Locator("#assigned-to")).ToHaveTextAsync("Test registrar.a");
            await Assertions.Expect(registrar.Locator("#reject")).ToBeVisibleAsync();
            await registrar.ClickAsync("#release");
            await registrar.WaitForURLAsync("**done=released**");
            await Assertions.Expect(registrar.Locator("#assigned-to")).ToHaveTextAsync("—");
        }
    }

    private async Task<RegistrationView> EnterDeathAsync(string givenNameKm, string givenNameLatin)
    {
        var agent = await host.ClientForAsync("agent.a");
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, "ចាន់", givenNameKm, "Chan", givenNameLatin, "1950-01-01"));
        var response = await agent.PostAsJsonAsync("/api/civil/registrations/deaths", new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid(),
            ["death"] = new Dictionary<string, object?>
            {
                ["deceasedKidc"] = person.Kidc,
                ["deceasedSurnameKm"] = person.SurnameKm,
                ["deceasedGivenNameKm"] = person.GivenNameKm,
                ["deceasedSurnameLatin"] = person.SurnameLatin,
                ["deceasedGivenNameLatin"] = person.GivenNameLatin,
                ["deceasedSex"] = person.Sex.ToString(),
                ["deceasedBirthDate"] = person.BirthDate,
                ["deathDate"] = DaysAgo(2),
                ["deathTime"] = "14:20",
                ["deathPlaceCode"] = host.VillageA,
                ["placeKind"] = "HealthFacility",
                ["facilityName"] = "Provincial Referral Hospital",
                ["informant"] = new { kind = "Relative", name = "Chan Dara", relationship = "son" },
                ["cause"] = new
                {
                    lineA = new { condition = "Septic shock", icd10 = "R57.2", interval = "1 day" },
                    lineB = new { condition = "Dengue haemorrhagic fever", icd10 = "A91", interval = "6 days" },
                    contributing = "Type 2 diabetes mellitus",
                    contributingIcd10 = "E11.9",
                    manner = "Disease",
                    certifierName = "Dr. Keo Sopheap",
                    certifierRole = "doctor",
                },
            },
        });
        return await CivilIntents.ReadAsync<RegistrationView>(response);
    }

    [Fact]
    public async Task A_death_record_shows_the_cause_of_death_chain_with_ICD_10_codes()
    {
        var death = await EnterDeathAsync("សុខា", "Sokha");

        var (context, page) = await SignInAsync("agent.a2");
        await using (context)
        {
            await page.GotoAsync($"/civil/registrations/{death.Id}");
            await Assertions.Expect(page.Locator("#deceased-name-km")).ToHaveTextAsync("ចាន់ សុខា");
            var cause = page.Locator("#cause-of-death");
            await Assertions.Expect(cause.Locator("tbody tr")).ToHaveCountAsync(5);
            await Assertions.Expect(cause.Locator("tbody tr").Nth(0)).ToContainTextAsync("Septic shock");
            await Assertions.Expect(cause.Locator("tbody tr").Nth(0)).ToContainTextAsync("R57.2");
            await Assertions.Expect(cause.Locator("tbody tr").Nth(1)).ToContainTextAsync("A91");
            await Assertions.Expect(cause.Locator("tbody tr").Nth(4)).ToContainTextAsync("E11.9");
            await Assertions.Expect(page.Locator("#dossier")).ToContainTextAsync("ជំងឺ");
            await Assertions.Expect(page.Locator("#verify")).ToBeVisibleAsync();
            await AssertNoMissingWordsAsync(page);
            await ScreenshotAsync(page, "record-death-km.png");
        }
    }

    [Fact]
    public async Task A_registered_death_is_corrected_from_the_page_keeping_the_rest_of_the_medical_certificate()
    {
        var entered = await EnterDeathAsync("វណ្ណា", "Vanna");
        await (await host.ClientForAsync("agent.a2")).StepAsync(entered.Id, "verify");
        var registrar = await host.ClientForAsync("registrar.a");
        await registrar.StepAsync(entered.Id, "approve");
        using var form = new System.Net.Http.MultipartFormDataContent();
        var file = new System.Net.Http.ByteArrayContent(Png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "hospital-record.png");
        var annex = await CivilIntents.ReadAsync<AnnexView>(await registrar.PostAsync($"/api/civil/registrations/{entered.Id}/annexes", form));

        var (requesterContext, requester) = await SignInAsync("agent.a");
        await using (requesterContext)
        {
            await requester.GotoAsync($"/civil/registrations/{entered.Id}");
            await Assertions.Expect(requester.Locator("#c-death-time")).ToHaveValueAsync("14:20");
            await Assertions.Expect(requester.Locator("#c-line-a-icd")).ToHaveValueAsync("R57.2");
            await requester.FillAsync("#c-death-time", "15:05");
            await requester.FillAsync("#c-reason", "Time on the hospital death record");
            await requester.SelectOptionAsync("#c-evidence", annex.Id.ToString());
            await requester.ClickAsync("#correction-submit");
            await requester.WaitForURLAsync("**done=correction-requested**");
            await Assertions.Expect(requester.Locator("#correction-changes tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(requester.Locator("#correction-changes")).ToContainTextAsync("15:05");
        }

        var (deciderContext, decider) = await SignInAsync("registrar.a");
        await using (deciderContext)
        {
            await decider.GotoAsync($"/civil/registrations/{entered.Id}");
            await decider.ClickAsync("#correction-approve");
            await decider.WaitForURLAsync("**done=correction-approved**");
            await Assertions.Expect(decider.Locator("#dossier-death")).ToContainTextAsync("១៥:០៥");
            await Assertions.Expect(decider.Locator("#cause-of-death")).ToContainTextAsync("A91");
            await Assertions.Expect(decider.Locator("#cause-of-death")).ToContainTextAsync("E11.9");
        }
    }

    [Fact]
    public async Task An_institution_request_is_recorded_approved_and_delivered_with_the_extract()
    {
        var (record, _) = await RegisteredBirthWithCertificateAsync("ស្រីនាង", "Sreyneang");

        var (context, page) = await SignInAsync("registrar.a");
        await using (context)
        {
            await page.GotoAsync("/civil/information");
            await page.FillAsync("#i-number", record.Number!);
            await page.SelectOptionAsync("#i-kind", "Institution");
            await page.FillAsync("#i-name", "Ministry of Education");
            await page.FillAsync("#i-purpose", "School enrolment");
            await page.ClickAsync("#info-submit");
            // An institution needs its cooperation agreement.
            await Assertions.Expect(page.Locator(".field-error[data-field=agreement]")).ToBeVisibleAsync();
            await page.FillAsync("#i-agreement", "MoEYS-2026-07");
            await page.ClickAsync("#info-submit");
            await page.WaitForURLAsync("**done=received**");

            var row = page.Locator("#requests tr.request", new PageLocatorOptions { HasText = record.Number! });
            await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Received");
            await row.Locator(".refuse-request").ClickAsync();
            await Assertions.Expect(page.Locator(".row-error")).ToContainTextAsync("ហេតុផល");
            await row.Locator(".approve-request").ClickAsync();
            await page.WaitForURLAsync("**done=request-approved**");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Approved");
            await row.Locator("select").SelectOptionAsync("counter");
            await row.Locator(".deliver-request").ClickAsync();
            await Assertions.Expect(page.Locator("#extract")).ToContainTextAsync(record.Number!);
            await Assertions.Expect(page.Locator("#extract-name-km")).ToHaveTextAsync("ចាន់ ស្រីនាង");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Delivered");
            await AssertNoMissingWordsAsync(page);
            await ScreenshotAsync(page, "information-extract-km.png");
        }
    }

    [Fact]
    public async Task The_public_page_answers_without_a_session_and_calls_an_unknown_number_not_genuine()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/verify");
        Assert.Equal(200, response!.Status);
        Assert.DoesNotContain("/login", page.Url);

        await page.FillAsync("#q", "B999999-2026-000001/1");
        await page.ClickAsync("#verify-submit");
        await Assertions.Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-genuine", "false");
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("មិនពិតប្រាកដ");
        await ScreenshotAsync(page, "verify-not-genuine-km.png");

        await page.GotoAsync("/verify/qr?t=NKC1.forged.0000000000000000.AAAA");
        await Assertions.Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-genuine", "false");
        await AssertNoMissingWordsAsync(page);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "nokor.auth");
    }
}
