using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nokor.Population.Contracts;
using Nokor.Verification.Data;

namespace Nokor.Verification.Projection;

/// <summary>What the projection has done lately, for the status page and the lag measurement.</summary>
internal sealed class ProjectionStatus
{
    private readonly Lock _lock = new();
    private readonly Queue<long> _lags = new();

    public volatile bool Ready;
    public long Position;
    public long Applied;

    public void RecordLag(long milliseconds)
    {
        lock (_lock)
        {
            _lags.Enqueue(milliseconds);
            while (_lags.Count > 1000)
            {
                _lags.Dequeue();
            }
        }
    }

    /// <summary>The median and the largest lag (registry commit → read store) over the last 1,000 changes, in ms.</summary>
    public (long Median, long Max, int Count) Lag()
    {
        lock (_lock)
        {
            if (_lags.Count == 0)
            {
                return (0, 0, 0);
            }

            var sorted = _lags.Order().ToArray();
            return (sorted[sorted.Length / 2], sorted[^1], sorted.Length);
        }
    }
}

/// <summary>
/// Keeps <c>vrf_persons</c> up to date from the Population Registry's change feed (issue 4: "a
/// projection fed by the registry's change events through an outbox"). It polls every
/// <see cref="VerificationOptions.ProjectionPollMilliseconds"/> and at once again after a full page.
/// A gap in the feed positions may be a transaction still open (its row will appear) or one rolled
/// back (it never will): the cursor stays before a gap until it has been open for
/// <see cref="GapPatience"/>, and rows past it are applied already — applying by version makes the
/// order harmless.
/// </summary>
internal sealed class PersonProjector(
    IServiceScopeFactory scopes,
    ProjectionStatus status,
    Microsoft.Extensions.Options.IOptions<VerificationOptions> options,
    TimeProvider time,
    ILogger<PersonProjector> logger) : BackgroundService
{
    public const string StateName = "population";
    public const int PageSize = 1000;
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(30);

    private readonly ChangeFeedCursor _cursor = new(GapPatience);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(Math.Max(20, options.Value.ProjectionPollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The verification projection failed to apply changes; it retries.");
                full = false;
            }

            if (!full)
            {
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: builds the store if it was never built, then applies one page of changes. True when the page was full.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        var feed = scope.ServiceProvider.GetRequiredService<IPersonChangeFeed>();
        var state = await db.ProjectionStates.FirstOrDefaultAsync(s => s.Name == StateName, ct);
        if (state is null || !state.Ready)
        {
            await RebuildAsync(scopes, time, logger, progress: null, ct);
            state = await db.ProjectionStates.AsNoTracking().FirstAsync(s => s.Name == StateName, ct);
            status.Position = state.Position;
            status.Ready = true;
            return true;
        }

        status.Ready = true;
        var changes = await feed.ReadAsync(state.Position, PageSize, ct);
        if (changes.Count == 0)
        {
            status.Position = state.Position;
            return false;
        }

        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        await ProjectionWriter.UpsertAsync(db, changes.Select(c => (c.Person, c.At.ToUnixTimeMilliseconds())).ToList(), nowMs, ct);
        foreach (var change in changes)
        {
            status.RecordLag(Math.Max(0, nowMs - change.At.ToUnixTimeMilliseconds()));
        }

        var position = _cursor.Advance(state.Position, changes, now);

        Interlocked.Add(ref status.Applied, changes.Count);
        if (position != state.Position)
        {
            state.Position = position;
            state.UpdatedAtMs = nowMs;
            await db.SaveChangesAsync(ct);
        }

        status.Position = position;
        return changes.Count == PageSize && position == changes[^1].Position;
    }

    /// <summary>Where the store stands (<see cref="StateName"/>); null when the projection never started.</summary>
    public static async Task<Contracts.VerificationStoreState?> StateAsync(VerificationDbContext db, CancellationToken ct)
    {
        var state = await db.ProjectionStates.AsNoTracking().FirstOrDefaultAsync(s => s.Name == StateName, ct);
        return state is null ? null : new Contracts.VerificationStoreState(state.Ready, state.Position);
    }

    /// <summary>
    /// Copies every person from the registry (in KIDC order, pages of 5,000) and sets the cursor to
    /// the feed head taken before the copy; changes made during the copy are applied again after,
    /// harmlessly. <paramref name="progress"/> receives the rows copied so far.
    /// </summary>
    public static async Task<long> RebuildAsync(IServiceScopeFactory scopes, TimeProvider time, ILogger logger, IProgress<long>? progress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        var feed = scope.ServiceProvider.GetRequiredService<IPersonChangeFeed>();
        var head = await feed.HeadAsync(ct);
        var watch = Stopwatch.StartNew();
        string? after = null;
        long copied = 0;
        while (true)
        {
            var page = await feed.SnapshotAsync(after, 5000, ct);
            if (page.Count == 0)
            {
                break;
            }

            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            await ProjectionWriter.UpsertAsync(db, page.Select(f => (f, nowMs)).ToList(), nowMs, ct);
            after = page[^1].Kidc;
            copied += page.Count;
            progress?.Report(copied);
            if (copied % 100_000 < 5000)
            {
                logger.LogInformation("Verification store: {Copied} persons copied in {Seconds:F0} s.", copied, watch.Elapsed.TotalSeconds);
            }
        }

        var state = await db.ProjectionStates.FirstOrDefaultAsync(s => s.Name == StateName, ct);
        if (state is null)
        {
            state = new ProjectionStateEntity { Name = StateName };
            db.ProjectionStates.Add(state);
        }

        state.Position = head;
        state.Ready = true;
        state.UpdatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Verification store built: {Copied} persons in {Seconds:F1} s, feed position {Head}.", copied, watch.Elapsed.TotalSeconds, head);
        return copied;
    }
}
