using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>The service-level targets per step (NSPI 8.4): as an administrator set them, or the defaults.</summary>
internal static class GetServiceTargets
{
    public static readonly IReadOnlyDictionary<string, (int Hours, int Percent)> Defaults = new Dictionary<string, (int, int)>
    {
        [ServiceSteps.Verification] = (24, 90), [ServiceSteps.Decision] = (48, 90), [ServiceSteps.Certificate] = (24, 90),
    };

    public static async Task<IReadOnlyList<ServiceTarget>> HandleAsync(CivilDbContext db, CancellationToken ct)
    {
        var set = await db.ServiceTargets.AsNoTracking().ToDictionaryAsync(t => t.Step, ct);
        return ServiceSteps.All.Select(s => set.TryGetValue(s, out var t)
            ? new ServiceTarget(s, t.MaxHours, t.CompliancePercent, t.SetBy, t.SetAt)
            : new ServiceTarget(s, Defaults[s].Hours, Defaults[s].Percent, null, null)).ToList();
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/statistics/service-targets", async (CivilDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct)))
            .RequireAuthorization(CivilPolicies.ServiceReports)
            .WithName("ServiceTargets")
            .WithSummary("The service-level targets per step");
}
