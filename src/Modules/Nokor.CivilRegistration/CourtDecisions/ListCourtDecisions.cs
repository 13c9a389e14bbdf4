using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>
/// The court decisions inbox of an office: by default those waiting for a registrar (received, and
/// held for review), oldest first. The summaries name persons, so the listing is audited like a
/// search.
/// </summary>
internal static class ListCourtDecisions
{
    public static async Task<Outcome<IReadOnlyList<CourtDecisionView>>> HandleAsync(
        Actor actor, string? statusText, string? officeCode, string? purposeText, CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.PurposeOr(purposeText, ICourtDecisions.PagePurpose, errors);
        var f = new Fields(errors, gazetteer);
        var status = f.Enum<CourtDecisionStatus>("status", statusText, required: false);
        var office = Fields.Trimmed(officeCode);
        if (office is not null && (office.Length > 8 || !office.All(char.IsAsciiDigit)))
        {
            errors.Add("office", "Give the office's area as a gazetteer code (digits).");
        }

        if (errors.Any)
        {
            return Outcome<IReadOnlyList<CourtDecisionView>>.Invalid(errors);
        }

        var query = InArea(db, actor);
        if (office is not null)
        {
            query = query.Where(d => d.OfficeCode.StartsWith(office));
        }

        query = status is { } s
            ? query.Where(d => d.Status == s)
            : query.Where(d => d.Status == CourtDecisionStatus.Received || d.Status == CourtDecisionStatus.HeldForReview);
        var rows = await query.OrderBy(d => d.ReceivedAt).Take(ICourtDecisions.MaxListed).ToListAsync(ct);
        await audit.AppendAsync(new AuditEvent(actor, "civil.court-decision.list", "queue", "court-decisions", purpose!,
            AuditDetails.Of(new { area = actor.Jurisdiction.AreaCode ?? "national", office, status = status?.ToString(), rows = rows.Count })), ct);
        return Outcome<IReadOnlyList<CourtDecisionView>>.Ok(rows.Select(d => CourtDecisionRecords.View(d, clock)).ToList());
    }

    /// <summary>The decisions of offices in the caller's area.</summary>
    public static IQueryable<CourtDecisionEntity> InArea(CivilDbContext db, Actor actor) =>
        actor.Jurisdiction.AreaCode is { } area
            ? db.CourtDecisions.AsNoTracking().Where(d => d.OfficeCode.StartsWith(area))
            : db.CourtDecisions.AsNoTracking();

    /// <summary>How many decisions wait in the caller's area.</summary>
    public static async Task<CourtDecisionCounts> CountAsync(Actor actor, CivilDbContext db, CancellationToken ct)
    {
        var counts = await InArea(db, actor)
            .Where(d => d.Status == CourtDecisionStatus.Received || d.Status == CourtDecisionStatus.HeldForReview)
            .GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new CourtDecisionCounts(
            counts.Where(c => c.Status == CourtDecisionStatus.Received).Sum(c => c.Count),
            counts.Where(c => c.Status == CourtDecisionStatus.HeldForReview).Sum(c => c.Count));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet(ReceiveCourtDecision.Route, async (string? status, string? office, HttpContext http, CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(http.Actor(), status, office, http.StatedPurpose(), db, gazetteer, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ListCourtDecisions")
            .WithSummary("The court decisions inbox of the caller's area (received and held for review by default, oldest first)")
            .WithDescription("Query: status (Received, Applied, HeldForReview, Dismissed) and office (an area code within the caller's). The purpose stated in X-Purpose is recorded in the audit log.");
}
