using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Population.Data;
using Nokor.Population.Kidc;
using Nokor.Testing;
using Nokor.Population.Contracts;

namespace Nokor.Population.Tests.Kidc;

public sealed class KidcServiceTests
{
    private static (ServiceProvider Services, AsyncServiceScope Scope) Build(TestDatabase db, Func<int> draw)
    {
        var services = db.BuildServices(s => s.AddSingleton(new KidcGenerator(draw)));
        return (services, services.CreateAsyncScope());
    }

    [Fact]
    public async Task A_code_already_issued_or_voided_is_never_issued_again()
    {
        await using var db = await TestDatabase.CreateAsync();
        // The first three draws give codes already in the table (one of them voided), the fourth a new one.
        var draws = new Queue<int>([11111111, 22222222, 11111111, 33333334, 44444444]);
        var (services, scope) = Build(db, () => draws.Dequeue());
        await using (services)
        await using (scope)
        {
            var population = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            var taken = new[] { KidcRule.Complete("111111111"), KidcRule.Complete("122222222") };
            Assert.All(taken, Assert.NotNull);
            population.IssuedKidcs.Add(new IssuedKidcEntity { Code = taken[0]!, Status = KidcStatus.Assigned, IssuedAt = DateTimeOffset.UtcNow });
            population.IssuedKidcs.Add(new IssuedKidcEntity { Code = taken[1]!, Status = KidcStatus.Voided, IssuedAt = DateTimeOffset.UtcNow, VoidReason = "test" });
            await population.SaveChangesAsync();

            var kidcs = scope.ServiceProvider.GetRequiredService<KidcService>();
            var code = await kidcs.IssueAsync(KidcCategory.Citizen, Guid.NewGuid(), CancellationToken.None);
            Assert.DoesNotContain(code, taken);
            Assert.True(KidcRule.IsValid(code));
            await population.SaveChangesAsync();
            Assert.Equal(3, await population.IssuedKidcs.CountAsync());
        }
    }

    [Fact]
    public async Task Bulk_issue_returns_unique_codes_none_of_them_already_issued()
    {
        await using var db = await TestDatabase.CreateAsync();
        // A tiny random space (0..2999) forces many collisions between draws and with the table.
        var random = new Random(7);
        var (services, scope) = Build(db, () => random.Next(0, 3000));
        await using (services)
        await using (scope)
        {
            var population = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            var kidcs = scope.ServiceProvider.GetRequiredService<KidcService>();
            var first = await kidcs.IssueManyAsync(KidcCategory.Citizen, 1000, CancellationToken.None);
            population.IssuedKidcs.AddRange(first.Select(c => new IssuedKidcEntity { Code = c, Status = KidcStatus.Assigned, IssuedAt = DateTimeOffset.UtcNow }));
            await population.SaveChangesAsync();

            var second = await kidcs.IssueManyAsync(KidcCategory.Citizen, 1000, CancellationToken.None);
            Assert.Equal(1000, first.Distinct().Count());
            Assert.Equal(1000, second.Distinct().Count());
            Assert.Empty(first.Intersect(second));
            Assert.All(second, c => Assert.True(KidcRule.IsValid(c)));
        }
    }

