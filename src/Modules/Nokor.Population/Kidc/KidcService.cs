using Microsoft.EntityFrameworkCore;
using Nokor.Population.Data;

namespace Nokor.Population.Kidc;

/// <summary>
/// The only place KIDCs are issued (NSPI 6.3: "generated exclusively by the Population
/// Identification System"). Every code ever issued stays in <c>pop_issued_kidcs</c>, voided ones
/// included, and a new code is checked against all of them: a code is never reused, even after
/// its holder's death or after it was voided.
/// </summary>
internal sealed class KidcService(PopulationDbContext db, KidcGenerator generator, TimeProvider clock)
{
    /// <summary>Draws tried for one code before giving up (a collision is about one in ten million today).</summary>
    public const int MaxAttempts = 50;

    /// <summary>Codes checked against the table per query in <see cref="IssueManyAsync"/>.</summary>
    public const int CheckBatch = 5_000;

    /// <summary>
    /// A new unique code for the person, added to the caller's context (not saved): the caller
    /// saves it in the same transaction as the person, and the table's primary key refuses a
    /// concurrent duplicate.
    /// </summary>
    public async Task<string> IssueAsync(KidcCategory category, Guid personId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var code = generator.Next(category);
            if (db.IssuedKidcs.Local.Any(k => k.Code == code) || await db.IssuedKidcs.AnyAsync(k => k.Code == code, ct))
            {
                continue;
            }

            db.IssuedKidcs.Add(new IssuedKidcEntity
            {
                Code = code, Status = KidcStatus.Assigned, IssuedAt = clock.GetUtcNow(), PersonId = personId,
            });
            return code;
        }

        throw new InvalidOperationException($"No free KIDC found in {MaxAttempts} draws; the code space is nearly exhausted.");
    }

    /// <summary>
    /// <paramref name="count"/> codes unique among themselves and among every code ever issued
    /// (including those added to this context and not yet saved), for bulk loads. Candidates are
    /// drawn in memory and checked against the table <see cref="CheckBatch"/> at a time; nothing is
    /// added to the context: the caller stores the codes.
    /// </summary>
    public async Task<IReadOnlyList<string>> IssueManyAsync(KidcCategory category, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new List<string>(count);
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        foreach (var local in db.IssuedKidcs.Local)
        {
            seen.Add(local.Code);
        }

        var candidates = new List<string>(Math.Min(CheckBatch, count));
        var fruitless = 0;
        while (result.Count < count)
        {
            candidates.Clear();
            var wanted = Math.Min(CheckBatch, count - result.Count);
            while (candidates.Count < wanted)
            {
                var code = generator.Next(category);
                if (seen.Add(code))
                {
                    candidates.Add(code);
                    fruitless = 0;
                }
                else if (++fruitless > MaxAttempts * CheckBatch)
                {
                    throw new InvalidOperationException($"Only {result.Count + candidates.Count} of {count} new KIDCs found; the code space is nearly exhausted.");
                }
            }

            var taken = await db.IssuedKidcs.AsNoTracking()
                .Where(k => candidates.Contains(k.Code))
                .Select(k => k.Code)
                .ToListAsync(ct);
            if (taken.Count == 0)
            {
                result.AddRange(candidates);
            }
            else
            {
                var takenSet = taken.ToHashSet(StringComparer.Ordinal);
                result.AddRange(candidates.Where(c => !takenSet.Contains(c)));
            }
        }

        return result;
    }

    /// <summary>
    /// Marks a code void (for example issued in error) and saves. The row is kept, never deleted,
    /// so the code is never issued again. False when the code was never issued.
    /// </summary>
    public async Task<bool> VoidAsync(string code, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var issued = await db.IssuedKidcs.FirstOrDefaultAsync(k => k.Code == code, ct);
        if (issued is null)
        {
            return false;
        }

        issued.Status = KidcStatus.Voided;
        issued.VoidReason = reason.Length > 300 ? reason[..300] : reason;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
