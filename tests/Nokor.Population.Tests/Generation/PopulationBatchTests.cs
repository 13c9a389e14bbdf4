using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Data;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;
using Nokor.Population.Data;
using Nokor.Population.Generation;
using Nokor.Population.Kidc;
using Nokor.Testing;

using Nokor.Population.Contracts;

namespace Nokor.Population.Tests.Generation;

/// <summary>
/// Issue 14 items 4 and 11: a generation batch is stored whole or not at all (it was two
/// transactions on two connections on PostgreSQL), and every run leaves one audit entry.
/// </summary>
public sealed class PopulationBatchTests : IAsyncLifetime
{
    private static readonly DateOnly s_reference = new(2026, 11, 1);
    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _services = _db.BuildServices();
        await using var scope = _services.CreateAsyncScope();
        await GazetteerLoader.EnsureLoadedAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>A drawn batch with ids, fresh KIDCs and its derived columns, ready for the writer.</summary>
    private async Task<List<SyntheticPerson>> BatchAsync(int seed, int count, DateTimeOffset at)
    {
        await using var scope = _services.CreateAsyncScope();
        var villages = await VillageSet.LoadAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), CancellationToken.None);
        var batch = PopulationGenerator.Draw(seed, count, count, NameLists.Embedded, villages, s_reference).SelectMany(b => b).ToList();
        var codes = await scope.ServiceProvider.GetRequiredService<KidcService>().IssueManyAsync(KidcCategory.Citizen, batch.Count, CancellationToken.None);
        var rows = new SyntheticRows();
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Id = Guid.CreateVersion7();
            batch[i].Kidc = codes[i];
        }

        foreach (var p in batch)
        {
            rows.Prepare(p, at);
        }

        return batch;
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_nothing_of_itself()
    {
        var at = DateTimeOffset.UtcNow;
        var good = await BatchAsync(seed: 3, count: 12, at);
        var bad = await BatchAsync(seed: 4, count: 12, at);

        // The last person of the second batch takes a code already issued to nobody in particular:
        // their person row can be written, their issued-KIDC row cannot (primary key).
        var taken = bad[^1].Kidc;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            db.IssuedKidcs.Add(new IssuedKidcEntity { Code = taken, Status = KidcStatus.Voided, IssuedAt = at, VoidReason = "test: issued earlier" });
            await db.SaveChangesAsync();
        }

        await using (var writer = await PopulationBulkWriter.OpenAsync(_services.GetRequiredService<DatabaseSettings>(), CancellationToken.None))
        {
            await writer.WriteAsync(good, at, CancellationToken.None);
            await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteAsync(bad, at, CancellationToken.None));
        }

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            var badIds = bad.Select(p => p.Id).ToList();
            var badCodes = bad.Select(p => p.Kidc).Where(c => c != taken).ToList();
            Assert.Equal(good.Count, await db.Persons.CountAsync());
            Assert.False(await db.Persons.AnyAsync(p => badIds.Contains(p.Id)));
            Assert.False(await db.PersonVersions.AnyAsync(v => badIds.Contains(v.PersonId)));
            Assert.False(await db.PersonDocuments.AnyAsync(d => badIds.Contains(d.PersonId)));
            Assert.False(await db.IssuedKidcs.AnyAsync(k => badCodes.Contains(k.Code)));
            Assert.Equal(good.Count, await db.PersonVersions.CountAsync());
            Assert.Equal(good.Count + 1, await db.IssuedKidcs.CountAsync());
        }
    }

    [Fact]
    public async Task Every_run_writes_one_audit_entry_with_count_seed_and_actor()
    {
        var generator = new PopulationGenerator(_services, TimeProvider.System);
        var result = await generator.GenerateAsync(new PopulationGenerationOptions
        {
            Count = 7, Seed = 11, BatchSize = 5, ReferenceDate = s_reference, Actor = Actor.Platform("test-operator"),
        });
        Assert.Equal(7, result.Persons);

        await using var scope = _services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entry = Assert.Single(await platform.AuditEntries.AsNoTracking().Where(a => a.Action == "population.generate").ToListAsync());
        Assert.Equal("test-operator", entry.ActorId);
        Assert.Contains("\"count\":7", entry.Details);
        Assert.Contains("\"seed\":11", entry.Details);
    }
}
