using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nokor.Legislation.Akn;
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
/// <para>
/// One text that cannot be indexed (too large for the reader, unreadable, refused by the index)
/// never holds up the others: its documents are removed, the failure is recorded in
/// <c>leg_search_failures</c> with the reason, and it is queued again in the outbox (so the
/// retry survives a restart) until it has failed <see cref="LegislationSearchOptions.MaxAttempts"/>
/// times; then it is set aside, logged by its expression URI alone, and reported on the search
/// status until staff queue it again. A text that indexes clears its record. Failures of the
/// database or of the index itself (I/O, a closed writer) are not the text's fault: the whole
/// pass fails and is retried at the next poll, as before.
/// </para>
/// </summary>
internal sealed class SearchFeeder(IServiceScopeFactory scopes, LegalSearchIndex index, TimeProvider clock, ILogger<SearchFeeder> logger, TimeSpan poll, int maxAttempts = 3) : BackgroundService
{
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(30);
    private const int Batch = 500;

    /// <summary>Texts read from the database at once, by their stored length in characters.</summary>
    private const long LoadBudget = 32_000_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly System.Threading.Lock _stateLock = new();
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _lastFailure;
    private string? _lastError;
    private int _failuresInARow;

    /// <summary>The attempts after which a failing text is set aside.</summary>
    public int MaxAttempts { get; } = Math.Max(1, maxAttempts);

    /// <summary>How the last passes went on this host (no database access).</summary>
    public SearchFeederRunState RunState
    {
        get
        {
            lock (_stateLock)
            {
                return new SearchFeederRunState(_lastSuccess, _lastFailure, _lastError, _failuresInARow);
            }
        }
    }

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
            var done = cursor is null ? await RebuildAsync(db, progress, ct) : await FollowAsync(db, cursor.Value, ct);
            lock (_stateLock)
            {
                (_lastSuccess, _failuresInARow) = (clock.GetUtcNow(), 0);
            }

            return done;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            lock (_stateLock)
            {
                (_lastFailure, _lastError) = (clock.GetUtcNow(), e.GetType().Name);
                _failuresInARow++;
            }

            throw;
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
        var indexed = 0;
        Guid? after = null;
        while (true)
        {
            var query = db.Texts.AsNoTracking().OrderBy(t => t.Id).AsQueryable();
            if (after is { } last)
            {
                query = query.Where(t => t.Id.CompareTo(last) > 0);
            }

            var page = await Rows(query).Take(200).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            indexed += await IndexAsync(db, page, ct);
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
        logger.LogInformation("Search index rebuilt: {Texts} texts", indexed);
        return indexed;
    }

    private async Task<int> FollowAsync(LegislationDbContext db, long cursor, CancellationToken ct)
    {
        var changes = await db.TextChanges.AsNoTracking().Where(c => c.Id > cursor).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
        if (changes.Count == 0)
        {
            return 0;
        }

        var ids = changes.Select(c => c.TextId).Distinct().ToList();
        var rows = await Rows(db.Texts.AsNoTracking().Where(t => ids.Contains(t.Id))).ToListAsync(ct);
        foreach (var gone in ids.Except(rows.Select(r => r.Id)))
        {
            index.Delete(gone);
        }

        var indexed = await IndexAsync(db, rows, ct);

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
        return indexed;
    }

    /// <summary>What the feeder needs of a text before reading its XML: enough to refuse one too long to read.</summary>
    private sealed record TextRow(Guid Id, string ExpressionUri, DateOnly ValidFrom, DateOnly? ValidTo, int Length);

    private static IQueryable<TextRow> Rows(IQueryable<TextEntity> texts) =>
        texts.Select(t => new TextRow(t.Id, t.ExpressionUri, t.ValidFrom, t.ValidTo, t.Xml.Length));

