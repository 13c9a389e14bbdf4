using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>The registrar's reason to dismiss a court decision.</summary>
internal sealed record CourtDecisionDismissal(string? Reason);

/// <summary>
/// A registrar dismisses a decision that will not be applied (held for review and the registry will
/// not match it, or received by mistake), with the reason; it stays stored, and nothing is applied.
/// </summary>
internal static class DismissCourtDecision
{
    public static async Task<Outcome<CourtDecisionView>> HandleAsync(
        Guid id, string? reason, Actor actor, CivilDbContext db, StaffDirectory staff, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var d = await CourtDecisionRecords.FindAsync(db, id, actor, track: true, ct);
        if (d is null)
        {
            return Outcome<CourtDecisionView>.NotFound(CourtDecisionRecords.NotFoundMessage);
        }

        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<CourtDecisionView>.Invalid("reason", "Only a registrar dismisses a court decision.");
        }

        var errors = new FieldErrors();
        var text = TextFields.Read(errors, "reason", reason, 1000, required: true, validateKhmer: true);
        if (errors.Any)
        {
            return Outcome<CourtDecisionView>.Invalid(errors);
        }

        if (d.Status is not (CourtDecisionStatus.HeldForReview or CourtDecisionStatus.Received))
        {
            return Outcome<CourtDecisionView>.Conflict($"The decision is already {d.Status}.");
        }

        d.Status = CourtDecisionStatus.Dismissed;
        d.DismissalReason = text;
        d.DismissedBy = await staff.DisplayNameAsync(actor, ct);
        d.DismissedAt = clock.GetUtcNow();
        d.Revision++;
        await audit.AppendAsync(new AuditEvent(actor, "civil.court-decision.dismiss", "court-decision", d.Id.ToString(), CourtDecisionChecks.Purpose(d.Court, d.CaseNumber)), ct);
        return await CourtDecisionRecords.SaveAsync(db, d, clock, ct);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost(ReceiveCourtDecision.Route + "/{id:guid}/dismiss", async (Guid id, CourtDecisionDismissal body, HttpContext http, CivilDbContext db, StaffDirectory staff,
                IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, body.Reason, http.Actor(), db, staff, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("DismissCourtDecision")
            .WithSummary("A registrar dismisses a court decision with the reason; nothing is applied");
}
