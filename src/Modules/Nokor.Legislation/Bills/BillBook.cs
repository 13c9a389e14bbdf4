using Microsoft.Extensions.Options;
using Nokor.Legislation.Comments;
using Nokor.Legislation.Data;
using Nokor.Legislation.Senate;
using Nokor.Legislation.Texts;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Bills;

/// <summary>The door to the bill use cases for the host's pages and commands; it only delegates.</summary>
internal sealed class BillBook(
    LegislationDbContext db,
    BillRecords records,
    LegalTexts texts,
    SenateRecords senate,
    IAuditLog audit,
    TimeProvider clock,
    IOptions<LegislationOptions> options) : IBillBook
{
    public Task<Outcome<BillView>> RegisterAsync(RegisterBillRequest request, Actor actor, CancellationToken ct) =>
        RegisterBill.HandleAsync(request, actor, db, records, audit, clock, options.Value, ct);

    public Task<IReadOnlyList<BillSummary>> ListAsync(bool open, BillStage? stage, int page, int size, CancellationToken ct) =>
        ListBills.HandleAsync(open, stage, page, size, db, records, ct);

    public Task<IReadOnlyDictionary<BillStage, int>> CountByStageAsync(CancellationToken ct) => CountBillsByStage.HandleAsync(db, ct);

    public Task<BillView?> GetAsync(Guid id, CancellationToken ct) => records.GetAsync(id, ct);

    public Task<BillView?> GetByNumberAsync(string number, CancellationToken ct) => records.GetByNumberAsync(number, ct);

    public Task<Outcome<BillView>> RecordStageAsync(Guid billId, RecordStageRequest request, int? expectedRevision, Actor actor, CancellationToken ct) =>
        RecordBillStage.HandleAsync(billId, request, expectedRevision, actor, db, records, audit, clock, options.Value, ct);

    public Task<LegalText?> CurrentTextAsync(BillView bill, CancellationToken ct) => ReadCurrentText.HandleAsync(bill, texts, ct);

    public Task<IReadOnlyList<CommentView>> CommentsAsync(Guid billId, string? articleEId, CancellationToken ct) =>
        ListComments.HandleAsync(billId, articleEId, db, ct);

    public Task<Outcome<CommentView>> CommentAsync(Guid billId, CommentRequest request, Actor actor, CancellationToken ct) =>
        AddComment.HandleAsync(billId, request, actor, db, senate, audit, clock, ct);

    public Task<Outcome<CommentView>> AnswerAsync(Guid billId, Guid commentId, AnswerRequest request, Actor actor, CancellationToken ct) =>
        AnswerComment.HandleAsync(billId, commentId, request, actor, db, senate, audit, clock, ct);
}
