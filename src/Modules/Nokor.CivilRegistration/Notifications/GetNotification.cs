using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Notifications;

internal static class GetNotification
{
    /// <summary>One notification of the caller's area, audited with the caller's stated purpose (X-Purpose) or <see cref="NotificationViews.DefaultPurpose"/>.</summary>
    public static async Task<Outcome<NotificationView>> HandleAsync(
        Guid id, Actor actor, CivilDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct, string? purposeText = null)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.PurposeOr(purposeText, NotificationViews.DefaultPurpose, errors);
        if (purpose is null)
        {
            return Outcome<NotificationView>.Invalid(errors);
        }

        var n = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !actor.Jurisdiction.Covers(n.CommuneCode))
        {
            return Outcome<NotificationView>.NotFound("No notification with this id in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.notification.read", "notification", n.Id.ToString(), purpose), ct);
        return Outcome<NotificationView>.Ok(NotificationViews.View(n, clock));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/notifications/{id:guid}", async (Guid id, HttpContext http, CivilDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, http.Actor(), db, audit, clock, ct, http.StatedPurpose())).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("GetNotification")
            .WithSummary("One notification");
}
