using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Information;

/// <summary>Information requests of the caller's area, newest first.</summary>
internal static class ListInformationRequests
{
    public static async Task<IReadOnlyList<InformationRequestView>> HandleAsync(
        Actor actor, CivilDbContext db, IAuditLog audit, IOptions<CivilRegistrationOptions> options, CancellationToken ct)
    {
        var query = db.InformationRequests.AsNoTracking();
        if (actor.Jurisdiction.AreaCode is { } area)
        {
            query = query.Where(i => i.OfficeCode.StartsWith(area));
        }

        var rows = await query.OrderByDescending(i => i.ReceivedAt).Take(200).ToListAsync(ct);
        await audit.AppendAsync(new AuditEvent(actor, "civil.information.list", "information-requests",
            actor.Jurisdiction.AreaCode ?? "national", "civil registration information service"), ct);
        return rows.Select(i => InformationRequests.View(i, null, options)).ToList();
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/information-requests", async (HttpContext http, CivilDbContext db, IAuditLog audit, IOptions<CivilRegistrationOptions> options, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(http.Actor(), db, audit, options, ct)))
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("ListInformationRequests")
            .WithSummary("Information requests of the caller's area, newest first");
}
