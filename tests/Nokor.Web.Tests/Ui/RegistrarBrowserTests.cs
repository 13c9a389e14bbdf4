using Microsoft.Playwright;
using Nokor.Web.Tests.Browser;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// A registrar's day in a real browser (Debian's Chromium): sign in, search a person by a Khmer
/// name typed with its marks in another order, open the record and its history, switch language.
/// </summary>
public sealed class RegistrarBrowserTests(UiHost host, BrowserFixture browser) : IClassFixture<UiHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_registrar_finds_a_person_by_a_differently_typed_Khmer_name_and_reads_the_history_in_both_languages()
    {
        var api = await host.ClientForAsync("registrar.a");
        // ដារ៉ា with the shifter (U+17C9) before the vowel AA, as the normalizer stores it.
        var person = await host.RegisterPersonAsync(api, host.PersonBody(host.VillageA,
            surnameKm: "\u1780\u17C2\u179C", givenNameKm: "\u178A\u17B6\u179A\u17C9\u17B6",
            surnameLatin: "Keo", givenNameLatin: "Dara", birthDate: "1987-10-10"));
        var update = await api.PatchAsync($"/api/population/persons/{person.Kidc}",
            System.Net.Http.Json.JsonContent.Create(new { residenceAddress = "House 9, Street 1", reason = "Moved within the village", source = "Residence" }));
        update.EnsureSuccessStatusCode();

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/persons");
        Assert.Contains("/login", page.Url);
        await page.FillAsync("#username", "registrar.a");
        await page.FillAsync("#password", Infrastructure.NokorHost.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync("**/persons**");
        Assert.Equal("km", await page.GetAttributeAsync("html", "lang"));

        // Typed with the vowel AA before the shifter: a different code point order, the same name.
        await page.FillAsync("#q", "\u1780\u17C2\u179C \u178A\u17B6\u179A\u17B6\u17C9");
        await page.ClickAsync("#search-submit");
        var row = page.Locator("#results tbody tr", new PageLocatorOptions { HasText = person.Kidc });
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await row.Locator("a.open-person").ClickAsync();
        await Assertions.Expect(page.Locator("#person-kidc")).ToHaveTextAsync(person.Kidc);
        await Assertions.Expect(page.Locator("#person-name-km")).ToContainTextAsync("\u178A\u17B6\u179A\u17C9\u17B6");
        Assert.Contains("ថ្ងៃខែឆ្នាំកំណើត", await page.ContentAsync());

        await page.ClickAsync("#history-link");
        await Assertions.Expect(page.Locator("#history tr.version")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("Moved within the village");
        Assert.Contains("ប្រវត្តិកំណែ", await page.InnerTextAsync("h1"));

        await page.ClickAsync("#lang-en");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Version history");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("#history tr.version")).ToHaveCountAsync(2);

        await page.ClickAsync("#lang-km");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ប្រវត្តិកំណែ");

    }

    [Fact]
    public async Task A_commune_agent_gets_not_found_for_a_person_of_another_commune()
    {
        var api = await host.ClientForAsync("agent.b");
        var other = await host.RegisterPersonAsync(api, host.PersonBody(host.VillageB, givenNameKm: "សុភ័ក្ត្រ", givenNameLatin: "Sopheak"));

        var (context, page) = await BrowserSignIn.SignInAsync(browser, host, "agent.a");
        await using var _ = context;

        var response = await page.GotoAsync($"/persons/{other.Kidc}?purpose=Supervision");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
    }
}
