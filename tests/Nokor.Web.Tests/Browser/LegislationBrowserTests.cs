using System.Text;
using Microsoft.Playwright;
using Nokor.Web.Tests.Infrastructure;
using Nokor.Web.Tests.Ui;
using Xunit.Abstractions;

namespace Nokor.Web.Tests.Browser;

/// <summary>
/// A law's way through the Senate in a real browser (Debian's Chromium), as issue 5 asks: a clerk
/// registers a bill typed in Khmer on the form, refers it to commission 1 and attaches a letter; a
/// senator comments on an article; the commission's chair answers; the clerk records the
/// commission's report with its amended text, the plenary debate, the vote and the decision; and
/// a visitor without an account reads the decision and every stage on the public page, in Khmer
/// and in English, and what the Senate changed. Screenshots go under TestResults/.
/// </summary>
public sealed class LegislationBrowserTests(UiHost host, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<UiHost>, IClassFixture<BrowserFixture>
{
    private const string BillText = """
        ច្បាប់ស្ដីពីការគ្រប់គ្រងធនធានទឹក
        ជំពូកទី១ បទប្បញ្ញត្តិទូទៅ
        មាត្រា ១
        ច្បាប់នេះកំណត់ការគ្រប់គ្រង និងការប្រើប្រាស់ធនធានទឹកដោយចីរភាព។
        មាត្រា ២
        ១. ក្រសួងធនធានទឹកចេញអាជ្ញាប័ណ្ណប្រើប្រាស់ទឹក។
        ២. អាជ្ញាប័ណ្ណមានសុពលភាពប្រាំឆ្នាំ។
        ជំពូកទី២ បទប្បញ្ញត្តិអវសាន្ត
        មាត្រា ៣
        ច្បាប់នេះចូលជាធរមានចាប់ពីថ្ងៃប្រកាសឱ្យប្រើ។
        """;

    // The commission's report: article 2's licence runs ten years instead of five.
    private static readonly string ReportText = BillText.Replace("អាជ្ញាប័ណ្ណមានសុពលភាពប្រាំឆ្នាំ។", "អាជ្ញាប័ណ្ណមានសុពលភាពដប់ឆ្នាំ។", StringComparison.Ordinal);

    private const string Comment = "សូមពិចារណាបន្ថែមរយៈពេលសុពលភាពនៃអាជ្ញាប័ណ្ណ។";
    private const string Answer = "គណៈកម្មការយល់ព្រម៖ រយៈពេលត្រូវបានបន្ថែមដល់ដប់ឆ្នាំ។";

    private static readonly string Results = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults"));

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_bill_registered_by_the_clerk_is_commented_reported_and_decided_and_the_public_page_shows_it()
    {
        try
        {
            await RegisterCommentReportDecideAsync();
        }
        finally
        {
            // A page that failed on the server says why in the test's output.
            if (host.ServerErrors.Entries.Count > 0)
            {
                output.WriteLine("Server errors:" + Environment.NewLine + host.ServerErrors);
            }
        }
    }

    private async Task RegisterCommentReportDecideAsync()
    {
        // Pages load under load from other test classes: the expectations wait as long as actions do.
        Assertions.SetDefaultExpectTimeout(30_000);

        // 1. The clerk registers the bill on the form.
        var (clerkContext, clerk) = await SignInAsync("clerk.n");
        await using var _ = clerkContext;
        await clerk.ClickAsync("#nav-senate");
        await clerk.WaitForURLAsync("**/senate");
        await clerk.ClickAsync("#register-bill-link");
        await clerk.WaitForURLAsync("**/senate/bills/new");
        await Assertions.Expect(clerk.Locator("#text-example")).ToContainTextAsync("មាត្រា ១");
        await clerk.FillAsync("#titleEn", "Law on water resources management");
        await clerk.FillAsync("#assemblyAdoptedOn", DaysAgo(2));
        await clerk.FillAsync("#receivedOn", DaysAgo(1));
        await clerk.FillAsync("#text", BillText);
        await clerk.ClickAsync("#bill-submit");
        await clerk.WaitForURLAsync("**done=registered**");
        var id = Guid.Parse(new Uri(clerk.Url).AbsolutePath.Split('/')[^1]);
        await Assertions.Expect(clerk.Locator("#done")).ToHaveTextAsync("បានចុះបញ្ជីសេចក្ដីព្រាងច្បាប់។");
        await Assertions.Expect(clerk.Locator("#bill-title-km")).ToHaveTextAsync("ច្បាប់ស្ដីពីការគ្រប់គ្រងធនធានទឹក");
        await Assertions.Expect(clerk.Locator("#bill-stage")).ToHaveAttributeAsync("data-stage", "Received");
        await Assertions.Expect(clerk.Locator("#deadline-badge")).ToHaveAttributeAsync("data-level", new System.Text.RegularExpressions.Regex("^(Open|Warning)$"));
        await Assertions.Expect(clerk.Locator("#bill-deadline")).ToContainTextAsync("នៅសល់");
        await Assertions.Expect(clerk.Locator("section.leg-article")).ToHaveCountAsync(3);
        await Assertions.Expect(clerk.Locator("#art_2")).ToContainTextAsync("អាជ្ញាប័ណ្ណមានសុពលភាពប្រាំឆ្នាំ។");
        var number = (await clerk.InnerTextAsync("#bill-number")).Trim();

        // 2. It is referred to commission 1; the Permanent Committee's letter is attached to the referral.
        await clerk.SelectOptionAsync("#stage-stage", "ReferredToCommission");
        await clerk.SelectOptionAsync("#stage-commission", "commission-1");
        await clerk.FillAsync("#stage-note", "បញ្ជូនដោយគណៈកម្មាធិការអចិន្ត្រៃយ៍");
        await clerk.ClickAsync("#stage-submit");
        await clerk.WaitForURLAsync("**done=stage**");
        await Assertions.Expect(clerk.Locator("#bill-stage")).ToHaveAttributeAsync("data-stage", "ReferredToCommission");
        await Assertions.Expect(clerk.Locator("#bill-commission")).ToHaveTextAsync("គណៈកម្មការទី១នៃព្រឹទ្ធសភា");
        await Assertions.Expect(clerk.Locator("#events tr.event")).ToHaveCountAsync(2);

        await clerk.SetInputFilesAsync("#document-file", new FilePayload
        {
            Name = "referral-letter.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("លិខិតបញ្ជូនសេចក្ដីព្រាងច្បាប់ទៅគណៈកម្មការទី១"),
        });
        await clerk.FillAsync("#document-kind", "letter");
        await clerk.ClickAsync("#document-submit");
        await clerk.WaitForURLAsync("**done=document**");
        await Assertions.Expect(clerk.Locator("#events tr.event[data-stage=ReferredToCommission] a.document-link")).ToHaveTextAsync("referral-letter.txt");

        // 3. A senator comments on article 2.
        var (senatorContext, senator) = await SignInAsync("senator.n");
        await using (senatorContext)
        {
            await senator.GotoAsync($"/senate/bills/{id}");
            await Assertions.Expect(senator.Locator("#stage-form")).ToHaveCountAsync(0);
            await senator.FillAsync("#comment-art_2", Comment);
            await senator.ClickAsync("#comment-submit-art_2");
            await senator.WaitForURLAsync("**done=comment**");
            await Assertions.Expect(senator.Locator("#comments-art_2 .leg-comment .leg-body")).ToHaveTextAsync(Comment);
            await Assertions.Expect(senator.Locator("#comments-art_2 .leg-answer.pending")).ToHaveCountAsync(1);
        }

        // 4. The chair of commission 1 answers for the commission.
        var (chairContext, chair) = await SignInAsync("chair.n");
        await using (chairContext)
        {
            await chair.GotoAsync($"/senate/bills/{id}");
            await chair.FillAsync("#comments-art_2 .leg-answer-form textarea", Answer);
            await chair.ClickAsync("#comments-art_2 .leg-answer-form button");
            await chair.WaitForURLAsync("**done=answer**");
            await Assertions.Expect(chair.Locator("#comments-art_2 .leg-answer")).ToContainTextAsync(Answer);
            await Assertions.Expect(chair.Locator("#comments-art_2 .leg-answer")).ToContainTextAsync("គណៈកម្មការទី១នៃព្រឹទ្ធសភា");
        }

        // 5. The clerk records the commission's report with its amended text, the debate, the vote and the decision.
        await clerk.GotoAsync($"/senate/bills/{id}");
        await Assertions.Expect(clerk.Locator("#comments-art_2 .leg-answer").First).ToContainTextAsync(Answer);
        await clerk.SelectOptionAsync("#stage-stage", "CommissionReport");
        await clerk.FillAsync("#stage-note", "គណៈកម្មការបានអនុម័តរបាយការណ៍");
        await clerk.FillAsync("#stage-text", ReportText);
        await clerk.ClickAsync("#stage-submit");
        await Assertions.Expect(clerk.Locator("#bill-stage")).ToHaveAttributeAsync("data-stage", "CommissionReport");
        await Assertions.Expect(clerk.Locator("#art_2")).ToContainTextAsync("អាជ្ញាប័ណ្ណមានសុពលភាពដប់ឆ្នាំ។");
        await Assertions.Expect(clerk.Locator("#version-list tr.version")).ToHaveCountAsync(2);

        await clerk.SelectOptionAsync("#stage-stage", "PlenaryDebate");
        await clerk.ClickAsync("#stage-submit");
        await Assertions.Expect(clerk.Locator("#bill-stage")).ToHaveAttributeAsync("data-stage", "PlenaryDebate");

        await clerk.SelectOptionAsync("#stage-stage", "PlenaryVote");
        await clerk.FillAsync("#stage-votesFor", "52");
        await clerk.FillAsync("#stage-votesAgainst", "3");
        await clerk.FillAsync("#stage-votesAbstaining", "2");
        await clerk.ClickAsync("#stage-submit");
        await Assertions.Expect(clerk.Locator("#bill-stage")).ToHaveAttributeAsync("data-stage", "PlenaryVote");

        await clerk.SelectOptionAsync("#stage-stage", "Decision");
        await clerk.SelectOptionAsync("#stage-decision", "ApprovedWithAmendments");
        await clerk.ClickAsync("#stage-submit");
        await Assertions.Expect(clerk.Locator("#bill-stage")).ToHaveAttributeAsync("data-stage", "Decision");
        await Assertions.Expect(clerk.Locator("#bill-decision")).ToContainTextAsync("អនុម័តដោយមានសំណើវិសោធនកម្ម");
        await Assertions.Expect(clerk.Locator("#deadline-badge")).ToHaveAttributeAsync("data-level", "Closed");
        await Assertions.Expect(clerk.Locator("#comments-closed")).ToBeVisibleAsync();
        await ScreenshotAsync(clerk, "legislation-bill-clerk-km.png");

        // 6. A visitor without an account finds the bill in the public list and reads the decision and the stages.
        await using var visitorContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl });
        visitorContext.SetDefaultTimeout(60_000);
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync("/senate/bills");
        Assert.DoesNotContain("/login", visitor.Url, StringComparison.Ordinal);
        await visitor.ClickAsync($"#public-bills tr[data-number='{number}'] a.bill-link");
        await visitor.WaitForURLAsync("**/senate/bills/*/*");
        await Assertions.Expect(visitor.Locator("#bill-number")).ToHaveTextAsync(number);
        await Assertions.Expect(visitor.Locator("#bill-decision")).ToContainTextAsync("អនុម័តដោយមានសំណើវិសោធនកម្ម");
        await Assertions.Expect(visitor.Locator("#deadline-badge")).ToHaveTextAsync("បានសម្រេច");
        var stages = visitor.Locator("#events tr.event");
        await Assertions.Expect(stages).ToHaveCountAsync(6);
        string[] expected = ["Received", "ReferredToCommission", "CommissionReport", "PlenaryDebate", "PlenaryVote", "Decision"];
        for (var i = 0; i < expected.Length; i++)
        {
            await Assertions.Expect(stages.Nth(i)).ToHaveAttributeAsync("data-stage", expected[i]);
        }

        await Assertions.Expect(stages.Nth(1)).ToContainTextAsync("គណៈកម្មការទី១នៃព្រឹទ្ធសភា");
        await Assertions.Expect(stages.Nth(4)).ToContainTextAsync("៥២");
        await Assertions.Expect(visitor.Locator("#events")).Not.ToContainTextAsync("Test clerk.n");
        await Assertions.Expect(visitor.Locator("#events a.document-link")).ToHaveCountAsync(0);
        await ScreenshotAsync(visitor, "legislation-bill-public-km.png");

        await visitor.ClickAsync("#lang-en");
        await Assertions.Expect(visitor.Locator("#bill-decision")).ToContainTextAsync("Approved with proposed amendments");
        await Assertions.Expect(stages.Nth(4)).ToContainTextAsync("For 52");
        await Assertions.Expect(stages.Nth(2)).ToContainTextAsync("Commission report");
        await ScreenshotAsync(visitor, "legislation-bill-public-en.png");

        // The current text in the legal database's reader: rendered from its Akoma Ntoso, with its table of contents.
        var publicUrl = visitor.Url;
        await visitor.ClickAsync("#version-list tr.leg-current a.version-link");
        await visitor.WaitForURLAsync("**/laws/text**");
        await Assertions.Expect(visitor.Locator("h1.akn-title")).ToHaveTextAsync("ច្បាប់ស្ដីពីការគ្រប់គ្រងធនធានទឹក");
        await Assertions.Expect(visitor.Locator("nav.akn-toc a[href='#art_2']")).ToHaveCountAsync(1);
        await Assertions.Expect(visitor.Locator("#art_2")).ToContainTextAsync("ដប់ឆ្នាំ");
        await Assertions.Expect(visitor.Locator("#bill-link")).ToHaveTextAsync(number);
        await ScreenshotAsync(visitor, "legislation-text-en.png");

        // What the Senate changed: the commission's version compared with the Assembly's.
        await visitor.GotoAsync(publicUrl);
        await visitor.ClickAsync("#version-list a.compare-link");
        await visitor.WaitForURLAsync("**/laws/compare**");
        await Assertions.Expect(visitor.Locator("#cmp-art_2")).ToHaveAttributeAsync("data-status", "Changed");
        Assert.Contains("ដប់", string.Concat(await visitor.Locator("#cmp-art_2 ins").AllInnerTextsAsync()), StringComparison.Ordinal);
        Assert.Contains("ប្រាំ", string.Concat(await visitor.Locator("#cmp-art_2 del").AllInnerTextsAsync()), StringComparison.Ordinal);
        await Assertions.Expect(visitor.Locator("#cmp-art_1")).ToHaveAttributeAsync("data-status", "Unchanged");
        await ScreenshotAsync(visitor, "legislation-compare-en.png");
    }

    private Task<(IBrowserContext Context, IPage Page)> SignInAsync(string user) =>
        BrowserSignIn.SignInAsync(browser, host, user);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(Results, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
