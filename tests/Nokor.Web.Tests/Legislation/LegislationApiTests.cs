using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Data;
using Nokor.Web.Tests.Infrastructure;

namespace Nokor.Web.Tests.Legislation;

public sealed class LegislationApiTests(NokorHost host) : IClassFixture<NokorHost>
{
    private const string Text = """
        ច្បាប់ស្ដីពីបណ្ណាល័យឌីជីថលនៃព្រឹទ្ធសភា
        ជំពូកទី១ បទប្បញ្ញត្តិទូទៅ
        មាត្រា ១
        បណ្ណាល័យឌីជីថលរក្សាទុកឯកសារច្បាប់ទាំងអស់របស់ព្រឹទ្ធសភា។
        មាត្រា ២
        ១. សាធារណជនអាចស្វែងរកអត្ថបទច្បាប់ដោយសេរី។
        ២. អត្ថបទត្រូវផ្សព្វផ្សាយជាទម្រង់អេឡិចត្រូនិក។
        មាត្រា ៣
        អគ្គលេខាធិការដ្ឋានទទួលខុសត្រូវលើការថែទាំ។
        """;

    private static string Today => DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<JsonElement> RegisterAsync(HttpClient clerk, bool urgent = false)
    {
        var response = await clerk.PostAsJsonAsync("/api/legislation/bills", new
        {
            titleEn = "Law on the Senate's digital library",
            assemblyAdoptedOn = Today,
            receivedOn = Today,
            urgent,
            budget = false,
            text = Text,
        });
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    private static Task<HttpResponseMessage> StageAsync(HttpClient clerk, string id, object body) => clerk.PostAsJsonAsync($"/api/legislation/bills/{id}/stages", body);

    [Fact]
    public async Task Staff_api_is_for_the_secretariat_and_senators_only()
    {
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/legislation/bills")).StatusCode);
        var agent = await host.ClientForAsync("agent.a");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/legislation/bills")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/legislation/bills", new { text = Text })).StatusCode);
        var senator = await host.ClientForAsync("senator.n");
        Assert.Equal(HttpStatusCode.OK, (await senator.GetAsync("/api/legislation/bills")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await senator.PostAsJsonAsync("/api/legislation/bills", new { text = Text })).StatusCode);
    }

    [Fact]
    public async Task A_bill_is_tracked_stage_by_stage_and_shown_publicly()
    {
        var clerk = await host.ClientForAsync("clerk.n");
        var bill = await RegisterAsync(clerk, urgent: true);
        var id = bill.GetProperty("id").GetString()!;
        var number = bill.GetProperty("number").GetString()!;
        Assert.Equal("Urgent", bill.GetProperty("procedure").GetString());
        Assert.Equal(5, bill.GetProperty("deadline").GetProperty("daysLeft").GetInt32());
        Assert.Equal("Warning", bill.GetProperty("deadline").GetProperty("level").GetString());

        // Out of order: 409 with the stages allowed next; a bad body: 400 naming the field.
        var skip = await StageAsync(clerk, id, new { stage = "PlenaryVote", votesFor = 1, votesAgainst = 0, votesAbstaining = 0 });
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Contains("PermanentCommittee", await skip.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badStage = await clerk.PostAsync($"/api/legislation/bills/{id}/stages", new StringContent("{\"stage\":\"Nowhere\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badStage.StatusCode);
        var noCommission = await StageAsync(clerk, id, new { stage = "ReferredToCommission" });
        var problem = await JsonAsync(noCommission, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("commission", out _));

        await JsonAsync(await StageAsync(clerk, id, new { stage = "ReferredToCommission", commission = "commission-1", note = "To the first commission." }), HttpStatusCode.OK);

        // A senator comments; a comment on an article that does not exist is refused.
        var senator = await host.ClientForAsync("senator.n");
        var missing = await senator.PostAsJsonAsync($"/api/legislation/bills/{id}/comments", new { articleEId = "art_42", body = "?" });
        Assert.True((await JsonAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("articleEId", out _));
        var comment = await JsonAsync(await senator.PostAsJsonAsync($"/api/legislation/bills/{id}/comments", new { articleEId = "art_2", body = "សូមបញ្ជាក់ពីភាសាអង់គ្លេស។" }), HttpStatusCode.OK);
        var chair = await host.ClientForAsync("chair.n");
        var answer = await JsonAsync(await chair.PostAsJsonAsync($"/api/legislation/bills/{id}/comments/{comment.GetProperty("id").GetString()}/answer", new { answer = "យល់ព្រម។" }), HttpStatusCode.OK);
        Assert.Equal("commission-1", answer.GetProperty("answerBody").GetProperty("code").GetString());
        var csv = await clerk.GetAsync($"/api/legislation/bills/{id}/comments.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("សូមបញ្ជាក់ពីភាសាអង់គ្លេស។", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        // A report document attached to the commission's report.
        var report = await JsonAsync(await StageAsync(clerk, id, new { stage = "CommissionReport", note = "The commission recommends approval." }), HttpStatusCode.OK);
        var reportEvent = report.GetProperty("events").EnumerateArray().Last().GetProperty("id").GetInt64();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4\nreport"u8.ToArray()), "file", "report.pdf" },
            { new StringContent("report"), "kind" },
            { new StringContent(reportEvent.ToString(System.Globalization.CultureInfo.InvariantCulture)), "eventId" },
        };
        var doc = await JsonAsync(await clerk.PostAsync($"/api/legislation/bills/{id}/documents", form), HttpStatusCode.OK);
        Assert.Equal("application/pdf", doc.GetProperty("contentType").GetString());
        using var exe = new MultipartFormDataContent { { new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00]), "file", "report.pdf" }, { new StringContent("report"), "kind" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsync($"/api/legislation/bills/{id}/documents", exe)).StatusCode);
        using var letter = new MultipartFormDataContent { { new ByteArrayContent("Letter of the National Assembly"u8.ToArray()), "file", "letter.txt" }, { new StringContent("letter"), "kind" } };
        await JsonAsync(await clerk.PostAsync($"/api/legislation/bills/{id}/documents", letter), HttpStatusCode.OK);
        var withLetter = await JsonAsync(await clerk.GetAsync($"/api/legislation/bills/{id}"), HttpStatusCode.OK);
        Assert.Equal("letter.txt", withLetter.GetProperty("documents")[0].GetProperty("fileName").GetString());
        var download = await senator.GetAsync($"/api/legislation/bills/{id}/documents/{doc.GetProperty("id").GetString()}");
        Assert.Equal("%PDF-1.4\nreport", await download.Content.ReadAsStringAsync());

        await JsonAsync(await StageAsync(clerk, id, new { stage = "PlenaryDebate" }), HttpStatusCode.OK);
        await JsonAsync(await StageAsync(clerk, id, new { stage = "PlenaryVote", votesFor = 51, votesAgainst = 2, votesAbstaining = 1 }), HttpStatusCode.OK);
        await JsonAsync(await StageAsync(clerk, id, new { stage = "Decision", decision = "ApprovedWithoutAmendment" }), HttpStatusCode.OK);
        var twice = await StageAsync(clerk, id, new { stage = "Decision", decision = "Rejected" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // The public record: no login, no staff names, the decision and the stages.
        var anonymous = host.CreateClient();
        var parts = number.Split('/');
        var pub = await JsonAsync(await anonymous.GetAsync($"/api/public/legislation/bills/{parts[0]}/{int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)}"), HttpStatusCode.OK);
        Assert.Equal("ApprovedWithoutAmendment", pub.GetProperty("decision").GetString());
        Assert.Equal("Closed", pub.GetProperty("deadline").GetProperty("level").GetString());
        Assert.DoesNotContain("Test clerk.n", pub.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(6, pub.GetProperty("events").GetArrayLength());

        // The Atom feed carries the events.
        var feed = XDocument.Parse(await anonymous.GetStringAsync("/api/public/legislation/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value.StartsWith(number + ": Decision: approved without amendment", StringComparison.Ordinal));

        // The text: JSON, AKN XML that validates, and the HTML with a table of contents.
        var workUri = bill.GetProperty("workUri").GetString()!;
        var json = await JsonAsync(await anonymous.GetAsync("/api/public/legislation/text?uri=" + Uri.EscapeDataString(workUri)), HttpStatusCode.OK);
        Assert.Equal(3, json.GetProperty("articles").GetArrayLength());
        var xml = await anonymous.GetAsync(workUri + "/khm@");
        Assert.Equal("application/akn+xml", xml.Content.Headers.ContentType!.MediaType);
        Assert.Empty(AknSchema.Validate(await xml.Content.ReadAsStringAsync()));
        var html = await anonymous.GetStringAsync("/api/public/legislation/text.html?uri=" + Uri.EscapeDataString(workUri));
        Assert.Contains("href=\"#art_2\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/akn/kh/act/2001-01-01/nothing")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_written()
    {
        var clerk = await host.ClientForAsync("clerk.n");
        int Bills()
        {
            using var scope = host.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<LegislationDbContext>().Bills.Count();
        }

        var before = Bills();
        var noText = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/bills", new { assemblyAdoptedOn = Today, receivedOn = Today }), HttpStatusCode.BadRequest);
        Assert.True(noText.GetProperty("errors").TryGetProperty("text", out _));
        var duplicate = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/bills", new
        {
            assemblyAdoptedOn = Today, receivedOn = Today, text = "ច្បាប់\nមាត្រា ១\nក\nមាត្រា ១\nខ",
        }), HttpStatusCode.BadRequest);
        Assert.Contains("line 4", duplicate.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        var badAkn = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/bills", new
        {
            assemblyAdoptedOn = Today, receivedOn = Today,
            text = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act name=\"x\"><body/></act></akomaNtoso>",
        }), HttpStatusCode.BadRequest);
        Assert.True(badAkn.GetProperty("errors").TryGetProperty("text", out _));
        var unknownField = await clerk.PostAsync("/api/legislation/bills", new StringContent("{\"text\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(before, Bills());

        var search = await JsonAsync(await host.CreateClient().GetAsync("/api/public/legislation/search?q=&lang=fr"), HttpStatusCode.BadRequest);
        Assert.True(search.GetProperty("errors").TryGetProperty("q", out _));
        Assert.True(search.GetProperty("errors").TryGetProperty("lang", out _));
    }

    [Fact]
    public async Task A_law_with_an_amendment_is_found_as_it_stood_on_any_date()
    {
        var clerk = await host.ClientForAsync("clerk.n");
        var law = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/acts", new
        {
            text = Text, number = "NS/RKM/0101/001", date = "2010-01-01",
        }), HttpStatusCode.OK);
        var work = law.GetProperty("workUri").GetString()!;
        var amending = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/acts", new
        {
            text = "ច្បាប់ស្ដីពីវិសោធនកម្ម\nមាត្រា ១\nមាត្រា ៣ ត្រូវធ្វើវិសោធនកម្ម។", number = "NS/RKM/0101/002", date = "2015-06-01",
        }), HttpStatusCode.OK);
        var amended = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/acts/amendments?work=" + Uri.EscapeDataString(work), new
        {
            amendingWorkUri = amending.GetProperty("workUri").GetString(),
            effectiveOn = "2015-07-01",
            changes = new[] { new { articleEId = "art_3", kind = "Replace", text = "មាត្រា ៣ ថ្មី\nក្រសួងវប្បធម៌ទទួលខុសត្រូវលើការថែទាំ។" } },
        }), HttpStatusCode.OK);
        Assert.Equal(2, amended.GetProperty("versions").GetArrayLength());

        var anonymous = host.CreateClient();
        var in2012 = await JsonAsync(await anonymous.GetAsync($"/api/public/legislation/text?uri={Uri.EscapeDataString(work)}&date=2012-01-01"), HttpStatusCode.OK);
        var now = await JsonAsync(await anonymous.GetAsync($"/api/public/legislation/text?uri={Uri.EscapeDataString(work)}"), HttpStatusCode.OK);
        Assert.Contains("អគ្គលេខាធិការដ្ឋាន", in2012.GetProperty("articles")[2].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("ក្រសួងវប្បធម៌", now.GetProperty("articles")[2].GetProperty("text").GetString(), StringComparison.Ordinal);
        var compare = await JsonAsync(await anonymous.GetAsync(
            $"/api/public/legislation/compare?from={Uri.EscapeDataString(in2012.GetProperty("expressionUri").GetString()!)}&to={Uri.EscapeDataString(now.GetProperty("expressionUri").GetString()!)}"), HttpStatusCode.OK);
        Assert.Equal(
            new (string?, string?)[] { ("art_1", "Unchanged"), ("art_2", "Unchanged"), ("art_3", "Changed") },
            compare.GetProperty("articles").EnumerateArray().Select(a => (a.GetProperty("eId").GetString(), a.GetProperty("status").GetString())));
        Assert.Equal(1, compare.GetProperty("summary").GetProperty("changed").GetInt32());
        var changed = compare.GetProperty("articles")[2].GetProperty("diff").EnumerateArray().ToList();
        Assert.Contains(changed, d => d.GetProperty("operation").GetString() == "Inserted" && d.GetProperty("text").GetString()!.Contains("ក្រសួង", StringComparison.Ordinal));

        // Search finds a word inside running Khmer text once the index has followed the change.
        JsonElement hits = default;
        for (var i = 0; i < 100; i++)
        {
            hits = await JsonAsync(await anonymous.GetAsync("/api/public/legislation/search?q=" + Uri.EscapeDataString("វប្បធម៌")), HttpStatusCode.OK);
            if (hits.GetProperty("total").GetInt32() > 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Contains(hits.GetProperty("hits").EnumerateArray(), h => h.GetProperty("expressionUri").GetString()!.StartsWith(work, StringComparison.Ordinal));
        var old = await JsonAsync(await anonymous.GetAsync("/api/public/legislation/search?date=2012-01-01&q=" + Uri.EscapeDataString("វប្បធម៌")), HttpStatusCode.OK);
        Assert.DoesNotContain(old.GetProperty("hits").EnumerateArray(), h => h.GetProperty("expressionUri").GetString()!.StartsWith(work, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_is_documented_under_its_tags()
    {
        var doc = await host.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/legislation/bills/{id}/stages\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"/api/public/legislation/search\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"Legislation\"", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_senate_composition_is_public_and_kept_by_the_secretariat_with_every_change_audited()
    {
        var anonymous = host.CreateClient();
        var senators = await JsonAsync(await anonymous.GetAsync("/api/public/legislation/senators"), HttpStatusCode.OK);
        Assert.Equal(62, senators.GetArrayLength());
        Assert.Equal(58, senators.EnumerateArray().Count(s => s.GetProperty("seat").GetString() == "Elected"));
        async Task<JsonElement> CommissionAsync() =>
            (await JsonAsync(await anonymous.GetAsync("/api/public/legislation/bodies"), HttpStatusCode.OK)).EnumerateArray()
                .Single(b => b.GetProperty("code").GetString() == "commission-9");
        static string Role(JsonElement member) => member.GetProperty("role").GetString()!;
        var commission = await CommissionAsync();
        var bodyId = commission.GetProperty("id").GetString()!;
        var members = commission.GetProperty("members").EnumerateArray().ToList();
        var chair = members.Single(m => Role(m) == "Chair").GetProperty("senatorId").GetString()!;
        var inBody = members.Select(m => m.GetProperty("senatorId").GetString()).ToHashSet();
        var outsider = senators.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).First(id => !inBody.Contains(id));
        var yesterday = DateTime.UtcNow.AddHours(7).AddDays(-1).ToString("yyyy-MM-dd");

        // Only the secretariat changes the composition.
        var senator = await host.ClientForAsync("senator.n");
        Assert.Equal(HttpStatusCode.Forbidden, (await senator.PostAsJsonAsync("/api/legislation/bodies/commission-9/members", new { senatorId = outsider, role = "Chair" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/legislation/bodies/commission-9/members/end", new { senatorId = chair, endsOn = yesterday })).StatusCode);

        // Bad input names the field and changes nothing.
        var clerk = await host.ClientForAsync("clerk.n");
        var before = (await host.AuditForAsync(bodyId)).Count;
        async Task<JsonElement> ProblemAsync(string path, object body) =>
            await JsonAsync(await clerk.PostAsJsonAsync(path, body), HttpStatusCode.BadRequest);
        Assert.True((await ProblemAsync("/api/legislation/bodies/commission-9/members", new { senatorId = outsider, role = "Chair" })).GetProperty("errors").TryGetProperty("role", out _));
        Assert.True((await ProblemAsync("/api/legislation/bodies/commission-9/members", new { senatorId = Guid.NewGuid(), role = "Member" })).GetProperty("errors").TryGetProperty("senatorId", out _));
        Assert.True((await ProblemAsync("/api/legislation/bodies/commission-9/members/end", new { senatorId = outsider, endsOn = yesterday })).GetProperty("errors").TryGetProperty("senatorId", out _));
        Assert.True((await ProblemAsync("/api/legislation/bodies/commission-9/members/end", new { senatorId = chair, endsOn = "2999-01-01" })).GetProperty("errors").TryGetProperty("endsOn", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync("/api/legislation/bodies/commission-99/members", new { senatorId = outsider, role = "Member" })).StatusCode);
        Assert.Equal(chair, (await CommissionAsync()).GetProperty("members").EnumerateArray().Single(m => Role(m) == "Chair").GetProperty("senatorId").GetString());
        Assert.Equal(before, (await host.AuditForAsync(bodyId)).Count);

        // The chair steps down and another senator takes the chair: the public list follows, the audit has both.
        await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/bodies/commission-9/members/end", new { senatorId = chair, endsOn = yesterday }), HttpStatusCode.OK);
        var changed = await JsonAsync(await clerk.PostAsJsonAsync("/api/legislation/bodies/commission-9/members", new { senatorId = outsider, role = "Chair" }), HttpStatusCode.OK);
        Assert.Equal(outsider, changed.GetProperty("members").EnumerateArray().Single(m => Role(m) == "Chair").GetProperty("senatorId").GetString());
        var now = (await CommissionAsync()).GetProperty("members").EnumerateArray().ToList();
        Assert.DoesNotContain(now, m => m.GetProperty("senatorId").GetString() == chair);
        Assert.Equal(outsider, now.Single(m => Role(m) == "Chair").GetProperty("senatorId").GetString());
        Assert.Contains("commission-9 (Chair)", (await JsonAsync(await anonymous.GetAsync("/api/public/legislation/senators"), HttpStatusCode.OK)).EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == outsider).GetProperty("bodies").EnumerateArray().Select(b => b.GetString()));
        var audit = (await host.AuditForAsync(bodyId)).Skip(before).ToList();
        Assert.Equal(["legislation.body.end-member", "legislation.body.add-member"], audit.Select(a => a.Action));
        Assert.Contains(chair, audit[0].Details, StringComparison.Ordinal);
        Assert.Contains(outsider, audit[1].Details, StringComparison.Ordinal);
        Assert.Contains("\"Chair\"", audit[1].Details, StringComparison.Ordinal);
        Assert.All(audit, a => Assert.Equal("senate composition", a.Purpose));
    }
}
