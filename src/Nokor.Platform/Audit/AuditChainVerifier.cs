using Microsoft.EntityFrameworkCore;
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
/// specifies. It reports the first broken entry. Removing entries from the end of the chain would
/// leave a shorter chain that still verifies, so the verifier also checks every signed
/// <see cref="AuditCheckpoint"/>: its signature, and that the entry it names is present with the
/// hash it names. Entries after the newest checkpoint are protected by the chain only.
/// </summary>
public sealed class AuditChainVerifier(PlatformDbContext db, Signing.SigningKeyRing keys)
{
    public const int PageSize = 10_000;

    /// <summary>The number of stored entries, for a progress display.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        db.AuditEntries.LongCountAsync(cancellationToken);

    /// <param name="progress">Told the number of entries verified so far after every page.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var expected = 1L;
        var previous = AuditChainHash.Genesis;
        var count = 0L;
        var after = long.MinValue;

        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ToListAsync(cancellationToken);
        var publicKeys = keys.GetPublicKeySet();
        foreach (var checkpoint in checkpoints)
        {
            if (!Signing.SignedToken.TryVerify(checkpoint.Token, publicKeys, out var bytes, out var error) ||
                CheckpointPayload.TryRead(bytes) is not { } payload ||
                payload.Sequence != checkpoint.Sequence || payload.Hash != checkpoint.Hash)
            {
                return AuditVerification.Broken(0, checkpoint.Sequence, AuditChainBreak.CheckpointForged,
                    $"the checkpoint of entry {checkpoint.Sequence} is not signed by the platform's keys{(error.Length > 0 ? $" ({error})" : "")}: forged or edited", null);
            }
        }

        var checkpointed = checkpoints.ToDictionary(c => c.Sequence, c => c.Hash);

        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                if (checkpoints.Count > 0 && checkpoints[^1].Sequence >= expected)
                {
                    var last = checkpoints[^1];
                    return AuditVerification.Broken(count, expected, AuditChainBreak.Truncated,
                        $"entries {expected} to {last.Sequence} are missing from the end of the chain, which a checkpoint signed at " +
                        $"{AuditChainHash.FormatTimestamp(last.At)} holds: deleted", null);
                }

                return AuditVerification.Intact(count);
            }

            foreach (var entry in page)
            {
                var broken = Check(entry, expected, previous, count);
                if (broken is not null)
                {
                    return broken;
                }

                if (checkpointed.TryGetValue(entry.Sequence, out var signedHash) && !string.Equals(signedHash, entry.Hash, StringComparison.Ordinal))
                {
                    return AuditVerification.Broken(count, entry.Sequence, AuditChainBreak.CheckpointMismatch,
                        "its hash is not the one a signed checkpoint recorded: the chain was rewritten from here or before", entry);
                }

                previous = entry.Hash;
                expected = entry.Sequence + 1;
                count++;
            }

            after = page[^1].Sequence;
            progress?.Report(count);
        }
    }

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
