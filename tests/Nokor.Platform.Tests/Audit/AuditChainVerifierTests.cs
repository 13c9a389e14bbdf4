using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Audit;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;
using Nokor.Testing;

namespace Nokor.Platform.Tests.Audit;

public sealed class AuditChainVerifierTests
{
    private static async Task AppendAsync(IServiceProvider services, int count)
    {
        var log = services.GetRequiredService<IAuditLog>();
        var actor = Actor.Platform("tests");
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(new AuditEvent(actor, "person.read", "person", $"KH-{i}", "verification test"));
        }
    }

    private static async Task ExecuteAsync(IServiceProvider services, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await context.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<AuditVerification> VerifyAsync(IServiceProvider services, IProgress<long>? progress = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(progress);
    }

    [Fact]
    public async Task An_empty_chain_holds()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();

        var result = await VerifyAsync(services);

        Assert.True(result.Ok);
        Assert.Equal(0, result.Count);
    }

    [Fact]
    public async Task An_edited_entry_is_named()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        await AppendAsync(services, 20);
        Assert.True((await VerifyAsync(services)).Ok);

        await ExecuteAsync(services, "UPDATE audit_entries SET \"Purpose\" = 'curiosity' WHERE \"Sequence\" = 7");
        var result = await VerifyAsync(services);

        Assert.False(result.Ok);
        Assert.Equal(7, result.FirstBrokenSequence);
        Assert.Equal(AuditChainBreak.HashMismatch, result.Break);
        Assert.Equal(6, result.Count);
        Assert.Contains("edited", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_and_rehashed_entry_breaks_the_next_link()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        await AppendAsync(services, 10);

        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var entry = await context.AuditEntries.SingleAsync(e => e.Sequence == 4);
            entry.SubjectId = "KH-999";
            entry.Hash = AuditChainHash.Compute(entry.PreviousHash, entry);
            await context.SaveChangesAsync();
        }

        var result = await VerifyAsync(services);

        Assert.False(result.Ok);
        Assert.Equal(5, result.FirstBrokenSequence);
        Assert.Equal(AuditChainBreak.PreviousHashMismatch, result.Break);
    }

    [Fact]
    public async Task A_deleted_entry_is_named()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        await AppendAsync(services, 20);

        await ExecuteAsync(services, "DELETE FROM audit_entries WHERE \"Sequence\" = 12");
        var result = await VerifyAsync(services);

        Assert.False(result.Ok);
        Assert.Equal(12, result.FirstBrokenSequence);
        Assert.Equal(AuditChainBreak.MissingEntries, result.Break);
        Assert.Equal(13, result.BrokenEntry!.Sequence);
        Assert.Contains("entry 12 is missing", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_first_entry_is_named()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        await AppendAsync(services, 3);

        await ExecuteAsync(services, "DELETE FROM audit_entries WHERE \"Sequence\" = 1");
        var result = await VerifyAsync(services);

        Assert.False(result.Ok);
        Assert.Equal(1, result.FirstBrokenSequence);
        Assert.Equal(AuditChainBreak.MissingEntries, result.Break);
    }

    [Fact]
    public async Task The_chain_is_read_in_pages_with_progress()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        var log = services.GetRequiredService<IAuditLog>();
        var actor = Actor.Platform("tests");
        var total = AuditChainVerifier.PageSize + 500;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(c => Task.Run(async () =>
        {
            for (var i = c; i < total; i += 32)
            {
                await log.AppendAsync(new AuditEvent(actor, "person.read", "person", $"KH-{i}", "paging test"));
            }
        })));

        var reports = new List<long>();
        var result = await VerifyAsync(services, new ListProgress(reports));

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(total, result.Count);
        Assert.Equal([AuditChainVerifier.PageSize, total], reports);
    }

    [Fact]
    public async Task The_verify_command_exits_0_then_1_after_tampering()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var services = db.BuildServices();
        await AppendAsync(services, 15);

        var reports = new List<long>();
        long? announced = null;
        var intact = await AuditVerifyCommand.RunAsync(services, total =>
        {
            announced = total;
            return new ListProgress(reports);
        }, CancellationToken.None);

        Assert.Equal(0, intact.ExitCode);
        Assert.Equal(15, announced);
        Assert.Equal([15L], reports);
        Assert.Contains("15 entries", intact.Message, StringComparison.Ordinal);

        await ExecuteAsync(services, "UPDATE audit_entries SET \"Purpose\" = 'curiosity' WHERE \"Sequence\" = 9");
        var broken = await AuditVerifyCommand.RunAsync(services, null, CancellationToken.None);

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("entry 9 (", broken.Message, StringComparison.Ordinal);
        Assert.Contains("person.read", broken.Message, StringComparison.Ordinal);
        Assert.Contains("edited", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("KH-9", broken.Message, StringComparison.Ordinal);
    }

    private sealed class ListProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
