using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;

/// <summary>
/// The Senate's composition: legislatures, senators and their mandates (Constitution Articles
/// 99-102 as amended: at most half the number of National Assembly members; most elected by the
/// commune/sangkat councillors, two appointed by the King, two elected by the National Assembly;
/// a six-year term), the Permanent Committee and the specialized commissions with their members.
/// The steps the Senate's use cases share: the legislature in office, the senator an account
/// belongs to, the body with a code, and the audit of a change.
/// </summary>
internal sealed class SenateRecords(LegislationDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The seats of the Senate (62 in the 5th legislature: 58 elected, 2 + 2 appointed).</summary>
    public static IReadOnlyDictionary<SeatKind, int> Seats => SenateSeats.ByKind;

    /// <summary>Today's civil date in Cambodia.</summary>
    public DateOnly Today => CambodiaTime.Today(clock);

    public async Task<LegislatureEntity?> CurrentLegislatureAsync(CancellationToken ct)
    {
        var today = Today;
        return await db.Legislatures.AsNoTracking().Where(l => l.StartsOn <= today).OrderByDescending(l => l.Number).FirstOrDefaultAsync(ct);
    }

    /// <summary>The senator whose staff account is <paramref name="actor"/>, if their mandate runs today.</summary>
    public async Task<SenatorEntity?> SenatorOfAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.Senator))
        {
            return null;
        }

        var today = Today;
        return await (from s in db.Senators.AsNoTracking()
                      join m in db.Mandates on s.Id equals m.SenatorId
                      where s.StaffUserId == actor.Id && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)
                      select s).FirstOrDefaultAsync(ct);
    }

    /// <summary>True when the actor is a senator who chairs, vice-chairs or is secretary of the body today.</summary>
    public async Task<bool> LeadsAsync(Actor actor, Guid bodyId, CancellationToken ct)
    {
        var senator = await SenatorOfAsync(actor, ct);
        if (senator is null)
        {
            return false;
        }

        var today = Today;
        return await db.BodyMembers.AnyAsync(m => m.BodyId == bodyId && m.SenatorId == senator.Id && m.Role != MemberRole.Member
            && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today), ct);
    }

    /// <summary>The body with that code in the current legislature (tracked), if any.</summary>
    public async Task<BodyEntity?> CurrentBodyAsync(string bodyCode, CancellationToken ct)
    {
        var legislature = await CurrentLegislatureAsync(ct);
        return legislature is null ? null : await db.Bodies.FirstOrDefaultAsync(b => b.Code == bodyCode && b.Legislature == legislature.Number, ct);
    }

    /// <summary>Appends a change of the Senate's composition to the audit log.</summary>
    public Task AuditAsync(Actor actor, string action, string subjectType, Guid subjectId, object details, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent(actor, action, subjectType, subjectId.ToString("D"), "senate composition", AuditDetails.Of(details)), ct);
}
