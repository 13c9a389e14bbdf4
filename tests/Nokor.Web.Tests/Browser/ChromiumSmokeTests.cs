using Microsoft.Playwright;

namespace Nokor.Web.Tests.Browser;

/// <summary>
/// Proves the machine can run the browser tests at all: the system Chromium starts under
/// Playwright, and Khmer is drawn with a real Khmer font and shaped (a subscript consonant sits
/// under its base instead of taking room beside it), not as empty boxes.
/// </summary>
public sealed class ChromiumSmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // ខ្មែរ "Khmer": KHA, COENG, MO, vowel AE, RO. Shaped, AE moves before KHA and MO becomes a
    // subscript under it, so three glyph positions across.
    private const string Shaped = "\u1781\u17D2\u1798\u17C2\u179A";

    // The same letters without the COENG: MO stays a full consonant beside KHA, four positions.
    private const string Unshaped = "\u1781\u1798\u17C2\u179A";

    private const string Page = """
        <!doctype html>
        <html lang="km">
        <head><meta charset="utf-8"><title>khmer</title>
        <style>body { font: 32px "Khmer OS", "Noto Sans Khmer", sans-serif; } span { white-space: pre; }</style>
        </head>
        <body><span id="shaped">SHAPED</span><br><span id="unshaped">UNSHAPED</span></body>
        </html>
        """;

    [Fact]
    public async Task Chromium_renders_Khmer_with_a_Khmer_font_and_shapes_subscript_consonants()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var html = Page.Replace("UNSHAPED", Unshaped).Replace("SHAPED", Shaped);
        await page.GotoAsync("data:text/html;charset=utf-8," + Uri.EscapeDataString(html));
        await page.EvaluateAsync("() => document.fonts.ready");

        Assert.Equal(Shaped, await page.InnerTextAsync("#shaped"));

        var shaped = await BoxAsync(page, "#shaped");
        var unshaped = await BoxAsync(page, "#unshaped");
        Assert.True(shaped.Width > 0 && shaped.Height > 0, $"The Khmer span has no size: {shaped}.");
        Assert.True(unshaped.Width > 0 && unshaped.Height > 0, $"The Khmer span has no size: {unshaped}.");

        // Without a Khmer font every code point, COENG included, becomes a box of the same width,
        // so the five-code-point word would be the wider one.
        Assert.True(shaped.Width < unshaped.Width,
            $"Khmer is not shaped: '{Shaped}' is {shaped.Width}px wide, '{Unshaped}' {unshaped.Width}px. " +
            "Install Debian's fonts-khmeros and fonts-noto-core.");

        var fonts = await PlatformFontsAsync(page, "#shaped");
        Assert.Contains(fonts, font => font.Contains("Khmer", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_browser_reports_its_version_and_runs_script()
    {
        Assert.False(string.IsNullOrWhiteSpace(browser.Browser.Version));
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<p id='n'></p><script>document.getElementById('n').textContent = String(6 * 7);</script>");
        Assert.Equal("42", await page.InnerTextAsync("#n"));
    }

    private static async Task<Box> BoxAsync(IPage page, string selector)
    {
        var box = await page.Locator(selector).BoundingBoxAsync();
        Assert.NotNull(box);
        return new Box(box.Width, box.Height);
    }

    /// <summary>The fonts Chromium actually used for the node's text, from the DevTools protocol.</summary>
    private static async Task<IReadOnlyList<string>> PlatformFontsAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var found = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = root, ["selector"] = selector });
        var nodeId = found!.Value.GetProperty("nodeId").GetInt32();
        var result = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = nodeId });
        var fonts = result!.Value.GetProperty("fonts").EnumerateArray()
            .Select(font => font.GetProperty("familyName").GetString() ?? "")
            .ToList();
        Assert.NotEmpty(fonts);
        return fonts;
    }

    private readonly record struct Box(float Width, float Height);
}