    /// <summary>
    /// Upserts the texts, each on its own: one that fails is removed from the index and recorded
    /// (the database first, so the record and the retry in the outbox are never lost to a crash
    /// before the index commit). Returns the number indexed.
    /// </summary>
    private async Task<int> IndexAsync(LegislationDbContext db, List<TextRow> rows, CancellationToken ct)
    {
        var indexed = new List<Guid>();
        var failed = new List<(TextRow Row, string Reason)>();
        var readable = new List<TextRow>();
        foreach (var row in rows)
        {
            if (row.Length > AknSchema.MaxDocumentCharacters)
            {
                // Never loaded: a stored text longer than the reader reads is refused by its length.
                failed.Add((row, $"The stored XML has {row.Length:N0} characters; the reader reads at most {AknSchema.MaxDocumentCharacters:N0}."));
            }
            else
            {
                readable.Add(row);
            }
        }

        foreach (var chunk in Chunks(readable))
        {
            var chunkIds = chunk.Select(r => r.Id).ToList();
            var xml = await db.Texts.AsNoTracking().Where(t => chunkIds.Contains(t.Id)).Select(t => new { t.Id, t.Xml }).ToDictionaryAsync(t => t.Id, t => t.Xml, ct);
            foreach (var row in chunk)
            {
                if (!xml.TryGetValue(row.Id, out var stored))
                {
                    index.Delete(row.Id);
                    continue;
                }

                SearchDocument document;
                try
                {
                    var text = AknReader.ReadStored(stored);
                    if (!text.Succeeded)
                    {
                        failed.Add((row, "The stored XML does not read back: " + (text.Errors.FirstOrDefault()?.ToString() ?? "no reason given.")));
                        continue;
                    }

                    document = SearchDocument.From(row.Id, row.ExpressionUri, text.Text, row.ValidFrom, row.ValidTo);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed.Add((row, $"{e.GetType().Name}: {e.Message}"));
                    continue;
                }

                try
                {
                    index.Upsert([document]);
                    indexed.Add(row.Id);
                }
                catch (ArgumentException e)
                {
                    // The index refuses this document (e.g. a term longer than Lucene takes); an
                    // I/O error or a closed writer is not the text's fault and fails the pass.
                    failed.Add((row, $"The index refused it: {e.Message}"));
                }
            }
        }

        foreach (var (row, _) in failed)
        {
            index.Delete(row.Id);
        }

        await RecordAsync(db, indexed, failed, ct);
        return indexed.Count;
    }

    /// <summary>A reason fit for a log line and a text column (an XML error may quote a control character).</summary>
    private static string Printable(string reason) => string.Create(reason.Length, reason, static (span, r) =>
    {
        for (var i = 0; i < r.Length; i++)
        {
            span[i] = char.IsControl(r[i]) ? '\uFFFD' : r[i];
        }
    });

    /// <summary>The texts in groups whose stored XML adds up to at most <see cref="LoadBudget"/> characters (one text alone may exceed it).</summary>
    private static IEnumerable<List<TextRow>> Chunks(List<TextRow> rows)
    {
        var chunk = new List<TextRow>();
        long size = 0;
        foreach (var row in rows)
        {
            if (chunk.Count > 0 && size + row.Length > LoadBudget)
            {
                yield return chunk;
                (chunk, size) = ([], 0);
            }

            chunk.Add(row);
            size += row.Length;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async Task RecordAsync(LegislationDbContext db, List<Guid> indexed, List<(TextRow Row, string Reason)> failed, CancellationToken ct)
    {
        if (indexed.Count > 0)
        {
            await db.SearchFailures.Where(f => indexed.Contains(f.TextId)).ExecuteDeleteAsync(ct);
        }

        if (failed.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var failedIds = failed.Select(f => f.Row.Id).ToList();
        var records = await db.SearchFailures.Where(f => failedIds.Contains(f.TextId)).ToDictionaryAsync(f => f.TextId, ct);
        foreach (var (row, reason) in failed)
        {
            if (!records.TryGetValue(row.Id, out var record))
            {
                record = new SearchFailureEntity { TextId = row.Id, ExpressionUri = row.ExpressionUri, Reason = "", FirstFailedAt = now };
                db.SearchFailures.Add(record);
            }

            record.Attempts++;
            record.Reason = Printable(reason.Length <= 1000 ? reason : reason[..999] + "…");
            record.LastFailedAt = now;
            if (record.SetAsideAt is not null)
            {
                continue; // Changed again and still failing: it stays aside, nothing to retry.
            }

            if (record.Attempts >= MaxAttempts)
            {
                record.SetAsideAt = now;
                logger.LogError("Search index: {ExpressionUri} set aside after {Attempts} failed attempts: {Reason}", row.ExpressionUri, record.Attempts, record.Reason);
            }
            else
            {
                db.TextChanges.Add(new TextChangeEntity { TextId = row.Id, At = now });
                logger.LogWarning("Search index: {ExpressionUri} failed to index (attempt {Attempts} of {MaxAttempts}): {Reason}", row.ExpressionUri, record.Attempts, MaxAttempts, record.Reason);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

/// <summary>How the feeder's last passes went on this host.</summary>
/// <param name="LastSuccess">When a pass last completed.</param>
/// <param name="LastFailure">When a pass last failed as a whole (database or index unavailable).</param>
/// <param name="LastError">The kind of that failure (the exception type, nothing from the data).</param>
/// <param name="FailuresInARow">Passes failed since the last that completed.</param>
internal sealed record SearchFeederRunState(DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError, int FailuresInARow);
