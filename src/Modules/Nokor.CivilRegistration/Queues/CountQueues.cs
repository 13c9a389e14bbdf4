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

/// <summary>How many records wait in each work queue of the caller's area.</summary>
internal static class CountQueues
{
    public static async Task<QueueCounts> HandleAsync(Actor actor, CivilDbContext db, CancellationToken ct)
    {
        var notifications = db.Notifications.AsNoTracking().Where(n => n.Status == NotificationStatus.Open);
        var information = db.InformationRequests.AsNoTracking().Where(i => i.Status == InformationRequestStatus.Received || i.Status == InformationRequestStatus.Approved);
        if (actor.Jurisdiction.AreaCode is { } area)
        {
            notifications = notifications.Where(n => n.CommuneCode.StartsWith(area));
            information = information.Where(i => i.OfficeCode.StartsWith(area));
        }

        var decisions = await CourtDecisions.ListCourtDecisions.CountAsync(actor, db, ct);
        return new QueueCounts(
            await notifications.CountAsync(ct),
            await WorkQueues.Query(db, "to-verify", actor)!.CountAsync(ct),
            await WorkQueues.Query(db, "to-approve", actor)!.CountAsync(ct),
            await WorkQueues.Query(db, "to-approve-senior", actor)!.CountAsync(ct),
            await WorkQueues.Query(db, "ready-to-print", actor)!.CountAsync(ct),
            await WorkQueues.Query(db, "corrections", actor)!.CountAsync(ct),
            await information.CountAsync(ct))
        {
            CourtDecisions = decisions.Received + decisions.HeldForReview,
            PerEvent = await PerEventAsync(db, actor, ct),
        };
    }

    /// <summary>
    /// The verification and approval queues per event, in one grouped query each: the same records
    /// as the "to-verify" queue, and as "to-approve" and "to-approve-senior" together.
    /// </summary>
    private static async Task<IReadOnlyList<EventQueueCount>> PerEventAsync(CivilDbContext db, Actor actor, CancellationToken ct)
    {
        var toVerify = await WorkQueues.Query(db, "to-verify", actor)!
            .GroupBy(r => r.Event).Select(g => new { Event = g.Key, Count = g.Count() }).ToListAsync(ct);
        var toApprove = await WorkQueues.ToApproveAny(db, actor)
            .GroupBy(r => r.Event).Select(g => new { Event = g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<VitalEvent>()
            .Select(e => new EventQueueCount(e,
                toVerify.Where(c => c.Event == e).Sum(c => c.Count),
                toApprove.Where(c => c.Event == e).Sum(c => c.Count)))
            .Where(c => c.ToVerify + c.ToApprove > 0)
            .ToList();
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/queues", async (HttpContext http, CivilDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(http.Actor(), db, ct)))
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("QueueCounts")
            .WithSummary("How many records wait in each work queue of the caller's area");
}
