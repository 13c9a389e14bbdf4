using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Akn;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Legislation.Texts;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Bills;

/// <summary>
/// The bill tracking system (E-Senate master plan VI.5, Priority Objective 2, Activity 1 B.3-4):
/// laws received from the National Assembly, their review period (Article 113), each stage dated
/// and attributed with its documents, and every version of the text as Akoma Ntoso.
/// </summary>
internal sealed class BillService(
    LegislationDbContext db,
    IAuditLog audit,
    IBlobStore blobs,
    StaffDirectory staff,
    TimeProvider clock,
    IOptions<LegislationOptions> options)
{
    public const int MaxDocumentBytes = 20 * 1024 * 1024;
    private const int MaxSenators = 62;
    private LegislationOptions Options => options.Value;

    public DateOnly Today => CambodiaTime.Today(clock);

    public async Task<Outcome<BillView>> RegisterAsync(RegisterBillRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = Today;
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
        var parsed = TextStore.Parse("text", request.Text, probeWork, "khm", null, Options);
        if (!parsed.IsOk)
        {
            return Outcome<BillView>.Invalid(parsed.Errors);
        }

        Outcome<LegalText>? english = null;
        if (!string.IsNullOrWhiteSpace(request.TextEn))
        {
            english = TextStore.Parse("textEn", request.TextEn, probeWork, "eng", null, Options);
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
            if (probe is not null && TextStore.Check(Options, field, probe, TextStore.BillMeta(probeWork, bySenate)) is { IsOk: false } tooLarge)
            {
                return Outcome<BillView>.Invalid(tooLarge.Errors);
            }
        }

        var receivedOn = request.ReceivedOn!.Value;
        var sequence = await NextSequenceAsync(receivedOn.Year, ct);
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
            DeadlineOn = ReviewDeadlines.DeadlineFor(receivedOn, request.Urgent, request.Budget, Options),
            Round = 1,
            Stage = BillStage.Received,
            CreatedAt = now,
            CreatedBy = actor.Id,
            Revision = 1,
        };
        var added = TextStore.Add(db, Options, "text", parsed.Value! with { Work = work, Title = titleKm }, work.Date, "As adopted by the National Assembly", null, bill.Id, actor, now, TextStore.BillMeta(work, bySenate: false));
        if (!added.IsOk)
        {
            return Outcome<BillView>.Invalid(added.Errors);
        }

        var text = added.Value!;
        if (english?.Value is { } en
            && TextStore.Add(db, Options, "textEn", en with { Work = work }, work.Date, "English translation", null, bill.Id, actor, now, TextStore.BillMeta(work, bySenate: true)) is { IsOk: false } refused)
        {
            return Outcome<BillView>.Invalid(refused.Errors);
        }

        bill.CurrentTextId = text.Id;
        db.Bills.Add(bill);
        db.BillEvents.Add(await NewEventAsync(bill, BillStage.Received, receivedOn, "Received from the National Assembly.", actor, now, text.Id, ct));
        await audit.AppendAsync(new AuditEvent(actor, "legislation.bill.register", "bill", bill.Id.ToString("D"), "bill tracking",
            JsonSerializer.Serialize(new { bill.Number, bill.WorkUri, bill.DeadlineOn })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<BillView>.Ok((await GetAsync(bill.Id, ct))!);
    }

    public async Task<Outcome<BillView>> RecordStageAsync(Guid billId, RecordStageRequest request, int? expectedRevision, Actor actor, CancellationToken ct)
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

        var today = Today;
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
                     && !await HasVersionInRoundAsync(bill, ct))
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

            var parsed = TextStore.Parse("text", request.Text, work, "khm", occurredOn, Options);
            if (!parsed.IsOk)
            {
                return Outcome<BillView>.Invalid(parsed.Errors);
            }

            if (!string.IsNullOrWhiteSpace(request.TextEn))
            {
                var english = TextStore.Parse("textEn", request.TextEn, work, "eng", occurredOn, Options);
                if (!english.IsOk)
                {
                    return Outcome<BillView>.Invalid(english.Errors);
                }

                englishVersion = english.Value;
            }

            var bySenate = stage is BillStage.CommissionReport or BillStage.Decision;
            var added = TextStore.Add(db, Options, "text", parsed.Value!, occurredOn, VersionLabel(stage, request.Decision), null, bill.Id, actor, now, TextStore.BillMeta(work, bySenate));
            if (!added.IsOk)
            {
                return Outcome<BillView>.Invalid(added.Errors);
            }

            newText = added.Value!;
            bill.CurrentTextId = newText.Id;
            if (englishVersion is not null
                && TextStore.Add(db, Options, "textEn", englishVersion, occurredOn, "English translation", null, bill.Id, actor, now, TextStore.BillMeta(work, bySenate: true)) is { IsOk: false } refused)
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
                    bill.CurrentTextId = await RoundTextIdAsync(bill, ct) ?? bill.CurrentTextId;
                }

                break;
            case BillStage.Received:
                // The Assembly sends the law back: a new round with a new period.
                bill.Round++;
                bill.Decision = null;
                bill.DecidedOn = null;
                bill.ReceivedOn = request.ReceivedOn!.Value;
                bill.DeadlineOn = ReviewDeadlines.DeadlineFor(bill.ReceivedOn, bill.IsUrgent, bill.IsBudget, Options);
                break;
            case BillStage.Promulgated:
                if (bill.Decision != BillDecision.ApprovedWithAmendments)
                {
                    // Without the Senate's amendments (its period passed, or it approved as is) the
                    // law is the text the Assembly sent, not a commission's proposal.
                    bill.CurrentTextId = await RoundTextIdAsync(bill, ct) ?? bill.CurrentTextId;
                }

                var promulgated = await PromulgateAsync(bill, lawNumber!, occurredOn, actor, now, ct);
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
        var ev = await NewEventAsync(bill, stage, occurredOn, note, actor, now, eventText, ct);
        ev.BodyId = body?.Id;
        ev.Decision = stage == BillStage.Decision ? request.Decision : null;
        if (stage == BillStage.PlenaryVote)
        {
            (ev.VotesFor, ev.VotesAgainst, ev.VotesAbstaining) = (request.VotesFor, request.VotesAgainst, request.VotesAbstaining);
        }

        db.BillEvents.Add(ev);
        await audit.AppendAsync(new AuditEvent(actor, "legislation.bill.stage", "bill", bill.Id.ToString("D"), "bill tracking",
            JsonSerializer.Serialize(new { bill.Number, stage = stage.ToString(), occurredOn, bill.Round, decision = ev.Decision?.ToString(), act = act?.WorkUri })), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<BillView>.Conflict("Someone else recorded a stage of this bill at the same time; reload and try again.");
        }

        return Outcome<BillView>.Ok((await GetAsync(bill.Id, ct))!);
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
    private async Task<Guid?> RoundTextIdAsync(BillEntity bill, CancellationToken ct) =>
        await db.BillEvents.Where(e => e.BillId == bill.Id && e.Round == bill.Round && e.Stage == BillStage.Received && e.TextId != null)
            .Select(e => e.TextId).FirstOrDefaultAsync(ct);

    private async Task<bool> HasVersionInRoundAsync(BillEntity bill, CancellationToken ct) =>
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
    private async Task<Outcome<ActEntity>> PromulgateAsync(BillEntity bill, string lawNumber, DateOnly promulgatedOn, Actor actor, DateTimeOffset now, CancellationToken ct)
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

        var added = TextStore.Add(db, Options, "text", text with { Work = work, VersionDate = null, Language = "khm" }, promulgatedOn, "As promulgated", act.Id, null, actor, now,
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

            if (TextStore.Add(db, Options, "textEn", translation with { Work = work, VersionDate = null }, promulgatedOn, "English translation", act.Id, null, actor, now,
                    await TextStore.ActMetaAsync(db, act, null, "eng", [], ct)) is { IsOk: false } refused)
            {
                return Outcome<ActEntity>.Invalid(refused.Errors);
            }
        }

        return Outcome<ActEntity>.Ok(act);
    }

    private async Task<BillEventEntity> NewEventAsync(BillEntity bill, BillStage stage, DateOnly on, string? note, Actor actor, DateTimeOffset now, Guid? textId, CancellationToken ct) => new()
    {
        BillId = bill.Id,
        Round = bill.Round,
        Stage = stage,
        OccurredOn = on,
        RecordedAt = now,
        ActorId = actor.Id,
        ActorName = await staff.DisplayNameAsync(actor, ct),
        Note = string.IsNullOrEmpty(note) ? null : note,
        TextId = textId,
    };

    private async Task<int> NextSequenceAsync(int year, CancellationToken ct)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO leg_bill_counters ("Year", "Last") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = leg_bill_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return next[0];
    }

    public async Task<Outcome<BillDocumentView>> AddDocumentAsync(Guid billId, long? eventId, string? kind, string? fileName, byte[] content, Actor actor, CancellationToken ct)
    {
        var bill = await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.Id == billId, ct);
        if (bill is null)
        {
            return Outcome<BillDocumentView>.NotFound("No such bill.");
        }

        var errors = new FieldErrors();
        kind = kind?.Trim();
        if (string.IsNullOrEmpty(kind) || kind.Length > 40)
        {
            errors.Add("kind", "Say what the document is (e.g. report, letter, minutes), in at most 40 characters.");
        }

        var detected = DocumentTypes.Detect(content);
        if (content.Length == 0)
        {
            errors.Add("file", "The file is empty.");
        }
        else if (content.Length > MaxDocumentBytes)
        {
            errors.Add("file", $"The file is larger than {MaxDocumentBytes / (1024 * 1024)} MiB.");
        }
        else if (detected is null)
        {
            errors.Add("file", "Only PDF, PNG, JPEG, plain text and Akoma Ntoso XML documents are accepted.");
        }

        if (eventId is { } id && !await db.BillEvents.AnyAsync(e => e.Id == id && e.BillId == billId, ct))
        {
            errors.Add("eventId", "That stage is not one of this bill's.");
        }

        if (errors.Any)
        {
            return Outcome<BillDocumentView>.Invalid(errors);
        }

        var name = Path.GetFileName(fileName ?? "document");
        name = string.IsNullOrWhiteSpace(name) ? "document" : name.Length > 200 ? name[^200..] : name;
        var hash = await blobs.PutAsync(content, ct);
        var doc = new BillDocumentEntity
        {
            Id = Guid.NewGuid(),
            BillId = billId,
            EventId = eventId,
            Kind = kind!,
            FileName = name,
            ContentType = detected!,
            Sha256 = hash,
            Size = content.Length,
            AddedAt = clock.GetUtcNow(),
            AddedBy = actor.Id,
        };
        db.BillDocuments.Add(doc);
        await audit.AppendAsync(new AuditEvent(actor, "legislation.bill.document", "bill", billId.ToString("D"), "bill tracking",
            JsonSerializer.Serialize(new { doc.Kind, doc.Sha256, doc.Size })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<BillDocumentView>.Ok(ToView(doc));
    }

    public async Task<(BillDocumentEntity Document, byte[] Content)?> ReadDocumentAsync(Guid billId, Guid documentId, CancellationToken ct)
    {
        var doc = await db.BillDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.BillId == billId, ct);
        if (doc is null)
        {
            return null;
        }

        var bytes = await blobs.GetAsync(doc.Sha256, ct);
        return bytes is null ? null : (doc, bytes);
    }

    public async Task<BillView?> GetAsync(Guid id, CancellationToken ct)
    {
        var bill = await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        return bill is null ? null : await ToViewAsync(bill, ct);
    }

    public async Task<BillView?> GetByNumberAsync(string number, CancellationToken ct)
    {
        var bill = await db.Bills.AsNoTracking().FirstOrDefaultAsync(b => b.Number == number, ct);
        return bill is null ? null : await ToViewAsync(bill, ct);
    }

    /// <summary>Bills, newest first; <paramref name="open"/> keeps those still under review.</summary>
    public async Task<IReadOnlyList<BillSummary>> ListAsync(bool open, BillStage? stage, int page, int size, CancellationToken ct)
    {
        var query = db.Bills.AsNoTracking();
        if (open)
        {
            // Stages are stored by name: compare with the list, never with < (that would be alphabetical).
            query = query.Where(b => BillProcedure.UnderReview.Contains(b.Stage));
        }

        if (stage is { } s)
        {
            query = query.Where(b => b.Stage == s);
        }

        var bills = await query.OrderByDescending(b => b.ReceivedOn).ThenByDescending(b => b.Number)
            .Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct);
        var bodies = await BodiesAsync(bills.Select(b => b.CommissionId), ct);
        var today = Today;
        return bills.Select(b => new BillSummary(b.Id, b.Number, b.WorkUri, b.TitleKm, b.TitleEn, ReviewDeadlines.ProcedureOf(b.IsUrgent, b.IsBudget),
            b.ReceivedOn, b.Round, b.Stage, b.Decision, Deadline(b, today), b.CommissionId is { } c ? bodies.GetValueOrDefault(c) : null)).ToList();
    }

    public DeadlineStatus Deadline(BillEntity bill, DateOnly today) =>
        ReviewDeadlines.StatusOn(bill.DeadlineOn, today, !BillProcedure.IsUnderReview(bill.Stage), Options.Warnings);

    private async Task<Dictionary<Guid, BodyRef>> BodiesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Bodies.AsNoTracking().Where(b => wanted.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => new BodyRef(b.Id, b.Code, b.NameKm, b.NameEn), ct);
    }

    private async Task<BillView> ToViewAsync(BillEntity bill, CancellationToken ct)
    {
        var events = await db.BillEvents.AsNoTracking().Where(e => e.BillId == bill.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var documents = await db.BillDocuments.AsNoTracking().Where(d => d.BillId == bill.Id).OrderBy(d => d.AddedAt).ToListAsync(ct);
        var texts = await db.Texts.AsNoTracking().Where(t => t.BillId == bill.Id).OrderBy(t => t.ValidFrom).ThenBy(t => t.CreatedAt)
            .Select(t => new { t.Id, t.ExpressionUri, t.Language, t.ValidFrom, t.VersionLabel }).ToListAsync(ct);
        var textIds = texts.Select(t => t.Id).ToList();
        var counts = await db.TextArticles.AsNoTracking().Where(a => textIds.Contains(a.TextId)).GroupBy(a => a.TextId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var bodies = await BodiesAsync(events.Select(e => e.BodyId).Append(bill.CommissionId), ct);
        var uris = texts.ToDictionary(t => t.Id, t => t.ExpressionUri);
        var comments = await db.Comments.CountAsync(c => c.BillId == bill.Id, ct);
        var actUri = bill.ActId is { } actId ? await db.Acts.Where(a => a.Id == actId).Select(a => a.WorkUri).FirstOrDefaultAsync(ct) : null;
        var today = Today;
        return new BillView(
            bill.Id, bill.Number, bill.WorkUri, bill.TitleKm, bill.TitleEn, ReviewDeadlines.ProcedureOf(bill.IsUrgent, bill.IsBudget), bill.IsUrgent, bill.IsBudget,
            bill.AssemblyAdoptedOn, bill.ReceivedOn, bill.Round, bill.Stage, bill.Decision, bill.DecidedOn, Deadline(bill, today),
            bill.CommissionId is { } c ? bodies.GetValueOrDefault(c) : null, bill.CurrentTextId, actUri,
            BillProcedure.NextStages(bill.Stage, bill.Decision, today > bill.DeadlineOn),
            events.Select(e => new BillEventView(e.Id, e.Round, e.Stage, e.OccurredOn, e.RecordedAt, e.ActorName, e.Note,
                e.BodyId is { } b ? bodies.GetValueOrDefault(b) : null, e.Decision, e.VotesFor, e.VotesAgainst, e.VotesAbstaining,
                e.TextId is { } t ? uris.GetValueOrDefault(t) : null,
                documents.Where(d => d.EventId == e.Id).Select(ToView).ToList())).ToList(),
            texts.Select(t => new BillVersionView(t.Id, t.ExpressionUri, t.Language, t.ValidFrom, t.VersionLabel, counts.GetValueOrDefault(t.Id))).ToList(),
            comments,
            bill.Revision,
            documents.Where(d => d.EventId is null).Select(ToView).ToList());
    }

    private static BillDocumentView ToView(BillDocumentEntity d) => new(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.AddedAt);

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
}
