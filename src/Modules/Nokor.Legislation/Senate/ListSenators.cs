using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;

namespace Nokor.Legislation.Senate;

/// <summary>The senators of the current legislature, with their seat and bodies (public, without login).</summary>
internal static class ListSenators
{
    public static async Task<IReadOnlyList<SenatorView>> HandleAsync(LegislationDbContext db, SenateRecords records, CancellationToken ct)
    {
        var legislature = await records.CurrentLegislatureAsync(ct);
        if (legislature is null)
        {
            return [];
        }

        var today = records.Today;
        var rows = await (from m in db.Mandates.AsNoTracking()
                          join s in db.Senators on m.SenatorId equals s.Id
                          where m.Legislature == legislature.Number && (m.EndsOn == null || m.EndsOn >= today)
                          orderby s.NameLatin
                          select new { s, m }).ToListAsync(ct);
        var memberships = await (from bm in db.BodyMembers.AsNoTracking()
                                 join b in db.Bodies on bm.BodyId equals b.Id
                                 where b.Legislature == legislature.Number && (bm.EndsOn == null || bm.EndsOn >= today)
                                 select new { bm.SenatorId, b.Code, bm.Role }).ToListAsync(ct);
        return rows.Select(r => new SenatorView(r.s.Id, r.s.NameKm, r.s.NameLatin, r.m.Seat, r.m.Constituency,
            memberships.Where(x => x.SenatorId == r.s.Id).Select(x => x.Role == MemberRole.Member ? x.Code : $"{x.Code} ({x.Role})").ToList(),
            r.s.StaffUserId is not null)).ToList();
    }

    /// <summary>The senators on the public face, without login.</summary>
    public static void MapPublic(RouteGroupBuilder group) =>
        group.MapGet("/senators", async (LegislationDbContext db, SenateRecords records, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, records, ct)))
            .WithName("PublicListSenators")
            .WithSummary("The senators of the current legislature, with their seat and bodies");
}
