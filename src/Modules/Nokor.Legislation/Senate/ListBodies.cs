using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;

namespace Nokor.Legislation.Senate;

/// <summary>The Permanent Committee and the commissions of the current legislature, with their members (public, without login).</summary>
internal static class ListBodies
{
    public static async Task<IReadOnlyList<BodyView>> HandleAsync(LegislationDbContext db, SenateRecords records, CancellationToken ct)
    {
        var legislature = await records.CurrentLegislatureAsync(ct);
        if (legislature is null)
        {
            return [];
        }

        var today = records.Today;
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.Legislature == legislature.Number).OrderBy(b => b.Kind).ThenBy(b => b.Number).ToListAsync(ct);
        var members = await (from bm in db.BodyMembers.AsNoTracking()
                             join s in db.Senators on bm.SenatorId equals s.Id
                             where bm.EndsOn == null || bm.EndsOn >= today
                             select new { bm.BodyId, bm.SenatorId, s.NameKm, s.NameLatin, bm.Role }).ToListAsync(ct);
        return bodies.Select(b => new BodyView(b.Id, b.Code, b.Kind, b.Number, b.NameKm, b.NameEn,
            members.Where(m => m.BodyId == b.Id).OrderBy(m => m.Role).ThenBy(m => m.NameLatin)
                .Select(m => new BodyMemberView(m.SenatorId, m.NameKm, m.NameLatin, m.Role)).ToList())).ToList();
    }

    /// <summary>The bodies on the public face, without login.</summary>
    public static void MapPublic(RouteGroupBuilder group) =>
        group.MapGet("/bodies", async (LegislationDbContext db, SenateRecords records, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, records, ct)))
            .WithName("PublicListBodies")
            .WithSummary("The Permanent Committee and the commissions, with their members");
}
