using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Search;

/// <summary>
/// Queues a failed text again with a fresh count of attempts (after its cause was fixed, or
/// the limits raised): its record is dropped and the outbox gets a row for it. Audited.
/// </summary>
internal static class RetrySearchFailure
{
    public static async Task<Outcome<SearchFailureView>> HandleAsync(Guid textId, Actor actor, LegislationDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var record = await db.SearchFailures.FirstOrDefaultAsync(f => f.TextId == textId, ct);
        if (record is null)
        {
            return Outcome<SearchFailureView>.NotFound("No text with this id failed to index.");
        }

        var view = new SearchFailureView(record.TextId, record.ExpressionUri, record.Attempts, record.Reason, record.FirstFailedAt, record.LastFailedAt, record.SetAsideAt);
        db.SearchFailures.Remove(record);
        db.TextChanges.Add(new TextChangeEntity { TextId = textId, At = clock.GetUtcNow() });
        await audit.AppendAsync(new AuditEvent(actor, "legislation.search.retry", "text", textId.ToString("D"), "search index",
            AuditDetails.Of(new { record.ExpressionUri, record.Attempts })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<SearchFailureView>.Ok(view);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/search/failures/{textId:guid}/retry", async (Guid textId, HttpContext http, LegislationDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(textId, http.Actor(), db, audit, clock, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("RetrySearchFailure")
            .WithSummary("Queue a text that failed to index again, with a fresh count of attempts (after its cause was fixed)");
}
