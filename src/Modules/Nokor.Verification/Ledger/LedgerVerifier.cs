using Microsoft.EntityFrameworkCore;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

public sealed record LedgerCheck(bool Intact, long Records, long? FirstBroken, string? Problem);

/// <summary>Walks the query ledger in sequence order and names the first record whose chain does not hold.</summary>
internal sealed class LedgerVerifier(VerificationDbContext db)
{
    public async Task<LedgerCheck> VerifyAsync(IProgress<long>? progress, CancellationToken ct)
    {
        var previous = LedgerHash.Genesis;
        long expected = 1, count = 0;
        while (true)
        {
            var from = expected;
            var page = await db.QueryRecords.AsNoTracking().Where(q => q.Sequence >= from).OrderBy(q => q.Sequence).Take(10_000).ToListAsync(ct);
            if (page.Count == 0)
            {
                return new LedgerCheck(true, count, null, null);
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

                previous = record.Hash;
                expected++;
                count++;
            }

            progress?.Report(count);
        }
    }
}
