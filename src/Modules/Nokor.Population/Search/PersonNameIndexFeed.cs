using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nokor.Population.Contracts;
using Nokor.Population.Data;

namespace Nokor.Population.Search;

/// <summary>
/// Keeps the web host's <see cref="PersonNameIndex"/> equal to <c>pop_persons</c>. The first search
/// builds the index from the table (the other searches wait for it); after that every search first
/// applies what the registry's change feed (<c>pop_person_changes</c>) holds past the index's
/// position — at once when this process saved a person since (so a clerk finds the person they
/// just registered), otherwise at most every <see cref="CatchUpInterval"/> (changes made by
/// another host). A gap in the feed is a transaction still open or rolled back: the position stays
/// before it for <see cref="GapPatience"/>, as the verification projection does, and rows after it
/// are applied already (by version, so applying twice is harmless). Bulk writes that bypass the
/// feed (<c>nokor population generate</c> in another process) are noticed by the row count, checked
/// every <see cref="CountInterval"/>, and the index is built again in the background.
/// </summary>
internal sealed class PersonNameIndexFeed(IServiceScopeFactory scopes, TimeProvider time, ILogger<PersonNameIndexFeed> logger)
{
    public static readonly TimeSpan CatchUpInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan CountInterval = TimeSpan.FromSeconds(30);
    private const int PageSize = 5000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _buildLock = new();
    private readonly ChangeFeedCursor _cursor = new(GapPatience);
    private Task<PersonNameIndex>? _building;
    private PersonNameIndex? _index;
    private long _position;
    private long _writesSeen;
    private DateTimeOffset _lastCatchUp;
    private DateTimeOffset _lastCount;
    private int _rowsAtBuild;
    private long _changesAtBuild;
    private volatile bool _stale;

    /// <summary>Marks the index for a rebuild: bulk writes in this process (the generator) call it.</summary>
    public void Invalidate() => _stale = true;

    /// <summary>The index, current with the database as of this call (see the class remarks).</summary>
    public async Task<PersonNameIndex> CurrentAsync(PopulationDbContext db, CancellationToken ct)
    {
        var index = _index;
        if (index is null || _stale)
        {
            index = await BuildOnceAsync(ct);
        }

        var writes = Interlocked.Read(ref PopulationDbContext.PersonWrites);
        var now = time.GetUtcNow();
        var mustCatchUp = writes != Interlocked.Read(ref _writesSeen);
        if (!mustCatchUp && now - _lastCatchUp < CatchUpInterval)
        {
            return index;
        }

        // One search catches up; the others go on with the index as it is, unless this process
        // wrote a person they may be looking for.
        if (mustCatchUp)
        {
            await _gate.WaitAsync(ct);
        }
        else if (!_gate.Wait(0, CancellationToken.None))
        {
            return index;
        }

        try
        {
            if (!ReferenceEquals(index, _index))
            {
                return _index!;
            }

            Interlocked.Exchange(ref _writesSeen, writes);
            _lastCatchUp = now;
            await CatchUpAsync(db, index, now, ct);
            if (now - _lastCount >= CountInterval)
            {
                _lastCount = now;
                await CheckCountAsync(db, ct);
            }
        }
        finally
        {
            _gate.Release();
        }

        return index;
    }

    private async Task CatchUpAsync(PopulationDbContext db, PersonNameIndex index, DateTimeOffset now, CancellationToken ct)
    {
        while (true)
        {
            var changes = await new Persons.PersonChangeFeed(db).ReadAsync(_position, PageSize, ct);
            if (changes.Count == 0)
            {
                return;
            }

            index.Apply(changes.Select(c => c.Person));
            var position = _cursor.Advance(_position, changes, now);
            _position = position;
            if (changes.Count < PageSize || position != changes[^1].Position)
            {
                return;
            }
        }
    }

    private async Task CheckCountAsync(PopulationDbContext db, CancellationToken ct)
    {
        // Rows written around the feed change the count without a change row; persons added
        // through the feed since the build are allowed for.
        var count = await db.Persons.CountAsync(ct);
        var fedSince = await db.PersonChanges.CountAsync(c => c.Id > _changesAtBuild, ct);
        if (count > _rowsAtBuild + fedSince)
        {
            logger.LogInformation("The person name index is rebuilt: {Rows} persons in the registry, {Known} known to the index.", count, _rowsAtBuild + fedSince);
            _stale = true;
        }
    }

    private async Task<PersonNameIndex> BuildOnceAsync(CancellationToken ct)
    {
        Task<PersonNameIndex> building;
        lock (_buildLock)
        {
            if (_stale && _building is { IsCompleted: true })
            {
                _building = null;
            }

            _stale = false;
            building = _building ??= Task.Run(BuildAsync, CancellationToken.None);
        }

        // A rebuild runs in the background while searches use the index they had.
        if (_index is { } current && !building.IsCompleted)
        {
            return current;
        }

        try
        {
            return await building.WaitAsync(ct);
        }
        catch (Exception) when (building.IsFaulted)
        {
            lock (_buildLock)
            {
                if (ReferenceEquals(_building, building))
                {
                    _building = null;
                }
            }

            throw;
        }
    }

    private async Task<PersonNameIndex> BuildAsync()
    {
        var watch = Stopwatch.StartNew();
        var before = GC.GetTotalMemory(false);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
        var head = await db.PersonChanges.MaxAsync(c => (long?)c.Id) ?? 0;
        var index = new PersonNameIndex(await db.Persons.CountAsync() + 1024);
        var batch = new List<PersonFacts>(PageSize);
        var rows = 0;
        await foreach (var p in db.Persons.AsNoTracking()
                           .Select(p => new PersonFacts(p.Id, p.Kidc, p.Version, p.SurnameKm, p.GivenNameKm, p.SurnameLatin, p.GivenNameLatin,
                               p.Sex, p.BirthYear, p.BirthMonth, p.BirthDay, p.BirthPlaceCode, p.BirthCountry, p.Nationality,
                               p.ResidenceVillageCode, p.LifeStatus, p.DeathDate))
                           .AsAsyncEnumerable())
        {
            batch.Add(p);
            rows++;
            if (batch.Count == PageSize)
            {
                index.Apply(batch);
                batch.Clear();
            }
        }

        index.Apply(batch);
        index.TrimExcess();
        await _gate.WaitAsync();
        try
        {
            _index = index;
            _position = head;
            _cursor.Clear();
            _rowsAtBuild = rows;
            _changesAtBuild = head;
            _lastCount = time.GetUtcNow();
            _writesSeen = 0;
        }
        finally
        {
            _gate.Release();
        }

        // The build's garbage (a string per name read) would otherwise keep the host's memory
        // high for long after: one compacting collection gives it back to the system.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var took = watch.Elapsed;
        var bytes = Math.Max(0, GC.GetTotalMemory(false) - before);
        logger.LogInformation("The person name index was built: {Persons} persons in {Seconds:F1} s, {MiB} MiB of managed memory.", index.Count, took.TotalSeconds, bytes / 1048576);
        return index;
    }
}
