using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Nokor.Platform.Chains;
using Nokor.Platform.Signing;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>
/// Walks the query ledger in sequence order and names the first record whose chain does not hold,
/// then applies the checkpoint rules of <see cref="CheckpointWalk"/> (chained signed checkpoints,
/// one closing every <c>Verification:CheckpointMinutes</c> period that had records, and a witness).
/// </summary>
internal sealed class LedgerVerifier(VerificationDbContext db, SigningKeyRing keys, IConfiguration? configuration = null)
{
    public Task<LedgerCheck> VerifyAsync(IProgress<long>? progress, CancellationToken ct) => VerifyAsync(null, progress, ct);

    public async Task<LedgerCheck> VerifyAsync(ChainHead? witness, IProgress<long>? progress, CancellationToken ct)
    {
        var stored = await db.Checkpoints.AsNoTracking().ToListAsync(ct);
        var walk = CheckpointWalk.Start(LedgerCheckpoints.ChainName, stored.Select(LedgerCheckpoints.ToStored), keys.GetPublicKeySet(),
            ChainCheckpoints.PeriodMinutes(configuration, LedgerCheckpoints.PeriodKey), witness, out var startProblem);
        if (walk is null)
        {
            return Broken(startProblem!, 0);
        }

        var previous = LedgerHash.Genesis;
        long expected = 1, count = 0;
        while (true)
        {
            var from = expected;
            var page = await db.QueryRecords.AsNoTracking().Where(q => q.Sequence >= from).OrderBy(q => q.Sequence).Take(10_000).ToListAsync(ct);
            if (page.Count == 0)
            {
                return walk.End(expected - 1) is { } end ? Broken(end, count) : new LedgerCheck(true, count, null, null);
            }

            foreach (var record in page)
            {
                if (record.Sequence != expected)
                {
                    return new LedgerCheck(false, count, expected, $"Record {expected} is missing (the next is {record.Sequence}).");
                }

                if (record.PreviousHash != previous)
                {
                    return new LedgerCheck(false, count, record.Sequence, "Its previous hash is not the hash of the record before it.");
                }

                if (LedgerHash.Compute(previous, record) != record.Hash)
                {
                    return new LedgerCheck(false, count, record.Sequence, "Its content does not match its hash: it was changed after it was written.");
                }

                if (walk.Entry(record.Sequence, record.Hash, LedgerCheckpoints.FromMicroseconds(record.AtUs)) is { } problem)
                {
                    return Broken(problem, problem.Sequence == record.Sequence ? count : count - 1);
                }

                previous = record.Hash;
                expected++;
                count++;
            }

            progress?.Report(count);
        }
    }

    private static LedgerCheck Broken(CheckpointProblem problem, long count)
    {
        var reason = problem.Reason.Length > 0 ? char.ToUpperInvariant(problem.Reason[0]) + problem.Reason[1..] : problem.Reason;
        return new LedgerCheck(false, Math.Max(0, count), problem.Sequence, reason + ".", problem.Fault);
    }
}
