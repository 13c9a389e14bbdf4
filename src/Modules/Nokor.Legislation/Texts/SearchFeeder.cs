using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nokor.Legislation.Data;
using Nokor.Legislation.Search;

namespace Nokor.Legislation.Texts;

/// <summary>
/// Keeps this host's search index in step with the database, which is the source of truth: on
/// first start (or after an index schema change) it indexes every text, then follows the outbox
/// <c>leg_text_changes</c>. Outbox ids are taken when a transaction inserts, so one that commits
/// late can leave a hole below ids already visible; the cursor stays before such a hole until it
/// fills or is <see cref="GapPatience"/> old (a rolled-back transaction leaves a hole for good).
/// Re-indexing a text is harmless, so changes after the hole are applied at once and seen again.
/// </summary>
internal sealed class SearchFeeder(IServiceScopeFactory scopes, LegalSearchIndex index, TimeProvider clock, ILogger<SearchFeeder> logger, TimeSpan poll) : BackgroundService
{
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(30);
    private const int Batch = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A search index behind the database must never stop the host that serves the
                // registry and the Senate: log, and try again at the next poll.
                logger.LogWarning(e, "Search index update failed; retrying");
            }

            try
            {
                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Brings the index up to date now; returns the number of texts (re)indexed.</summary>
    public async Task<int> SyncAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LegislationDbContext>();
            var cursor = index.GetCursor();
            return cursor is null ? await RebuildAsync(db, progress, ct) : await FollowAsync(db, cursor.Value, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> RebuildAsync(LegislationDbContext db, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        // Changes after this point are followed from the outbox; anything indexed twice is harmless.
        var head = await db.TextChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var total = await db.Texts.CountAsync(ct);
        index.Clear();
        var done = 0;
        Guid? after = null;
        while (true)
        {
            var query = db.Texts.AsNoTracking().OrderBy(t => t.Id).AsQueryable();
            if (after is { } last)
            {
                query = query.Where(t => t.Id.CompareTo(last) > 0);
            }

            var page = await query.Take(200).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            index.Upsert(page.Select(ToDocument));
            done += page.Count;
            after = page[^1].Id;
            progress?.Report((done, total));
            if (done % 2000 < page.Count)
            {
                // Visible as it grows; the cursor stays empty, so a restart rebuilds again.
                index.Commit();
            }
        }

        index.Commit(head);
        logger.LogInformation("Search index rebuilt: {Texts} texts", done);
        return done;
    }

    private async Task<int> FollowAsync(LegislationDbContext db, long cursor, CancellationToken ct)
    {
        var changes = await db.TextChanges.AsNoTracking().Where(c => c.Id > cursor).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
        if (changes.Count == 0)
        {
            return 0;
        }

        var ids = changes.Select(c => c.TextId).Distinct().ToList();
        var texts = await db.Texts.AsNoTracking().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        index.Upsert(texts.Select(ToDocument));

        var now = clock.GetUtcNow();
        var next = cursor;
        foreach (var change in changes)
        {
            if (change.Id != next + 1 && now - change.At < GapPatience)
            {
                break;
            }

            next = change.Id;
        }

        index.Commit(next);
        return texts.Count;
    }

    private static SearchDocument ToDocument(TextEntity t) => SearchDocument.From(t.Id, t.ExpressionUri, TextStore.Load(t), t.ValidFrom, t.ValidTo);
}
