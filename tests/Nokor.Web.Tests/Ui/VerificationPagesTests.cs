using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Web.Tests.Infrastructure;
using Page = Nokor.Web.Tests.Infrastructure.FormPage;
using Pages = Nokor.Web.Tests.Infrastructure.FormPages;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// The data distribution unit's pages through plain HTTP form posts, as a browser without
/// script sends them: institutions and contracts, credentials and their secret shown once,
/// monthly statements, and who looked at a person, in Khmer by default.
/// </summary>
public sealed partial class VerificationPagesTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Staff = "distribution.n";

    [Fact]
    public async Task The_pages_need_the_data_distribution_role_and_speak_Khmer_by_default()
    {
        var anonymous = await PagesAsync(null);
        var login = await anonymous.GetAsync("/verification");
        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.Contains("/login", login.Location, StringComparison.Ordinal);

        var agent = await PagesAsync("agent.a");
        foreach (var path in new[] { "/verification", "/verification/institutions/new", "/verification/persons" })
        {
            var denied = await agent.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, denied.Status);
            Assert.Contains("/denied", denied.Location, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("nav-verification", (await agent.GetAsync("/")).Html, StringComparison.Ordinal);
        var agentApi = await agent.Client.GetAsync("/api/verification/institutions");
        Assert.Equal(HttpStatusCode.Forbidden, agentApi.StatusCode);

        var staff = await PagesAsync(Staff);
        var list = await staff.GetAsync("/verification");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("<html lang=\"km\"", list.Html, StringComparison.Ordinal);
        Assert.Contains("ស្ថាប័នដែលមានសិទ្ធិផ្ទៀងផ្ទាត់អត្តសញ្ញាណ", list.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-verification\"", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vrf.", Text(list.Html), StringComparison.Ordinal);

        var form = await staff.GetAsync("/verification/institutions/new");
        Assert.Contains("ចុះបញ្ជីស្ថាប័នថ្មី", form.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vrf.", Text(form.Html), StringComparison.Ordinal);
        var persons = await staff.GetAsync("/verification/persons");
        Assert.Contains("អ្នកណាបានមើលទិន្នន័យរបស់ខ្ញុំ", persons.Html, StringComparison.Ordinal);

        // English when chosen (the language link sets a cookie).
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/culture/en?returnUrl=/verification")).Status);
        var english = await staff.GetAsync("/verification");
        Assert.Contains("<html lang=\"en\"", english.Html, StringComparison.Ordinal);
        Assert.Contains("Authorized institutions", english.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vrf.", Text(english.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_institution_created_on_the_form_is_listed_audited_edited_and_guarded_against_a_stale_revision()
    {
        var staff = await PagesAsync(Staff);
        var code = NewCode();
        var fields = InstitutionFields(code);
        var created = await staff.PostFormAsync("/verification/institutions/new", "vrf-create", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var match = Regex.Match(created.Location, "^/verification/institutions/([0-9a-f-]{36})\\?done=created$");
        Assert.True(match.Success, created.Location);
        var id = Guid.Parse(match.Groups[1].Value);

        var page = await staff.GetAsync(created.Location);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("បានចុះបញ្ជីស្ថាប័ន។", page.Html, StringComparison.Ordinal);
        Assert.Contains("ធនាគារសាកល្បង", page.Html, StringComparison.Ordinal);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
            var stored = await db.Institutions.AsNoTracking().Include(i => i.Contract).SingleAsync(i => i.Id == id);
            Assert.Equal(InstitutionKind.Microfinance, stored.Kind);
            Assert.Equal("account-opening,loan-application", stored.Contract!.Purposes);
            Assert.Equal("verify,attributes", stored.Contract.QueryTypes);
            Assert.Equal("surnameKm,dateOfBirth", stored.Contract.Attributes);
            Assert.Equal(5000, stored.Contract.MonthlyQuota);
            Assert.Equal(250, stored.Contract.PriceVerify);
            Assert.Equal(new DateOnly(2026, 12, 31), stored.Contract.EndsOn);
        }

        var list = await staff.GetAsync("/verification");
        Assert.Contains($"id=\"institution-{code}\"", list.Html, StringComparison.Ordinal);
        Assert.Contains("Test Microfinance Plc", list.Html, StringComparison.Ordinal);
        Assert.Contains("៥,០០០", list.Html, StringComparison.Ordinal);

        var audit = await host.AuditForAsync(id.ToString("D"));
        Assert.Single(audit, a => a.Action == "verification.institution.create");

        // An edit at the revision read (1) is saved; the same edit again, still at 1, is a conflict.
        fields["Input.Revision"] = "1";
        fields["Input.MonthlyQuota"] = "7000";
        var saved = await staff.PostFormAsync($"/verification/institutions/{id}", "vrf-edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.EndsWith("?done=saved", saved.Location, StringComparison.Ordinal);
        fields["Input.MonthlyQuota"] = "9000";
        var stale = await staff.PostFormAsync($"/verification/institutions/{id}", "vrf-edit", fields);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("មានអ្នកផ្សេងបានកែប្រែស្ថាប័ននេះ", stale.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"reload\"", stale.Html, StringComparison.Ordinal);
        audit = await host.AuditForAsync(id.ToString("D"));
        Assert.Single(audit, a => a.Action == "verification.institution.update");

        // Suspension needs a reason, then is audited with it.
        var noReason = await staff.PostFormAsync($"/verification/institutions/{id}", "vrf-status", new() { ["Status.Target"] = "Suspended", ["Status.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("សូមបញ្ជាក់មូលហេតុ", noReason.Html, StringComparison.Ordinal);
        var suspended = await staff.PostFormAsync($"/verification/institutions/{id}", "vrf-status",
            new() { ["Status.Target"] = "Suspended", ["Status.Reason"] = "Unpaid invoices" });
        Assert.Equal(HttpStatusCode.Redirect, suspended.Status);
        Assert.Contains("data-status=\"Suspended\"", (await staff.GetAsync(suspended.Location)).Html, StringComparison.Ordinal);
        audit = await host.AuditForAsync(id.ToString("D"));
        Assert.Single(audit, a => a.Action == "verification.institution.status" && a.Purpose == "Unpaid invoices");

        // The statement of this month, on screen and as CSV through the staff API with the same cookie.
        var statement = await staff.GetAsync($"/verification/institutions/{id}/statements");
        Assert.Equal(HttpStatusCode.OK, statement.Status);
        Assert.Contains("របាយការណ៍ប្រចាំខែ", statement.Html, StringComparison.Ordinal);
        Assert.Contains("data-query-type=\"verify\"", statement.Html, StringComparison.Ordinal);
        var month = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM");
        Assert.Contains($"/api/verification/institutions/{id}/statements/{month}?format=csv", statement.Html, StringComparison.Ordinal);
        var csv = await staff.Client.GetAsync($"/api/verification/institutions/{id}/statements/{month}?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"{code},REF-{code},{month},verify,0,250,0", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badMonth = await staff.GetAsync($"/verification/institutions/{id}/statements/2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.Status);
    }

    [Fact]
    public async Task A_bad_form_shows_the_field_errors_in_Khmer_and_creates_nothing()
    {
        var staff = await PagesAsync(Staff);
        var code = NewCode();
        var fields = InstitutionFields(code);
        fields["Input.Purposes"] = " , ";
        fields["Input.StartsOn"] = "2026-06-01";
        fields["Input.EndsOn"] = "2026-05-31";
        var before = await AuditCountAsync();

        var refused = await staff.PostFormAsync("/verification/institutions/new", "vrf-create", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("id=\"form-errors\"", refused.Html, StringComparison.Ordinal);
        Assert.Matches("data-field=\"contract.purposes\">ត្រូវការគោលបំណងយ៉ាងហោចណាស់មួយ", refused.Html);
        Assert.Matches("data-field=\"contract.endsOn\">កិច្ចសន្យាមិនអាចបញ្ចប់មុនពេលចាប់ផ្ដើមទេ", refused.Html);
        Assert.Contains("aria-invalid=\"true\"", refused.Html, StringComparison.Ordinal);
        // What was typed stays on the form, the checked boxes too.
        Assert.Contains("value=\"Test Microfinance Plc\"", refused.Html, StringComparison.Ordinal);
        Assert.Matches("value=\"dateOfBirth\"[^>]*checked", refused.Html);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        Assert.False(await db.Institutions.AnyAsync(i => i.Code == code));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task An_issued_secret_is_shown_once_in_the_answer_to_the_post_and_works()
    {
        var staff = await PagesAsync(Staff);
        var api = await host.ClientForAsync(Staff);
        var (id, code) = await CreateInstitutionAsync(api);

        var issued = await staff.PostFormAsync($"/verification/institutions/{id}", "vrf-issue", []);
        Assert.Equal(HttpStatusCode.OK, issued.Status);
        Assert.Contains("no-store", issued.CacheControl, StringComparison.Ordinal);
        Assert.Contains("បង្ហាញតែម្ដងគត់", issued.Html, StringComparison.Ordinal);
        var clientId = Regex.Match(issued.Html, "id=\"issued-client-id\">([^<]+)<").Groups[1].Value;
        var secret = Regex.Match(issued.Html, "id=\"client-secret\">([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(clientId);
        Assert.True(secret.Length >= 20, secret);

        var token = await TokenAsync(clientId, secret);
        Assert.NotEmpty(token);

        var later = await staff.GetAsync($"/verification/institutions/{id}");
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Contains(clientId, later.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, later.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"client-secret\"", later.Html, StringComparison.Ordinal);

        // Rotation: a new secret, and the older credential now has an expiry.
        var rotated = await staff.PostFormAsync($"/verification/institutions/{id}", "vrf-rotate", []);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        Assert.Contains("id=\"old-expire\"", rotated.Html, StringComparison.Ordinal);
        var newSecret = Regex.Match(rotated.Html, "id=\"client-secret\">([^<]+)<").Groups[1].Value;
        Assert.NotEqual(secret, newSecret);

        // Revocation needs a reason, then the credential stops working.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
            var first = await db.Credentials.AsNoTracking().SingleAsync(c => c.ClientId == clientId);
            Assert.NotNull(first.ExpiresAt);
            var noReason = await staff.PostFormAsync($"/verification/institutions/{id}", "vrf-revoke",
                new() { ["Revoke.CredentialId"] = first.Id.ToString(), ["Revoke.Reason"] = " " });
            Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
            Assert.Contains("data-field=\"revoke-reason\"", noReason.Html, StringComparison.Ordinal);
            var revoked = await staff.PostFormAsync($"/verification/institutions/{id}", "vrf-revoke",
                new() { ["Revoke.CredentialId"] = first.Id.ToString(), ["Revoke.Reason"] = "Secret leaked" });
            Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
            Assert.EndsWith("?done=revoked", revoked.Location, StringComparison.Ordinal);
        }

        var refused = await host.CreateClient().PostAsync("/api/verification/v1/token", TokenForm(clientId, secret));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var actions = (await host.AuditForAsync(id.ToString())).Select(a => a.Action).ToList();
        Assert.Contains("verification.credential.issue", actions);
        Assert.Contains("verification.credential.rotate", actions);
        Assert.Contains("verification.credential.revoke", actions);
        Assert.DoesNotContain(actions, a => a.Contains(secret, StringComparison.Ordinal));
        _ = code;
    }

    [Fact]
    public async Task The_person_page_lists_a_query_made_through_the_API_and_audits_the_reading()
    {
        var agent = await host.ClientForAsync("agent.a");
        var person = await host.RegisterPersonAsync(agent, host.PersonBody(host.VillageA, "ហេង", "សុភ័ក្ត្រ", "Heng", "Sopheak", "1991-02-03"));
        var api = await host.ClientForAsync(Staff);
        var (id, code) = await CreateInstitutionAsync(api);
        var credential = await (await api.PostAsync($"/api/verification/institutions/{id}/credentials", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = await TokenAsync(credential.GetProperty("clientId").GetString()!, credential.GetProperty("clientSecret").GetString()!);

        // The read store catches up with the registry within moments; a query before that answers no_match and is not listed.
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? result = null;
        while (result != "match" && DateTime.UtcNow < deadline)
        {
            var answer = await client.PostAsJsonAsync("/api/verification/v1/verify", new
            {
                kidc = person.Kidc,
                purpose = "account-opening",
                claims = new { surnameLatin = "Heng", givenNameLatin = "Sopheak" },
            });
            result = answer.IsSuccessStatusCode ? (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString() : null;
            if (result != "match")
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal("match", result);

        var staff = await PagesAsync(Staff);
        var readsBefore = await PersonReadsAsync();
        var bad = await staff.PostFormAsync("/verification/persons", "vrf-person", new() { ["Kidc"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Matches("data-field=\"kidc\">នេះមិនមែនជា KIDC ត្រឹមត្រូវទេ", bad.Html);
        Assert.DoesNotContain("id=\"query-list\"", bad.Html, StringComparison.Ordinal);
        Assert.Equal(readsBefore, await PersonReadsAsync());

        var shown = await staff.PostFormAsync("/verification/persons", "vrf-person", new() { ["Kidc"] = person.Kidc });
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        var row = Regex.Match(shown.Html, $"<tr class=\"query\" data-institution=\"{code}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "no row of the institution");
        Assert.Contains("ធនាគារសាកល្បង", row.Value, StringComparison.Ordinal);
        Assert.Contains("account-opening", row.Value, StringComparison.Ordinal);
        Assert.Contains("ការផ្ទៀងផ្ទាត់ បាទ/ទេ", row.Value, StringComparison.Ordinal);
        // The time as a Cambodian clock shows it, in Khmer numerals.
        Assert.Matches("[០-៩]{4}-[០-៩]{2}-[០-៩]{2} [០-៩]{2}:[០-៩]{2}", row.Value);

        var reads = (await host.AuditForAsync(person.Kidc)).Where(a => a.Action == "verification.person-access.read").ToList();
        var read = Assert.Single(reads);
        Assert.Equal("person", read.SubjectType);
        Assert.Equal(readsBefore + 1, await PersonReadsAsync());
    }

    // --- helpers ---------------------------------------------------------------------------

    private static int _codes;

    private static string NewCode() => $"UI{Environment.ProcessId % 1000:D3}{Interlocked.Increment(ref _codes):D3}{Random.Shared.Next(100, 999)}";

    private static Dictionary<string, string> InstitutionFields(string code) => new()
    {
        ["Input.Code"] = code,
        ["Input.Name"] = "Test Microfinance Plc",
        ["Input.NameKm"] = "ធនាគារសាកល្បង",
        ["Input.Kind"] = "Microfinance",
        ["Input.XRoadClient"] = "",
        ["Input.Reference"] = "REF-" + code,
        ["Input.Purposes"] = "account-opening, Loan-Application",
        ["Input.MonthlyQuota"] = "5000",
        ["Input.PriceVerify"] = "250",
        ["Input.PriceAttributes"] = "1000",
        ["Input.PriceBulkRow"] = "100",
        ["Input.StartsOn"] = "2026-01-01",
        ["Input.EndsOn"] = "2026-12-31",
        ["QueryType"] = "verify\nattributes",
        ["Attribute"] = "surnameKm\ndateOfBirth",
    };

    private async Task<(Guid Id, string Code)> CreateInstitutionAsync(HttpClient api)
    {
        var code = NewCode();
        var response = await api.PostAsJsonAsync("/api/verification/institutions", new
        {
            code,
            name = "Test Bank Plc",
            nameKm = "ធនាគារសាកល្បង",
            kind = "Bank",
            contract = new
            {
                reference = "REF-" + code,
                purposes = new[] { "account-opening" },
                queryTypes = new[] { "verify" },
                attributes = Array.Empty<string>(),
                monthlyQuota = 1000,
                priceVerify = 200,
                priceAttributes = 0,
                priceBulkRow = 0,
                startsOn = "2020-01-01",
                endsOn = "2099-12-31",
            },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid(), code);
    }

    private static FormUrlEncodedContent TokenForm(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
    });

    private async Task<string> TokenAsync(string clientId, string secret)
    {
        var response = await host.CreateClient().PostAsync("/api/verification/v1/token", TokenForm(clientId, secret));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task<long> AuditCountAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries.LongCountAsync();
    }

    private async Task<int> PersonReadsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries.CountAsync(a => a.Action == "verification.person-access.read");
    }

    /// <summary>The visible text of a page, roughly: tags and attribute values left out.</summary>
    private static string Text(string html) => TagPattern().Replace(html, " ");

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex TagPattern();


    /// <summary>A browser without script: a cookie jar, no automatic redirects, forms posted with their antiforgery token.</summary>
    private async Task<Pages> PagesAsync(string? user)
    {
        var pages = new Pages(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })) { LineBreaksRepeatFields = true };
        if (user is not null)
        {
            var signedIn = await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user, ["Input.Password"] = NokorHost.Password });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        }

        return pages;
    }
}

/// <summary>
/// The data distribution pages in Chromium: a contract entered with a wrong period is refused
/// beside the field, fixed and saved; a credential's secret shows once; screenshots for a person
/// to look at.
/// </summary>
public sealed class VerificationPagesBrowserTests(UiHost host, Nokor.Web.Tests.Browser.BrowserFixture browser)
    : IClassFixture<UiHost>, IClassFixture<Nokor.Web.Tests.Browser.BrowserFixture>
{
    [Fact]
    public async Task Staff_enter_a_contract_fix_its_period_and_issue_a_credential()
    {
        var (context, page) = await Nokor.Web.Tests.Browser.BrowserSignIn.SignInAsync(browser, host, "distribution.n",
            viewport: new Microsoft.Playwright.ViewportSize { Width = 1280, Height = 900 });
        await using var _ = context;

        await page.ClickAsync("#nav-verification");
        await page.WaitForURLAsync("**/verification");
        await page.ClickAsync("#new-institution");
        var code = "PW" + Random.Shared.Next(10000, 99999);
        await page.FillAsync("#code", code);
        await page.FillAsync("#name", "Prasac Microfinance");
        await page.FillAsync("#nameKm", "ប្រាសាក់");
        await page.SelectOptionAsync("#kind", "Microfinance");
        await page.FillAsync("#contract-reference", "NSPI-DD-2026-017");
        await page.FillAsync("#contract-purposes", "account-opening, loan-application");
        await page.FillAsync("#contract-monthlyQuota", "20000");
        await page.FillAsync("#contract-startsOn", "2026-03-01");
        await page.FillAsync("#contract-endsOn", "2026-02-01");
        await page.CheckAsync("input[name=QueryType][value=attributes]");
        await page.CheckAsync("input[name=Attribute][value=surnameKm]");
        await page.CheckAsync("input[name=Attribute][value=givenNameKm]");
        await page.FillAsync("#contract-priceVerify", "400");
        await page.ClickAsync("#institution-submit");

        await Microsoft.Playwright.Assertions.Expect(page.Locator(".field-error[data-field='contract.endsOn']")).ToContainTextAsync("កិច្ចសន្យា");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#contract-endsOn")).ToHaveAttributeAsync("aria-invalid", "true");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("input[name=Attribute][value=givenNameKm]")).ToBeCheckedAsync();
        await ScreenshotAsync(page, "verification-form-errors-km.png");

        await page.FillAsync("#contract-endsOn", "2027-02-28");
        await page.ClickAsync("#institution-submit");
        await page.WaitForURLAsync("**/verification/institutions/*?done=created");
        await page.ClickAsync("#issue");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#client-secret")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "verification-institution-secret-km.png");

        await page.GotoAsync("/verification");
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#institution-{code}")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "verification-institutions-km.png");
        await page.ClickAsync($"#institution-{code} td.used a");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#statement")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "verification-statement-km.png");
    }

    private static async Task ScreenshotAsync(Microsoft.Playwright.IPage page, string name)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }
}
