using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;

/// <summary>A senator joins the Permanent Committee or a commission, as chair, vice-chair, secretary or member.</summary>
internal static class AddBodyMember
{
    public static async Task<Outcome<BodyView>> HandleAsync(string bodyCode, MembershipRequest request, Actor actor, LegislationDbContext db, SenateRecords records, CancellationToken ct)
    {
        if (await records.CurrentBodyAsync(bodyCode, ct) is not { } body)
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
            StartsOn = request.StartsOn ?? records.Today,
        });
        await records.AuditAsync(actor, "legislation.body.add-member", "body", body.Id, new { body.Code, senator = request.SenatorId, role = request.Role!.Value.ToString() }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<BodyView>.Ok((await ListBodies.HandleAsync(db, records, ct)).First(b => b.Id == body.Id));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/bodies/{code}/members", async (string code, MembershipRequest request, HttpContext http, LegislationDbContext db, SenateRecords records, CancellationToken ct) =>
                (await HandleAsync(code, request, http.Actor(), db, records, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("AddBodyMember")
            .WithSummary("A senator joins the Permanent Committee or a commission, as chair, vice-chair, secretary or member");
}
