using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Queues;

/// <summary>The records of one work queue of the caller's area.</summary>
internal static class ListQueue
{
    /// <summary>
    /// The records of one queue (null for an unknown queue name), audited with
    /// <paramref name="purpose"/>: the caller's stated X-Purpose, checked by the endpoint, or the
    /// pages' "civil registration".
    /// </summary>
    public static async Task<IReadOnlyList<RegistrationSummary>?> HandleAsync(
        string name, Actor actor, CivilDbContext db, IAuditLog audit, CancellationToken ct, string purpose = "civil registration")
    {
        var query = WorkQueues.Query(db, name, actor);
        if (query is null)
        {
            return null;
        }

        var ordered = name is "registered" or "rejected" ? query.OrderByDescending(r => r.EnteredAt) : query.OrderBy(r => r.EnteredAt);
        var rows = await ordered.Take(WorkQueues.MaxListed).ToListAsync(ct);

        // A queue shows names of registered people: the listing is an access like a search.
        await audit.AppendAsync(new AuditEvent(actor, "civil.queue.list", "queue", name, purpose,
            AuditDetails.Of(new { area = actor.Jurisdiction.AreaCode ?? "national", rows = rows.Count })), ct);
        return rows.Select(r => new RegistrationSummary(r.Id, r.Event, r.Status, r.Number, r.OfficeCode, r.SubjectNameKm, r.SubjectNameLatin,
                r.EventDate.ToString("yyyy-MM-dd"), r.IsLate, r.NeedsSeniorApproval, r.AssignedToName, r.EnteredAt))
            .ToList();
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/queues/{name}", async Task<Results<Ok<IReadOnlyList<RegistrationSummary>>, ValidationProblem>> (string name, HttpContext http, CivilDbContext db, IAuditLog audit, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var purpose = RegistrationPurpose.PurposeOr(http.StatedPurpose(), "civil registration", errors);
                if (purpose is null)
                {
                    return Problems.Invalid(errors.ToDictionary());
                }

                return await HandleAsync(name, http.Actor(), db, audit, ct, purpose) is { } list
                    ? TypedResults.Ok(list)
                    : Problems.Invalid("name", $"Use one of {string.Join(", ", WorkQueues.Names)}.");
            })
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("Queue")
            .WithSummary("The records of one work queue (oldest first; registered and rejected newest first)");
}
