using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Errors;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;

namespace Nokor.Verification.Institutions;

/// <summary>An institution, its contract and credentials, and its usage this month.</summary>
internal static class GetInstitution
{
    public static async Task<Outcome<InstitutionView>> HandleAsync(Guid id, VerificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().Include(i => i.Contract).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return Outcome<InstitutionView>.NotFound(InstitutionForms.NotFoundMessage);
        }

        var credentials = await db.Credentials.AsNoTracking().Where(c => c.InstitutionId == id).ToListAsync(ct);
        var now = time.GetUtcNow();
        var month = UsageMeter.MonthOf(now);
        var used = await db.Usage.AsNoTracking().Where(u => u.InstitutionId == id && u.Month == month).SumAsync(u => u.Count, ct);
        return Outcome<InstitutionView>.Ok(InstitutionViews.ToView(institution, credentials, used, now));
    }

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/institutions/{id:guid}", async (Guid id, HttpContext http, VerificationDbContext db, TimeProvider time) =>
                (await HandleAsync(id, db, time, http.RequestAborted)).ToHttp())
            .WithSummary("An institution, its contract and credentials.");
}
