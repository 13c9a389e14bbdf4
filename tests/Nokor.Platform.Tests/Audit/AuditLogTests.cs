using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nokor.Platform.Audit;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;
using Nokor.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Nokor.Platform.Tests.Audit;

public sealed class AuditLogTests(ITestOutputHelper output)
{
    private static readonly Actor Registrar = new(
        "staff", "user-17", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Jurisdiction.National,
        new HashSet<string> { Roles.Registrar });

    private static AuditEvent Read(string subjectId, string purpose = "registration check") =>
        new(Registrar, "person.read", "person", subjectId, purpose);

    [Fact]
    public async Task Concurrent_appends_form_one_contiguous_chain()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        var log = services.GetRequiredService<IAuditLog>();
        const int callers = 32;
        const int perCaller = 100;

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                await log.AppendAsync(Read($"P-{c}-{i}"));
            }
        })));
        watch.Stop();
        output.WriteLine($"{db.Settings.Provider}: {callers * perCaller} appends from {callers} callers in {watch.ElapsedMilliseconds} ms " +
            $"({callers * perCaller / watch.Elapsed.TotalSeconds:F0}/s)");

        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var sequences = await context.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, callers * perCaller).Select(i => (long)i), sequences);
        Assert.Equal(callers * perCaller, await context.AuditEntries.Select(e => e.SubjectId).Distinct().CountAsync());

        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(callers * perCaller, result.Count);
    }

    [Fact]
    public async Task Two_writers_on_one_database_share_the_chain()
    {
        // Two service providers stand for two processes (web host and CLI): each has its own writer.
        await using var db = await TestDatabase.CreateAsync();
        await using var first = db.BuildServices();
        await using var second = db.BuildServices();
        var logs = new[] { first.GetRequiredService<IAuditLog>(), second.GetRequiredService<IAuditLog>() };

        await Task.WhenAll(Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await logs[c % 2].AppendAsync(Read($"P-{c}-{i}"));
            }
        })));

        await using var scope = first.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(800, result.Count);
    }

    [Fact]
    public async Task An_entry_is_stored_as_appended_with_a_microsecond_timestamp()
    {
        await using var db = await TestDatabase.CreateAsync();
        var now = new DateTimeOffset(2026, 11, 23, 9, 35, 10, TimeSpan.Zero).AddTicks(1_234_567);
        await using var services = db.BuildServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedTime(now))));
        var log = services.GetRequiredService<IAuditLog>();

        await log.AppendAsync(new AuditEvent(Registrar, "person.update", "person", "KH-1", "correction of a spelling", "{\"fields\":[\"name\"]}"));
        await log.AppendAsync(new AuditEvent(Actor.Platform("import"), "person.create", "person", "KH-2", "bulk import"));

        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entries = await context.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(2, entries.Count);

        var first = entries[0];
        Assert.Equal(1, first.Sequence);
        Assert.Equal(now.AddTicks(-7), first.At);
        Assert.Equal("staff", first.ActorKind);
        Assert.Equal("user-17", first.ActorId);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", first.ActorOffice);
        Assert.Equal("{\"fields\":[\"name\"]}", first.Details);
        Assert.Equal(AuditChainHash.Genesis, first.PreviousHash);
        Assert.Equal(AuditChainHash.Compute(AuditChainHash.Genesis, first), first.Hash);

        var second = entries[1];
        Assert.Equal("system", second.ActorKind);
        Assert.Null(second.ActorOffice);
        Assert.Null(second.Details);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(AuditChainHash.Compute(first.Hash, second), second.Hash);
    }

    [Fact]
    public async Task Invalid_events_fail_their_caller_only()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        var log = services.GetRequiredService<IAuditLog>();

        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(Read("KH-1", new string('x', 501))));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(Read("KH-1", "")));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(Read("KH-\0")));
        await log.AppendAsync(Read("KH-1"));

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(result.Ok, result.Reason);
        Assert.Equal(1, result.Count);
    }

    [Fact]
    public async Task A_failed_commit_fails_the_callers()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        var log = services.GetRequiredService<IAuditLog>();
        await log.AppendAsync(Read("KH-1"));

        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries RENAME TO audit_entries_gone");
        }

        // The database's own error reaches the caller unchanged: the table is missing.
        if (db.IsPostgres)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => log.AppendAsync(Read("KH-2")));
            Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
            Assert.Contains("\"audit_entries\" does not exist", error.MessageText, StringComparison.Ordinal);
        }
        else
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => log.AppendAsync(Read("KH-2")));
            Assert.Equal(1, error.SqliteErrorCode);
            Assert.Contains("no such table: audit_entries", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Appending_after_dispose_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var services = db.BuildServices();
        var log = services.GetRequiredService<IAuditLog>();
        await log.AppendAsync(Read("KH-1"));
        await services.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.AppendAsync(Read("KH-2")));
    }

    [Fact]
    public async Task Subject_history_is_newest_first()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        var log = services.GetRequiredService<IAuditLog>();
        foreach (var purpose in new[] { "one", "two", "three" })
        {
            await log.AppendAsync(Read("KH-1", purpose));
            await log.AppendAsync(Read("KH-2", purpose));
        }

        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var history = await AuditQueries.ForSubjectAsync(context, "person", "KH-1", 2);

        Assert.Equal(["three", "two"], history.Select(e => e.Purpose));
        Assert.Equal([5L, 3L], history.Select(e => e.Sequence));
        Assert.Empty(await AuditQueries.ForSubjectAsync(context, "person", "KH-9", 10));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
