using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Audit;
using Nokor.Platform.Data;
using Nokor.Platform.Staff;
using Nokor.Testing;

namespace Nokor.Platform.Tests.Audit;

public sealed class AuditCheckpointTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "nokor-tests", "keys-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _services = _db.BuildServices(s => s.AddSingleton(new Nokor.Platform.Signing.SigningKeyRing(_keys)));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task AppendAsync(int count)
    {
        var log = _services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(new AuditEvent(Actor.Platform("test"), "test.event", "thing", $"t{i}", "testing"), CancellationToken.None);
        }
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    private async Task<AuditCheckpoint> CheckpointAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AuditCheckpointer>().CreateAsync(CancellationToken.None))!;
    }

    private async Task SqlAsync(FormattableString sql)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlAsync(sql);
    }

    [Fact]
    public async Task Entries_deleted_from_the_end_of_the_chain_are_caught_by_a_signed_checkpoint()
    {
        await AppendAsync(6);
        var checkpoint = await CheckpointAsync();
        Assert.Equal(6, checkpoint.Sequence);
        await AppendAsync(2);
        Assert.True((await VerifyAsync()).Ok);

        // Without the checkpoint, deleting the last entries would leave a chain that verifies.
        await SqlAsync($"DELETE FROM audit_entries WHERE \"Sequence\" >= 5");
        var result = await VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(AuditChainBreak.Truncated, result.Break);
        Assert.Equal(5, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task A_checkpoint_edited_or_forged_without_the_key_is_caught()
    {
        await AppendAsync(3);
        await CheckpointAsync();
        await SqlAsync($"UPDATE audit_checkpoints SET \"Hash\" = {new string('0', 64)}");
        var result = await VerifyAsync();
        Assert.Equal(AuditChainBreak.CheckpointForged, result.Break);
    }

    [Fact]
    public async Task A_chain_rewritten_and_rehashed_below_a_checkpoint_no_longer_matches_it()
    {
        await AppendAsync(4);
        var checkpoint = await CheckpointAsync();

        // Rewrite the whole chain consistently (as someone with database access could), from entry 2.
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
            entries[1].Purpose = "rewritten";
            for (var i = 1; i < entries.Count; i++)
            {
                entries[i].PreviousHash = entries[i - 1].Hash;
                entries[i].Hash = AuditChainHash.Compute(entries[i].PreviousHash, entries[i]);
            }

            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync();
        Assert.Equal(AuditChainBreak.CheckpointMismatch, result.Break);
        Assert.Equal(checkpoint.Sequence, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task Checkpointing_the_same_head_twice_keeps_one_checkpoint()
    {
        await AppendAsync(2);
        var first = await CheckpointAsync();
        var second = await CheckpointAsync();
        Assert.Equal(first.Token, second.Token);
        Assert.True((await VerifyAsync()).Ok);
    }
}
