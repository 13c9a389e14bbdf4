using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Legislation.Texts;

namespace Nokor.Legislation.Search;

/// <summary>The search feeder's status on this host, for the Secretariat: texts indexed, pending, retried and set aside.</summary>
internal static class GetSearchStatus
{
    public static async Task<SearchFeederStatus> HandleAsync(LegislationDbContext db, LegalSearchIndex index, SearchFeeder feeder, CancellationToken ct)
    {
        var cursor = index.GetCursor();
        var indexed = index.TextCount;
        var texts = await db.Texts.CountAsync(ct);
        var pending = cursor is { } at
            ? await db.TextChanges.Where(c => c.Id > at).Select(c => c.TextId).Distinct().CountAsync(ct)
            : Math.Max(0, texts - indexed);
        var (retrying, setAside, latest) = await ListSearchFailures.HandleAsync(db, ct);
        var run = feeder.RunState;
        var state = run.FailuresInARow >= 3 ? "failing" : cursor is null ? "rebuilding" : "following";
        return new SearchFeederStatus(state, texts, indexed, index.DocumentCount, cursor, pending, retrying, setAside, feeder.MaxAttempts, latest,
            run.LastSuccess, run.LastFailure, run.LastError);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/search/status", async (LegislationDbContext db, LegalSearchIndex index, SearchFeeder feeder, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, index, feeder, ct)))
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("SearchFeederStatus")
            .WithSummary("The search feeder: texts indexed, pending, retrying and set aside (with the expression URI and the reason)");
}
