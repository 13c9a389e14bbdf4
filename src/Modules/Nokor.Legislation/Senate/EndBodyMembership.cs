using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;

/// <summary>A senator leaves a body on a day (the chair steps down, a member moves to another commission).</summary>
internal static class EndBodyMembership
{
    public static async Task<Outcome<BodyView>> HandleAsync(string bodyCode, EndMembershipRequest request, Actor actor, LegislationDbContext db, SenateRecords records, CancellationToken ct)
    {
        if (await records.CurrentBodyAsync(bodyCode, ct) is not { } body)
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

        var today = records.Today;
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
        await records.AuditAsync(actor, "legislation.body.end-member", "body", body.Id, new { body.Code, senator = request.SenatorId, role = membership.Role.ToString(), request.EndsOn }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<BodyView>.Ok((await ListBodies.HandleAsync(db, records, ct)).First(b => b.Id == body.Id));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/bodies/{code}/members/end", async (string code, EndMembershipRequest request, HttpContext http, LegislationDbContext db, SenateRecords records, CancellationToken ct) =>
                (await HandleAsync(code, request, http.Actor(), db, records, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("EndBodyMembership")
            .WithSummary("A senator leaves the Permanent Committee or a commission (or its chair) after the given day");
}
