using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nokor.Platform.Audit;
using Nokor.Platform.Chains;
using Nokor.Platform.Data;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;
using Nokor.Testing;

namespace Nokor.Platform.Tests.Audit;

/// <summary>
/// Issue 14 item 3: the audit chain cannot be rewritten from an entry on without <c>audit verify</c>
/// noticing, because checkpoints chain to each other, every period that had entries ends with one,
/// and a witness kept outside the database pins the head. Runs on SQLite and on PostgreSQL.
/// </summary>
public sealed class AuditChainedCheckpointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 8, 0, 10, TimeSpan.Zero);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nokor-tests", "chained-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(Start);
    private TestDatabase _db = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _services = _db.BuildServices(s =>
        {
            s.AddSingleton(new SigningKeyRing(Path.Combine(_dir, "keys")));
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock));
        });
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

    [Fact]
    public async Task An_untouched_chain_verifies_with_one_chained_checkpoint_closing_every_period_across_a_key_rotation()
    {
        await FourPeriodsAsync(rotateAfterFirst: true);

        var result = await VerifyAsync();

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(11, result.Count);
        var checkpoints = await CheckpointsAsync();
        Assert.Equal([1L, 2L, 3L], checkpoints.Select(c => c.Number!.Value));
        Assert.Equal([3L, 6L, 9L], checkpoints.Select(c => c.Sequence));
        Assert.Equal(ChainCheckpoints.Genesis, checkpoints[0].Previous);
        Assert.Equal(ChainCheckpoints.Digest(checkpoints[0].Token), checkpoints[1].Previous);
    }

    [Fact]
    public async Task Editing_an_entry_recomputing_the_chain_and_deleting_the_checkpoints_from_there_is_caught_at_the_first_period_left_unclosed()
    {
        await FourPeriodsAsync();

        await RewriteFromAsync(5);

        var result = await VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(AuditChainBreak.PeriodWithoutCheckpoint, result.Break);
        Assert.Equal(6, result.FirstBrokenSequence);
        Assert.Contains("entry 6 closed the period 2026-12-07 08:05:00Z–2026-12-07 08:10:00Z", result.Reason, StringComparison.Ordinal);
        Assert.Contains("checkpoint 1, of entry 3", result.Reason, StringComparison.Ordinal);
        Assert.Equal(5, result.Count);
    }

    [Fact]
    public async Task The_same_attack_fails_against_a_witness_exported_before_it()
    {
        await FourPeriodsAsync();
        var witness = await ExportHeadAsync();
        Assert.Equal(12, witness.Sequence);
        Assert.Equal(0, (await VerifyWithWitnessAsync(witness)).ExitCode);

        await RewriteFromAsync(5);

        var outcome = await VerifyWithWitnessAsync(witness);
        Assert.Equal(AuditVerifyCommand.Broken, outcome.ExitCode);
        Assert.Equal(AuditChainBreak.WitnessNotInHistory, outcome.Verification!.Break);
        Assert.Contains("the witnessed checkpoint 4 (of entry 12", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewrite_of_the_open_tail_passes_the_period_rule_but_not_the_witness()
    {
        await FourPeriodsAsync();
        var witness = await ExportHeadAsync();

        // Entries 10 to 12 are in the newest period; the attacker rewrites from 11 and deletes the head checkpoint.
        await RewriteFromAsync(11);

        Assert.True((await VerifyAsync()).Ok, "the open tail is tolerated without a witness");
        var outcome = await VerifyWithWitnessAsync(witness);
        Assert.Equal(AuditVerifyCommand.Broken, outcome.ExitCode);
        Assert.Equal(AuditChainBreak.WitnessNotInHistory, outcome.Verification!.Break);
    }

    [Fact]
    public async Task A_witness_whose_entry_was_rewritten_but_whose_checkpoint_row_remains_fails_at_that_entry()
    {
        await FourPeriodsAsync();
        var witness = await ExportHeadAsync();

        // Keep every checkpoint row, rewrite only the witnessed entry itself: the checkpoint that
        // holds it catches the rewrite first, naming the entry.
        await RewriteFromAsync(12, deleteCheckpoints: false);

        var outcome = await VerifyWithWitnessAsync(witness);
        Assert.Equal(AuditVerifyCommand.Broken, outcome.ExitCode);
        Assert.Equal(12, outcome.Verification!.FirstBrokenSequence);
        Assert.Equal(AuditChainBreak.CheckpointMismatch, outcome.Verification.Break);
    }

    [Fact]
    public async Task A_checkpoint_deleted_from_the_middle_breaks_the_chain_of_checkpoints()
    {
        await FourPeriodsAsync();
        await SqlAsync($"DELETE FROM audit_checkpoints WHERE \"Number\" = 2");

        var result = await VerifyAsync();

        Assert.Equal(AuditChainBreak.CheckpointChainBroken, result.Break);
        Assert.Contains("checkpoint 2 is missing from the chain of checkpoints (the next is 3, of entry 9)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_with_entries_that_ended_without_a_checkpoint_is_a_break()
    {
        await FourPeriodsAsync();
        // The newest checkpoint closed the period 08:10–08:15 (entries 7 to 9); without it that period has none.
        await SqlAsync($"DELETE FROM audit_checkpoints WHERE \"Number\" = 3");

        var result = await VerifyAsync();

        Assert.Equal(AuditChainBreak.PeriodWithoutCheckpoint, result.Break);
        Assert.Equal(9, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task A_replaced_checkpoint_link_is_a_break_even_with_a_valid_signature_elsewhere()
    {
        await FourPeriodsAsync();
        await SqlAsync($"UPDATE audit_checkpoints SET \"Previous\" = {ChainCheckpoints.Genesis} WHERE \"Number\" = 2");

        var result = await VerifyAsync();

        Assert.Equal(AuditChainBreak.CheckpointForged, result.Break);
        Assert.Equal(6, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task A_checkpoint_made_by_the_host_within_a_period_chains_with_the_writers_own()
    {
        await AppendAsync(2);
        var mid = await CheckpointAsync();
        Assert.Equal(1, mid.Number);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(2);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(1);

        var checkpoints = await CheckpointsAsync();
        Assert.Equal([2L, 4L], checkpoints.Select(c => c.Sequence));
        Assert.True((await VerifyAsync()).Ok);
    }

    [Fact]
    public async Task A_database_with_legacy_checkpoints_verifies_and_chains_on_from_the_newest_one()
    {
        await FourPeriodsAsync();
        // The state before chaining: no chained checkpoints, one legacy checkpoint of the head.
        await SqlAsync($"DELETE FROM audit_checkpoints");
        await InsertLegacyCheckpointAsync(11);
        Assert.True((await VerifyAsync()).Ok);

        _clock.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(2);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(1);
        var chained = (await CheckpointsAsync()).Where(c => c.Number is not null).ToList();
        Assert.Equal(13, Assert.Single(chained).Sequence);
        Assert.Equal(ChainCheckpoints.Digest((await CheckpointsAsync()).Single(c => c.Number is null).Token), chained[0].Previous);
        Assert.True((await VerifyAsync()).Ok);

        // The legacy checkpoint is the start of the chain: deleting it is caught.
        await SqlAsync($"DELETE FROM audit_checkpoints WHERE \"Number\" IS NULL");
        Assert.Equal(AuditChainBreak.CheckpointChainBroken, (await VerifyAsync()).Break);
    }

    [Fact]
    public async Task Deleting_every_chained_checkpoint_brings_the_period_rule_back_to_the_start_of_the_chain()
    {
        await FourPeriodsAsync();
        await SqlAsync($"DELETE FROM audit_checkpoints");

        var result = await VerifyAsync();

        Assert.Equal(AuditChainBreak.PeriodWithoutCheckpoint, result.Break);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task A_witness_on_an_untouched_database_passes_and_names_its_head()
    {
        await FourPeriodsAsync();
        var witness = await ExportHeadAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync(3);

        var outcome = await VerifyWithWitnessAsync(witness);

        Assert.Equal(AuditVerifyCommand.Intact, outcome.ExitCode);
        Assert.Contains("The witnessed head (entry 12, checkpoint 4) is in the history.", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_witness_of_a_truncated_history_fails()
    {
        await FourPeriodsAsync();
        var witness = await ExportHeadAsync();
        await SqlAsync($"DELETE FROM audit_entries WHERE \"Sequence\" >= 12");
        await SqlAsync($"DELETE FROM audit_checkpoints WHERE \"Sequence\" >= 12");

        var outcome = await VerifyWithWitnessAsync(witness);

        Assert.Equal(AuditVerifyCommand.Broken, outcome.ExitCode);
        Assert.Equal(AuditChainBreak.WitnessNotInHistory, outcome.Verification!.Break);
    }

    [Fact]
    public async Task A_forged_witness_is_refused_with_exit_code_10_and_an_unreadable_one_with_2()
    {
        await FourPeriodsAsync();
        var witness = await ExportHeadAsync();

        // Edited field: the readable hash no longer matches the signed one.
        var edited = witness with { Hash = new string('a', 64) };
        var outcome = await VerifyWithWitnessFileAsync(edited.ToJson());
        Assert.Equal(AuditVerifyCommand.WitnessRefused, outcome.ExitCode);
        Assert.Equal("Witness REFUSED: the witness's fields differ from what its token signs: it was edited.", outcome.Message);

        // A whole witness signed by a key the platform does not have.
        using var otherRing = new SigningKeyRing(Path.Combine(_dir, "other-keys"));
        var stranger = ChainCheckpoints.Sign(otherRing, AuditCheckpoint.ChainName, null, 12, witness.Hash, Start, 5);
        outcome = await VerifyWithWitnessFileAsync(ChainHead.From(AuditCheckpoint.ChainName, stranger).ToJson());
        Assert.Equal(AuditVerifyCommand.WitnessRefused, outcome.ExitCode);
        Assert.Contains("which is not in the public key set", outcome.Message, StringComparison.Ordinal);

        // A bad signature on an otherwise correct witness.
        var signature = witness.Token[^86..];
        var flipped = witness with { Token = witness.Token[..^86] + (signature[0] == 'A' ? 'B' : 'A') + signature[1..] };
        outcome = await VerifyWithWitnessFileAsync(flipped.ToJson());
        Assert.Equal(AuditVerifyCommand.WitnessRefused, outcome.ExitCode);

        outcome = await VerifyWithWitnessFileAsync("{ not json");
        Assert.Equal(AuditVerifyCommand.Misuse, outcome.ExitCode);
        Assert.StartsWith("Witness file '", outcome.Message, StringComparison.Ordinal);

        outcome = await AuditVerifyCommand.RunAsync(_services, Path.Combine(_dir, "missing.json"), null, CancellationToken.None);
        Assert.Equal(AuditVerifyCommand.Misuse, outcome.ExitCode);
        Assert.EndsWith("does not exist.", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_head_endpoint_answers_the_newest_chained_checkpoint_which_verifies_with_the_published_keys()
    {
        await FourPeriodsAsync();
        await using var scope = _services.CreateAsyncScope();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var answer = await AuditHeadEndpoint.GetAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), http, CancellationToken.None);

        var head = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.Ok<ChainHead>>(answer.Result).Value!;
        Assert.Equal(3, head.Checkpoint);
        Assert.Equal(9, head.Sequence);
        var published = PublicKeySet.Parse(_services.GetRequiredService<SigningKeyRing>().GetPublicKeySet().ToJson());
        Assert.True(ChainHead.TryRead(JsonSerializer.Serialize(head), AuditCheckpoint.ChainName, published, out var read, out _, out var error), error);
        Assert.Equal(head.CheckpointDigest, read!.CheckpointDigest);
    }

    // Four periods of five minutes: entries 1–3 (08:00), 4–6 (08:05), 7–9 (08:10), 10–11 (08:15).
    private async Task FourPeriodsAsync(bool rotateAfterFirst = false)
    {
        await AppendAsync(3);
        if (rotateAfterFirst)
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            await AppendAsync(1);
            _services.GetRequiredService<SigningKeyRing>().Rotate();
            await AppendAsync(2);
        }
        else
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            await AppendAsync(3);
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(3);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await AppendAsync(2);
    }

    private async Task AppendAsync(int count)
    {
        var log = _services.GetRequiredService<IAuditLog>();
        for (var i = 0; i < count; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await log.AppendAsync(new AuditEvent(Actor.Platform("test"), "test.event", "thing", $"t{i}", "testing"), CancellationToken.None);
        }
    }

    /// <summary>The attack: edit entry <paramref name="from"/>, recompute every hash after it, delete the checkpoints from there on.</summary>
    private async Task RewriteFromAsync(long from, bool deleteCheckpoints = true)
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
            var previous = from == 1 ? AuditChainHash.Genesis : entries.Single(e => e.Sequence == from - 1).Hash;
            foreach (var entry in entries.Where(e => e.Sequence >= from))
            {
                if (entry.Sequence == from)
                {
                    entry.Purpose = "nothing to see here";
                }

                entry.PreviousHash = previous;
                entry.Hash = AuditChainHash.Compute(previous, entry);
                previous = entry.Hash;
            }

            await db.SaveChangesAsync();
        }

        if (deleteCheckpoints)
        {
            await SqlAsync($"DELETE FROM audit_checkpoints WHERE \"Sequence\" >= {from}");
        }
    }

    private async Task InsertLegacyCheckpointAsync(long sequence)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == sequence);
        var at = new DateTimeOffset(2026, 12, 7, 8, 20, 0, TimeSpan.Zero);
        var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { s = sequence, h = entry.Hash, a = at }));
        db.AuditCheckpoints.Add(new AuditCheckpoint
        {
            Sequence = sequence,
            Hash = entry.Hash,
            At = at,
            Token = _services.GetRequiredService<SigningKeyRing>().Sign(payload),
        });
        await db.SaveChangesAsync();
    }

    private async Task<ChainHead> ExportHeadAsync()
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        return await AuditHeadExport.RunAsync(_services, Actor.Platform("test"), CancellationToken.None);
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    private async Task<AuditVerifyOutcome> VerifyWithWitnessAsync(ChainHead witness) =>
        await VerifyWithWitnessFileAsync(witness.ToJson());

    private async Task<AuditVerifyOutcome> VerifyWithWitnessFileAsync(string json)
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, json);
        return await AuditVerifyCommand.RunAsync(_services, path, null, CancellationToken.None);
    }

    private async Task<AuditCheckpoint> CheckpointAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AuditCheckpointer>().CreateAsync(CancellationToken.None))!;
    }

    private async Task<List<AuditCheckpoint>> CheckpointsAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditCheckpoints.AsNoTracking()
            .OrderBy(c => c.Sequence).ToListAsync();
    }

    private async Task SqlAsync(FormattableString sql)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlAsync(sql);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
