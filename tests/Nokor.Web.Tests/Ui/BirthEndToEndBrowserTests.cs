using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Pdf;
using Nokor.Web.Tests.Browser;
using Nokor.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// A birth from the counter to the public check, in a real browser and through the pages only:
/// an agent enters it on the form, a second agent verifies it, a registrar approves it and prints
/// the certificate, and anyone without an account checks the certificate's QR code and sees it
/// genuine and current with the child's Khmer name. The certificate (PDF and picture) and the
/// pages are kept under TestResults/ for a person to look at.
/// </summary>
public sealed class BirthEndToEndBrowserTests(UiHost host, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<UiHost>, IClassFixture<BrowserFixture>
{
    // ម៉ៅ ច័ន្ទសុភ័ក្ត្រ: a shifter, a robat-like sign and a stacked coeng cluster, the shapes a
    // Khmer font must get right.
    private const string SurnameKm = "ម៉ៅ";
    private const string GivenNameKm = "ច័ន្ទសុភ័ក្ត្រ";

    private static readonly string Results = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults"));

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_birth_entered_on_the_form_is_verified_approved_printed_and_its_QR_code_checks_genuine_and_current_without_login()
    {
        // 1. The agent enters the birth on the application form.
        var (agentContext, agent) = await SignInAsync("agent.a");
        Guid id;
        await using (agentContext)
        {
            await agent.GotoAsync("/civil/births/new");
            await FillBirthAsync(agent, DaysAgo(4));
            await agent.ClickAsync("#birth-submit");
            await agent.WaitForURLAsync("**/civil/registrations/**");
            id = Guid.Parse(agent.Url.Split('/', '?')[^1]);
            await Assertions.Expect(agent.Locator("#status")).ToHaveAttributeAsync("data-status", "Entered");
            await Assertions.Expect(agent.Locator("#child-name-km")).ToHaveTextAsync($"{SurnameKm} {GivenNameKm}");
            await Assertions.Expect(agent.Locator("#verify")).ToHaveCountAsync(0);
        }

        // 2. A second agent verifies it.
        var (verifierContext, verifier) = await SignInAsync("agent.a2");
        await using (verifierContext)
        {
            await verifier.GotoAsync($"/civil/registrations/{id}");
            await verifier.ClickAsync("#verify");
            await verifier.WaitForURLAsync("**done=verified**");
            await Assertions.Expect(verifier.Locator("#status")).ToHaveAttributeAsync("data-status", "Verified");
        }

        // 3. The registrar approves it and prints the certificate.
        var (registrarContext, registrar) = await SignInAsync("registrar.a");
        await using (registrarContext)
        {
            await registrar.GotoAsync($"/civil/registrations/{id}");
            await registrar.ClickAsync("#approve");
            await registrar.WaitForURLAsync("**done=approved**");
            await Assertions.Expect(registrar.Locator("#status")).ToHaveAttributeAsync("data-status", "Approved");
            var number = (await registrar.InnerTextAsync("#registration-number")).Trim();
            Assert.Matches($"^B{host.CommuneA}-\\d{{4}}-\\d{{6}}$", number);
            var kidc = (await registrar.InnerTextAsync("#kidc-link")).Trim();
            Assert.True(Nokor.Population.Contracts.KidcRule.IsValid(kidc), kidc);
            await Assertions.Expect(registrar.Locator("#print-fee")).ToHaveCountAsync(0);

            // The print form opens the PDF in a new tab; headless Chromium would download it, so the
            // test sends the very form (its antiforgery token, with the registrar's cookie).
            var token = await registrar.InputValueAsync("#print-form input[name=__RequestVerificationToken]");
            var action = await registrar.GetAttributeAsync("#print-form", "action");
            var printed = await registrarContext.APIRequest.PostAsync(action!, new APIRequestContextOptions
            {
                Form = registrarContext.APIRequest.CreateFormData().Append("__RequestVerificationToken", token),
            });
            Assert.Equal(200, printed.Status);
            Assert.Equal("application/pdf", printed.Headers["content-type"]);
            var serial = printed.Headers["x-certificate-serial"];
            Assert.Equal($"{number}/1", serial);
            var pdf = await printed.BodyAsync();
            var pdfPath = Save("certificates", $"birth-{serial.Replace('/', '-')}.pdf", pdf);
            output.WriteLine($"certificate: {pdfPath}");

            await registrar.ReloadAsync();
            var row = registrar.Locator("#certificate-list tr.certificate");
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "Current");
            await Assertions.Expect(row.Locator(".serial")).ToHaveTextAsync(serial);
            await Assertions.Expect(registrar.Locator("#print-fee")).ToContainTextAsync("២,០០០");
            await Assertions.Expect(registrar.Locator("#history-list tr.history[data-action='certificate.printed']")).ToHaveCountAsync(1);
            var download = await registrarContext.APIRequest.GetAsync((await row.Locator("a.certificate-link").GetAttributeAsync("href"))!);
            Assert.Equal(200, download.Status);
            Assert.Equal("application/pdf", download.Headers["content-type"]);
            await ScreenshotAsync(registrar, "birth-record-approved-km.png");

            // 4. The certificate's signed token, as its QR code and its PDF Keywords carry it.
            Assert.True(PdfReader.TryReadKeywords(pdf, out var qrToken), "The certificate PDF has no Keywords.");
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CivilDbContext>();
                Assert.Equal((await db.Certificates.AsNoTracking().SingleAsync(c => c.Serial == serial)).Token, qrToken);
            }

            await RenderCertificateAsync(pdfPath, "birth-certificate-km.png");

            // 5. Anyone, without an account, checks the QR code.
            await using var publicContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
            var visitor = await publicContext.NewPageAsync();
            var response = await visitor.GotoAsync($"/verify/qr?t={Uri.EscapeDataString(qrToken)}");
            Assert.Equal(200, response!.Status);
            Assert.DoesNotContain("/login", visitor.Url);
            var result = visitor.Locator("#check-result");
            await Assertions.Expect(result).ToHaveAttributeAsync("data-genuine", "true");
            await Assertions.Expect(result).ToHaveAttributeAsync("data-state", "Current");
            await Assertions.Expect(visitor.Locator("#verdict")).ToContainTextAsync("ពិតប្រាកដ");
            await Assertions.Expect(visitor.Locator("#verdict")).ToContainTextAsync("នៅមានសុពលភាព");
            await Assertions.Expect(visitor.Locator("#check-name-km")).ToHaveTextAsync($"{SurnameKm} {GivenNameKm}");
            await Assertions.Expect(visitor.Locator("#check-serial")).ToHaveTextAsync(serial);
            Assert.DoesNotContain(await publicContext.CookiesAsync(), c => c.Name == "nokor.auth");
            await ScreenshotAsync(visitor, "birth-verify-genuine-km.png");

            // Typed from the paper: the serial alone says genuine and current; with the check code
            // printed beside the QR code, the printed name.
            Assert.True(PdfReader.TryRead(pdf, out var pdfContents, out _));
            var checkCode = System.Text.RegularExpressions.Regex.Match(pdfContents!.PageTexts[0], "Check code\\s*([0-9A-Z]{5}-[0-9A-Z]{5})").Groups[1].Value;
            Assert.NotEqual("", checkCode);
            await visitor.GotoAsync("/verify");
            await visitor.FillAsync("#q", serial);
            await visitor.ClickAsync("#verify-submit");
            await Assertions.Expect(visitor.Locator("#check-result")).ToHaveAttributeAsync("data-genuine", "true");
            await Assertions.Expect(visitor.Locator("#check-name-km")).ToHaveCountAsync(0);
            await Assertions.Expect(visitor.Locator("#give-code")).ToBeVisibleAsync();
            await visitor.FillAsync("#c", checkCode.ToLowerInvariant());
            await visitor.ClickAsync("#verify-submit");
            await Assertions.Expect(visitor.Locator("#check-name-km")).ToHaveTextAsync($"{SurnameKm} {GivenNameKm}");
            await ScreenshotAsync(visitor, "birth-verify-typed-code-km.png");

            // The same check in English, and a changed token is not genuine.
            await visitor.GotoAsync($"/culture/en?returnUrl={Uri.EscapeDataString($"/verify/qr?t={Uri.EscapeDataString(qrToken)}")}");
            await Assertions.Expect(visitor.Locator("#verdict")).ToContainTextAsync("GENUINE · CURRENT");
            await ScreenshotAsync(visitor, "birth-verify-genuine-en.png");
            var forged = qrToken[..^2] + (qrToken[^2] == 'A' ? "B" : "A") + qrToken[^1];
            await visitor.GotoAsync($"/verify/qr?t={Uri.EscapeDataString(forged)}");
            await Assertions.Expect(visitor.Locator("#check-result")).ToHaveAttributeAsync("data-genuine", "false");
            await Assertions.Expect(visitor.Locator("#verdict")).ToContainTextAsync("NOT GENUINE");
        }
    }

    private async Task FillBirthAsync(IPage page, string birthDate)
    {
        await page.FillAsync("#birth-child-surnameKm", SurnameKm);
        await page.FillAsync("#birth-child-givenNameKm", GivenNameKm);
        await page.FillAsync("#birth-child-surnameLatin", "Mao");
        await page.FillAsync("#birth-child-givenNameLatin", "Chansopheak");
        await page.SelectOptionAsync("#birth-child-sex", "Male");
        await page.FillAsync("#birth-child-birthDate", birthDate);
        await page.FillAsync("#birth-child-birthTime", "04:20");
        await page.SelectOptionAsync("#birth-child-birthPlaceCode select[data-place-level='4']", host.VillageA);
        await page.SelectOptionAsync("#birth-child-placeKind", "HealthFacility");
        await page.FillAsync("#birth-child-facilityName", "Calmette Hospital");
        await page.SelectOptionAsync("#birth-child-attendant", "Doctor");
        await page.FillAsync("#birth-child-birthOrder", "2");
        await page.FillAsync("#birth-child-birthWeightGrams", "3320");
        await page.SelectOptionAsync("#birth-child-residenceVillageCode select[data-place-level='4']", host.VillageA);
        await page.FillAsync("#birth-child-residenceAddress", "House 7, Street 21");
        await page.FillAsync("#birth-mother-surnameKm", "សុខ");
        await page.FillAsync("#birth-mother-givenNameKm", "ស្រីល័ក្ខ");
        await page.FillAsync("#birth-mother-surnameLatin", "Sok");
        await page.FillAsync("#birth-mother-givenNameLatin", "Sreyleak");
        await page.FillAsync("#birth-mother-birthDate", "1994-03-02");
        await page.FillAsync("#birth-mother-nationality", "KH");
        await page.SelectOptionAsync("#birth-informant-kind", "Relative");
        await page.FillAsync("#birth-informant-name", "Sok Sreyleak");
        await page.FillAsync("#birth-informant-relationship", "mother");
    }

    private Task<(IBrowserContext Context, IPage Page)> SignInAsync(string user) =>
        BrowserSignIn.SignInAsync(browser, host, user);

    private static string Save(string folder, string name, byte[] content)
    {
        var directory = Path.Combine(Results, folder);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(Results, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    /// <summary>The certificate's page as a picture, with poppler's pdftoppm (CI installs poppler-utils).</summary>
    private async Task RenderCertificateAsync(string pdfPath, string name)
    {
        var directory = Path.Combine(Results, "screenshots");
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, Path.GetFileNameWithoutExtension(name));
        Process? process;
        try
        {
            process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "110", "-singlefile", pdfPath, target])
            {
                RedirectStandardError = true,
            });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output.WriteLine("pdftoppm is not installed: the certificate was kept as PDF only.");
            return;
        }

        await process!.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        Assert.True(File.Exists(target + ".png"));
        output.WriteLine($"certificate picture: {target}.png");
    }
}
