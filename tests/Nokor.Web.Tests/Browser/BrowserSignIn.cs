using Microsoft.Playwright;
using Nokor.Web.Tests.Infrastructure;
using Nokor.Web.Tests.Ui;

namespace Nokor.Web.Tests.Browser;

/// <summary>
/// Signs a demo account in on the login page of a <see cref="UiHost"/>, in a context of its own,
/// the way every browser test starts. It waits for the signed-in page's logout form rather than
/// for the page's "load" event: a CI run once waited 60 s for a load event on a page that had
/// already arrived. When the sign-in does not arrive, the failure says what the browser shows and
/// what the host logged at Error, not only "timeout".
/// </summary>
public static class BrowserSignIn
{
    /// <summary>Two cores run the host, the database, Chromium and other test classes at once.</summary>
    public const float Timeout = 60_000;

    public static async Task<(IBrowserContext Context, IPage Page)> SignInAsync(
        BrowserFixture browser, UiHost host, string user, string path = "/login", ViewportSize? viewport = null)
    {
        var options = new BrowserNewContextOptions { BaseURL = host.BaseUrl };
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
        }

        var context = await browser.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(path);
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", NokorHost.Password);
            await page.ClickAsync("#login-submit");
            await page.Locator("form[action='/logout']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            var shown = "";
            try
            {
                shown = await page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            }
            catch (Exception)
            {
                // The page itself may be what does not answer.
            }

            await context.DisposeAsync();
            throw new InvalidOperationException(
                $"{user} was not signed in (page {page.Url}). The page shows: {Shorten(shown)}" +
                (host.ServerErrors.Entries.Count > 0 ? $"{Environment.NewLine}The host logged:{Environment.NewLine}{host.ServerErrors}" : ""), ex);
        }

        return (context, page);
    }

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 600 ? flat : flat[..600] + "…";
    }
}
