using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Web.Tests.Browser;
using Nokor.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// The civil registration entry pages in a real browser at a tablet's width: the birth and death
/// application forms with their field errors and client ids, notifications and their Register
/// link, the office dashboard and its queues, in Khmer and in English.
/// </summary>
public sealed class CivilEntryPagesTests(UiHost host, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<UiHost>, IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Tablet = new() { Width = 820, Height = 1180 };

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    private static string KhmerDigits(string text) => string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)('\u17E0' + (c - '0')) : c));

    private static int ParseDigits(string text) =>
        int.Parse(string.Concat(text.Trim().Select(c => c is >= '\u17E0' and <= '\u17E9' ? (char)('0' + (c - '\u17E0')) : c)));

    [Fact]
    public async Task An_agent_sees_a_bad_mother_date_next_to_the_field_then_fixes_it_and_the_application_is_stored_once()
    {
        var (context, page) = await SignInAsync("agent.a");
        await using var _ = context;

        await page.GotoAsync("/civil/births/new");
        Assert.Equal("km", await page.GetAttributeAsync("html", "lang"));
        var clientId = Guid.Parse(await page.InputValueAsync("#client-id"));
        var birthDate = DaysAgo(5);
        await FillBirthAsync(page, birthDate, motherBirthDate: DateOnly.Parse(birthDate).AddYears(-8).ToString("yyyy-MM-dd"));
        await ScreenshotAsync(page, "birth-form-km.png");

        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#birth-submit"),
            r => r.Request.Method == "POST" && r.Url.Contains("/civil/births/new", StringComparison.Ordinal));
        Assert.Equal(400, response.Status);
        await Assertions.Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        var motherDate = page.Locator(".civil-field", new PageLocatorOptions { Has = page.Locator("#birth-mother-birthDate") });
        await Assertions.Expect(motherDate.Locator(".field-error[data-field='birth.mother.birthDate']")).ToContainTextAsync("១០");
        await Assertions.Expect(page.Locator("#birth-mother-birthDate")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#form-errors li[data-field='birth.mother.birthDate'] a")).ToHaveAttributeAsync("href", "#birth-mother-birthDate");
        await ScreenshotAsync(page, "birth-form-errors-km.png");

        // Nothing stored; the form keeps what was typed and the same client id.
        Assert.Null(await FindRegistrationAsync(clientId));
        await Assertions.Expect(page.Locator("#birth-child-givenNameKm")).ToHaveValueAsync("សុភា");
        await Assertions.Expect(page.Locator("#birth-child-birthPlaceCode input[type=hidden]")).ToHaveValueAsync(host.VillageA);
        Assert.Equal(clientId, Guid.Parse(await page.InputValueAsync("#client-id")));

        await page.FillAsync("#birth-mother-birthDate", "1995-02-10");
        await page.ClickAsync("#birth-submit");
        await page.WaitForURLAsync($"**/civil/registrations/{clientId}");

        var stored = await FindRegistrationAsync(clientId);
        Assert.NotNull(stored);
        Assert.Equal(VitalEvent.Birth, stored.Event);
        Assert.Equal(RegistrationStatus.Entered, stored.Status);
        Assert.Equal(host.VillageA, stored.EventPlaceCode);
        var dossier = Dossiers.Read<BirthDossier>(stored.Dossier);
        Assert.Equal("សុភា", dossier.Child!.GivenNameKm);
        Assert.Equal(3150, dossier.Child.BirthWeightGrams);
        Assert.Equal("1995-02-10", dossier.Mother!.BirthDate);
        Assert.Null(dossier.Father);

        // The same form sent again (a tablet retrying after a lost answer) finds the same application.
        var retry = await context.NewPageAsync();
        await retry.GotoAsync("/civil/births/new");
        await retry.EvalOnSelectorAsync("#client-id", "(e, id) => e.value = id", clientId.ToString());
        await FillBirthAsync(retry, birthDate, motherBirthDate: "1995-02-10");
        await retry.ClickAsync("#birth-submit");
        await retry.WaitForURLAsync($"**/civil/registrations/{clientId}");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        Assert.Equal(1, await db.Registrations.CountAsync(r => r.SubjectNameLatin == "Chan Sophea"));
    }

    [Fact]
    public async Task The_death_form_records_the_cause_of_death_lines_with_their_ICD10_codes()
    {
        var api = await host.ClientForAsync("agent.a");
        var person = await host.RegisterPersonAsync(api, host.PersonBody(host.VillageA, "កែវ", "សំណាង", "Keo", "Samnang", "1948-06-01"));

        var (context, page) = await SignInAsync("agent.a");
        await using var _ = context;
        await page.GotoAsync("/civil/deaths/new");
        var clientId = Guid.Parse(await page.InputValueAsync("#client-id"));

        await page.FillAsync("#death-deceasedKidc", person.Kidc);
        await page.FillAsync("#death-deceasedSurnameKm", "កែវ");
        await page.FillAsync("#death-deceasedGivenNameKm", "សំណាង");
        await page.FillAsync("#death-deceasedSurnameLatin", "Keo");
        await page.FillAsync("#death-deceasedGivenNameLatin", "Samnang");
        await page.SelectOptionAsync("#death-deceasedSex", "Male");
        await page.FillAsync("#death-deceasedBirthDate", "1948-06-01");
        await page.FillAsync("#death-deathDate", DaysAgo(2));
        await page.FillAsync("#death-deathTime", "04:30");
        await page.SelectOptionAsync("#death-deathPlaceCode select[data-place-level='4']", host.VillageA);
        await page.SelectOptionAsync("#death-placeKind", "HealthFacility");
        await page.FillAsync("#death-facilityName", "Calmette Hospital");
        await page.SelectOptionAsync("#death-informant-kind", "Relative");
        await page.FillAsync("#death-informant-name", "Keo Dara");
        await page.FillAsync("#death-informant-relationship", "son");
        await page.FillAsync("#death-cause-lineA-condition", "Acute myocardial infarction");
        await page.FillAsync("#death-cause-lineA-icd10", "I21.9");
        await page.FillAsync("#death-cause-lineA-interval", "2 hours");
        await page.FillAsync("#death-cause-lineB-condition", "Essential hypertension");
        await page.FillAsync("#death-cause-lineB-icd10", "X1");
        await page.FillAsync("#death-cause-lineB-interval", "10 years");
        await page.FillAsync("#death-cause-contributing", "Type 2 diabetes");
        await page.FillAsync("#death-cause-contributingIcd10", "E11");
        await page.SelectOptionAsync("#death-cause-manner", "Disease");
        await page.FillAsync("#death-cause-certifierName", "Dr. Chea Sokha");
        await page.FillAsync("#death-cause-certifierRole", "doctor");
        await ScreenshotAsync(page, "death-form-km.png");

        // A malformed ICD-10 code is shown on its own line of part 1.
        await page.ClickAsync("#death-submit");
        var lineB = page.Locator("#death-cause-lineB");
        await Assertions.Expect(lineB.Locator(".field-error[data-field='death.cause.lineB.icd10']")).ToContainTextAsync("ICD-10");
        await Assertions.Expect(page.Locator("#death-cause-lineA .field-error")).ToHaveCountAsync(0);
        Assert.Null(await FindRegistrationAsync(clientId));

        await page.FillAsync("#death-cause-lineB-icd10", "I10");
        await page.ClickAsync("#death-submit");
        await page.WaitForURLAsync($"**/civil/registrations/{clientId}");

        var stored = await FindRegistrationAsync(clientId);
        Assert.NotNull(stored);
        Assert.Equal(VitalEvent.Death, stored.Event);
        Assert.Equal(person.Kidc, stored.SubjectKidc);
        var cause = Dossiers.Read<DeathDossier>(stored.Dossier).Cause!;
        Assert.Equal(("Acute myocardial infarction", "I21.9", "2 hours"), (cause.LineA!.Condition, cause.LineA.Icd10, cause.LineA.Interval));
        Assert.Equal(("Essential hypertension", "I10"), (cause.LineB!.Condition, cause.LineB.Icd10));
        Assert.Null(cause.LineC);
        Assert.Equal("E11", cause.ContributingIcd10);
        Assert.Equal(nameof(MannerOfDeath.Disease), cause.Manner);
        Assert.Null(cause.Pregnancy);
    }

    [Fact]
    public async Task A_notification_entered_on_the_form_waits_on_the_list_with_its_age_and_its_Register_link_prefills_the_birth_form()
    {
        var (context, page) = await SignInAsync("agent.a");
        await using var _ = context;
        var eventDate = DaysAgo(3);

        await page.GotoAsync("/civil/notifications/new");
        await page.SelectOptionAsync("#event", "Birth");
        await Assertions.Expect(page.Locator("#notification-death")).ToBeHiddenAsync();
        await page.FillAsync("#eventDate", eventDate);
        await page.FillAsync("#eventTime", "23:10");
        await page.SelectOptionAsync("#eventPlaceCode select[data-place-level='4']", host.VillageA2);
        await page.SelectOptionAsync("#informantKind", "HealthFacility");
        await page.FillAsync("#informantName", "Maternity ward, Dr. Lim");
        await page.FillAsync("#facilityName", "Calmette Hospital");
        await page.SelectOptionAsync("#childSex", "Male");
        await page.SelectOptionAsync("#birthType", "Twin");
        await page.FillAsync("#birthWeightGrams", "2900");
        await page.FillAsync("#motherNameKm", "ហេង ស្រីមុំ");
        await page.FillAsync("#motherNameLatin", "Heng Sreymom");
        await page.FillAsync("#motherBirthDate", "1996-05-04");
        await page.ClickAsync("#notification-submit");
        await page.WaitForURLAsync("**/civil/notifications?notified=*");
        await Assertions.Expect(page.Locator("#notified")).ToBeVisibleAsync();

        var row = page.Locator("#notifications tr.notification", new PageLocatorOptions { HasText = "Heng Sreymom" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td.age")).ToHaveTextAsync("០ ថ្ងៃ");
        await Assertions.Expect(row.Locator("td.event-date")).ToContainTextAsync(KhmerDigits(eventDate));
        await Assertions.Expect(row.Locator("td.informant")).ToContainTextAsync("Maternity ward, Dr. Lim");
        await Assertions.Expect(row.Locator("td.informant .facility")).ToHaveTextAsync("Calmette Hospital");
        await ScreenshotAsync(page, "notifications-km.png");
        var notificationId = Guid.Parse((await row.GetAttributeAsync("id"))!["notification-".Length..]);

        // A birth notification does not open the death form.
        var wrongForm = await page.GotoAsync($"/civil/deaths/new?notification={notificationId}");
        Assert.Equal(404, wrongForm!.Status);
        await page.GoBackAsync();

        await row.Locator("a.register-link").ClickAsync();
        await page.WaitForURLAsync($"**/civil/births/new?notification={notificationId}");
        await Assertions.Expect(page.Locator("#from-notification")).ToContainTextAsync("Maternity ward, Dr. Lim");
        await Assertions.Expect(page.Locator("#birth-child-birthDate")).ToHaveValueAsync(eventDate);
        await Assertions.Expect(page.Locator("#birth-child-birthTime")).ToHaveValueAsync("23:10");
        await Assertions.Expect(page.Locator("#birth-child-birthPlaceCode input[type=hidden]")).ToHaveValueAsync(host.VillageA2);
        await Assertions.Expect(page.Locator("#birth-child-sex")).ToHaveValueAsync("Male");
        await Assertions.Expect(page.Locator("#birth-child-birthType")).ToHaveValueAsync("Twin");
        await Assertions.Expect(page.Locator("#birth-child-birthWeightGrams")).ToHaveValueAsync("2900");
        await Assertions.Expect(page.Locator("#birth-child-placeKind")).ToHaveValueAsync("HealthFacility");
        await Assertions.Expect(page.Locator("#birth-child-facilityName")).ToHaveValueAsync("Calmette Hospital");
        await Assertions.Expect(page.Locator("#birth-mother-surnameKm")).ToHaveValueAsync("ហេង");
        await Assertions.Expect(page.Locator("#birth-mother-givenNameKm")).ToHaveValueAsync("ស្រីមុំ");
        await Assertions.Expect(page.Locator("#birth-mother-givenNameLatin")).ToHaveValueAsync("Sreymom");
        await Assertions.Expect(page.Locator("#birth-mother-birthDate")).ToHaveValueAsync("1996-05-04");

        // The family names the child; the rest came from the notification.
        var clientId = Guid.Parse(await page.InputValueAsync("#client-id"));
        await page.FillAsync("#birth-child-surnameKm", "ហេង");
        await page.FillAsync("#birth-child-givenNameKm", "វិចិត្រ");
        await page.FillAsync("#birth-child-surnameLatin", "Heng");
        await page.FillAsync("#birth-child-givenNameLatin", "Vichet");
        await page.SelectOptionAsync("#birth-child-attendant", "Doctor");
        await page.SelectOptionAsync("#birth-child-residenceVillageCode select[data-place-level='4']", host.VillageA2);
        await page.SelectOptionAsync("#birth-informant-kind", "Relative");
        await page.FillAsync("#birth-informant-name", "Heng Sreymom");
        await page.ClickAsync("#birth-submit");
        await page.WaitForURLAsync($"**/civil/registrations/{clientId}");

        var stored = await FindRegistrationAsync(clientId);
        Assert.Equal(notificationId, stored!.NotificationId);
        await page.GotoAsync("/civil/notifications");
        await Assertions.Expect(page.Locator($"#notification-{notificationId}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_dashboard_counts_the_queues_each_role_works_and_links_to_them()
    {
        var (context, page) = await SignInAsync("agent.a2");
        await using var _ = context;
        await page.GotoAsync("/civil");
        var before = ParseDigits(await page.InnerTextAsync("#count-to-verify"));
        await Assertions.Expect(page.Locator("#register-birth-link")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#queue-to-approve")).ToHaveCountAsync(0);

        var agent = await host.ClientForAsync("agent.a");
        var entered = await agent.EnterBirthAsync(CivilIntents.BirthBody(host.VillageA, DaysAgo(1), givenNameKm: "ចន្ទា", givenNameLatin: "Chanda"));

        await page.ReloadAsync();
        await ScreenshotAsync(page, "dashboard-km.png");
        Assert.Equal(before + 1, ParseDigits(await page.InnerTextAsync("#count-to-verify")));
        await page.ClickAsync("#queue-to-verify");
        await page.WaitForURLAsync("**/civil/queues/to-verify");
        var row = page.Locator($"#registration-{entered.Id}");
        await Assertions.Expect(row).ToContainTextAsync("ចាន់ ចន្ទា");
        await Assertions.Expect(row).ToContainTextAsync("Chan Chanda");
        await ScreenshotAsync(page, "queue-to-verify-km.png");
        await Assertions.Expect(row.Locator("a.open-registration")).ToHaveAttributeAsync("href", $"/civil/registrations/{entered.Id}");

        // The one who entered it does not verify it: it is not in their queue.
        var (agentContext, agentPage) = await SignInAsync("agent.a");
        await using var __ = agentContext;
        await agentPage.GotoAsync("/civil/queues/to-verify");
        await Assertions.Expect(agentPage.Locator($"#registration-{entered.Id}")).ToHaveCountAsync(0);

        var (seniorContext, seniorPage) = await SignInAsync("senior.a");
        await using var ___ = seniorContext;
        await seniorPage.GotoAsync("/civil");
        await Assertions.Expect(seniorPage.Locator("#queue-to-approve")).ToBeVisibleAsync();
        await Assertions.Expect(seniorPage.Locator("#queue-to-approve-senior")).ToBeVisibleAsync();

        var (viewerContext, viewerPage) = await SignInAsync("viewer.a");
        await using var ____ = viewerContext;
        await viewerPage.GotoAsync("/civil");
        await Assertions.Expect(viewerPage.Locator("#queue-to-verify")).ToBeVisibleAsync();
        await Assertions.Expect(viewerPage.Locator("#register-birth-link")).ToHaveCountAsync(0);

        var missing = await page.GotoAsync("/civil/queues/no-such-queue");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_entry_page_has_all_its_words_in_English_and_in_Khmer()
    {
        var (context, page) = await SignInAsync("agent.a");
        await using var _ = context;
        string[] pages = ["/civil", "/civil/queues/to-verify", "/civil/queues/registered", "/civil/notifications", "/civil/notifications/new", "/civil/births/new", "/civil/deaths/new"];

        foreach (var language in new[] { "en", "km" })
        {
            await page.GotoAsync($"/culture/{language}?returnUrl=/civil");
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            foreach (var path in pages)
            {
                await page.GotoAsync(path);
                await AssertNoRawKeysAsync(page, $"{language} {path}");
            }

            // Empty forms sent as they are: every error message and summary label shows too.
            foreach (var (path, submit) in new[] { ("/civil/births/new", "#birth-submit"), ("/civil/deaths/new", "#death-submit"), ("/civil/notifications/new", "#notification-submit") })
            {
                await page.GotoAsync(path);
                await page.ClickAsync(submit);
                await Assertions.Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
                await AssertNoRawKeysAsync(page, $"{language} {path} with errors");
            }
        }

        await page.GotoAsync("/culture/en?returnUrl=/civil/deaths/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Register a death");
        await Assertions.Expect(page.Locator("label[for='death-cause-lineA-condition']")).ToHaveTextAsync("Disease or condition directly leading to death");
        await Assertions.Expect(page.Locator("label[for='death-cause-lineB-condition']")).ToHaveTextAsync("due to (or as a consequence of)");
        await ScreenshotAsync(page, "death-form-en.png");
        await page.GotoAsync("/culture/km?returnUrl=/civil");
    }

    private async Task AssertNoRawKeysAsync(IPage page, string where)
    {
        var html = await page.ContentAsync();
        var at = html.IndexOf("entry:", StringComparison.Ordinal);
        Assert.True(at < 0, $"{where}: a missing word shows its key: …{(at < 0 ? "" : html.Substring(Math.Max(0, at - 60), Math.Min(160, html.Length - Math.Max(0, at - 60))))}…");
    }

    private async Task FillBirthAsync(IPage page, string birthDate, string motherBirthDate)
    {
        await page.FillAsync("#birth-child-surnameKm", "ចាន់");
        await page.FillAsync("#birth-child-givenNameKm", "សុភា");
        await page.FillAsync("#birth-child-surnameLatin", "Chan");
        await page.FillAsync("#birth-child-givenNameLatin", "Sophea");
        await page.SelectOptionAsync("#birth-child-sex", "Female");
        await page.FillAsync("#birth-child-birthDate", birthDate);
        await page.FillAsync("#birth-child-birthTime", "06:45");
        await page.SelectOptionAsync("#birth-child-birthPlaceCode select[data-place-level='4']", host.VillageA);
        await page.SelectOptionAsync("#birth-child-placeKind", "HealthFacility");
        await page.FillAsync("#birth-child-facilityName", "Calmette Hospital");
        await page.SelectOptionAsync("#birth-child-attendant", "Midwife");
        await page.FillAsync("#birth-child-birthOrder", "1");
        await page.FillAsync("#birth-child-birthWeightGrams", "3150");
        await page.SelectOptionAsync("#birth-child-residenceVillageCode select[data-place-level='4']", host.VillageA);
        await page.FillAsync("#birth-child-residenceAddress", "House 12, Street 3");
        await page.FillAsync("#birth-mother-surnameKm", "សុខ");
        await page.FillAsync("#birth-mother-givenNameKm", "ស្រីល័ក្ខ");
        await page.FillAsync("#birth-mother-surnameLatin", "Sok");
        await page.FillAsync("#birth-mother-givenNameLatin", "Sreyleak");
        await page.FillAsync("#birth-mother-birthDate", motherBirthDate);
        await page.FillAsync("#birth-mother-nationality", "KH");
        await page.SelectOptionAsync("#birth-informant-kind", "Relative");
        await page.FillAsync("#birth-informant-name", "Sok Sreyleak");
        await page.FillAsync("#birth-informant-relationship", "mother");
    }

    private Task<(IBrowserContext Context, IPage Page)> SignInAsync(string user) =>
        BrowserSignIn.SignInAsync(browser, host, user, "/login?returnUrl=/civil", Tablet);

    private async Task<RegistrationEntity?> FindRegistrationAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
        return await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        // tests/Nokor.Web.Tests/TestResults/screenshots (ignored by git), from bin/<configuration>/<framework>.
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
