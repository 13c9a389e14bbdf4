using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nokor.Platform.Staff;
using Nokor.Population.Contracts;
using Nokor.Testing;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;
using Nokor.Verification.Projection;

namespace Nokor.Verification.Tests;

/// <summary>The ledger, the quota meter and the projection on a real database (SQLite, or PostgreSQL in CI).</summary>
public sealed class StoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static QueryRecord Query(Guid institution, string kidc, DateTimeOffset at, string type = "verify", long price = 100) =>
        new(at, "req-" + Guid.NewGuid().ToString("N"), institution, Guid.NewGuid(), "user", "account-opening", type, kidc, "match", "surnameKm=match", null, null, price);

    [Fact]
    public async Task Concurrent_queries_form_one_unbroken_chain_and_usage_counts_each_one()
    {
        await using var services = _db.BuildServices();
        var ledger = services.GetRequiredService<QueryLedger>();
        var institution = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            ledger.AppendAsync(Query(institution, "1143321936", now, i % 4 == 0 ? "attributes" : "verify", i % 4 == 0 ? 900 : 100), CancellationToken.None)));
        await ledger.AppendManyAsync(Enumerable.Range(0, 50).Select(_ => Query(institution, "1143321936", now, "bulk", 10)).ToList(), CancellationToken.None);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        Assert.Equal(250, await db.QueryRecords.CountAsync());
        var check = await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(null, CancellationToken.None);
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(250, check.Records);
        var usage = await db.Usage.Where(u => u.InstitutionId == institution).ToDictionaryAsync(u => u.QueryType);
        Assert.Equal(150, usage["verify"].Count);
        Assert.Equal(150 * 100, usage["verify"].Amount);
        Assert.Equal(50, usage["attributes"].Count);
        Assert.Equal(50 * 900, usage["attributes"].Amount);
        Assert.Equal(50, usage["bulk"].Count);
    }

    [Fact]
    public async Task Two_hosts_writing_at_once_extend_one_chain_without_a_fork()
    {
        await using var first = _db.BuildServices();
        await using var second = _db.BuildServices();
        var institution = Guid.NewGuid();
        var a = first.GetRequiredService<QueryLedger>();
        var b = second.GetRequiredService<QueryLedger>();
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            (i % 2 == 0 ? a : b).AppendAsync(Query(institution, "1143321936", DateTimeOffset.UtcNow), CancellationToken.None)));

        await using var scope = first.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(null, CancellationToken.None);
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(120, check.Records);
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        Assert.Equal(120, await db.Usage.Where(u => u.InstitutionId == institution).SumAsync(u => u.Count));
    }

    [Fact]
    public async Task The_verifier_names_a_record_changed_after_it_was_written()
    {
        await using var services = _db.BuildServices();
        var ledger = services.GetRequiredService<QueryLedger>();
        var institution = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await ledger.AppendAsync(Query(institution, "1143321936", DateTimeOffset.UtcNow), CancellationToken.None);
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        await db.QueryRecords.Where(q => q.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(q => q.Purpose, "marketing"));
        var check = await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(null, CancellationToken.None);
        Assert.False(check.Intact);
        Assert.Equal(3, check.FirstBroken);
    }

    [Fact]
    public async Task The_quota_admits_exactly_up_to_the_limit_under_concurrency_and_counts_what_another_host_recorded()
    {
        await using var services = _db.BuildServices();
        var meter = services.GetRequiredService<UsageMeter>();
        var institution = Guid.NewGuid();
        var month = UsageMeter.MonthOf(DateTimeOffset.UtcNow);
        var admitted = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => meter.TryAdmitAsync(institution, month, 40, 1, CancellationToken.None).AsTask()));
        Assert.Equal(40, admitted.Count(a => a));

        // Another host (another service provider on the same database) has recorded 30 queries this month.
        await using var other = _db.BuildServices();
        var otherLedger = other.GetRequiredService<QueryLedger>();
        var another = Guid.NewGuid();
        for (var i = 0; i < 30; i++)
        {
            await otherLedger.AppendAsync(Query(another, "1143321936", DateTimeOffset.UtcNow), CancellationToken.None);
        }

        // This host knows nothing of them yet; its first admission reads the total.
        Assert.True(await meter.TryAdmitAsync(another, month, 31, 1, CancellationToken.None));
        Assert.False(await meter.TryAdmitAsync(another, month, 31, 1, CancellationToken.None));
    }

    [Fact]
    public async Task The_projection_follows_births_and_deaths_and_applies_a_change_only_once()
    {
        await using var services = _db.BuildServices(s => s.AddSingleton<ProjectionStatus>().AddSingleton<PersonProjector>());
        var projector = services.GetRequiredService<PersonProjector>();
        await projector.RunOnceAsync(CancellationToken.None); // builds the (empty) store
        var village = await VillageAsync(services);
        PersonRecord child;
        await using (var scope = services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<IPopulationRegistry>();
            child = (await registry.RegisterNewbornAsync(new Newborn("ចាន់", "ដាលីន", "Chan", "Dalin", Sex.Female,
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), village, village, null, null, "សុខ ស្រីល័ក្ខ", null, null, "Birth registered"),
                Actor.Platform("test"), "test:" + Guid.NewGuid(), CancellationToken.None)).Value!;
        }

        await projector.RunOnceAsync(CancellationToken.None);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
            var row = await db.Persons.AsNoTracking().SingleAsync(p => p.Kidc == child.Kidc);
            Assert.True(row.Alive);
            Assert.Equal("Dalin", row.GivenNameLatin);
            Assert.Equal(child.Version, row.Version);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<IPopulationRegistry>();
            Assert.True((await registry.RecordDeathAsync(child.Kidc, DateOnly.FromDateTime(DateTime.UtcNow), Actor.Platform("test"), "test:" + Guid.NewGuid(), CancellationToken.None)).IsOk);
        }

        await projector.RunOnceAsync(CancellationToken.None);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
            var row = await db.Persons.AsNoTracking().SingleAsync(p => p.Kidc == child.Kidc);
            Assert.False(row.Alive);
            Assert.NotNull(row.DeathDate);

            // Re-applying the older facts (a replayed change) does not bring the person back to life.
            var stale = new PersonFacts(row.PersonId, row.Kidc, 1, row.SurnameKm, row.GivenNameKm, row.SurnameLatin, row.GivenNameLatin, Sex.Female,
                row.BirthYear, row.BirthMonth, row.BirthDay, row.BirthPlaceCode, null, "KH", row.ResidenceVillageCode, LifeStatus.Alive, null);
            await ProjectionWriter.UpsertAsync(db, [(stale, 0)], 0, CancellationToken.None);
            Assert.False((await db.Persons.AsNoTracking().SingleAsync(p => p.Kidc == child.Kidc)).Alive);
            var state = await db.ProjectionStates.AsNoTracking().SingleAsync();
            Assert.True(state.Ready);
            Assert.True(state.Position >= 2);
        }
    }

    [Fact]
    public async Task A_rebuild_copies_every_person_and_sets_the_cursor_to_the_feed_head()
    {
        await using var services = _db.BuildServices();
        var village = await VillageAsync(services);
        for (var i = 0; i < 3; i++)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IPopulationRegistry>().RegisterNewbornAsync(new Newborn("ចាន់", "ដាលីន", "Chan", "Dalin", Sex.Female,
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), village, village, null, null, "សុខ ស្រីល័ក្ខ", null, null, "Birth registered"),
                Actor.Platform("test"), "test:" + Guid.NewGuid(), CancellationToken.None);
        }

        var reported = new List<long>();
        var copied = await PersonProjector.RebuildAsync(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            NullLogger.Instance, new SynchronousProgress(reported), CancellationToken.None);
        Assert.Equal(3, copied);
        Assert.Equal(3, reported.Last());
        await using var check = services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<VerificationDbContext>();
        var feed = check.ServiceProvider.GetRequiredService<IPersonChangeFeed>();
        Assert.Equal(3, await db.Persons.CountAsync());
        Assert.Equal(await feed.HeadAsync(CancellationToken.None), (await db.ProjectionStates.SingleAsync()).Position);
    }

    private sealed class SynchronousProgress(List<long> values) : IProgress<long>
    {
        public void Report(long value) => values.Add(value);
    }

    private static async Task<string> VillageAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<Nokor.Platform.Data.PlatformDbContext>();
        await Nokor.Platform.Gazetteer.GazetteerLoader.EnsureLoadedAsync(platform, CancellationToken.None);
        return await platform.GazetteerUnits.Where(u => u.Level == Nokor.Platform.Gazetteer.AdminLevel.Village).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
    }
}
