using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Data;

namespace Nokor.Legislation.Bills;

/// <summary>How many bills are at each stage, for the bill tracking dashboard.</summary>
internal static class CountBillsByStage
{
    public static async Task<IReadOnlyDictionary<BillStage, int>> HandleAsync(LegislationDbContext db, CancellationToken ct) =>
        (await db.Bills.AsNoTracking().GroupBy(b => b.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
}
