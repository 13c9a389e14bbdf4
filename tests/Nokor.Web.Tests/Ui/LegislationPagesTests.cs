using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Legislation.Data;
using Nokor.Platform.Data;
using Nokor.Web.Tests.Infrastructure;
using Page = Nokor.Web.Tests.Infrastructure.FormPage;
using Pages = Nokor.Web.Tests.Infrastructure.FormPages;

namespace Nokor.Web.Tests.Ui;

/// <summary>
/// The E-Senate pages through plain HTTP, as a browser without script uses them: the public
/// pages (bills, laws, the Constitution, comparison, search) without login in Khmer and English,
/// the staff pages behind the Senate roles, a senator's comment and the commission's answer, the
/// clerk's forms refusing bad input beside the field and writing nothing.
/// </summary>
public sealed partial class LegislationPagesTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Clerk = "clerk.n";

    private const string BillText = """
        ច្បាប់ស្ដីពីការការពារមរតកវប្បធម៌
        ជំពូកទី១ បទប្បញ្ញត្តិទូទៅ
        មាត្រា ១
        ច្បាប់នេះការពារប្រាសាទ និងវត្ថុបុរាណទាំងអស់នៅក្នុងព្រះរាជាណាចក្រ។
        មាត្រា ២
        ១. ក្រសួងវប្បធម៌ចុះបញ្ជីវត្ថុបុរាណ។
        ២. ការនាំចេញវត្ថុបុរាណត្រូវការអាជ្ញាប័ណ្ណ។
        មាត្រា ៣
        ច្បាប់នេះចូលជាធរមានចាប់ពីថ្ងៃប្រកាសឱ្យប្រើ។
        """;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_public_bill_pages_answer_without_login_in_Khmer_and_English_with_the_status_and_deadline()
    {
        var clerk = await host.ClientForAsync(Clerk);
        var (id, number) = await RegisterAsync(clerk, "Law on the protection of cultural heritage");
        await StageAsync(clerk, id, new { stage = "ReferredToCommission", commission = "commission-2", note = "Referred by the Permanent Committee" });
        var (year, sequence) = Split(number);

        var visitor = Browser();
        var page = await visitor.GetAsync($"/senate/bills/{year}/{sequence}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"km\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("ច្បាប់ស្ដីពីការការពារមរតកវប្បធម៌", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"ReferredToCommission\">បញ្ជូនទៅគណៈកម្មការ", page.Html, StringComparison.Ordinal);
        Assert.Contains("គណៈកម្មការទី២នៃព្រឹទ្ធសភា", page.Html, StringComparison.Ordinal);
        // The deadline: a month from today, in words, with the level in words too (not colour alone).
        Assert.Matches("data-level=\"(Open|Warning)\"[^>]*>(ក្នុងរយៈពេល|ជិតផុតកំណត់)<", page.Html);
        Assert.Matches("នៅសល់ [០-៩]+ ថ្ងៃ", page.Html);
        Assert.Contains("ទទួលពីរដ្ឋសភា", page.Html, StringComparison.Ordinal);
        // The public record names the bodies that acted, never the staff who typed it in.
        Assert.DoesNotContain("Test clerk.n", page.Html, StringComparison.Ordinal);
        Assert.Contains("អគ្គលេខាធិការដ្ឋានព្រឹទ្ធសភា", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("leg.", Text(page.Html), StringComparison.Ordinal);
        Assert.DoesNotContain("comment-form", page.Html, StringComparison.Ordinal);

        var list = await visitor.GetAsync("/senate/bills?open=true");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.True(list.Html.Contains($"data-number=\"{number}\"", StringComparison.Ordinal), list.Html);
        Assert.Contains($"href=\"/senate/bills/{year}/{sequence}\"", list.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"/culture/en?returnUrl=/senate/bills/{year}/{sequence}")).Status);
        var english = await visitor.GetAsync($"/senate/bills/{year}/{sequence}");
        Assert.Contains("<html lang=\"en\"", english.Html, StringComparison.Ordinal);
        Assert.Contains("Referred to a commission", english.Html, StringComparison.Ordinal);
        Assert.Contains("Commission 2 of the Senate", english.Html, StringComparison.Ordinal);
        Assert.Matches("[0-9]+ days left", english.Html);
        Assert.Matches("Received by the Senate on</dt><dd><time datetime=\"" + Iso(Today) + "\">" + Today.Day + " [A-Z][a-z]+ " + Today.Year + "</time>", english.Html);
        Assert.DoesNotContain("leg.", Text(english.Html), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/senate/bills/1999/9999")).Status);
    }

    [Fact]
    public async Task The_legal_database_pages_show_the_Constitution_as_it_stood_its_amendments_a_comparison_and_search_hits()
    {
        var clerk = await host.ClientForAsync(Clerk);
        var constitution = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/acts", new
        {
            text = "រដ្ឋធម្មនុញ្ញសាកល្បង\nជំពូកទី១ អធិបតេយ្យភាព\nមាត្រា ១\nកម្ពុជាជាព្រះរាជាណាចក្រ។\nមាត្រា ២\nរដ្ឋសភាតែមួយគត់មានអំណាចនីតិបញ្ញត្តិ។",
            subtype = "constitution", date = "1993-09-24", titleEn = "Test constitution",
        }), HttpStatusCode.OK);
        var work = constitution.GetProperty("workUri").GetString()!;
        var amending = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/acts", new
        {
            text = "ច្បាប់រដ្ឋធម្មនុញ្ញស្ដីពីវិសោធនកម្មសាកល្បង\nមាត្រា ១\nមាត្រា ២ ត្រូវធ្វើវិសោធនកម្ម។", number = "NS/TEST/1999/1", date = "1999-03-08",
        }), HttpStatusCode.OK);
        await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/acts/amendments?work=" + Uri.EscapeDataString(work), new
        {
            amendingWorkUri = amending.GetProperty("workUri").GetString(),
            effectiveOn = "1999-03-08",
            changes = new[] { new { articleEId = "art_2", kind = "Replace", text = "មាត្រា ២ ថ្មី\nរដ្ឋសភា និងព្រឹទ្ធសភាមានអំណាចនីតិបញ្ញត្តិ។" } },
        }), HttpStatusCode.OK);

        var visitor = Browser();
        var laws = await visitor.GetAsync("/laws");
        Assert.Equal(HttpStatusCode.OK, laws.Status);
        Assert.Contains($"data-work=\"{work}\"", laws.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"search-form\"", laws.Html, StringComparison.Ordinal);

        var now = await visitor.GetAsync("/constitution");
        Assert.Equal(HttpStatusCode.OK, now.Status);
        Assert.Contains("class=\"akn-toc\"", now.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"art_2\"", now.Html, StringComparison.Ordinal);
        Assert.Contains("រដ្ឋសភា និងព្រឹទ្ធសភាមានអំណាចនីតិបញ្ញត្តិ។", now.Html, StringComparison.Ordinal);
        var amendment = Regex.Match(now.Html, "<tr class=\"amendment\" data-article=\"art_2\" data-kind=\"Replace\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(amendment.Success, "no amendment row");
        Assert.Contains("ច្បាប់រដ្ឋធម្មនុញ្ញស្ដីពីវិសោធនកម្មសាកល្បង", amendment.Value, StringComparison.Ordinal);
        Assert.Contains("ជំនួស", amendment.Value, StringComparison.Ordinal);
        Assert.Contains("៨ មីនា ១៩៩៩", amendment.Value, StringComparison.Ordinal);
        Assert.Contains("/api/public/legislation/text?uri=", now.Html, StringComparison.Ordinal);
        Assert.Contains("/api/public/legislation/feed.atom", now.Html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(now.Html, "<tr class=\"version ").Count);

        // As it stood in 1995: the original wording, the version marked as the one shown.
        var in1995 = await visitor.GetAsync("/constitution?date=1995-01-01");
        Assert.Contains("រដ្ឋសភាតែមួយគត់មានអំណាចនីតិបញ្ញត្តិ។", in1995.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("និងព្រឹទ្ធសភាមានអំណាច", in1995.Html, StringComparison.Ordinal);
        Assert.Matches("data-uri=\"" + Regex.Escape(work) + "/khm@\" data-current=\"true\"", in1995.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/constitution?date=1990-01-01")).Status);

        // The comparison link of the later version shows what changed, inline.
        var compareLink = Regex.Match(now.Html, "class=\"compare-link\" href=\"([^\"]+)\"");
        Assert.True(compareLink.Success, "no compare link");
        var compare = await visitor.GetAsync(compareLink.Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, compare.Status);
        Assert.Contains("id=\"cmp-art_2\" data-status=\"Changed\"", compare.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"cmp-art_1\" data-status=\"Unchanged\"", compare.Html, StringComparison.Ordinal);
        Assert.Matches("<ins title=\"[^\"]+\">[^<]*ព្រឹទ្ធសភា", compare.Html);
        Assert.Contains("<del title=", compare.Html, StringComparison.Ordinal);

        // Search: a Khmer word inside running text, highlighted, once the index has followed.
        Page search = default!;
        for (var i = 0; i < 100; i++)
        {
            search = await visitor.GetAsync("/laws/search?q=" + Uri.EscapeDataString("ព្រឹទ្ធសភា") + "&type=act");
            if (search.Html.Contains("class=\"leg-hit\"", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.OK, search.Status);
        Assert.Contains("<mark>ព្រឹទ្ធសភា</mark>", search.Html, StringComparison.Ordinal);
        Assert.Contains("#art_2\"", search.Html, StringComparison.Ordinal);
        var empty = await visitor.GetAsync("/laws/search?q=");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("data-field=\"q\"", empty.Html, StringComparison.Ordinal);

        // English, and no untranslated key anywhere.
        await visitor.GetAsync("/culture/en?returnUrl=/constitution");
        var english = await visitor.GetAsync("/constitution");
        Assert.Contains("Amendment history", english.Html, StringComparison.Ordinal);
        Assert.Contains("Replaced", english.Html, StringComparison.Ordinal);
        Assert.Contains("8 March 1999", english.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("leg.", Text(english.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_pages_need_a_Senate_role()
    {
        var anonymous = Browser();
        var login = await anonymous.GetAsync("/senate");
        Assert.Equal(HttpStatusCode.Redirect, login.Status);
        Assert.Contains("/login", login.Location, StringComparison.Ordinal);

        var agent = await SignInAsync("agent.a");
        foreach (var path in new[] { "/senate", "/senate/bills/new", $"/senate/bills/{Guid.NewGuid()}" })
        {
            var denied = await agent.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, denied.Status);
            Assert.Contains("/denied", denied.Location, StringComparison.Ordinal);
        }

        var home = await agent.GetAsync("/");
        Assert.DoesNotContain("id=\"nav-senate\"", home.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-laws\"", home.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-bills\"", home.Html, StringComparison.Ordinal);

        // A senator reads the record but does not keep it.
        var senator = await SignInAsync("senator.n");
        Assert.Equal(HttpStatusCode.OK, (await senator.GetAsync("/senate")).Status);
        var notClerk = await senator.GetAsync("/senate/bills/new");
        Assert.Equal(HttpStatusCode.Redirect, notClerk.Status);
        Assert.Contains("/denied", notClerk.Location, StringComparison.Ordinal);

        var clerk = await SignInAsync(Clerk);
        var dashboard = await clerk.GetAsync("/senate");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("ការតាមដានសេចក្ដីព្រាងច្បាប់", dashboard.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-senate\"", dashboard.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"register-bill-link\"", dashboard.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"stage-Received\"", dashboard.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("leg.", Text(dashboard.Html), StringComparison.Ordinal);
        var form = await clerk.GetAsync("/senate/bills/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("ជំពូកទី១", form.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("leg.", Text(form.Html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/senate/bills/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task A_clerk_registers_a_bill_on_the_form_and_records_stages_with_the_errors_beside_the_fields()
    {
        var clerk = await SignInAsync(Clerk);
        var created = await clerk.PostFormAsync("/senate/bills/new", "leg-bill", BillFields("ច្បាប់សាកល្បងលើទម្រង់"));
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var match = Regex.Match(created.Location, "^/senate/bills/([0-9a-f-]{36})\\?done=registered$");
        Assert.True(match.Success, created.Location);
        var id = Guid.Parse(match.Groups[1].Value);
        var page = await clerk.GetAsync(created.Location);
        Assert.True(page.Status == HttpStatusCode.OK, page.Html + Environment.NewLine + host.ServerErrors);
        Assert.Contains("បានចុះបញ្ជីសេចក្ដីព្រាងច្បាប់។", page.Html, StringComparison.Ordinal);
        Assert.Contains("ច្បាប់សាកល្បងលើទម្រង់", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-stage=\"Received\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"art_3\"", page.Html, StringComparison.Ordinal);
        // Only the stages allowed next are offered.
        var options = Regex.Matches(Regex.Match(page.Html, "<select id=\"stage-stage\".*?</select>", RegexOptions.Singleline).Value, "value=\"([A-Za-z]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["PermanentCommittee", "ReferredToCommission"], options);
        Assert.Contains("value=\"commission-1\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("/api/legislation/bills/" + id + "/comments.csv", page.Html, StringComparison.Ordinal);

        // A referral without its commission is refused beside the field; nothing is recorded.
        var noCommission = await clerk.PostFormAsync($"/senate/bills/{id}", "leg-stage", StageFields("ReferredToCommission", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, noCommission.Status);
        Assert.Contains("data-field=\"stage.commission\">សូមជ្រើសរើសគណៈកម្មការ", noCommission.Html, StringComparison.Ordinal);
        Assert.Equal(1, await EventsAsync(id));

        var referral = StageFields("ReferredToCommission", "1");
        referral["StageInput.Commission"] = "commission-1";
        var referred = await clerk.PostFormAsync($"/senate/bills/{id}", "leg-stage", referral);
        Assert.Equal(HttpStatusCode.Redirect, referred.Status);
        Assert.EndsWith("?done=stage", referred.Location, StringComparison.Ordinal);
        Assert.Equal(2, await EventsAsync(id));

        // The same form again, at the revision it was read at: a conflict, with a reload link.
        var stale = await clerk.PostFormAsync($"/senate/bills/{id}", "leg-stage", referral);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("id=\"reload\"", stale.Html, StringComparison.Ordinal);
        Assert.Equal(2, await EventsAsync(id));

        var after = await clerk.GetAsync($"/senate/bills/{id}");
        Assert.Contains("គណៈកម្មការទី១នៃព្រឹទ្ធសភា", after.Html, StringComparison.Ordinal);
        Assert.Contains("Test clerk.n", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_senate_composition_is_public_and_the_clerk_keeps_it_with_bad_input_refused_beside_the_field()
    {
        var visitor = Browser();
        var page = await visitor.GetAsync("/senate/members");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>សមាសភាពព្រឹទ្ធសភា</h1>", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"seat-Elected\" data-held=\"58\" data-vacant=\"0\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"seat-AppointedByKing\" data-held=\"2\" data-vacant=\"0\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("គណៈកម្មការទី៨នៃព្រឹទ្ធសភា", page.Html, StringComparison.Ordinal);
        Assert.Contains("<td>ប្រធាន</td>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"member-form\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("sen.", Text(page.Html), StringComparison.Ordinal);
        var chair = Regex.Match(Section(page.Html, "commission-8"), "data-senator=\"([0-9a-f-]{36})\" data-role=\"Chair\"").Groups[1].Value;
        var outsider = Regex.Matches(page.Html, "<tr data-senator=\"([0-9a-f-]{36})\">").Select(m => m.Groups[1].Value)
            .First(id => !Section(page.Html, "commission-8").Contains(id, StringComparison.Ordinal));
        Assert.NotEmpty(chair);

        var clerk = await SignInAsync(Clerk);
        var form = await clerk.GetAsync("/senate/members");
        Assert.Contains("id=\"member-form\"", form.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"mandate-form\"", form.Html, StringComparison.Ordinal);

        // A second chair, or a day that is not one: refused beside the field, nothing changed.
        var member = new Dictionary<string, string> { ["MemberInput.BodyCode"] = "commission-8", ["MemberInput.SenatorId"] = outsider, ["MemberInput.Role"] = "Chair" };
        var secondChair = await clerk.PostFormAsync("/senate/members", "sen-member", member);
        Assert.Equal(HttpStatusCode.BadRequest, secondChair.Status);
        Assert.Contains("data-field=\"member.role\"><a href=\"#member-role\">តួនាទី</a>: គណៈកម្មការនេះមានប្រធានរួចហើយ", secondChair.Html, StringComparison.Ordinal);
        Assert.Matches("id=\"member-role\"[^>]*aria-invalid=\"true\"", secondChair.Html);
        Assert.DoesNotContain("leg-message", secondChair.Html, StringComparison.Ordinal);
        var leave = new Dictionary<string, string> { ["LeaveInput.BodyCode"] = "commission-8", ["LeaveInput.SenatorId"] = chair, ["LeaveInput.EndsOn"] = "31/12/2026" };
        var badDay = await clerk.PostFormAsync("/senate/members", "sen-leave", leave);
        Assert.Equal(HttpStatusCode.BadRequest, badDay.Status);
        Assert.Contains("data-field=\"leave.endsOn\"", badDay.Html, StringComparison.Ordinal);
        var noReason = await clerk.PostFormAsync("/senate/members", "sen-mandate", new() { ["MandateInput.SenatorId"] = chair, ["MandateInput.EndsOn"] = Iso(Today), ["MandateInput.Reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("data-field=\"mandate.reason\"><a href=\"#mandate-reason\">មូលហេតុ</a>: សូមផ្ដល់មូលហេតុ", noReason.Html, StringComparison.Ordinal);
        Assert.Contains($"data-senator=\"{chair}\" data-role=\"Chair\"", Section((await visitor.GetAsync("/senate/members")).Html, "commission-8"), StringComparison.Ordinal);

        // The chair leaves the commission and another senator takes the chair.
        leave["LeaveInput.EndsOn"] = Iso(Today.AddDays(-1));
        var left = await clerk.PostFormAsync("/senate/members", "sen-leave", leave);
        Assert.Equal(HttpStatusCode.Redirect, left.Status);
        Assert.StartsWith("/senate/members?done=1", left.Location, StringComparison.Ordinal);
        var appointed = await clerk.PostFormAsync("/senate/members", "sen-member", member);
        Assert.Equal(HttpStatusCode.Redirect, appointed.Status);
        var after = Section((await visitor.GetAsync("/senate/members")).Html, "commission-8");
        Assert.Contains($"data-senator=\"{outsider}\" data-role=\"Chair\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain(chair, after, StringComparison.Ordinal);
    }

    /// <summary>The section of the composition page for one body.</summary>
    private static string Section(string html, string code)
    {
        var start = html.IndexOf($"id=\"body-{code}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section for {code}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public async Task A_bad_bill_form_shows_the_field_errors_and_writes_nothing()
    {
        var clerk = await SignInAsync(Clerk);
        var (bills, audit) = await CountsAsync();

        // No article in the text: the error names the text field and its line.
        var fields = BillFields("");
        fields["Input.Text"] = "ច្បាប់គ្មានមាត្រា\nអត្ថបទដោយគ្មានមាត្រា។";
        var noArticle = await clerk.PostFormAsync("/senate/bills/new", "leg-bill", fields);
        Assert.Equal(HttpStatusCode.BadRequest, noArticle.Status);
        Assert.Contains("id=\"form-errors\"", noArticle.Html, StringComparison.Ordinal);
        Assert.Matches("data-field=\"text\">បន្ទាត់ទី ១៖ អត្ថបទគ្មានមាត្រាទេ", noArticle.Html);
        Assert.Contains("aria-invalid=\"true\"", noArticle.Html, StringComparison.Ordinal);
        // What was typed stays on the form.
        Assert.Contains("អត្ថបទដោយគ្មានមាត្រា។", noArticle.Html, StringComparison.Ordinal);

        // No Khmer title at all (an English title line): the title field; a date that is not one.
        fields = BillFields("");
        fields["Input.Text"] = "Law without a Khmer title\nArticle 1\nText.";
        fields["Input.AssemblyAdoptedOn"] = "yesterday";
        var noTitle = await clerk.PostFormAsync("/senate/bills/new", "leg-bill", fields);
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.Status);
        Assert.Contains("data-field=\"assemblyAdoptedOn\">ត្រូវការកាលបរិច្ឆេទ", noTitle.Html, StringComparison.Ordinal);
        fields["Input.AssemblyAdoptedOn"] = Iso(Today.AddDays(-1));
        noTitle = await clerk.PostFormAsync("/senate/bills/new", "leg-bill", fields);
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.Status);
        Assert.Contains("data-field=\"titleKm\">ត្រូវការចំណងជើងជាភាសាខ្មែរ", noTitle.Html, StringComparison.Ordinal);

        // Received before the Assembly adopted it.
        fields = BillFields("ច្បាប់សាកល្បង");
        fields["Input.ReceivedOn"] = Iso(Today.AddDays(-5));
        var early = await clerk.PostFormAsync("/senate/bills/new", "leg-bill", fields);
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Contains("data-field=\"receivedOn\">ព្រឹទ្ធសភាមិនអាចទទួលច្បាប់", early.Html, StringComparison.Ordinal);

        Assert.Equal((bills, audit), await CountsAsync());
    }

    [Fact]
    public async Task A_senator_comments_on_an_article_and_the_commission_chair_answers()
    {
        var api = await host.ClientForAsync(Clerk);
        var (id, _) = await RegisterAsync(api, "Law on comments");
        await StageAsync(api, id, new { stage = "ReferredToCommission", commission = "commission-1" });

        var senator = await SignInAsync("senator.n");
        var page = await senator.GetAsync($"/senate/bills/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("id=\"comment-form-art_2\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"stage-form\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"document-form\"", page.Html, StringComparison.Ordinal);

        // An empty comment is refused beside its form and writes nothing.
        var empty = await senator.PostFormAsync($"/senate/bills/{id}", "leg-comment-art_2", new() { ["CommentBody"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("មតិនៅទទេ។", empty.Html, StringComparison.Ordinal);
        Assert.Equal(0, await CommentsAsync(id));

        var sent = await senator.PostFormAsync($"/senate/bills/{id}", "leg-comment-art_2",
            new() { ["CommentBody"] = "សូមបន្ថែមការចុះបញ្ជីតាមប្រព័ន្ធឌីជីថល។" });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.EndsWith("?done=comment", sent.Location, StringComparison.Ordinal);
        var commented = await senator.GetAsync(sent.Location);
        var block = Regex.Match(commented.Html, "<div class=\"leg-comments\" id=\"comments-art_2\">(.*?)<form", RegexOptions.Singleline);
        Assert.True(block.Success, "no comments under article 2");
        Assert.Contains("សូមបន្ថែមការចុះបញ្ជីតាមប្រព័ន្ធឌីជីថល។", block.Value, StringComparison.Ordinal);
        Assert.Contains("មិនទាន់មានចម្លើយ", block.Value, StringComparison.Ordinal);
        // An ordinary member does not answer for the commission.
        Assert.DoesNotContain("class=\"leg-answer-form\"", commented.Html, StringComparison.Ordinal);
        Assert.Equal(1, await CommentsAsync(id));

        // The chair of commission-1 answers.
        var chair = await SignInAsync("chair.n");
        var chairPage = await chair.GetAsync($"/senate/bills/{id}");
        var answerForm = Regex.Match(chairPage.Html, "id=\"answer-form-([0-9a-f-]{36})\"");
        Assert.True(answerForm.Success, "the chair has no answer form");
        var commentId = Guid.Parse(answerForm.Groups[1].Value);
        var answered = await chair.PostFormAsync($"/senate/bills/{id}", "leg-answer-" + commentId.ToString("N"),
            new() { ["AnswerText"] = "គណៈកម្មការយល់ព្រម ហើយបានកែមាត្រា ២។" });
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        var final = await senator.GetAsync($"/senate/bills/{id}");
        Assert.Matches("id=\"answer-" + commentId + "\">.*គណៈកម្មការទី១នៃព្រឹទ្ធសភា.*គណៈកម្មការយល់ព្រម ហើយបានកែមាត្រា ២។", Regex.Replace(final.Html, "\\s+", " "));

        // The export the page links to.
        var csv = await senator.Client.GetAsync($"/api/legislation/bills/{id}/comments.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("គណៈកម្មការយល់ព្រម", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // --- helpers ---------------------------------------------------------------------------

    private static Dictionary<string, string> BillFields(string titleKm) => new()
    {
        ["Input.TitleKm"] = titleKm,
        ["Input.TitleEn"] = "Test law",
        ["Input.AssemblyAdoptedOn"] = Iso(Today.AddDays(-1)),
        ["Input.ReceivedOn"] = Iso(Today),
        ["Input.Text"] = BillText,
        ["Input.TextEn"] = "",
    };

    private static Dictionary<string, string> StageFields(string stage, string revision) => new()
    {
        ["StageInput.Stage"] = stage,
        ["StageInput.OccurredOn"] = Iso(Today),
        ["StageInput.Note"] = "",
        ["StageInput.Revision"] = revision,
    };

    private static (int Year, int Sequence) Split(string number)
    {
        var parts = number.Split('/');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<(string Id, string Number)> RegisterAsync(HttpClient clerk, string titleEn)
    {
        var bill = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/bills", new
        {
            titleEn,
            assemblyAdoptedOn = Iso(Today.AddDays(-1)),
            receivedOn = Iso(Today),
            urgent = false,
            budget = false,
            text = BillText,
        }), HttpStatusCode.OK);
        return (bill.GetProperty("id").GetString()!, bill.GetProperty("number").GetString()!);
    }

    private static async Task StageAsync(HttpClient clerk, string id, object body) =>
        await JsonAsync(await clerk.PostAsJsonAsync($"/api/legislation/bills/{id}/stages", body), HttpStatusCode.OK);

    private async Task<int> EventsAsync(Guid billId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LegislationDbContext>().BillEvents.CountAsync(e => e.BillId == billId);
    }

    private async Task<int> CommentsAsync(string billId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var id = Guid.Parse(billId);
        return await scope.ServiceProvider.GetRequiredService<LegislationDbContext>().Comments.CountAsync(c => c.BillId == id);
    }

    private async Task<(int Bills, long Audit)> CountsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<LegislationDbContext>().Bills.CountAsync(),
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries.LongCountAsync());
    }

    /// <summary>The visible text of a page, roughly: tags and attribute values left out.</summary>
    private static string Text(string html) => TagPattern().Replace(html, " ");

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex TagPattern();


    private Pages Browser() => new(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser without script, signed in: a cookie jar, no automatic redirects, forms posted with their antiforgery token.</summary>
    private async Task<Pages> SignInAsync(string user)
    {
        var pages = Browser();
        var signedIn = await pages.PostFormAsync("/login", "login", new() { ["Input.UserName"] = user, ["Input.Password"] = NokorHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        return pages;
    }
}
