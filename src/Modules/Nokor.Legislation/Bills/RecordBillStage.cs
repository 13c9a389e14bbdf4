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
/// Records the next stage of a bill, dated and attributed (E-Senate master plan VI.5, Priority
/// Objective 2, Activity 1 B.4), in the order of Article 113 (<see cref="BillProcedure"/>); a stage
/// may carry a new version of the text. Promulgation enters the law in the legal database here.
/// </summary>
internal static class RecordBillStage
{
    private const int MaxSenators = 62;

    public static async Task<Outcome<BillView>> HandleAsync(
        Guid billId,
        RecordStageRequest request,
        int? expectedRevision,
        Actor actor,
        LegislationDbContext db,
        BillRecords records,
        IAuditLog audit,
        TimeProvider clock,
        LegislationOptions options,
        CancellationToken ct)
    {
        var bill = await db.Bills.FirstOrDefaultAsync(b => b.Id == billId, ct);
        if (bill is null)
        {
            return Outcome<BillView>.NotFound("No such bill.");
        }

        if (expectedRevision is { } rev && rev != bill.Revision)
        {
            return Outcome<BillView>.Conflict("The bill changed since you loaded it; reload and try again.");
        }

        var errors = new FieldErrors();
        if (request.Stage is not { } stage || !Enum.IsDefined(stage))
        {
            errors.Add("stage", "The stage is required.");
            return Outcome<BillView>.Invalid(errors);
        }

        var today = records.Today;
        var occurredOn = request.OccurredOn ?? today;
        var lastEvent = await db.BillEvents.Where(e => e.BillId == bill.Id).OrderByDescending(e => e.Id).FirstAsync(ct);
        if (occurredOn > today)
        {
            errors.Add("occurredOn", "The date is in the future.");
        }
        else if (occurredOn < lastEvent.OccurredOn)
        {
            errors.Add("occurredOn", $"The date is before the previous stage ({lastEvent.OccurredOn:yyyy-MM-dd}).");
        }

        var note = request.Note?.Trim();
        if (note is { Length: > 4000 })
        {
            errors.Add("note", "The note is longer than 4,000 characters.");
        }
        else if (!string.IsNullOrEmpty(note))
        {
            note = KhmerText.Normalize(note);
        }

        if (stage == BillStage.Decision && bill.Decision is not null && bill.Stage >= BillStage.Decision)
        {
            return Outcome<BillView>.Conflict($"The Senate's decision in round {bill.Round} is already recorded ({bill.Decision}).");
        }

        var periodPassed = occurredOn > bill.DeadlineOn;
        var allowed = BillProcedure.NextStages(bill.Stage, bill.Decision, periodPassed);
        if (!allowed.Contains(stage))
        {
            var list = allowed.Count == 0 ? "none: the procedure is complete" : string.Join(", ", allowed);
            return Outcome<BillView>.Conflict($"A bill at stage {bill.Stage} cannot go to {stage}. Next stages allowed: {list}.");
        }

        BodyEntity? body = null;
        if (stage == BillStage.ReferredToCommission)
        {
            var code = request.Commission?.Trim();
            body = string.IsNullOrEmpty(code)
                ? null
                : await db.Bodies.Where(b => b.Code == code && b.Kind == BodyKind.Commission).OrderByDescending(b => b.Legislature).FirstOrDefaultAsync(ct);
            if (body is null)
            {
                errors.Add("commission", string.IsNullOrEmpty(code) ? "Name the commission the law is referred to." : $"There is no commission '{code}'.");
            }
        }
        else if (stage is BillStage.CommissionReview or BillStage.CommissionReport && bill.CommissionId is { } commissionId)
        {
            body = await db.Bodies.FirstOrDefaultAsync(b => b.Id == commissionId, ct);
        }
        else if (stage == BillStage.PermanentCommittee)
        {
            body = await db.Bodies.Where(b => b.Kind == BodyKind.PermanentCommittee).OrderByDescending(b => b.Legislature).FirstOrDefaultAsync(ct);
        }

        if (stage == BillStage.PlenaryVote)
        {
            CheckVote(request, errors);
        }

        if (stage == BillStage.Decision)
        {
            if (request.Decision is not { } decision || !Enum.IsDefined(decision))
            {
                errors.Add("decision", "The decision is required: ApprovedWithoutAmendment, ApprovedWithAmendments or Rejected.");
            }
            else if (decision == BillDecision.ApprovedWithAmendments && string.IsNullOrWhiteSpace(request.Text)
                     && !await HasVersionInRoundAsync(db, bill, ct))
            {
                errors.Add("text", "Approval with amendments needs the text with the Senate's proposed amendments (here or in the commission's report).");
            }
            else if (decision != BillDecision.ApprovedWithAmendments && !string.IsNullOrWhiteSpace(request.Text))
            {
                errors.Add("text", "Only an approval with amendments comes with a new text; this decision leaves the Assembly's text as it is.");
            }
        }

        if (stage == BillStage.Received && request.ReceivedOn is null)
        {
            errors.Add("receivedOn", "A new round needs the day the Senate received the law again.");
        }
        else if (stage == BillStage.Received && request.ReceivedOn is { } again && (again > today || again < lastEvent.OccurredOn))
        {
            errors.Add("receivedOn", "The day of receipt must be between the previous stage and today.");
        }

        string? lawNumber = null;
        if (stage == BillStage.Promulgated)
        {
            lawNumber = LawNumbers.Slug(request.LawNumber);
            if (lawNumber is null)
            {
                errors.Add("lawNumber", "The number of the royal kram (e.g. NS/RKM/0524/012) is required: letters, digits, '/', '-' or '.'.");
            }
        }

        if (stage == BillStage.Published && string.IsNullOrWhiteSpace(request.GazetteReference))
        {
            errors.Add("gazetteReference", "The official gazette's number is required.");
        }

        if (errors.Any)
        {
            return Outcome<BillView>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        TextEntity? newText = null;
        LegalText? englishVersion = null;
        var carriesText = stage != BillStage.Promulgated && stage != BillStage.Published;
        if (!string.IsNullOrWhiteSpace(request.TextEn) && (!carriesText || string.IsNullOrWhiteSpace(request.Text)))
        {
            return Outcome<BillView>.Invalid("textEn", "An English translation goes with the new Khmer version it translates; give the Khmer text too.");
        }

        if (!string.IsNullOrWhiteSpace(request.Text) && carriesText)
        {
            var work = FrbrUri.Parse(bill.WorkUri).Work;
            var expressionUri = AknFormats.ExpressionUri(work, "khm", occurredOn);
            if (await TextStore.ExpressionExistsAsync(db, expressionUri, ct))
            {
                return Outcome<BillView>.Conflict($"A version of this bill dated {occurredOn:yyyy-MM-dd} already exists; one version per day.");
            }

            var parsed = TextStore.Parse("text", request.Text, work, "khm", occurredOn, options);
            if (!parsed.IsOk)
            {
                return Outcome<BillView>.Invalid(parsed.Errors);
            }

            if (!string.IsNullOrWhiteSpace(request.TextEn))
            {
                var english = TextStore.Parse("textEn", request.TextEn, work, "eng", occurredOn, options);
                if (!english.IsOk)
                {
                    return Outcome<BillView>.Invalid(english.Errors);
                }

                englishVersion = english.Value;
            }

            var bySenate = stage is BillStage.CommissionReport or BillStage.Decision;
            var added = TextStore.Add(db, options, "text", parsed.Value!, occurredOn, VersionLabel(stage, request.Decision), null, bill.Id, actor, now, TextStore.BillMeta(work, bySenate));
            if (!added.IsOk)
            {
                return Outcome<BillView>.Invalid(added.Errors);
            }

            newText = added.Value!;
            bill.CurrentTextId = newText.Id;
            if (englishVersion is not null
                && TextStore.Add(db, options, "textEn", englishVersion, occurredOn, "English translation", null, bill.Id, actor, now, TextStore.BillMeta(work, bySenate: true)) is { IsOk: false } refused)
            {
                return Outcome<BillView>.Invalid(refused.Errors);
            }
        }

        ActEntity? act = null;
        switch (stage)
        {
            case BillStage.ReferredToCommission:
                bill.CommissionId = body!.Id;
                break;
            case BillStage.Decision:
                bill.Decision = request.Decision;
                bill.DecidedOn = occurredOn;
                if (request.Decision != BillDecision.ApprovedWithAmendments && newText is null)
                {
                    // The plenary did not take up the commission's proposals: the text before the
                    // Senate is again the one the Assembly sent in this round.
                    bill.CurrentTextId = await RoundTextIdAsync(db, bill, ct) ?? bill.CurrentTextId;
                }

                break;
            case BillStage.Received:
                // The Assembly sends the law back: a new round with a new period.
                bill.Round++;
                bill.Decision = null;
                bill.DecidedOn = null;
                bill.ReceivedOn = request.ReceivedOn!.Value;
                bill.DeadlineOn = ReviewDeadlines.DeadlineFor(bill.ReceivedOn, bill.IsUrgent, bill.IsBudget, options);
                break;
            case BillStage.Promulgated:
                if (bill.Decision != BillDecision.ApprovedWithAmendments)
                {
                    // Without the Senate's amendments (its period passed, or it approved as is) the
                    // law is the text the Assembly sent, not a commission's proposal.
                    bill.CurrentTextId = await RoundTextIdAsync(db, bill, ct) ?? bill.CurrentTextId;
                }

                var promulgated = await PromulgateAsync(db, options, bill, lawNumber!, occurredOn, actor, now, ct);
                if (promulgated.Kind == OutcomeKind.Invalid)
                {
                    return Outcome<BillView>.Invalid(promulgated.Errors);
                }

                if (!promulgated.IsOk)
                {
                    return Outcome<BillView>.Conflict(promulgated.Message ?? "The law could not be entered in the legal database.");
                }

                act = promulgated.Value;
                bill.ActId = act!.Id;
                break;
            case BillStage.Published:
                act = await db.Acts.FirstAsync(a => a.Id == bill.ActId, ct);
                act.PublishedOn = occurredOn;
                act.GazetteReference = request.GazetteReference!.Trim();
                break;
        }

        bill.Stage = stage;
        bill.Revision++;
        // A new round without a new text: the Assembly sent the text the Senate last had.
        var eventText = newText?.Id ?? (stage == BillStage.Received ? bill.CurrentTextId : null);
        var ev = await records.NewEventAsync(bill, stage, occurredOn, note, actor, now, eventText, ct);
        ev.BodyId = body?.Id;
        ev.Decision = stage == BillStage.Decision ? request.Decision : null;
        if (stage == BillStage.PlenaryVote)
        {
            (ev.VotesFor, ev.VotesAgainst, ev.VotesAbstaining) = (request.VotesFor, request.VotesAgainst, request.VotesAbstaining);
        }

        db.BillEvents.Add(ev);
        await audit.AppendAsync(new AuditEvent(actor, "legislation.bill.stage", "bill", bill.Id.ToString("D"), "bill tracking",
            AuditDetails.Of(new { bill.Number, stage = stage.ToString(), occurredOn, bill.Round, decision = ev.Decision?.ToString(), act = act?.WorkUri })), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<BillView>.Conflict("Someone else recorded a stage of this bill at the same time; reload and try again.");
        }

        return Outcome<BillView>.Ok((await records.GetAsync(bill.Id, ct))!);
    }

    private static void CheckVote(RecordStageRequest request, FieldErrors errors)
    {
        var votes = new[] { ("votesFor", request.VotesFor), ("votesAgainst", request.VotesAgainst), ("votesAbstaining", request.VotesAbstaining) };
        foreach (var (field, value) in votes)
        {
            if (value is null)
            {
                errors.Add(field, "The count is required for a plenary vote.");
            }
            else if (value < 0)
            {
                errors.Add(field, "A count cannot be negative.");
            }
        }

        if (votes.Sum(v => v.Item2 ?? 0) > MaxSenators)
        {
            errors.Add("votesFor", $"More votes than the Senate's {MaxSenators} seats.");
        }
    }

    /// <summary>The text the Assembly sent in the bill's current round (null for a round recorded before rounds kept it).</summary>
    private static async Task<Guid?> RoundTextIdAsync(LegislationDbContext db, BillEntity bill, CancellationToken ct) =>
        await db.BillEvents.Where(e => e.BillId == bill.Id && e.Round == bill.Round && e.Stage == BillStage.Received && e.TextId != null)
            .Select(e => e.TextId).FirstOrDefaultAsync(ct);

    private static async Task<bool> HasVersionInRoundAsync(LegislationDbContext db, BillEntity bill, CancellationToken ct) =>
        await db.BillEvents.AnyAsync(e => e.BillId == bill.Id && e.Round == bill.Round && e.TextId != null && e.Stage != BillStage.Received, ct);

    private static string VersionLabel(BillStage stage, BillDecision? decision) => stage switch
    {
        BillStage.CommissionReport => "As proposed by the commission",
        BillStage.Decision when decision == BillDecision.ApprovedWithAmendments => "With the Senate's proposed amendments",
        BillStage.AssemblySecondReading => "As adopted by the National Assembly on second reading",
        BillStage.Received => "As sent again by the National Assembly",
        _ => $"Version of stage {stage}",
    };

    /// <summary>
    /// The promulgated law enters the legal database as an act, its text the bill's current
    /// version (Khmer, and the English translation of that version when there is one).
    /// </summary>
    private static async Task<Outcome<ActEntity>> PromulgateAsync(LegislationDbContext db, LegislationOptions options, BillEntity bill, string lawNumber, DateOnly promulgatedOn, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var work = new AknWork(AknDocType.Act, promulgatedOn, lawNumber);
        var workUri = AknFormats.WorkUri(work);
        if (await db.Acts.AnyAsync(a => a.WorkUri == workUri, ct))
        {
            return Outcome<ActEntity>.Conflict($"The legal database already holds {workUri}.");
        }

        var current = await db.Texts.FirstAsync(t => t.Id == bill.CurrentTextId, ct);
        var act = new ActEntity
        {
            Id = Guid.NewGuid(),
            WorkUri = workUri,
            Number = lawNumber,
            Date = promulgatedOn,
            TitleKm = bill.TitleKm,
            TitleEn = bill.TitleEn,
            PromulgatedOn = promulgatedOn,
            BillId = bill.Id,
            CreatedAt = now,
            CreatedBy = actor.Id,
        };
        db.Acts.Add(act);
        if (TextStore.LoadOrNull(current) is not { } text)
        {
            return Outcome<ActEntity>.Conflict(TextStore.Unreadable(current));
        }

        var added = TextStore.Add(db, options, "text", text with { Work = work, VersionDate = null, Language = "khm" }, promulgatedOn, "As promulgated", act.Id, null, actor, now,
            await TextStore.ActMetaAsync(db, act, null, "khm", [], ct));
        if (!added.IsOk)
        {
            return Outcome<ActEntity>.Invalid(added.Errors);
        }

        // Only a translation of the version promulgated goes with the law: an English text of an
        // earlier version (the Senate amended the Khmer after it) would say something else.
        var english = await db.Texts.FirstOrDefaultAsync(t => t.BillId == bill.Id && t.Language == "eng" && t.VersionDate == current.VersionDate, ct);
        if (english is not null)
        {
            if (TextStore.LoadOrNull(english) is not { } translation)
            {
                return Outcome<ActEntity>.Conflict(TextStore.Unreadable(english));
            }

            if (TextStore.Add(db, options, "textEn", translation with { Work = work, VersionDate = null }, promulgatedOn, "English translation", act.Id, null, actor, now,
                    await TextStore.ActMetaAsync(db, act, null, "eng", [], ct)) is { IsOk: false } refused)
            {
                return Outcome<ActEntity>.Invalid(refused.Errors);
            }
        }

        return Outcome<ActEntity>.Ok(act);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/bills/{id:guid}/stages", async (Guid id, RecordStageRequest request, HttpContext http, LegislationDbContext db, BillRecords records, IAuditLog audit, TimeProvider clock, IOptions<LegislationOptions> options, CancellationToken ct) =>
                (await HandleAsync(id, request, null, http.Actor(), db, records, audit, clock, options.Value, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .WithName("RecordBillStage")
            .WithSummary("Record the next stage of a bill (dated and attributed)")
            .WithDescription("Stages follow Article 113: a stage out of order, or a second decision in the same round, is refused with 409 and the stages allowed next.");
}
