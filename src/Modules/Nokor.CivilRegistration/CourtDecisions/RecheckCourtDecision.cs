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

/// <summary>
/// A registrar checks a held decision again once the registry changed (the person registered, the
/// marriage approved): it is received and routed to its office when its problems are gone, and
/// stays held with the problems found now otherwise.
/// </summary>
internal static class RecheckCourtDecision
{
    public static async Task<Outcome<CourtDecisionView>> HandleAsync(
        Guid id, Actor actor, CivilDbContext db, CourtDecisionChecks checks, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var d = await CourtDecisionRecords.FindAsync(db, id, actor, track: true, ct);
        if (d is null)
        {
            return Outcome<CourtDecisionView>.NotFound(CourtDecisionRecords.NotFoundMessage);
        }

        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<CourtDecisionView>.Invalid("decision", "Only a registrar re-checks a held court decision.");
        }

        if (d.Status != CourtDecisionStatus.HeldForReview)
        {
            return Outcome<CourtDecisionView>.Conflict($"The decision is {d.Status}, not held for review.");
        }

        // The stored decision was well formed when received; a court or case format since removed
        // from the configuration keeps it held, with that problem.
        var errors = new FieldErrors();
        var parsed = checks.Parse(Dossiers.Read<CourtDecisionInput>(d.Details), errors);
        var check = parsed is null
            ? new DecisionCheck(errors.ToDictionary().SelectMany(e => e.Value.Select(m => new CourtDecisionProblem(e.Key, m, m))).ToList(), d.OfficeCode, d.Summary)
            : await checks.CheckAsync(parsed, actor, ct);
        d.Status = check.Problems.Count == 0 ? CourtDecisionStatus.Received : CourtDecisionStatus.HeldForReview;
        d.Problems = CourtDecisionRecords.WriteProblems(check.Problems);
        d.OfficeCode = check.OfficeCode;
        d.Summary = check.Summary.Length <= 400 ? check.Summary : check.Summary[..400];
        d.Revision++;
        await audit.AppendAsync(new AuditEvent(actor, "civil.court-decision.recheck", "court-decision", d.Id.ToString(), CourtDecisionChecks.Purpose(d.Court, d.CaseNumber),
            AuditDetails.Of(new { status = d.Status.ToString(), office = d.OfficeCode, problems = check.Problems.Select(p => p.Field).ToArray() })), ct);
        return await CourtDecisionRecords.SaveAsync(db, d, clock, ct);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost(ReceiveCourtDecision.Route + "/{id:guid}/recheck", async (Guid id, HttpContext http, CivilDbContext db, CourtDecisionChecks checks, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, http.Actor(), db, checks, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("RecheckCourtDecision")
            .WithSummary("A registrar checks a held court decision against the registry again");
}
