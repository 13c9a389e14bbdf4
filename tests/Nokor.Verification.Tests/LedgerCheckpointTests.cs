using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nokor.Platform.Chains;
using Nokor.Platform.Signing;
using Nokor.Testing;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;

namespace Nokor.Verification.Tests;

/// <summary>
/// Issue 14 item 3 for the verification query ledger: chained checkpoints, one closing every
/// period that had records, and a witness of the head. SQLite, or PostgreSQL with NOKOR_TEST_POSTGRES.
/// </summary>
public sealed class LedgerCheckpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 10, TimeSpan.Zero);
    private static readonly Guid Institution = Guid.NewGuid();

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nokor-tests", "ledger-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _services = Services();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _db.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private ServiceProvider Services() => _db.BuildServices(s => s.AddSingleton(new SigningKeyRing(Path.Combine(_dir, "keys"))));

    [Fact]
    public async Task An_untouched_ledger_verifies_with_one_chained_checkpoint_closing_every_period()
    {
        await FourPeriodsAsync();

        var check = await VerifyAsync();

        Assert.True(check.Intact, check.Problem);
        Assert.Equal(11, check.Records);
        var checkpoints = await CheckpointsAsync();
        Assert.Equal([1L, 2L, 3L], checkpoints.Select(c => c.Number));
        Assert.Equal([3L, 6L, 9L], checkpoints.Select(c => c.Sequence));
        Assert.Equal(ChainCheckpoints.Digest(checkpoints[1].Token), checkpoints[2].Previous);
    }

    [Fact]
    public async Task Editing_a_record_recomputing_the_chain_and_deleting_the_checkpoints_from_there_is_caught()
    {
        await FourPeriodsAsync();

        await RewriteFromAsync(5);

        var check = await VerifyAsync();
        Assert.False(check.Intact);
        Assert.Equal(CheckpointFault.PeriodWithoutCheckpoint, check.Fault);
        Assert.Equal(6, check.FirstBroken);
        Assert.StartsWith("Entry 6 closed the period 2026-12-07 08:05:00Z–2026-12-07 08:10:00Z but no signed checkpoint holds it", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_deleted_from_the_middle_breaks_the_chain_of_checkpoints()
    {
        await FourPeriodsAsync();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VerificationDbContext>().Checkpoints.Where(c => c.Number == 2).ExecuteDeleteAsync();
        }

        var check = await VerifyAsync();

        Assert.Equal(CheckpointFault.ChainBroken, check.Fault);
        Assert.Contains("Checkpoint 2 is missing from the chain of checkpoints", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_with_records_that_ended_without_a_checkpoint_is_a_break()
    {
        await FourPeriodsAsync();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<VerificationDbContext>().Checkpoints.Where(c => c.Number == 3).ExecuteDeleteAsync();
        }

        var check = await VerifyAsync();

        Assert.Equal(CheckpointFault.PeriodWithoutCheckpoint, check.Fault);
        Assert.Equal(9, check.FirstBroken);
    }

    [Fact]
    public async Task A_witness_passes_on_the_untouched_ledger_and_fails_after_a_rewrite_of_the_open_tail()
    {
        await FourPeriodsAsync();
        var witness = await ExportHeadAsync();
        Assert.Equal(11, witness.Sequence);
        Assert.Equal(4, witness.Checkpoint);
        Assert.True((await VerifyAsync(witness)).Intact);

        await RewriteFromAsync(10);

        Assert.True((await VerifyAsync()).Intact, "the open tail is tolerated without a witness");
        var check = await VerifyAsync(witness);
        Assert.False(check.Intact);
        Assert.Equal(CheckpointFault.WitnessNotInHistory, check.Fault);
    }

    [Fact]
    public async Task A_forged_witness_or_one_of_the_audit_chain_is_refused()
    {
        await FourPeriodsAsync();
        var witness = await ExportHeadAsync();
        var keys = _services.GetRequiredService<SigningKeyRing>().GetPublicKeySet();

        Assert.False(ChainHead.TryRead((witness with { Sequence = 99 }).ToJson(), LedgerCheckpoints.ChainName, keys, out _, out var problem, out _));
        Assert.Equal(ChainHeadProblem.NotGenuine, problem);

        Assert.False(ChainHead.TryRead(witness.ToJson(), "audit", keys, out _, out problem, out var error));
        Assert.Equal(ChainHeadProblem.WrongChain, problem);
        Assert.Equal("the witness is the head of the 'verification' chain, not of 'audit'", error);
    }

    [Fact]
    public async Task The_head_endpoint_answers_the_newest_checkpoint_which_verifies_with_the_published_keys()
    {
        await FourPeriodsAsync();
        await using var scope = _services.CreateAsyncScope();
        var answer = await GetLedgerHead.GetAsync(scope.ServiceProvider.GetRequiredService<VerificationDbContext>(),
            new Microsoft.AspNetCore.Http.DefaultHttpContext(), CancellationToken.None);

        var head = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.Ok<ChainHead>>(answer.Result).Value!;
        Assert.Equal(LedgerCheckpoints.ChainName, head.Chain);
        Assert.Equal(9, head.Sequence);
        var published = PublicKeySet.Parse(_services.GetRequiredService<SigningKeyRing>().GetPublicKeySet().ToJson());
        Assert.True(ChainHead.TryRead(JsonSerializer.Serialize(head), LedgerCheckpoints.ChainName, published, out _, out _, out var error), error);
    }

    [Fact]
    public async Task Two_hosts_writing_across_periods_keep_one_unbroken_chain_of_checkpoints()
    {
        await using var second = Services();
        var a = _services.GetRequiredService<QueryLedger>();
        var b = second.GetRequiredService<QueryLedger>();
        for (var period = 0; period < 4; period++)
        {
            var at = Start.AddMinutes(5 * period);
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
                (i % 2 == 0 ? a : b).AppendAsync(Query(at.AddSeconds(i)), CancellationToken.None)));
        }

        var check = await VerifyAsync();

        Assert.True(check.Intact, check.Problem);
        Assert.Equal(80, check.Records);
        var numbers = (await CheckpointsAsync()).Select(c => c.Number).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count).Select(n => (long)n), numbers);
        Assert.True(numbers.Count >= 3);
    }

    private static QueryRecord Query(DateTimeOffset at) =>
        new(at, "req-" + Guid.NewGuid().ToString("N"), Institution, Guid.NewGuid(), "user", "account-opening", "verify", "1143321936", "match", null, null, null, 100);

    // Records 1–3 (08:00), 4–6 (08:05), 7–9 (08:10), 10–11 (08:15).
    private async Task FourPeriodsAsync()
    {
        var ledger = _services.GetRequiredService<QueryLedger>();
        int[] perPeriod = [3, 3, 3, 2];
        for (var period = 0; period < perPeriod.Length; period++)
        {
            for (var i = 0; i < perPeriod[period]; i++)
            {
                await ledger.AppendAsync(Query(Start.AddMinutes(5 * period).AddSeconds(i)), CancellationToken.None);
            }
        }
    }

    private async Task RewriteFromAsync(long from)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VerificationDbContext>();
        var records = await db.QueryRecords.OrderBy(q => q.Sequence).ToListAsync();
        var previous = from == 1 ? LedgerHash.Genesis : records.Single(q => q.Sequence == from - 1).Hash;
        foreach (var record in records.Where(q => q.Sequence >= from))
        {
            if (record.Sequence == from)
            {
                record.Purpose = "marketing";
            }

            record.PreviousHash = previous;
            record.Hash = LedgerHash.Compute(previous, record);
            previous = record.Hash;
        }

        await db.SaveChangesAsync();
        await db.Checkpoints.Where(c => c.Sequence >= from).ExecuteDeleteAsync();
    }

    private async Task<ChainHead> ExportHeadAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var checkpoint = await scope.ServiceProvider.GetRequiredService<LedgerCheckpointer>().CreateAsync(CancellationToken.None);
        return ChainHead.From(LedgerCheckpoints.ChainName, checkpoint!);
    }

    private async Task<LedgerCheck> VerifyAsync(ChainHead? witness = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerVerifier>().VerifyAsync(witness, null, CancellationToken.None);
    }

    private async Task<List<LedgerCheckpointEntity>> CheckpointsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VerificationDbContext>().Checkpoints.AsNoTracking().OrderBy(c => c.Number).ToListAsync();
    }
}
