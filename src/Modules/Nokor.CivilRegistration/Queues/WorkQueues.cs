using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Queues;

/// <summary>
/// The work queues of a registration office, per role: applications to verify (entered by someone
/// else), to approve, late ones for a senior registrar, registered records waiting for their first
/// certificate, corrections and information requests waiting for a decision.
/// </summary>
internal sealed class WorkQueues(CivilDbContext db, IAuditLog audit)
{
    public const int MaxListed = 200;

    public static readonly IReadOnlyList<string> Names = ["to-verify", "to-approve", "to-approve-senior", "ready-to-print", "corrections", "rejected", "registered"];

    private IQueryable<RegistrationEntity> InArea(Actor actor) =>
        actor.Jurisdiction.AreaCode is { } area
            ? db.Registrations.AsNoTracking().Where(r => r.OfficeCode.StartsWith(area))
            : db.Registrations.AsNoTracking();

    private IQueryable<RegistrationEntity>? Query(string name, Actor actor)
    {
        var all = InArea(actor);
        return name switch
        {
            "to-verify" => all.Where(r => r.Status == RegistrationStatus.Entered && r.EnteredBy != actor.Id),
            "to-approve" => all.Where(r => r.Status == RegistrationStatus.Verified && !r.NeedsSeniorApproval && r.EnteredBy != actor.Id),
            "to-approve-senior" => all.Where(r => r.Status == RegistrationStatus.Verified && r.NeedsSeniorApproval && r.EnteredBy != actor.Id),
            "ready-to-print" => all.Where(r => r.Status == RegistrationStatus.Approved &&
                !db.Certificates.Any(c => c.RegistrationId == r.Id && c.RegistrationVersion == r.Version)),
            "corrections" => all.Where(r => db.Corrections.Any(c => c.RegistrationId == r.Id && c.Status == CorrectionStatus.Pending)),
            "rejected" => all.Where(r => r.Status == RegistrationStatus.Rejected),
            "registered" => all.Where(r => r.Status == RegistrationStatus.Approved),
            _ => null,
        };
    }

    public async Task<QueueCounts> CountsAsync(Actor actor, CancellationToken ct)
    {
        var notifications = db.Notifications.AsNoTracking().Where(n => n.Status == NotificationStatus.Open);
        var information = db.InformationRequests.AsNoTracking().Where(i => i.Status == InformationRequestStatus.Received || i.Status == InformationRequestStatus.Approved);
        if (actor.Jurisdiction.AreaCode is { } area)
        {
            notifications = notifications.Where(n => n.CommuneCode.StartsWith(area));
            information = information.Where(i => i.OfficeCode.StartsWith(area));
        }

        return new QueueCounts(
            await notifications.CountAsync(ct),
            await Query("to-verify", actor)!.CountAsync(ct),
            await Query("to-approve", actor)!.CountAsync(ct),
            await Query("to-approve-senior", actor)!.CountAsync(ct),
            await Query("ready-to-print", actor)!.CountAsync(ct),
            await Query("corrections", actor)!.CountAsync(ct),
            await information.CountAsync(ct));
    }

    /// <summary>
    /// The records of one queue (null for an unknown queue name), audited with
    /// <paramref name="purpose"/>: the caller's stated X-Purpose, checked by the endpoint, or the
    /// pages' "civil registration".
    /// </summary>
    public async Task<IReadOnlyList<RegistrationSummary>?> ListAsync(string name, Actor actor, CancellationToken ct, string purpose = "civil registration")
    {
        var query = Query(name, actor);
        if (query is null)
        {
            return null;
        }

        var ordered = name is "registered" or "rejected" ? query.OrderByDescending(r => r.EnteredAt) : query.OrderBy(r => r.EnteredAt);
        var rows = await ordered.Take(MaxListed).ToListAsync(ct);

        // A queue shows names of registered people: the listing is an access like a search.
        await audit.AppendAsync(new AuditEvent(actor, "civil.queue.list", "queue", name, purpose,
            $"{{\"area\":\"{actor.Jurisdiction.AreaCode ?? "national"}\",\"rows\":{rows.Count}}}"), ct);
        return rows.Select(r => new RegistrationSummary(r.Id, r.Event, r.Status, r.Number, r.OfficeCode, r.SubjectNameKm, r.SubjectNameLatin,
                r.EventDate.ToString("yyyy-MM-dd"), r.IsLate, r.NeedsSeniorApproval, r.AssignedToName, r.EnteredAt))
            .ToList();
    }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/queues", async (HttpContext http, WorkQueues queues, CancellationToken ct) =>
                TypedResults.Ok(await queues.CountsAsync(http.Actor(), ct)))
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("QueueCounts")
            .WithSummary("How many records wait in each work queue of the caller's area");

        group.MapGet("/queues/{name}", async Task<Results<Ok<IReadOnlyList<RegistrationSummary>>, ValidationProblem>> (string name, HttpContext http, WorkQueues queues, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var purpose = Registrations.RegistrationService.PurposeOr(http.StatedPurpose(), "civil registration", errors);
                if (purpose is null)
                {
                    return Problems.Invalid(errors.ToDictionary());
                }

                return await queues.ListAsync(name, http.Actor(), ct, purpose) is { } list
                    ? TypedResults.Ok(list)
                    : Problems.Invalid("name", $"Use one of {string.Join(", ", Names)}.");
            })
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("Queue")
            .WithSummary("The records of one work queue (oldest first; registered and rejected newest first)");
    }
}
