using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Notifications;

internal static class NotificationEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/notifications", async (NotificationRequest request, HttpContext http, NotificationService service, CancellationToken ct) =>
                (await service.NotifyAsync(request, http.Actor(), ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Notify)
            .WithName("NotifyVitalEvent")
            .WithSummary("Notify a birth or a death")
            .WithDescription("Stores a notification from the health facility, midwife or village chief that witnessed the event until the family registers it. Sending the same id, or the same source system and reference, again returns the stored notification.");

        group.MapGet("/notifications", async (string? commune, HttpContext http, NotificationService service, CancellationToken ct) =>
                (await service.OpenAsync(http.Actor(), commune, ct, http.StatedPurpose())).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("ListOpenNotifications")
            .WithSummary("Open notifications of the caller's area, oldest first, with their age in days");

        group.MapGet("/notifications/{id:guid}", async (Guid id, HttpContext http, NotificationService service, CancellationToken ct) =>
                (await service.GetAsync(id, http.Actor(), ct, http.StatedPurpose())).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("GetNotification")
            .WithSummary("One notification");
    }
}
