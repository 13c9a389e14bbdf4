using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Khmer;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;

/// <summary>
/// Registers a senator with a mandate in a legislature (Constitution Articles 99-102 as amended),
/// on a free seat of its kind, and links their staff account when one is named.
/// </summary>
internal static class AddSenator
{
    public static async Task<Outcome<SenatorView>> HandleAsync(NewSenatorRequest request, Actor actor, LegislationDbContext db, SenateRecords records, StaffDirectory staff, CancellationToken ct)
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
            : await records.CurrentLegislatureAsync(ct);
        if (legislature is null)
        {
            errors.Add("legislature", "No such legislature.");
            return Outcome<SenatorView>.Invalid(errors);
        }

        var taken = await db.Mandates.CountAsync(m => m.Legislature == legislature.Number && m.Seat == seat && m.EndsOn == null, ct);
        if (taken >= SenateRecords.Seats[seat])
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
        await records.AuditAsync(actor, "legislation.senator.add", "senator", senator.Id, new { legislature = legislature.Number, seat, linkedAccount = userId is not null }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<SenatorView>.Ok(new SenatorView(senator.Id, senator.NameKm, senator.NameLatin, seat, request.Constituency, [], userId is not null));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/senators", async (NewSenatorRequest request, HttpContext http, LegislationDbContext db, SenateRecords records, StaffDirectory staff, CancellationToken ct) =>
                (await HandleAsync(request, http.Actor(), db, records, staff, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("AddSenator")
            .WithSummary("Register a senator with a mandate in a legislature (and link their staff account)");
}
