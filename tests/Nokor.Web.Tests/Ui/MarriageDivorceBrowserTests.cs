using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Data;
using Nokor.Platform.Pdf;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Web.Tests.Browser;
using Nokor.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Nokor.Web.Tests.Infrastructure.MarriageIntents;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// A marriage and its divorce in a real browser, through the pages: an agent enters the marriage on
/// its form (a wife typed with the husband's KIDC is refused beside the field first), a second agent
/// verifies it, the registrar approves it and prints the certificate, which anyone checks genuine on
/// the public page; then the court's system posts the divorce over the API, the registrar opens it
/// from the court decisions inbox and completes the pre-filled form, a second agent verifies it and a
/// senior registrar approves it; both spouses' person pages say divorced, with the marriage and the
/// divorce in their linked history. Screenshots are kept under TestResults/ for a person to look at.
/// </summary>
public sealed class MarriageDivorceBrowserTests(UiHost host, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<UiHost>, IClassFixture<BrowserFixture>
{
    private const string PhnomPenhCourt = "Phnom Penh Municipal Court of First Instance";

    private static readonly string Results = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults"));

    [Fact]
    public async Task A_marriage_entered_on_the_form_is_verified_approved_and_certified_then_a_court_divorce_from_the_inbox_leaves_both_spouses_divorced_with_their_history()
    {
        // The couple are in the registry: Keo Vichet and Chhim Sreyneang of commune A.
        var clerk = await host.ClientForAsync("agent.a");
        var husband = await host.PersonAsync(clerk, host.VillageA, "Male", "កែវ", "វិចិត្រ", "Keo", "Vichet", "1992-08-14");
        var wife = await host.PersonAsync(clerk, host.VillageA, "Female", "ឈឹម", "ស្រីនាង", "Chhim", "Sreyneang", "1995-01-23");
        var marriageDate = DaysAgo(20);

        // 1. The agent enters the marriage; the wife typed with the husband's KIDC is refused beside her KIDC, nothing stored.
        Guid marriageId;
        var (agentContext, agent) = await SignInAsync("agent.a");
        await using (agentContext)
        {
            await agent.GotoAsync("/civil");
            await agent.ClickAsync("#register-marriage-link");
            await agent.WaitForURLAsync("**/civil/marriages/new");
            var clientId = Guid.Parse(await agent.InputValueAsync("#client-id"));
            await FillSpouseAsync(agent, "marriage-husband", husband);
            await FillSpouseAsync(agent, "marriage-wife", wife with { Kidc = husband.Kidc });
            await agent.FillAsync("#marriage-marriageDate", marriageDate);
            await agent.SelectOptionAsync("#marriage-marriagePlaceCode select[data-place-level='4']", host.VillageA);
            await agent.FillAsync("#marriage-witnesses-0-name", "ហេង សំណាង");
            await agent.FillAsync("#marriage-witnesses-0-address", "Phum Thmei");
            await agent.FillAsync("#marriage-witnesses-1-name", "លី ស្រីមុំ");
            await agent.FillAsync("#marriage-witnesses-1-address", "Phum Chas");
            await agent.SelectOptionAsync("#marriage-informant-kind", "Relative");
            await agent.FillAsync("#marriage-informant-name", "Heng Samnang");
            await agent.FillAsync("#marriage-informant-relationship", "uncle of the bride");

            var refused = await agent.RunAndWaitForResponseAsync(() => agent.ClickAsync("#marriage-submit"),
                r => r.Request.Method == "POST" && r.Url.Contains("/civil/marriages/new", StringComparison.Ordinal));
            Assert.Equal(400, refused.Status);
            var wifeKidc = agent.Locator(".civil-field", new PageLocatorOptions { Has = agent.Locator("#marriage-wife-kidc") });
            await Assertions.Expect(wifeKidc.Locator(".field-error[data-field='marriage.wife.kidc']")).ToBeVisibleAsync();
            await Assertions.Expect(agent.Locator("#marriage-wife-kidc")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(agent.Locator("#form-errors li[data-field='marriage.wife.kidc'] a")).ToHaveAttributeAsync("href", "#marriage-wife-kidc");
            Assert.False(await StoredAsync(clientId));
            await ScreenshotAsync(agent, "marriage-form-same-kidc-km.png");

            // The form kept what was typed; with the wife's own KIDC the application is stored under the same id.
            await Assertions.Expect(agent.Locator("#marriage-husband-givenNameKm")).ToHaveValueAsync("វិចិត្រ");
            await agent.FillAsync("#marriage-wife-kidc", wife.Kidc);
            await agent.ClickAsync("#marriage-submit");
            await agent.WaitForURLAsync($"**/civil/registrations/{clientId}");
            marriageId = clientId;
            await Assertions.Expect(agent.Locator("#status")).ToHaveAttributeAsync("data-status", "Entered");
            await Assertions.Expect(agent.Locator("#record-title")).ToHaveAttributeAsync("data-event", "Marriage");
            await Assertions.Expect(agent.Locator("#husband-name-km")).ToHaveTextAsync("កែវ វិចិត្រ");
            await Assertions.Expect(agent.Locator("#wife-name-km")).ToHaveTextAsync("ឈឹម ស្រីនាង");
            await Assertions.Expect(agent.Locator("#witnesses .witness")).ToHaveCountAsync(2);
            await Assertions.Expect(agent.Locator("#verify")).ToHaveCountAsync(0);
        }

        // 2. A second agent verifies it.
        await VerifyAsync("agent.a2", marriageId);

        // 3. The registrar approves it and prints the marriage certificate.
        string marriageNumber;
        string qrToken;
        string serial;
        var (registrarContext, registrar) = await SignInAsync("registrar.a");
        await using (registrarContext)
        {
            await registrar.GotoAsync($"/civil/registrations/{marriageId}");
            await registrar.ClickAsync("#approve");
            await registrar.WaitForURLAsync("**done=approved**");
            await Assertions.Expect(registrar.Locator("#status")).ToHaveAttributeAsync("data-status", "Approved");
            marriageNumber = (await registrar.InnerTextAsync("#registration-number")).Trim();
            Assert.Matches($"^M{host.CommuneA}-\\d{{4}}-\\d{{6}}$", marriageNumber);
            await Assertions.Expect(registrar.Locator("#husband-kidc a")).ToHaveTextAsync(husband.Kidc);

            var printed = await PrintAsync(registrarContext, registrar);
            serial = printed.Headers["x-certificate-serial"];
            Assert.Equal($"{marriageNumber}/1", serial);
            var pdf = await printed.BodyAsync();
            Assert.True(PdfReader.TryReadKeywords(pdf, out qrToken), "The certificate PDF has no Keywords.");
            Save("certificates", $"marriage-{serial.Replace('/', '-')}.pdf", pdf);
            await registrar.ReloadAsync();
            await Assertions.Expect(registrar.Locator("#certificate-list tr.certificate")).ToHaveCountAsync(1);
            await ScreenshotAsync(registrar, "marriage-record-approved-km.png");
        }

        // 4. Anyone, without an account, checks the certificate's QR code.
        await using (var publicContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl }))
        {
            var visitor = await publicContext.NewPageAsync();
            var response = await visitor.GotoAsync($"/verify/qr?t={Uri.EscapeDataString(qrToken)}");
            Assert.Equal(200, response!.Status);
            var result = visitor.Locator("#check-result");
            await Assertions.Expect(result).ToHaveAttributeAsync("data-genuine", "true");
            await Assertions.Expect(result).ToHaveAttributeAsync("data-state", "Current");
            await Assertions.Expect(visitor.Locator("#check-serial")).ToHaveTextAsync(serial);
            await Assertions.Expect(visitor.Locator("#verdict")).ToContainTextAsync("ពិតប្រាកដ");
            await Assertions.Expect(visitor.Locator("#check-document")).ToHaveAttributeAsync("data-event", "Marriage");
            await Assertions.Expect(visitor.Locator("#check-document")).ToHaveTextAsync("សំបុត្រអាពាហ៍ពិពាហ៍");
            await ScreenshotAsync(visitor, "marriage-verify-genuine-km.png");
        }

        // 5. The court's system sends the divorce, final ten days ago, with the judgment's PDF.
        var court = await CourtAsync();
        var caseNumber = $"{Random.Shared.Next(100, 99999)}/{DateTime.UtcNow.Year}";
        var decisionBody = new Dictionary<string, object?>
        {
            ["kind"] = "Divorce",
            ["court"] = PhnomPenhCourt,
            ["caseNumber"] = caseNumber,
            ["decisionDate"] = DaysAgo(12),
            ["effectiveDate"] = DaysAgo(10),
            ["dissolution"] = new Dictionary<string, object?> { ["marriageNumber"] = marriageNumber, ["petitioner"] = "wife", ["dependentChildren"] = 0 },
        };
        var form = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(decisionBody, NokorHost.Json)), "decision" } };
        var judgment = new ByteArrayContent(new PdfDocumentBuilder(new PdfDocumentInfo("Judgment " + caseNumber)).AddPage(_ => { }).ToPdf());
        judgment.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(judgment, "pdf", "judgment.pdf");
        var sent = await court.PostAsync("/api/civil/court-decisions", form);
        var received = await CivilIntents.ReadAsync<CourtDecisionView>(sent);
        Assert.Equal(CourtDecisionStatus.Received, received.Status);
        var decisionId = received.Id;

        // 6. The registrar sees it in the inbox, opens it and completes the pre-filled divorce.
        Guid divorceId;
        (registrarContext, registrar) = await SignInAsync("registrar.a");
        await using (registrarContext)
        {
            await registrar.GotoAsync("/civil");
            Assert.True(ParseDigits(await registrar.InnerTextAsync("#count-court-decisions")) >= 1);
            await registrar.ClickAsync("#queue-court-decisions");
            await registrar.WaitForURLAsync("**/civil/court-decisions");
            var row = registrar.Locator($"#decision-{decisionId}");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Received");
            await Assertions.Expect(row.Locator(".case-number")).ToHaveTextAsync(caseNumber);
            await ScreenshotAsync(registrar, "court-decisions-inbox-km.png");
            await row.Locator("a.open-decision").ClickAsync();
            await registrar.WaitForURLAsync($"**/civil/court-decisions/{decisionId}");
            await Assertions.Expect(registrar.Locator("#decision-case")).ToHaveTextAsync(caseNumber);
            await registrar.ClickAsync("#complete-application");
            await registrar.WaitForURLAsync($"**/civil/dissolutions/new?decision={decisionId}");
            await Assertions.Expect(registrar.Locator("#dissolution-marriageNumber")).ToHaveValueAsync(marriageNumber);
            await Assertions.Expect(registrar.Locator("#event")).ToHaveValueAsync("Divorce");
            await Assertions.Expect(registrar.Locator("#dissolution-caseNumber")).ToHaveValueAsync(caseNumber);
            await Assertions.Expect(registrar.Locator("#dissolution-effectiveDate")).ToHaveValueAsync(DaysAgo(10));
            await Assertions.Expect(registrar.Locator("#court-decision-id")).ToHaveValueAsync(decisionId.ToString());
            await ScreenshotAsync(registrar, "divorce-form-from-decision-km.png");
            await registrar.ClickAsync("#dissolution-submit");
            await registrar.WaitForURLAsync("**/civil/registrations/**");
            divorceId = Guid.Parse(registrar.Url.Split('/', '?')[^1]);
            await Assertions.Expect(registrar.Locator("#record-title")).ToHaveAttributeAsync("data-event", "Divorce");
            await Assertions.Expect(registrar.Locator("#status")).ToHaveAttributeAsync("data-status", "Entered");
            await Assertions.Expect(registrar.Locator("#marriage-link")).ToHaveTextAsync(marriageNumber);

            // The decision is applied: the inbox links it to the registration.
            await registrar.GotoAsync($"/civil/court-decisions/{decisionId}");
            await Assertions.Expect(registrar.Locator("#decision-status")).ToHaveAttributeAsync("data-status", "Applied");
            await Assertions.Expect(registrar.Locator("#open-registration")).ToHaveAttributeAsync("href", $"/civil/registrations/{divorceId}");
        }

        // 7. A second agent verifies it; a senior registrar (not the one who entered it) approves it.
        await VerifyAsync("agent.a2", divorceId);
        var (seniorContext, senior) = await SignInAsync("senior.a");
        await using (seniorContext)
        {
            await senior.GotoAsync($"/civil/registrations/{divorceId}");
            await senior.ClickAsync("#approve");
            await senior.WaitForURLAsync("**done=approved**");
            await Assertions.Expect(senior.Locator("#status")).ToHaveAttributeAsync("data-status", "Approved");
            Assert.Matches($"^V{host.CommuneA}-\\d{{4}}-\\d{{6}}$", (await senior.InnerTextAsync("#registration-number")).Trim());
            await ScreenshotAsync(senior, "divorce-record-approved-km.png");

            // 8. Both spouses' pages: divorced, following the registered events, with the marriage and the divorce in order.
            foreach (var (person, spouse) in new[] { (husband, wife), (wife, husband) })
            {
                await senior.GotoAsync($"/persons/{person.Kidc}?purpose={Uri.EscapeDataString("Registration service")}");
                await Assertions.Expect(senior.Locator("#marital-status")).ToHaveAttributeAsync("data-status", "Divorced");
                await Assertions.Expect(senior.Locator("#marital-status")).ToContainTextAsync("លែងលះ");
                await Assertions.Expect(senior.Locator("#marital-status-note")).ToBeVisibleAsync();
                var link = senior.Locator("#spouses .spouse-link");
                await Assertions.Expect(link).ToHaveCountAsync(1);
                await Assertions.Expect(link).ToHaveAttributeAsync("data-ended", "true");
                await Assertions.Expect(link.Locator("a.kidc")).ToHaveTextAsync(spouse.Kidc);
                await Assertions.Expect(link.Locator(".spouse-until")).ToHaveTextAsync(KhmerDigits(DaysAgo(10)));
                var events = senior.Locator("#life-event-list tr.life-event");
                await Assertions.Expect(events).ToHaveCountAsync(2);
                await Assertions.Expect(events.Nth(0)).ToHaveAttributeAsync("data-event", "Marriage");
                await Assertions.Expect(events.Nth(1)).ToHaveAttributeAsync("data-event", "Divorce");
                await Assertions.Expect(events.Nth(0).Locator("a.registration-link")).ToHaveAttributeAsync("href", $"/civil/registrations/{marriageId}");
                await Assertions.Expect(events.Nth(1).Locator("a.registration-link")).ToHaveAttributeAsync("href", $"/civil/registrations/{divorceId}");
                await ScreenshotAsync(senior, $"person-divorced-{(person == husband ? "husband" : "wife")}-km.png");
            }

            // The same page in English.
            await senior.GotoAsync($"/culture/en?returnUrl={Uri.EscapeDataString($"/persons/{wife.Kidc}?purpose=Registration%20service")}");
            await Assertions.Expect(senior.Locator("#marital-status")).ToContainTextAsync("Divorced");
            await Assertions.Expect(senior.Locator("#marital-status-note")).ToContainTextAsync("follows the registered events");
            await ScreenshotAsync(senior, "person-divorced-wife-en.png");
        }

        // The registry agrees with the pages.
        var registry = await host.ClientForAsync("registrar.a");
        foreach (var kidc in new[] { husband.Kidc, wife.Kidc })
        {
            var record = JsonSerializer.Deserialize<PersonRecord>(await registry.GetStringAsync($"/api/population/persons/{kidc}"), NokorHost.Json)!;
            Assert.Equal(MaritalStatus.Divorced, record.MaritalStatus);
        }
    }

    private async Task FillSpouseAsync(IPage page, string prefix, PersonRecord p)
    {
        await page.FillAsync($"#{prefix}-kidc", p.Kidc);
        await page.FillAsync($"#{prefix}-surnameKm", p.SurnameKm);
        await page.FillAsync($"#{prefix}-givenNameKm", p.GivenNameKm);
        await page.FillAsync($"#{prefix}-surnameLatin", p.SurnameLatin);
        await page.FillAsync($"#{prefix}-givenNameLatin", p.GivenNameLatin);
        await page.FillAsync($"#{prefix}-birthDate", p.BirthDate);
    }

    private async Task VerifyAsync(string user, Guid id)
    {
        var (context, page) = await SignInAsync(user);
        await using (context)
        {
            await page.GotoAsync($"/civil/registrations/{id}");
            await page.ClickAsync("#verify");
            await page.WaitForURLAsync("**done=verified**");
            await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Verified");
        }
    }

    /// <summary>Sends the print form as the browser would (it opens the PDF in a new tab, which headless Chromium downloads).</summary>
    private static async Task<IAPIResponse> PrintAsync(IBrowserContext context, IPage page)
    {
        var token = await page.InputValueAsync("#print-form input[name=__RequestVerificationToken]");
        var action = await page.GetAttributeAsync("#print-form", "action");
        var printed = await context.APIRequest.PostAsync(action!, new APIRequestContextOptions
        {
            Form = context.APIRequest.CreateFormData().Append("__RequestVerificationToken", token),
        });
        Assert.Equal(200, printed.Status);
        Assert.Equal("application/pdf", printed.Headers["content-type"]);
        return printed;
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

    private async Task<bool> StoredAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CivilDbContext>().Registrations.AnyAsync(r => r.Id == id);
    }

    private Task<(IBrowserContext Context, IPage Page)> SignInAsync(string user) => BrowserSignIn.SignInAsync(browser, host, user);

    private static string KhmerDigits(string text) => string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('\u17E0' + (c - '0')) : c));

    private static int ParseDigits(string text) =>
        int.Parse(string.Concat(text.Trim().Select(c => c is >= '\u17E0' and <= '\u17E9' ? (char)('0' + (c - '\u17E0')) : c)));

    private static void Save(string folder, string name, byte[] content)
    {
        var directory = Path.Combine(Results, folder);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, name), content);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(Results, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
