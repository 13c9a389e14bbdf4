using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Nokor.Platform.Chains;
using Nokor.Platform.Data;

namespace Nokor.Platform.Audit;

/// <summary>How the chain is broken at <see cref="AuditVerification.FirstBrokenSequence"/>.</summary>
public enum AuditChainBreak
{
    /// <summary>The entry's stored hash does not match its contents: the entry was edited.</summary>
    HashMismatch,

    /// <summary>The entry does not link to the hash of the entry before it: that entry was edited
    /// and rehashed, or entries were replaced or spliced in.</summary>
    PreviousHashMismatch,

    /// <summary>Sequences are missing before this point: entries were deleted.</summary>
    MissingEntries,

    /// <summary>A sequence that cannot occur (below 1): an entry was inserted.</summary>
    UnexpectedSequence,

    /// <summary>A signed checkpoint names an entry whose hash is not the one stored: the chain was rewritten.</summary>
    CheckpointMismatch,

    /// <summary>A signed checkpoint names entries the chain no longer has: entries were deleted from its end.</summary>
    Truncated,

    /// <summary>A checkpoint's signature does not verify with the platform's keys: the checkpoint was forged or edited.</summary>
    CheckpointForged,

    /// <summary>The chain of checkpoints has a gap or a wrong link: a checkpoint was deleted or replaced.</summary>
    CheckpointChainBroken,

    /// <summary>A period of <c>Audit:CheckpointMinutes</c> that had entries ended without a checkpoint: checkpoints were deleted.</summary>
    PeriodWithoutCheckpoint,

    /// <summary>The witnessed head (<c>--witness</c>) is not in the database's history: rewritten or truncated.</summary>
    WitnessNotInHistory,
}

/// <summary>
/// The outcome of walking the chain. <see cref="Count"/> is the number of entries verified intact
/// (all of them when <see cref="Ok"/>, otherwise those before the break).
/// <see cref="BrokenEntry"/> is the stored row at which the break was found (for missing entries,
/// the first row after the gap).
/// </summary>
public sealed record AuditVerification(
    bool Ok,
    long Count,
    long? FirstBrokenSequence,
    AuditChainBreak? Break,
    string? Reason,
    AuditEntry? BrokenEntry)
{
    internal static AuditVerification Intact(long count) => new(true, count, null, null, null, null);

    internal static AuditVerification Broken(long count, long sequence, AuditChainBreak kind, string reason, AuditEntry? entry) =>
        new(false, count, sequence, kind, reason, entry);
}

/// <summary>
/// Proves the audit chain: reads every entry in sequence order, a page at a time so that tens of
/// millions of rows never sit in memory, and recomputes each hash as <see cref="AuditChainHash"/>
/// specifies. It reports the first broken entry. The hash chain alone cannot show a chain rewritten
/// from some entry on, or cut short, so the verifier also applies the checkpoint rules of
/// <see cref="CheckpointWalk"/>: every signed <see cref="AuditCheckpoint"/> verifies, they chain to
/// each other without a gap, each entry they hold has the hash they signed, every
/// <c>Audit:CheckpointMinutes</c> period that had entries (but the newest) ended with a checkpoint,
/// and, given a witness (<see cref="ChainHead"/>), the witnessed head is still in the history.
/// </summary>
public sealed class AuditChainVerifier(PlatformDbContext db, Signing.SigningKeyRing keys, IConfiguration? configuration = null)
{
    public const int PageSize = 10_000;

    /// <summary>The number of stored entries, for a progress display.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        db.AuditEntries.LongCountAsync(cancellationToken);

    /// <param name="progress">Told the number of entries verified so far after every page.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(null, progress, cancellationToken);

    /// <param name="witness">A head kept outside the database, already checked with <see cref="ChainHead.TryRead(string, string, Signing.PublicKeySet, out ChainHead?, out ChainHeadProblem, out string)"/>.</param>
    /// <param name="progress">Told the number of entries verified so far after every page.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public async Task<AuditVerification> VerifyAsync(ChainHead? witness, IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        var expected = 1L;
        var previous = AuditChainHash.Genesis;
        var count = 0L;
        var after = long.MinValue;
        AuditEntry? previousEntry = null;

        var stored = await db.AuditCheckpoints.AsNoTracking().ToListAsync(cancellationToken);
        var walk = CheckpointWalk.Start(AuditCheckpoint.ChainName, stored.Select(c => c.ToStored()), keys.GetPublicKeySet(),
            ChainCheckpoints.PeriodMinutes(configuration, AuditCheckpoint.PeriodKey), witness, out var startProblem);
        if (walk is null)
        {
            return Broken(startProblem!, 0, null);
        }

        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                var end = walk.End(expected - 1);
                return end is null ? AuditVerification.Intact(count) : Broken(end, count, null);
            }

            foreach (var entry in page)
            {
                var broken = Check(entry, expected, previous, count);
                if (broken is not null)
                {
                    return broken;
                }

                if (walk.Entry(entry.Sequence, entry.Hash, entry.At) is { } problem)
                {
                    var at = problem.Sequence == entry.Sequence ? entry : previousEntry;
                    return Broken(problem, problem.Sequence == entry.Sequence ? count : count - 1, at);
                }

                previous = entry.Hash;
                expected = entry.Sequence + 1;
                previousEntry = entry;
                count++;
            }

            after = page[^1].Sequence;
            progress?.Report(count);
        }
    }

    private static AuditVerification Broken(CheckpointProblem problem, long count, AuditEntry? entry) =>
        AuditVerification.Broken(Math.Max(0, count), problem.Sequence, problem.Fault switch
        {
            CheckpointFault.Forged => AuditChainBreak.CheckpointForged,
            CheckpointFault.ChainBroken => AuditChainBreak.CheckpointChainBroken,
            CheckpointFault.Mismatch => AuditChainBreak.CheckpointMismatch,
            CheckpointFault.Truncated => AuditChainBreak.Truncated,
            CheckpointFault.PeriodWithoutCheckpoint => AuditChainBreak.PeriodWithoutCheckpoint,
            _ => AuditChainBreak.WitnessNotInHistory,
        }, problem.Reason, entry);
    private static AuditVerification? Check(AuditEntry entry, long expected, string previous, long count)
    {
        if (entry.Sequence < expected)
        {
            return AuditVerification.Broken(count, entry.Sequence, AuditChainBreak.UnexpectedSequence,
                $"entry {entry.Sequence} has a sequence that cannot occur (sequences start at 1): it was inserted", entry);
        }

        if (entry.Sequence > expected)
        {
            var missing = entry.Sequence - 1 == expected
                ? $"entry {expected} is missing"
                : $"entries {expected} to {entry.Sequence - 1} are missing";
            return AuditVerification.Broken(count, expected, AuditChainBreak.MissingEntries,
                $"{missing} (the chain jumps to {entry.Sequence}): deleted", entry);
        }

        if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
        {
            var link = expected == 1 ? "the genesis hash" : $"the hash of entry {expected - 1}";
            return AuditVerification.Broken(count, entry.Sequence, AuditChainBreak.PreviousHashMismatch,
                $"its previous hash does not match {link}: an entry was edited and rehashed, replaced or inserted", entry);
        }

        if (!string.Equals(AuditChainHash.Compute(entry.PreviousHash, entry), entry.Hash, StringComparison.Ordinal))
        {
            return AuditVerification.Broken(count, entry.Sequence, AuditChainBreak.HashMismatch,
                "its hash does not match its contents: the entry was edited", entry);
        }

        return null;
    }
}
