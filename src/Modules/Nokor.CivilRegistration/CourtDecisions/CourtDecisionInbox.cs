using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>The court decisions door for the hosts: delegates to the use cases.</summary>
internal sealed class CourtDecisionInbox(
    CivilDbContext db, CourtDecisionChecks checks, IBlobStore blobs, GazetteerService gazetteer, StaffDirectory staff, IAuditLog audit, TimeProvider clock)
    : ICourtDecisions
{
    public Task<Outcome<CourtDecisionReceipt>> ReceiveAsync(CourtDecisionInput input, CourtDecisionFile? pdf, Actor actor, CancellationToken ct) =>
        ReceiveCourtDecision.HandleAsync(input, pdf, actor, db, checks, blobs, audit, clock, ct);

    public Task<Outcome<IReadOnlyList<CourtDecisionView>>> ListAsync(Actor actor, CourtDecisionStatus? status, string? officeCode, CancellationToken ct, string? purpose = null) =>
        ListCourtDecisions.HandleAsync(actor, status?.ToString(), officeCode, purpose, db, gazetteer, audit, clock, ct);

    public Task<Outcome<CourtDecisionDetail>> GetAsync(Guid id, Actor actor, CancellationToken ct, string? purpose = null) =>
        GetCourtDecision.HandleAsync(id, purpose, actor, db, audit, clock, ct);

    public Task<Outcome<CourtDecisionFile>> PdfAsync(Guid id, Actor actor, CancellationToken ct, string? purpose = null) =>
        DownloadCourtDecisionPdf.HandleAsync(id, purpose, actor, db, blobs, audit, ct);

    public Task<Outcome<CourtDecisionView>> RecheckAsync(Guid id, Actor actor, CancellationToken ct) =>
        RecheckCourtDecision.HandleAsync(id, actor, db, checks, audit, clock, ct);

    public Task<Outcome<CourtDecisionView>> DismissAsync(Guid id, string? reason, Actor actor, CancellationToken ct) =>
        DismissCourtDecision.HandleAsync(id, reason, actor, db, staff, audit, clock, ct);

    public Task<CourtDecisionCounts> CountsAsync(Actor actor, CancellationToken ct) => ListCourtDecisions.CountAsync(actor, db, ct);
}
