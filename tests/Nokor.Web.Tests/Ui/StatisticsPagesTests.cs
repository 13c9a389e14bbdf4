using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Nokor.Web.Localization;
using Nokor.Web.Tests.Civil;
using Nokor.Web.Tests.Infrastructure;
using Page = Nokor.Web.Tests.Infrastructure.FormPage;
using Pages = Nokor.Web.Tests.Infrastructure.FormPages;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// The vital statistics pages through plain HTTP, as a browser without script uses them: the staff
/// dashboard with its figures and server-drawn charts from registrations made through the API, one
/// table, field errors with 400, the denied page, the public page before and after publication, and
/// the service-level report marking the office that needs managerial action.
/// </summary>
public sealed partial class StatisticsPagesTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Statistics = "statistics.n";

    private static int Year => VitalStatisticsApiTests.Today.Year;

    [Fact]
    public async Task The_dashboard_counts_registrations_in_Khmer_then_English_with_charts_and_tables()
    {
        var staff = await PagesAsync(Statistics);
        var before = await staff.GetAsync($"/civil/statistics?year={Year}");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        var births = Figure(before.Html, "births");
        var deaths = Figure(before.Html, "deaths");

        await VitalStatisticsApiTests.RegisterAsync(host);

        var page = await staff.GetAsync("/civil/statistics");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"km\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-statistics\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-public-statistics\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("ស្ថិតិអត្រានុកូលដ្ឋាន", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vst.", Text(page.Html), StringComparison.Ordinal);
        Assert.Equal(births + 1, Figure(page.Html, "births"));
        Assert.Equal(deaths + 1, Figure(page.Html, "deaths"));
        Assert.Matches($"id=\"figure-births\"[^>]*>\\s*<span class=\"value\">{UiDigits(births + 1)}</span>", page.Html);
        // The national default, this year, by occurrence; the form shows it.
        Assert.Contains($"name=\"year\" value=\"{Year}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("ព្រះរាជាណាចក្រកម្ពុជា", page.Html, StringComparison.Ordinal);

        // Server-drawn charts, titled in Khmer, with no script.
        Assert.Contains("<svg", page.Html, StringComparison.Ordinal);
        Assert.Contains("<title>កំណើតរស់តាមខែ និងភេទ</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<title>មរណភាពតាមក្រុមអាយុ និងភេទ</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<title>ភាពពេញលេញនៃការចុះបញ្ជីតាមតំបន់</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<title>មរណភាពតាមមូលហេតុ (ជំពូក ICD-10) និងភេទ</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray", page.Html, StringComparison.Ordinal);
        Assert.Contains("គោលដៅ 90%", page.Html, StringComparison.Ordinal);

        // Every table is listed with its page and downloads; the CSV works with the same cookie.
        foreach (var name in Nokor.CivilRegistration.Contracts.VitalStatisticsTables.AllNames)
        {
            Assert.Contains($"id=\"view-{name}\"", page.Html, StringComparison.Ordinal);
            Assert.Contains($"/api/civil/statistics/tables/{name}?year={Year}&basis=Occurrence&area=&format=xlsx&lang=km", page.Html, StringComparison.Ordinal);
        }

        var csv = await staff.Client.GetAsync($"/api/civil/statistics/tables/births-month?year={Year}&basis=Occurrence&area=&format=csv&lang=km");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("\uFEFFកំណើតរស់តាមខែ និងភេទ", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // One table: caption, header scopes, the total of the registrations.
        var table = await staff.GetAsync($"/civil/statistics/tables/births-month?year={Year}&basis=Occurrence&area=");
        Assert.Equal(HttpStatusCode.OK, table.Status);
        Assert.Contains("<caption>កំណើតរស់តាមខែ និងភេទ</caption>", table.Html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"num\">ប្រុស</th>", table.Html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">មករា</th>", table.Html, StringComparison.Ordinal);
        Assert.Matches($"data-row=\"Total\">\\s*<th scope=\"row\">សរុប</th>(\\s*<td[^>]*>[^<]*</td>){{3}}\\s*<td class=\"num\" data-column=\"Total\">{UiDigits(births + 1)}</td>", table.Html);
        Assert.Contains("id=\"csv-en\"", table.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vst.", Text(table.Html), StringComparison.Ordinal);
        var unknown = await staff.GetAsync("/civil/statistics/tables/no-such-table");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("id=\"not-found\"", unknown.Html, StringComparison.Ordinal);

        // English after the switch.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/culture/en?returnUrl=/civil/statistics")).Status);
        var english = await staff.GetAsync($"/civil/statistics?year={Year}&basis=Registration");
        Assert.Contains("<html lang=\"en\"", english.Html, StringComparison.Ordinal);
        Assert.Contains("<title>Live births by month of occurrence and sex</title>", english.Html, StringComparison.Ordinal);
        Assert.Contains("By year of registration", english.Html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"value\">{(births + 1).ToString("#,0", CultureInfo.InvariantCulture)}</span>", english.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vst.", Text(english.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_registrar_lands_on_the_commune_and_a_bad_query_shows_the_field_errors_with_400()
    {
        var registrar = await PagesAsync("registrar.a");
        var own = await registrar.GetAsync("/civil/statistics");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains($"name=\"area\" value=\"{host.CommuneA}\"", own.Html, StringComparison.Ordinal);

        var outside = await registrar.GetAsync($"/civil/statistics?area={host.CommuneB}");
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.Contains("<span class=\"field-error\" data-field=\"area\">ការិយាល័យរបស់អ្នកមើលបានតែតំបន់របស់ខ្លួន", outside.Html, StringComparison.Ordinal);

        var staff = await PagesAsync(Statistics);
        foreach (var year in new[] { "1800", "3000", "abc" })
        {
            var bad = await staff.GetAsync($"/civil/statistics?year={year}&basis=weekly");
            Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
            Assert.Contains("id=\"form-errors\"", bad.Html, StringComparison.Ordinal);
            Assert.Contains("<li data-field=\"year\"><a href=\"#year\">ឆ្នាំ</a>", bad.Html, StringComparison.Ordinal);
            Assert.Contains("<span class=\"field-error\" data-field=\"year\">ឆ្នាំត្រូវ", bad.Html, StringComparison.Ordinal);
            Assert.Contains("id=\"year\" name=\"year\" value=\"" + year + "\"", bad.Html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", bad.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg", bad.Html, StringComparison.Ordinal);
        }

        var badBasis = await staff.GetAsync($"/civil/statistics?basis=weekly");
        Assert.Equal(HttpStatusCode.BadRequest, badBasis.Status);
        Assert.Contains("data-field=\"basis\"", badBasis.Html, StringComparison.Ordinal);
        var badArea = await staff.GetAsync("/civil/statistics/tables/deaths-age?area=99");
        Assert.Equal(HttpStatusCode.BadRequest, badArea.Status);
        Assert.Contains("<span class=\"field-error\" data-field=\"area\">តំបន់គឺលេខកូដ", badArea.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_pages_need_their_roles_and_agents_get_the_denied_page()
    {
        var anonymous = Browser();
        var login = await anonymous.GetAsync("/civil/statistics");
        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.Contains("/login", login.Location, StringComparison.Ordinal);

        var agent = await PagesAsync("agent.a");
        foreach (var path in new[] { "/civil/statistics", "/civil/statistics/tables/births-month" })
        {
            var denied = await agent.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, denied.Status);
            Assert.Contains("/denied", denied.Location, StringComparison.Ordinal);
            var page = await agent.GetAsync(denied.Location);
            Assert.Contains("id=\"denied\"", page.Html, StringComparison.Ordinal);
            Assert.Contains("គ្មានសិទ្ធិ", page.Html, StringComparison.Ordinal);
        }

        var home = await agent.GetAsync("/");
        Assert.DoesNotContain("id=\"nav-statistics\"", home.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-public-statistics\"", home.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-public-statistics\"", (await anonymous.GetAsync("/statistics")).Html, StringComparison.Ordinal);
        // An agent reads the service report of the office (NSPI 8.4: staff daily) but sets no target.
        var service = await agent.GetAsync("/civil/statistics/service");
        Assert.Equal(HttpStatusCode.OK, service.Status);
        Assert.DoesNotContain("id=\"target-form\"", service.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_page_is_not_found_before_publication_and_shows_protected_figures_after()
    {
        await VitalStatisticsApiTests.RegisterAsync(host);
        var visitor = Browser();
        var none = await visitor.GetAsync($"/statistics/{Year}");
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Contains("id=\"not-found\"", none.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"year-{Year}\"", (await visitor.GetAsync("/statistics")).Html, StringComparison.Ordinal);

        var statistics = await host.ClientForAsync(Statistics);
        Assert.Equal(HttpStatusCode.OK, (await statistics.PostAsync($"/api/civil/statistics/publications/{Year}", null)).StatusCode);

        var years = await visitor.GetAsync("/statistics");
        Assert.Equal(HttpStatusCode.OK, years.Status);
        Assert.Contains($"id=\"year-{Year}\"", years.Html, StringComparison.Ordinal);
        var page = await visitor.GetAsync($"/statistics/{Year}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"km\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"protection-note\">តួលេខត្រូវបានការពារ", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vst.", Text(page.Html), StringComparison.Ordinal);
        // Protected: the few births of the test are withheld (–), never shown exact; zeros stay zeros.
        Assert.Matches("id=\"figure-births\">\\s*<span class=\"value\">–</span>", page.Html);
        Assert.Matches("id=\"stat-births-month\"[\\s\\S]*data-row=\"Total\">\\s*<th scope=\"row\">សរុប</th>\\s*<td class=\"num\" data-column=\"Male\">០</td>\\s*<td class=\"num\" data-column=\"Female\">–</td>", page.Html);
        Assert.Contains("<title>កំណើតរស់តាមខែ និងភេទ</title>", page.Html, StringComparison.Ordinal);
        Assert.Contains($"/api/public/statistics/{Year}/births-month?area=&format=csv", page.Html, StringComparison.Ordinal);
        Assert.Contains($"/api/public/statistics/{Year}/births-month?area=&format=json", page.Html, StringComparison.Ordinal);
        Assert.Contains($"/api/public/statistics/{Year}/births-month?area=&format=xlsx", page.Html, StringComparison.Ordinal);
        var open = await visitor.Client.GetAsync($"/api/public/statistics/{Year}/births-month?area=&format=json");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        var province = await visitor.GetAsync($"/statistics/{Year}?area={host.CommuneA[..2]}");
        Assert.Equal(HttpStatusCode.OK, province.Status);
        Assert.Contains($"<option value=\"{host.CommuneA[..2]}\" selected", province.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/statistics/{Year}?area={host.CommuneA}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/statistics/{Year - 1}")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"/culture/en?returnUrl=/statistics/{Year}")).Status);
        var english = await visitor.GetAsync($"/statistics/{Year}");
        Assert.Contains("Protected figures: counts of 1-4 are not shown", english.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vst.", Text(english.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_report_marks_the_office_and_an_administrator_sets_a_target_on_the_form()
    {
        await VitalStatisticsApiTests.RegisterAsync(host);
        var registrar = await PagesAsync("registrar.a");
        var day = await registrar.GetAsync("/civil/statistics/service");
        Assert.Equal(HttpStatusCode.OK, day.Status);
        Assert.Contains("<option value=\"day\" selected", day.Html, StringComparison.Ordinal);
        Assert.Contains($"<tbody id=\"office-{host.CommuneA}\" data-action=\"acknowledged\"", day.Html, StringComparison.Ordinal);
        Assert.Contains("បានទទួលស្គាល់", day.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"target-form\"", day.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("vst.", Text(day.Html), StringComparison.Ordinal);

        var bad = await registrar.GetAsync("/civil/statistics/service?period=year&date=2020-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("<span class=\"field-error\" data-field=\"period\">", bad.Html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" data-field=\"date\">", bad.Html, StringComparison.Ordinal);

        // The administrator's form: errors beside the fields, nothing saved; then a tight target.
        var admin = await PagesAsync("admin");
        var refused = await admin.PostFormAsync("/civil/statistics/service", "vst-target",
            new() { ["Target.Step"] = "verification", ["Target.MaxHours"] = "0", ["Target.CompliancePercent"] = "many" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<span class=\"field-error\" data-field=\"maxHours\">គោលដៅគឺចំនួនម៉ោង", refused.Html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" data-field=\"compliancePercent\">", refused.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(await host.AuditForAsync("verification"), a => a.Action == "civil.service-target.set");

        var saved = await admin.PostFormAsync("/civil/statistics/service?period=month", "vst-target",
            new() { ["Target.Step"] = "verification", ["Target.MaxHours"] = "1", ["Target.CompliancePercent"] = "100" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("done=target", saved.Location, StringComparison.Ordinal);
        Assert.Contains("id=\"done\"", (await admin.GetAsync(saved.Location)).Html, StringComparison.Ordinal);
        Assert.Single(await host.AuditForAsync("verification"), a => a.Action == "civil.service-target.set");

        // The birth still waiting for verification is now overdue over the month: the office misses
        // the target and comes first, asking for managerial action (NSPI 8.4).
        var month = await registrar.GetAsync("/civil/statistics/service?period=month");
        Assert.Equal(HttpStatusCode.OK, month.Status);
        Assert.Matches($"<table class=\"vst-table\" id=\"offices\">[\\s\\S]*?</thead>\\s*<tbody id=\"office-{host.CommuneA}\" class=\"misses\" data-action=\"managerial-action\"", month.Html);
        Assert.Contains("ស្នើសកម្មភាពគ្រប់គ្រង", month.Html, StringComparison.Ordinal);
        Assert.Matches("<tr data-step=\"verification\">\\s*<th scope=\"row\">[^<]+</th>\\s*<td class=\"num max-hours\">១</td>\\s*<td class=\"num compliance\">១០០%</td>", month.Html);
    }

    [Fact]
    public void Every_statistics_text_has_Khmer_and_English()
    {
        var keys = UiText.Keys.Where(k => k.StartsWith("vst.", StringComparison.Ordinal)).ToList();
        Assert.True(keys.Count > 100, $"{keys.Count} keys");
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("km");
            var khmer = keys.ToDictionary(k => k, UiText.T);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var english = keys.ToDictionary(k => k, UiText.T);
            foreach (var key in keys)
            {
                Assert.False(string.IsNullOrWhiteSpace(khmer[key]), key);
                Assert.False(string.IsNullOrWhiteSpace(english[key]), key);
                Assert.NotEqual(key, khmer[key]);
                // Khmer words are Khmer unless the text is a format's name (CSV, JSON).
                Assert.True(khmer[key].Any(c => c is >= '\u1780' and <= '\u17FF') || khmer[key] == english[key], key);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static int Figure(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"figure-{id}\" data-value=\"([0-9]+)\"");
        Assert.True(match.Success, $"figure-{id}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>A count as the Khmer pages write it: thousands separators, Khmer numerals.</summary>
    private static string UiDigits(int n) =>
        string.Concat(n.ToString("#,0", CultureInfo.InvariantCulture).Select(c => c is >= '0' and <= '9' ? (char)('\u17E0' + (c - '0')) : c));

    /// <summary>The visible text of a page, roughly: tags, inline styles and attribute values left out.</summary>
    private static string Text(string html) => TagPattern().Replace(StylePattern().Replace(html, " "), " ");

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex TagPattern();

    [GeneratedRegex("<style[\\s\\S]*?</style>")]
    private static partial Regex StylePattern();


    private Pages Browser() => new(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser without script, signed in: a cookie jar, no automatic redirects, forms posted with their antiforgery token.</summary>
    private async Task<Pages> PagesAsync(string user)
    {
        var pages = Browser();
        var signedIn = await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user, ["Input.Password"] = NokorHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return pages;
    }
}

/// <summary>
/// The statistics dashboard in Chromium, in Khmer: the charts drawn on the server show in the page,
/// and a screenshot is kept for a person to look at (Khmer shaped, charts readable, nothing overlapping).
/// </summary>
public sealed class StatisticsPagesBrowserTests(UiHost host, Nokor.Web.Tests.Browser.BrowserFixture browser)
    : IClassFixture<UiHost>, IClassFixture<Nokor.Web.Tests.Browser.BrowserFixture>
{
    [Fact]
    public async Task The_statistics_unit_opens_the_dashboard_and_sees_the_charts()
    {
        await VitalStatisticsApiTests.RegisterAsync(host);
        await VitalStatisticsApiTests.RegisterAsync(host);
        var statistics = await host.ClientForAsync("statistics.n");
        var year = VitalStatisticsApiTests.Today.Year;
        // Estimates for the nation and a few provinces, so that completeness has bars to draw.
        var population = new StringBuilder("year,area,sex,age_from,age_to,population\n");
        foreach (var (area, size) in new[] { ("", 8_000), ("12", 300), ("17", 900), ("01", 600), ("02", 700) })
        {
            population.Append(CultureInfo.InvariantCulture, $"{year},{area},Male,0,4,{size / 10}\n{year},{area},Female,0,4,{size / 10}\n");
            population.Append(CultureInfo.InvariantCulture, $"{year},{area},Male,5,150,{size * 4 / 10}\n{year},{area},Female,5,150,{size * 4 / 10}\n");
        }

        foreach (var csv in new[] { population.ToString(), $"year,area,crude_birth_rate,crude_death_rate\n{year},,20,6\n" })
        {
            var loaded = await statistics.PostAsync("/api/civil/statistics/denominators", new StringContent(csv, Encoding.UTF8, "text/csv"));
            Assert.True(loaded.IsSuccessStatusCode, await loaded.Content.ReadAsStringAsync());
        }

        var (context, page) = await Nokor.Web.Tests.Browser.BrowserSignIn.SignInAsync(browser, host, "statistics.n",
            viewport: new Microsoft.Playwright.ViewportSize { Width = 1280, Height = 900 });
        await using var _ = context;

        await page.ClickAsync("#nav-statistics");
        await page.WaitForURLAsync("**/civil/statistics");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#chart-births-month svg")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#chart-coverage-areas svg")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#figure-births .label")).ToHaveTextAsync("កំណើតរស់ដែលបានចុះបញ្ជី");
        var box = await page.Locator("#chart-births-month svg").BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 150 }, $"chart box {box?.Width}x{box?.Height}");
        await ScreenshotAsync(page, "statistics-dashboard-km.png");
        foreach (var part in new[] { "key-figures", "chart-births-month", "chart-deaths-age", "chart-coverage-areas", "chart-deaths-cause" })
        {
            await page.Locator("#" + part).ScreenshotAsync(new Microsoft.Playwright.LocatorScreenshotOptions { Path = Path.Combine(Folder, $"statistics-{part}-km.png") });
        }

        await page.ClickAsync("#service-link");
        await page.WaitForURLAsync("**/civil/statistics/service");
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#office-{host.CommuneA}")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "statistics-service-km.png");
    }

    private static string Folder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    private static async Task ScreenshotAsync(Microsoft.Playwright.IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(Folder, name), FullPage = true });
    }
}
