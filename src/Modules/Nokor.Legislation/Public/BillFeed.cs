using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;

namespace Nokor.Legislation.Public;

/// <summary>An Atom 1.0 feed (RFC 4287) of the latest bill events, for citizens, journalists and other parliaments.</summary>
internal sealed class BillFeed(LegislationDbContext db)
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public async Task<string> WriteAsync(string baseUrl, int count, CancellationToken ct)
    {
        var rows = await (from e in db.BillEvents.AsNoTracking()
                          join b in db.Bills on e.BillId equals b.Id
                          orderby e.Id descending
                          select new { e.Id, e.Stage, e.Round, e.OccurredOn, e.RecordedAt, e.Note, e.Decision, b.Number, b.TitleKm, b.TitleEn })
            .Take(count).ToListAsync(ct);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true };
        var output = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriterUtf8(output), settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("feed", AtomNamespace);
            w.WriteElementString("id", AtomNamespace, baseUrl + "/api/public/legislation/feed.atom");
            w.WriteElementString("title", AtomNamespace, "ព្រឹទ្ធសភា — ដំណើរការច្បាប់ / Senate of Cambodia — bill events");
            w.WriteElementString("updated", AtomNamespace, Stamp(rows.Count > 0 ? rows[0].RecordedAt : DateTimeOffset.UnixEpoch));
            w.WriteStartElement("author", AtomNamespace);
            w.WriteElementString("name", AtomNamespace, "Secretariat General of the Senate");
            w.WriteEndElement();
            Link(w, "self", baseUrl + "/api/public/legislation/feed.atom", "application/atom+xml");
            foreach (var r in rows)
            {
                var page = $"{baseUrl}/senate/bills/{r.Number}";
                w.WriteStartElement("entry", AtomNamespace);
                w.WriteElementString("id", AtomNamespace, $"{baseUrl}/senate/bills/{r.Number}#event-{r.Id.ToString(CultureInfo.InvariantCulture)}");
                w.WriteElementString("title", AtomNamespace, $"{r.Number}: {StageText(r.Stage, r.Decision)} — {r.TitleKm}");
                w.WriteElementString("updated", AtomNamespace, Stamp(r.RecordedAt));
                Link(w, "alternate", page, "text/html");
                w.WriteStartElement("summary", AtomNamespace);
                w.WriteAttributeString("type", "text");
                w.WriteString($"{r.OccurredOn:yyyy-MM-dd} · round {r.Round} · {StageText(r.Stage, r.Decision)}" +
                    (r.TitleEn is null ? "" : $" · {r.TitleEn}") + (r.Note is null ? "" : $" · {r.Note}"));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return output.ToString();
    }

    public static string StageText(BillStage stage, BillDecision? decision) => decision is { } d && stage == BillStage.Decision
        ? d switch
        {
            BillDecision.ApprovedWithoutAmendment => "Decision: approved without amendment",
            BillDecision.ApprovedWithAmendments => "Decision: approved with proposed amendments",
            _ => "Decision: rejected",
        }
        : stage switch
        {
            BillStage.Received => "Received from the National Assembly",
            BillStage.PermanentCommittee => "Permanent Committee",
            BillStage.ReferredToCommission => "Referred to a commission",
            BillStage.CommissionReview => "Commission review",
            BillStage.CommissionReport => "Commission report adopted",
            BillStage.PlenaryDebate => "Plenary debate",
            BillStage.PlenaryVote => "Plenary vote",
            BillStage.ReturnedToAssembly => "Returned to the National Assembly",
            BillStage.AssemblySecondReading => "Second reading in the National Assembly",
            BillStage.Promulgated => "Promulgated by the King",
            BillStage.Published => "Published in the official gazette",
            _ => stage.ToString(),
        };

    private static string Stamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter w, string rel, string href, string type)
    {
        w.WriteStartElement("link", AtomNamespace);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }

    public static void MapPublic(RouteGroupBuilder publicGroup) =>
        publicGroup.MapGet("/feed.atom", async (HttpContext http, BillFeed feed, CancellationToken ct) =>
                Results.Content(await feed.WriteAsync($"{http.Request.Scheme}://{http.Request.Host}", 50, ct), "application/atom+xml; charset=utf-8"))
            .WithName("BillFeed")
            .WithSummary("Atom feed of the latest 50 bill events");

    private sealed class StringWriterUtf8(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
