using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Dates;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>
/// Monthly quotas (issue 4: "over quota → 429 with Retry-After"). Each host keeps a counter per
/// institution and month: seeded from <c>vrf_usage</c>, raised when a query is admitted, and
/// raised again to the database total each time the ledger commits (which includes what other
/// hosts counted). A query is admitted only while the count stays within the quota, so one host
/// never exceeds it; several hosts may together overshoot by at most the queries in flight.
/// </summary>
internal sealed class UsageMeter(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(Guid Institution, int Month), Counter> _counters = new();

    /// <summary>The month as yyyyMM in Cambodia time.</summary>
    public static int MonthOf(DateTimeOffset at)
    {
        var local = at.ToOffset(CambodiaTime.Offset);
        return (local.Year * 100) + local.Month;
    }

    /// <summary>Time until the next month starts in Cambodia (when a quota refills), rounded up to a second.</summary>
    public static TimeSpan UntilNextMonth(DateTimeOffset now)
    {
        var local = now.ToOffset(CambodiaTime.Offset);
        var next = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, CambodiaTime.Offset).AddMonths(1);
        return TimeSpan.FromSeconds(Math.Ceiling((next - now).TotalSeconds));
    }

    /// <summary>Admits <paramref name="count"/> queries if they fit in the quota; call <see cref="Release"/> if they are then not recorded.</summary>
    public async ValueTask<bool> TryAdmitAsync(Guid institution, int month, long quota, int count, CancellationToken ct)
    {
        var counter = _counters.GetOrAdd((institution, month), _ => new Counter());
        if (!counter.Loaded)
        {
            await LoadAsync(counter, institution, month, ct);
        }

        lock (counter)
        {
            if (counter.Used + count > quota)
            {
                return false;
            }

            counter.Used += count;
            counter.InFlight += count;
            return true;
        }
    }

    /// <summary>Queries admitted but not recorded (the ledger write failed) give their place back.</summary>
    public void Release(Guid institution, int month, int count)
    {
        if (_counters.TryGetValue((institution, month), out var counter))
        {
            lock (counter)
            {
                counter.Used -= count;
                counter.InFlight -= count;
            }
        }
    }

    /// <summary>
    /// The ledger committed <paramref name="committed"/> of this host's queries;
    /// <paramref name="databaseTotal"/> is the month's total over every host.
    /// </summary>
    public void Observe(Guid institution, int month, long databaseTotal, long committed)
    {
        if (_counters.TryGetValue((institution, month), out var counter))
        {
            lock (counter)
            {
                counter.InFlight = Math.Max(0, counter.InFlight - committed);
                counter.Used = Math.Max(counter.Used, databaseTotal + counter.InFlight);
            }
        }
    }

    /// <summary>The count this host holds for the month (for statements of the current month and tests).</summary>
    public long Used(Guid institution, int month) =>
        _counters.TryGetValue((institution, month), out var c) ? c.Used : 0;

    /// <summary>Forgets the counters of an institution (after its usage was corrected by hand, or in tests).</summary>
    public void Forget(Guid institution)
    {
        foreach (var key in _counters.Keys.Where(k => k.Institution == institution))
        {
            _counters.TryRemove(key, out _);
        }
    }

    private async Task LoadAsync(Counter counter, Guid institution, int month, CancellationToken ct)
    {
        await counter.LoadLock.WaitAsync(ct);
        try
        {
            if (counter.Loaded)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
            var total = await db.Usage.Where(u => u.InstitutionId == institution && u.Month == month).SumAsync(u => u.Count, ct);
            lock (counter)
            {
                counter.Used = Math.Max(counter.Used, total);
                counter.Loaded = true;
            }
        }
        finally
        {
            counter.LoadLock.Release();
        }
    }

    private sealed class Counter
    {
        public SemaphoreSlim LoadLock { get; } = new(1, 1);
        public volatile bool Loaded;
        public long Used;
        public long InFlight;
    }
}
