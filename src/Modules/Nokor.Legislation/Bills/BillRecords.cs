using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.Legislation.Data;
using Nokor.Platform.Dates;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Bills;

/// <summary>
/// The steps the bill use cases share: today's date in Cambodia, a bill read back as its view
/// (stages, documents, versions, deadline), the bodies named, and a new dated and attributed event.
/// </summary>
internal sealed class BillRecords(LegislationDbContext db, StaffDirectory staff, TimeProvider clock, IOptions<LegislationOptions> options)
{
    private LegislationOptions Options => options.Value;

    public DateOnly Today => CambodiaTime.Today(clock);

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

    public DeadlineStatus Deadline(BillEntity bill, DateOnly today) =>
        ReviewDeadlines.StatusOn(bill.DeadlineOn, today, !BillProcedure.IsUnderReview(bill.Stage), Options.Warnings);

    public async Task<Dictionary<Guid, BodyRef>> BodiesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Bodies.AsNoTracking().Where(b => wanted.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => new BodyRef(b.Id, b.Code, b.NameKm, b.NameEn), ct);
    }

    public async Task<BillView> ToViewAsync(BillEntity bill, CancellationToken ct)
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

    public static BillDocumentView ToView(BillDocumentEntity d) => new(d.Id, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, d.AddedAt);

    public async Task<BillEventEntity> NewEventAsync(BillEntity bill, BillStage stage, DateOnly on, string? note, Actor actor, DateTimeOffset now, Guid? textId, CancellationToken ct) => new()
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
}
