using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Legislation.Search;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Texts;

/// <summary>
/// The texts the search feeder could not index, from the database alone (the command line reads
/// them without opening the index a running host holds), and the way to queue one again once its
/// cause is fixed. They hold only FRBR URIs of laws and bills, which are public, and reasons
/// about documents.
/// </summary>
internal sealed class SearchFailures(LegislationDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>At most this many failures are listed.</summary>
    public const int MaxListed = 100;

    /// <summary>How many are retried and set aside, and the latest failures (at most <see cref="MaxListed"/>).</summary>
    public async Task<(int Retrying, int SetAside, IReadOnlyList<SearchFailureView> Latest)> ListAsync(CancellationToken ct)
    {
        var setAside = await db.SearchFailures.CountAsync(f => f.SetAsideAt != null, ct);
        var retrying = await db.SearchFailures.CountAsync(f => f.SetAsideAt == null, ct);
        var latest = await db.SearchFailures.AsNoTracking()
            .OrderByDescending(f => f.LastFailedAt).ThenBy(f => f.TextId).Take(MaxListed)
            .Select(f => new SearchFailureView(f.TextId, f.ExpressionUri, f.Attempts, f.Reason, f.FirstFailedAt, f.LastFailedAt, f.SetAsideAt))
            .ToListAsync(ct);
        return (retrying, setAside, latest);
    }

    /// <summary>
    /// Queues a failed text again with a fresh count of attempts (after its cause was fixed, or
    /// the limits raised): its record is dropped and the outbox gets a row for it. Audited.
    /// </summary>
    public async Task<Outcome<SearchFailureView>> RetryAsync(Guid textId, Actor actor, CancellationToken ct)
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
}

/// <summary>The search feeder's status on this host, for the Secretariat: texts indexed, pending, retried and set aside.</summary>
internal sealed class SearchStatus(LegislationDbContext db, LegalSearchIndex index, SearchFeeder feeder, SearchFailures failures)
{
    public async Task<SearchFeederStatus> GetAsync(CancellationToken ct)
    {
        var cursor = index.GetCursor();
        var indexed = index.TextCount;
        var texts = await db.Texts.CountAsync(ct);
        var pending = cursor is { } at
            ? await db.TextChanges.Where(c => c.Id > at).Select(c => c.TextId).Distinct().CountAsync(ct)
            : Math.Max(0, texts - indexed);
        var (retrying, setAside, latest) = await failures.ListAsync(ct);
        var run = feeder.RunState;
        var state = run.FailuresInARow >= 3 ? "failing" : cursor is null ? "rebuilding" : "following";
        return new SearchFeederStatus(state, texts, indexed, index.DocumentCount, cursor, pending, retrying, setAside, feeder.MaxAttempts, latest,
            run.LastSuccess, run.LastFailure, run.LastError);
    }
}

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
