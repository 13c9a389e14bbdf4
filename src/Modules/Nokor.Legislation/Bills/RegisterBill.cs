using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Texts;
using Nokor.Platform.Audit;
using Nokor.Platform.Hosting;
using Nokor.Platform.Khmer;

namespace Nokor.Legislation.Bills;

/// <summary>
/// Registers a law received from the National Assembly with its text (E-Senate master plan VI.5,
/// Priority Objective 2, Activity 1 B.3): the bill takes the next number of its year, and the
/// review period of Article 113 starts on the day of receipt.
/// </summary>
internal static class RegisterBill
{
    public static async Task<Outcome<BillView>> HandleAsync(
        RegisterBillRequest request,
        Actor actor,
        LegislationDbContext db,
        BillRecords records,
        IAuditLog audit,
        TimeProvider clock,
        LegislationOptions options,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = records.Today;
        var titleKm = CleanTitle(request.TitleKm, "titleKm", errors, required: false);
        var titleEn = CleanTitle(request.TitleEn, "titleEn", errors, required: false);
        if (request.AssemblyAdoptedOn is not { } adopted)
        {
            errors.Add("assemblyAdoptedOn", "The day the National Assembly adopted the law is required.");
        }
        else if (adopted > today)
        {
            errors.Add("assemblyAdoptedOn", "The adoption date is in the future.");
        }

        if (request.ReceivedOn is not { } received)
        {
            errors.Add("receivedOn", "The day the Senate received the law is required.");
        }
        else if (received > today)
        {
            errors.Add("receivedOn", "The receipt date is in the future.");
        }
        else if (request.AssemblyAdoptedOn is { } a && received < a)
        {
            errors.Add("receivedOn", "The Senate cannot receive a law before the National Assembly adopted it.");
        }

        if (errors.Any)
        {
            return Outcome<BillView>.Invalid(errors);
        }

        // The work is named before the number is taken, with a placeholder number, so that a text
        // that does not parse takes no number.
        var probeWork = new AknWork(AknDocType.Bill, request.AssemblyAdoptedOn!.Value, "0");
        var parsed = TextStore.Parse("text", request.Text, probeWork, "khm", null, options);
        if (!parsed.IsOk)
        {
            return Outcome<BillView>.Invalid(parsed.Errors);
        }

        Outcome<LegalText>? english = null;
        if (!string.IsNullOrWhiteSpace(request.TextEn))
        {
            english = TextStore.Parse("textEn", request.TextEn, probeWork, "eng", null, options);
            if (!english.IsOk)
            {
                return Outcome<BillView>.Invalid(english.Errors);
            }
        }

        titleKm ??= parsed.Value!.Title;
        if (!KhmerText.ContainsKhmer(titleKm))
        {
            return Outcome<BillView>.Invalid("titleKm", "The Khmer title is required (the law's original language is Khmer).");
        }

        // The stored size is checked on the placeholder work too, so that a text too large to
        // store takes no number either (the real number adds a few characters at most).
        var probes = new[] { ("text", parsed.Value! with { Title = titleKm }, false), ("textEn", english?.Value, true) };
        foreach (var (field, probe, bySenate) in probes)
        {
            if (probe is not null && TextStore.Check(options, field, probe, TextStore.BillMeta(probeWork, bySenate)) is { IsOk: false } tooLarge)
            {
                return Outcome<BillView>.Invalid(tooLarge.Errors);
            }
        }

        var receivedOn = request.ReceivedOn!.Value;
        var sequence = await NextSequenceAsync(db, receivedOn.Year, ct);
        var work = new AknWork(AknDocType.Bill, request.AssemblyAdoptedOn!.Value, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var now = clock.GetUtcNow();
        var bill = new BillEntity
        {
            Id = Guid.NewGuid(),
            Number = $"{receivedOn.Year:D4}/{sequence:D4}",
            WorkUri = AknFormats.WorkUri(work),
            TitleKm = titleKm,
            TitleEn = titleEn ?? english?.Value?.Title,
            IsUrgent = request.Urgent,
            IsBudget = request.Budget,
            AssemblyAdoptedOn = work.Date,
            ReceivedOn = receivedOn,
            DeadlineOn = ReviewDeadlines.DeadlineFor(receivedOn, request.Urgent, request.Budget, options),
            Round = 1,
            Stage = BillStage.Received,
            CreatedAt = now,
            CreatedBy = actor.Id,
            Revision = 1,
        };
        var added = TextStore.Add(db, options, "text", parsed.Value! with { Work = work, Title = titleKm }, work.Date, "As adopted by the National Assembly", null, bill.Id, actor, now, TextStore.BillMeta(work, bySenate: false));
        if (!added.IsOk)
        {
            return Outcome<BillView>.Invalid(added.Errors);
        }

        var text = added.Value!;
        if (english?.Value is { } en
            && TextStore.Add(db, options, "textEn", en with { Work = work }, work.Date, "English translation", null, bill.Id, actor, now, TextStore.BillMeta(work, bySenate: true)) is { IsOk: false } refused)
        {
            return Outcome<BillView>.Invalid(refused.Errors);
        }

        bill.CurrentTextId = text.Id;
        db.Bills.Add(bill);
        db.BillEvents.Add(await records.NewEventAsync(bill, BillStage.Received, receivedOn, "Received from the National Assembly.", actor, now, text.Id, ct));
        await audit.AppendAsync(new AuditEvent(actor, "legislation.bill.register", "bill", bill.Id.ToString("D"), "bill tracking",
            AuditDetails.Of(new { bill.Number, bill.WorkUri, bill.DeadlineOn })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<BillView>.Ok((await records.GetAsync(bill.Id, ct))!);
    }

    private static async Task<int> NextSequenceAsync(LegislationDbContext db, int year, CancellationToken ct)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO leg_bill_counters ("Year", "Last") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = leg_bill_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return next[0];
    }

    private static string? CleanTitle(string? title, string field, FieldErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            if (required)
            {
                errors.Add(field, "The title is required.");
            }

            return null;
        }

        var clean = KhmerText.Normalize(title);
        if (clean.Length > 1000)
        {
            errors.Add(field, "The title is longer than 1,000 characters.");
            return null;
        }

        if (clean.Any(char.IsControl))
        {
            errors.Add(field, "The title contains control characters.");
            return null;
        }

        return clean;
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/bills", async (RegisterBillRequest request, HttpContext http, LegislationDbContext db, BillRecords records, IAuditLog audit, TimeProvider clock, IOptions<LegislationOptions> options, CancellationToken ct) =>
                (await HandleAsync(request, http.Actor(), db, records, audit, clock, options.Value, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .WithName("RegisterBill")
            .WithSummary("Register a law received from the National Assembly, with its text")
            .WithDescription("The text is structured plain text (chapters, sections, articles and paragraphs numbered in Khmer or Arabic numerals) or Akoma Ntoso 3.0 XML. The review period of Article 113 starts on the day of receipt.");
}
