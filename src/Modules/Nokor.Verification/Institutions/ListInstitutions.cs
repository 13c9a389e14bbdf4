using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;

namespace Nokor.Verification.Institutions;

/// <summary>Institutions with their contracts and this month's usage, for the data distribution unit.</summary>
internal static class ListInstitutions
{
    public static async Task<IReadOnlyList<InstitutionView>> HandleAsync(VerificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().Include(i => i.Contract).OrderBy(i => i.Code).ToListAsync(ct);
        var now = time.GetUtcNow();
        var month = UsageMeter.MonthOf(now);
        var usage = await db.Usage.AsNoTracking().Where(u => u.Month == month)
            .GroupBy(u => u.InstitutionId).Select(g => new { g.Key, Count = g.Sum(u => u.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return institutions.Select(i => InstitutionViews.ToView(i, [], usage.GetValueOrDefault(i.Id), now)).ToList();
    }

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/institutions", async (HttpContext http, VerificationDbContext db, TimeProvider time) =>
                TypedResults.Ok(await HandleAsync(db, time, http.RequestAborted)))
            .WithSummary("Institutions with their contracts and this month's usage.");
}
