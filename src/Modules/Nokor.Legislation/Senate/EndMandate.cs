using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Legislation.Contracts;
using Nokor.Legislation.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Legislation.Senate;

/// <summary>
/// Ends the senator's running mandate and their seats on bodies on that day; the seat becomes
/// free for the successor (Article 104 of the Constitution leaves the replacement to the law).
/// </summary>
internal static class EndMandate
{
    public static async Task<Outcome<SenatorView>> HandleAsync(Guid senatorId, EndMandateRequest request, Actor actor, LegislationDbContext db, SenateRecords records, CancellationToken ct)
    {
        var mandate = await db.Mandates.FirstOrDefaultAsync(m => m.SenatorId == senatorId && m.EndsOn == null, ct);
        if (mandate is null)
        {
            return Outcome<SenatorView>.NotFound("No running mandate for that senator.");
        }

        var errors = new FieldErrors();
        var today = records.Today;
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

        await records.AuditAsync(actor, "legislation.senator.end-mandate", "senator", senatorId, new { request.EndsOn, reason }, ct);
        await db.SaveChangesAsync(ct);
        var senator = await db.Senators.AsNoTracking().FirstAsync(s => s.Id == senatorId, ct);
        return Outcome<SenatorView>.Ok(new SenatorView(senator.Id, senator.NameKm, senator.NameLatin, mandate.Seat, mandate.Constituency, [], senator.StaffUserId is not null));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/senators/{id:guid}/end", async (Guid id, EndMandateRequest request, HttpContext http, LegislationDbContext db, SenateRecords records, CancellationToken ct) =>
                (await HandleAsync(id, request, http.Actor(), db, records, ct)).ToHttp())
            .RequireAuthorization(LegislationPolicies.Clerk)
            .WithName("EndMandate")
            .WithSummary("End a senator's mandate early (and their seats on bodies), with the reason");
}
