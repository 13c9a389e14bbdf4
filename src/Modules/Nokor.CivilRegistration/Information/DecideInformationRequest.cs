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

/// <summary>A registrar approves or refuses an information request (NSPI 5.3); the decision is recorded and audited.</summary>
internal static class DecideInformationRequest
{
    public static async Task<Outcome<InformationRequestView>> HandleAsync(
        Guid id, InformationDecision decision, Actor actor, CivilDbContext db, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var entity = await InformationRequests.FindAsync(db, id, actor, ct);
        if (entity is null)
        {
            return Outcome<InformationRequestView>.NotFound("No information request with this id in your area.");
        }

        if (entity.Status != InformationRequestStatus.Received)
        {
            return Outcome<InformationRequestView>.Conflict($"The request is already {entity.Status.ToString().ToLowerInvariant()}.");
        }

        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<InformationRequestView>.Invalid("approve", "Only a registrar decides on information requests.");
        }

        var text = Fields.Trimmed(decision.Decision);
        if (!decision.Approve && text is null)
        {
            return Outcome<InformationRequestView>.Invalid("decision", "State why the request is refused.");
        }

        if (text is { Length: > 1000 })
        {
            return Outcome<InformationRequestView>.Invalid("decision", "The decision must be at most 1,000 characters.");
        }

        entity.Status = decision.Approve ? InformationRequestStatus.Approved : InformationRequestStatus.Refused;
        entity.DecidedBy = actor.Id;
        entity.DecidedAt = clock.GetUtcNow();
        entity.Decision = text;
        await audit.AppendAsync(new AuditEvent(actor, decision.Approve ? "civil.information.approve" : "civil.information.refuse",
            "registration", entity.RegistrationId.ToString(), entity.Purpose), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<InformationRequestView>.Ok(InformationRequests.View(entity, null, options));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/information-requests/{id:guid}/decision", async (Guid id, InformationDecision decision, HttpContext http, CivilDbContext db, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, decision, http.Actor(), db, audit, options, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("DecideInformationRequest")
            .WithSummary("A registrar approves or refuses the request");
}
