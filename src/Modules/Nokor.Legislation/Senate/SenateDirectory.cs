using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;


/// <summary>
/// The Senate's composition: legislatures, senators and their mandates (Constitution Articles
/// 99-102 as amended: at most half the number of National Assembly members; most elected by the
/// commune/sangkat councillors, two appointed by the King, two elected by the National Assembly;
/// a six-year term), the Permanent Committee and the specialized commissions with their members.
/// </summary>
internal sealed class SenateDirectory(LegislationDbContext db, StaffDirectory staff, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The seats of the Senate (62 in the 5th legislature: 58 elected, 2 + 2 appointed).</summary>
    public static IReadOnlyDictionary<SeatKind, int> Seats => SenateSeats.ByKind;

    public async Task<LegislatureEntity?> CurrentLegislatureAsync(CancellationToken ct)
    {
        var today = CambodiaTime.Today(clock);
        return await db.Legislatures.AsNoTracking().Where(l => l.StartsOn <= today).OrderByDescending(l => l.Number).FirstOrDefaultAsync(ct);
    }

    /// <summary>The senator whose staff account is <paramref name="actor"/>, if their mandate runs today.</summary>
    public async Task<SenatorEntity?> SenatorOfAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.Senator))
        {
            return null;
        }

        var today = CambodiaTime.Today(clock);
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

        var today = CambodiaTime.Today(clock);
        return await db.BodyMembers.AnyAsync(m => m.BodyId == bodyId && m.SenatorId == senator.Id && m.Role != MemberRole.Member
            && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today), ct);
    }

    public async Task<IReadOnlyList<SenatorView>> SenatorsAsync(CancellationToken ct)
    {
        var legislature = await CurrentLegislatureAsync(ct);
        if (legislature is null)
        {
            return [];
        }

        var today = CambodiaTime.Today(clock);
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

    public async Task<IReadOnlyList<BodyView>> BodiesAsync(CancellationToken ct)
    {
        var legislature = await CurrentLegislatureAsync(ct);
        if (legislature is null)
        {
            return [];
        }

        var today = CambodiaTime.Today(clock);
        var bodies = await db.Bodies.AsNoTracking().Where(b => b.Legislature == legislature.Number).OrderBy(b => b.Kind).ThenBy(b => b.Number).ToListAsync(ct);
        var members = await (from bm in db.BodyMembers.AsNoTracking()
                             join s in db.Senators on bm.SenatorId equals s.Id
                             where bm.EndsOn == null || bm.EndsOn >= today
                             select new { bm.BodyId, bm.SenatorId, s.NameKm, s.NameLatin, bm.Role }).ToListAsync(ct);
        return bodies.Select(b => new BodyView(b.Id, b.Code, b.Kind, b.Number, b.NameKm, b.NameEn,
            members.Where(m => m.BodyId == b.Id).OrderBy(m => m.Role).ThenBy(m => m.NameLatin)
                .Select(m => new BodyMemberView(m.SenatorId, m.NameKm, m.NameLatin, m.Role)).ToList())).ToList();
    }

    public async Task<Outcome<SenatorView>> AddSenatorAsync(NewSenatorRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var nameKm = string.IsNullOrWhiteSpace(request.NameKm) ? null : KhmerText.Normalize(request.NameKm);
        if (nameKm is null || !KhmerText.ContainsKhmer(nameKm) || nameKm.Length > 200)
        {
            errors.Add("nameKm", "The name in Khmer script is required (at most 200 characters).");
        }

        var nameLatin = request.NameLatin?.Trim();
        if (string.IsNullOrEmpty(nameLatin) || nameLatin.Length > 200)
        {
            errors.Add("nameLatin", "The name in Latin letters is required (at most 200 characters).");
        }

        if (request.Seat is not { } seat || !Enum.IsDefined(seat))
        {
            errors.Add("seat", "The seat is Elected, AppointedByKing or ElectedByNationalAssembly.");
            return Outcome<SenatorView>.Invalid(errors);
        }

        var legislature = request.Legislature is { } n
            ? await db.Legislatures.AsNoTracking().FirstOrDefaultAsync(l => l.Number == n, ct)
            : await CurrentLegislatureAsync(ct);
        if (legislature is null)
        {
            errors.Add("legislature", "No such legislature.");
            return Outcome<SenatorView>.Invalid(errors);
        }

        var taken = await db.Mandates.CountAsync(m => m.Legislature == legislature.Number && m.Seat == seat && m.EndsOn == null, ct);
        if (taken >= Seats[seat])
        {
            errors.Add("seat", "All seats of this kind in the legislature are held; end a mandate first.");
        }

        string? userId = null;
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            var member = await staff.FindByUserNameAsync(request.UserName, ct);
            if (member is null || !member.Roles.Contains(Roles.Senator))
            {
                errors.Add("userName", "No staff account with the senator role has that user name.");
            }
            else if (await db.Senators.AnyAsync(s => s.StaffUserId == member.Id, ct))
            {
                errors.Add("userName", "That account already belongs to a senator.");
            }
            else
            {
                userId = member.Id;
            }
        }

        if (errors.Any)
        {
            return Outcome<SenatorView>.Invalid(errors);
        }

        var senator = new SenatorEntity { Id = Guid.NewGuid(), NameKm = nameKm!, NameLatin = nameLatin!, StaffUserId = userId };
        db.Senators.Add(senator);
        db.Mandates.Add(new MandateEntity
        {
            Id = Guid.NewGuid(),
            SenatorId = senator.Id,
            Legislature = legislature.Number,
            Seat = seat,
            Constituency = request.Constituency?.Trim() is { Length: > 0 and <= 100 } c ? c : null,
            StartsOn = request.StartsOn ?? legislature.StartsOn,
        });
        await AuditAsync(actor, "legislation.senator.add", "senator", senator.Id, new { legislature = legislature.Number, seat, linkedAccount = userId is not null }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<SenatorView>.Ok(new SenatorView(senator.Id, senator.NameKm, senator.NameLatin, seat, request.Constituency, [], userId is not null));
    }

    /// <summary>
    /// Ends the senator's running mandate and their seats on bodies on that day; the seat becomes
    /// free for the successor (Article 104 of the Constitution leaves the replacement to the law).
    /// </summary>
    public async Task<Outcome<SenatorView>> EndMandateAsync(Guid senatorId, EndMandateRequest request, Actor actor, CancellationToken ct)
    {
        var mandate = await db.Mandates.FirstOrDefaultAsync(m => m.SenatorId == senatorId && m.EndsOn == null, ct);
        if (mandate is null)
        {
            return Outcome<SenatorView>.NotFound("No running mandate for that senator.");
        }

        var errors = new FieldErrors();
        var today = CambodiaTime.Today(clock);
        if (request.EndsOn is not { } endsOn)
        {
            errors.Add("endsOn", "The last day of the mandate is required.");
        }
        else if (endsOn < mandate.StartsOn || endsOn > today)
        {
            errors.Add("endsOn", "The last day must fall between the start of the mandate and today.");
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 300)
        {
            errors.Add("reason", "Give the reason (at most 300 characters).");
        }

        if (errors.Any)
        {
            return Outcome<SenatorView>.Invalid(errors);
        }

        mandate.EndsOn = request.EndsOn;
        mandate.EndReason = reason;
        foreach (var seat in await db.BodyMembers.Where(m => m.SenatorId == senatorId && m.EndsOn == null).ToListAsync(ct))
        {
            seat.EndsOn = request.EndsOn;
        }

        await AuditAsync(actor, "legislation.senator.end-mandate", "senator", senatorId, new { request.EndsOn, reason }, ct);
        await db.SaveChangesAsync(ct);
        var senator = await db.Senators.AsNoTracking().FirstAsync(s => s.Id == senatorId, ct);
        return Outcome<SenatorView>.Ok(new SenatorView(senator.Id, senator.NameKm, senator.NameLatin, mandate.Seat, mandate.Constituency, [], senator.StaffUserId is not null));
    }

    public async Task<Outcome<BodyView>> AddMemberAsync(string bodyCode, MembershipRequest request, Actor actor, CancellationToken ct)
    {
        if (await CurrentBodyAsync(bodyCode, ct) is not { } body)
        {
            return Outcome<BodyView>.NotFound("No such body in the current legislature.");
        }

        var errors = new FieldErrors();
        if (request.SenatorId is not { } senatorId || !await db.Mandates.AnyAsync(m => m.SenatorId == senatorId && m.Legislature == body.Legislature && m.EndsOn == null, ct))
        {
            errors.Add("senatorId", "No senator of this legislature has that id.");
        }

        if (request.Role is not { } role || !Enum.IsDefined(role))
        {
            errors.Add("role", "The role is Chair, ViceChair, Secretary or Member.");
        }
        else if (role == MemberRole.Chair && await db.BodyMembers.AnyAsync(m => m.BodyId == body.Id && m.Role == MemberRole.Chair && m.EndsOn == null, ct))
        {
            errors.Add("role", "The body already has a chair.");
        }

        if (request.SenatorId is { } sid && await db.BodyMembers.AnyAsync(m => m.BodyId == body.Id && m.SenatorId == sid && m.EndsOn == null, ct))
        {
            errors.Add("senatorId", "The senator is already a member.");
        }

        if (errors.Any)
        {
            return Outcome<BodyView>.Invalid(errors);
        }

        db.BodyMembers.Add(new BodyMemberEntity
        {
            Id = Guid.NewGuid(),
            BodyId = body.Id,
            SenatorId = request.SenatorId!.Value,
            Role = request.Role!.Value,
            StartsOn = request.StartsOn ?? CambodiaTime.Today(clock),
        });
        await AuditAsync(actor, "legislation.body.add-member", "body", body.Id, new { body.Code, senator = request.SenatorId, role = request.Role!.Value.ToString() }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<BodyView>.Ok((await BodiesAsync(ct)).First(b => b.Id == body.Id));
    }

    /// <summary>A senator leaves a body on a day (the chair steps down, a member moves to another commission).</summary>
    public async Task<Outcome<BodyView>> EndMembershipAsync(string bodyCode, EndMembershipRequest request, Actor actor, CancellationToken ct)
    {
        if (await CurrentBodyAsync(bodyCode, ct) is not { } body)
        {
            return Outcome<BodyView>.NotFound("No such body in the current legislature.");
        }

        var errors = new FieldErrors();
        var membership = request.SenatorId is { } senatorId
            ? await db.BodyMembers.FirstOrDefaultAsync(m => m.BodyId == body.Id && m.SenatorId == senatorId && m.EndsOn == null, ct)
            : null;
        if (membership is null)
        {
            errors.Add("senatorId", "That senator is not a member of this body.");
        }

        var today = CambodiaTime.Today(clock);
        if (request.EndsOn is not { } endsOn)
        {
            errors.Add("endsOn", "The last day on the body is required.");
        }
        else if (membership is not null && (endsOn < membership.StartsOn || endsOn > today))
        {
            errors.Add("endsOn", "The last day must fall between the start of the membership and today.");
        }

        if (errors.Any)
        {
            return Outcome<BodyView>.Invalid(errors);
        }

        membership!.EndsOn = request.EndsOn;
        await AuditAsync(actor, "legislation.body.end-member", "body", body.Id, new { body.Code, senator = request.SenatorId, role = membership.Role.ToString(), request.EndsOn }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<BodyView>.Ok((await BodiesAsync(ct)).First(b => b.Id == body.Id));
    }

    /// <summary>The body with that code in the current legislature (tracked), if any.</summary>
    private async Task<BodyEntity?> CurrentBodyAsync(string bodyCode, CancellationToken ct)
    {
        var legislature = await CurrentLegislatureAsync(ct);
        return legislature is null ? null : await db.Bodies.FirstOrDefaultAsync(b => b.Code == bodyCode && b.Legislature == legislature.Number, ct);
    }

    private Task AuditAsync(Actor actor, string action, string subjectType, Guid subjectId, object details, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent(actor, action, subjectType, subjectId.ToString("D"), "senate composition", AuditDetails.Of(details)), ct);
}