    [Fact]
    public async Task Voiding_keeps_the_code()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (services, scope) = Build(db, () => 55555555);
        await using (services)
        await using (scope)
        {
            var population = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            var kidcs = scope.ServiceProvider.GetRequiredService<KidcService>();
            var code = await kidcs.IssueAsync(KidcCategory.Citizen, Guid.NewGuid(), CancellationToken.None);
            await population.SaveChangesAsync();
            Assert.True(await kidcs.VoidAsync(code, "Issued in error", CancellationToken.None));
            var row = await population.IssuedKidcs.AsNoTracking().SingleAsync(k => k.Code == code);
            Assert.Equal(KidcStatus.Voided, row.Status);
            await Assert.ThrowsAsync<InvalidOperationException>(() => kidcs.IssueAsync(KidcCategory.Citizen, Guid.NewGuid(), CancellationToken.None));
        }
    }
    [Fact]
    public async Task Bulk_issue_skips_voided_codes_and_codes_added_but_not_yet_saved()
    {
        await using var db = await TestDatabase.CreateAsync();
        // Eight random digits from 0..19 only: 20 possible citizen bodies, a few of which have no check digit.
        var random = new Random(3);
        var (services, scope) = Build(db, () => random.Next(0, 20));
        await using (services)
        await using (scope)
        {
            var population = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            var possible = Enumerable.Range(0, 20).Select(i => KidcRule.Complete("1" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture))).OfType<string>().ToList();
            var voided = possible[0];
            var saved = possible[1];
            population.IssuedKidcs.Add(new IssuedKidcEntity { Code = voided, Status = KidcStatus.Voided, IssuedAt = DateTimeOffset.UtcNow, VoidReason = "test" });
            population.IssuedKidcs.Add(new IssuedKidcEntity { Code = saved, Status = KidcStatus.Assigned, IssuedAt = DateTimeOffset.UtcNow });
            await population.SaveChangesAsync();

            var kidcs = scope.ServiceProvider.GetRequiredService<KidcService>();
            var pending = await kidcs.IssueAsync(KidcCategory.Citizen, Guid.NewGuid(), CancellationToken.None); // tracked, not saved
            var rest = await kidcs.IssueManyAsync(KidcCategory.Citizen, possible.Count - 3, CancellationToken.None);

            Assert.DoesNotContain(voided, rest);
            Assert.DoesNotContain(saved, rest);
            Assert.DoesNotContain(pending, rest);
            Assert.Equal(rest.Count, rest.Distinct().Count());
            Assert.Equal(possible.Except([voided, saved, pending]).Order(), rest.Order());

            // The space is now exhausted: asking for one more fails instead of looping for ever.
            await Assert.ThrowsAsync<InvalidOperationException>(() => kidcs.IssueManyAsync(KidcCategory.Citizen, possible.Count - 2, CancellationToken.None));
            Assert.Empty(await kidcs.IssueManyAsync(KidcCategory.Citizen, 0, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Bulk_issue_checks_the_table_across_several_batches()
    {
        await using var db = await TestDatabase.CreateAsync();
        var random = new Random(11);
        // 30,000 draws over a space of 40,000 bodies: many candidates collide with the 8,000 stored codes.
        var (services, scope) = Build(db, () => random.Next(0, 40_000));
        await using (services)
        await using (scope)
        {
            var population = scope.ServiceProvider.GetRequiredService<PopulationDbContext>();
            var kidcs = scope.ServiceProvider.GetRequiredService<KidcService>();
            var stored = await kidcs.IssueManyAsync(KidcCategory.ForeignResident, 8_000, CancellationToken.None);
            population.IssuedKidcs.AddRange(stored.Select(c => new IssuedKidcEntity { Code = c, Status = KidcStatus.Assigned, IssuedAt = DateTimeOffset.UtcNow }));
            await population.SaveChangesAsync();
            population.ChangeTracker.Clear();

            var fresh = await kidcs.IssueManyAsync(KidcCategory.ForeignResident, 12_000, CancellationToken.None);
            Assert.Equal(12_000, fresh.Count);
            Assert.Equal(12_000, fresh.Distinct().Count());
            Assert.Empty(fresh.Intersect(stored));
            Assert.All(fresh, c => Assert.StartsWith("2", c));
        }
    }

    [Fact]
    public async Task Voiding_an_unknown_code_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (services, scope) = Build(db, () => 1);
        await using (services)
        await using (scope)
        {
            var kidcs = scope.ServiceProvider.GetRequiredService<KidcService>();
            Assert.False(await kidcs.VoidAsync("1987654323", "never issued", CancellationToken.None));
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PopulationDbContext>().IssuedKidcs.CountAsync());
        }
    }
}
