using Microsoft.EntityFrameworkCore;
using Nokor.Population.Data;

namespace Nokor.Population.Kidc;

/// <summary>
/// The only place KIDCs are issued (NSPI 6.3: "generated exclusively by the Population
/// Identification System"). Every code ever issued stays in <c>pop_issued_kidcs</c>, voided ones
/// included, and a new code is checked against all of them: a code is never reused, even after
/// its holder's death.
/// </summary>
internal sealed class KidcService(PopulationDbContext db, KidcGenerator generator, TimeProvider clock)
{
    public const int MaxAttempts = 50;
    private const int CheckBatch = 5_000;

    /// <summary>
    /// A new unique code for the person, added to the caller's context; the caller saves it in the
    /// same transaction as the person, and the table's primary key refuses a concurrent duplicate.
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
    /// <paramref name="count"/> codes unique among themselves and among every code ever issued, for
    /// bulk loads. The caller stores them.
    /// </summary>
    public async Task<IReadOnlyList<string>> IssueManyAsync(KidcCategory category, int count, CancellationToken ct)
    {
        var result = new List<string>(count);
        var seen = new HashSet<string>(count);
        while (result.Count < count)
        {
            var candidates = new List<string>(Math.Min(CheckBatch, count - result.Count));
            while (candidates.Count < Math.Min(CheckBatch, count - result.Count))
            {
                var code = generator.Next(category);
                if (seen.Add(code))
                {
                    candidates.Add(code);
                }
            }

            var taken = await db.IssuedKidcs.AsNoTracking().Where(k => candidates.Contains(k.Code)).Select(k => k.Code).ToListAsync(ct);
            var takenSet = taken.ToHashSet();
            result.AddRange(candidates.Where(c => !takenSet.Contains(c)));
        }

        return result;
    }

    /// <summary>Marks a code void (for example issued in error). It is kept, so it is never issued again.</summary>
    public async Task<bool> VoidAsync(string code, string reason, CancellationToken ct)
    {
        var issued = await db.IssuedKidcs.FirstOrDefaultAsync(k => k.Code == code, ct);
        if (issued is null)
        {
            return false;
        }

        issued.Status = KidcStatus.Voided;
        issued.VoidReason = reason;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
