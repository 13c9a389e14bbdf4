using Microsoft.Playwright;
using Nokor.CivilRegistration.Contracts;
using Nokor.Web.Tests.Browser;
using Microsoft.AspNetCore.Hosting;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// The web host on a real port, serving the static assets as <c>dotnet run</c> does. The tests run
/// the build output in Production, where the compressed variants the asset manifest names are not
/// in wwwroot, so a browser asking for gzip would get empty stylesheets.
/// </summary>
public sealed class CivilRecordUiHost : NokorHost
{
    protected override bool RealServer => true;

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseStaticWebAssets();
    }
}

/// <summary>
/// The registration record page in a real browser: who sees which action, refused actions showing
/// their reason, annexes, the area boundary, and the public verification page without a session.
/// </summary>
public sealed class CivilRecordPagesTests(CivilRecordUiHost host, BrowserFixture browser) : IClassFixture<CivilRecordUiHost>, IClassFixture<BrowserFixture>
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

    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string user)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", NokorHost.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return (context, page);
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
            await Assertions.Expect(page.Locator("#reject-error")).ToContainTextAsync("legal reasons");
            await Assertions.Expect(page.Locator("#action-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Entered");

            await page.FillAsync("#reasons", "ឪពុកម្ដាយមិនបានបង្ហាញភស្តុតាងនៃកំណើត (មាត្រា ១០)។");
            await page.ClickAsync("#reject");
            await page.WaitForURLAsync("**done=rejected**");
            await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-status", "Rejected");
            await Assertions.Expect(page.Locator("#rejection-reasons")).ToContainTextAsync("មាត្រា ១០");
            await Assertions.Expect(page.Locator("#rejection-pdf")).ToHaveAttributeAsync("href", $"/api/civil/registrations/{entered.Id}/rejection.pdf");
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
            var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#annex-submit"),
                r => r.Request.Method == "POST" && r.Url.Contains("/annexes"));
            Assert.Equal(400, refused.Status);
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Only PDF, PNG and JPEG scans are accepted.");

            await page.GotoAsync($"/civil/registrations/{entered.Id}");
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

        await page.GotoAsync("/verify/qr?t=NKC1.forged.0000000000000000.AAAA");
        await Assertions.Expect(page.Locator("#check-result")).ToHaveAttributeAsync("data-genuine", "false");
        await AssertNoMissingWordsAsync(page);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "nokor.auth");
    }
}
