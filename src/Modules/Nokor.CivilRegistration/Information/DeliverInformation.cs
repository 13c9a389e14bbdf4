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

/// <summary>Delivers the extract of an approved request; the delivery and its channel are recorded and audited.</summary>
internal static class DeliverInformation
{
    public static async Task<Outcome<InformationRequestView>> HandleAsync(
        Guid id, InformationDelivery delivery, Actor actor, CivilDbContext db, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var entity = await InformationRequests.FindAsync(db, id, actor, ct);
        if (entity is null)
        {
            return Outcome<InformationRequestView>.NotFound("No information request with this id in your area.");
        }

        if (entity.Status != InformationRequestStatus.Approved)
        {
            return Outcome<InformationRequestView>.Conflict(entity.Status == InformationRequestStatus.Delivered
                ? "The extract was already delivered."
                : "Only an approved request is delivered.");
        }

        var channel = Fields.Trimmed(delivery.Channel)?.ToLowerInvariant();
        if (channel is null || !ICivilInformation.Channels.Contains(channel))
        {
            return Outcome<InformationRequestView>.Invalid("channel", $"Use one of {string.Join(", ", ICivilInformation.Channels)}.");
        }

        var r = await db.Registrations.AsNoTracking().FirstAsync(x => x.Id == entity.RegistrationId, ct);
        entity.Status = InformationRequestStatus.Delivered;
        entity.DeliveredAt = clock.GetUtcNow();
        entity.DeliveryChannel = channel;
        await audit.AppendAsync(new AuditEvent(actor, "civil.information.deliver", "registration", r.Id.ToString(), entity.Purpose,
            AuditDetails.Of(new { channel })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<InformationRequestView>.Ok(InformationRequests.View(entity, InformationRequests.Extract(r), options));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/information-requests/{id:guid}/delivery", async (Guid id, InformationDelivery delivery, HttpContext http, CivilDbContext db, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, delivery, http.Actor(), db, audit, options, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("DeliverInformation")
            .WithSummary("Deliver the extract of an approved request; the delivery and its channel are recorded");
}
