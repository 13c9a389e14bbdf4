using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nokor.Legislation.Data;
using Nokor.Legislation.Search;

namespace Nokor.Legislation.Texts;

/// <summary>
/// The feeder's part of the host's readiness: Degraded (the host still serves) when texts are
/// set aside or the last passes failed as a whole; the description gives counts, not texts.
/// </summary>
internal sealed class SearchFeederHealthCheck(LegislationDbContext db, SearchFeeder feeder, LegalSearchIndex index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var run = feeder.RunState;
        if (run.FailuresInARow >= 3)
        {
            return HealthCheckResult.Degraded($"The search index has not followed the database for {run.FailuresInARow} passes ({run.LastError}).");
        }

        var setAside = await db.SearchFailures.CountAsync(f => f.SetAsideAt != null, cancellationToken);
        return setAside > 0
            ? HealthCheckResult.Degraded($"{setAside} text(s) set aside from the search index; see /api/legislation/search/status.")
            : HealthCheckResult.Healthy(index.GetCursor() is { } cursor ? $"Search index following the database at {cursor}." : "Search index rebuilding.");
    }
}
