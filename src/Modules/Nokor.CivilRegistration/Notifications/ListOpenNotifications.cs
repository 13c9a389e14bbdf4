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

/// <summary>Open notifications of the caller's area, oldest first, with their age in days.</summary>
internal static class ListOpenNotifications
{
    /// <summary>The open notifications of an area, audited with the caller's stated purpose (X-Purpose) or <see cref="NotificationViews.DefaultPurpose"/>.</summary>
    public static async Task<Outcome<IReadOnlyList<NotificationView>>> HandleAsync(
        Actor actor, string? communeCode, CivilDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct, string? purposeText = null)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.PurposeOr(purposeText, NotificationViews.DefaultPurpose, errors);
        if (purpose is null)
        {
            return Outcome<IReadOnlyList<NotificationView>>.Invalid(errors);
        }

        if (communeCode is not null && !Nokor.Platform.Gazetteer.GazetteerService.IsWellFormedCode(communeCode))
        {
            return Outcome<IReadOnlyList<NotificationView>>.Invalid("commune", "An area code is 2, 4, 6 or 8 digits (province, district, commune, village).");
        }

        var area = communeCode is not null && actor.Jurisdiction.Covers(communeCode) ? communeCode : actor.Jurisdiction.AreaCode;
        var query = db.Notifications.AsNoTracking().Where(n => n.Status == NotificationStatus.Open);
        if (area is not null)
        {
            query = query.Where(n => n.CommuneCode.StartsWith(area));
        }

        var list = await query.OrderBy(n => n.ReceivedAt).Take(NotificationViews.MaxListed).ToListAsync(ct);
        await audit.AppendAsync(new AuditEvent(actor, "civil.notification.list", "notification", area ?? "national", purpose), ct);
        return Outcome<IReadOnlyList<NotificationView>>.Ok(list.Select(n => NotificationViews.View(n, clock)).ToList());
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/notifications", async (string? commune, HttpContext http, CivilDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(http.Actor(), commune, db, audit, clock, ct, http.StatedPurpose())).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("ListOpenNotifications")
            .WithSummary("Open notifications of the caller's area, oldest first, with their age in days");
}
