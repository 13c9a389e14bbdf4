using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Notifications;

/// <summary>The notifications door for the hosts: delegates to the use cases.</summary>
internal sealed class CivilNotifications(CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock) : ICivilNotifications
{
    public Task<Outcome<NotificationView>> NotifyAsync(NotificationRequest request, Actor actor, CancellationToken ct) =>
        NotifyVitalEvent.HandleAsync(request, actor, db, gazetteer, audit, clock, ct);

    public Task<Outcome<IReadOnlyList<NotificationView>>> OpenAsync(Actor actor, string? communeCode, CancellationToken ct, string? purpose = null) =>
        ListOpenNotifications.HandleAsync(actor, communeCode, db, audit, clock, ct, purpose);

    public Task<Outcome<NotificationView>> GetAsync(Guid id, Actor actor, CancellationToken ct, string? purpose = null) =>
        GetNotification.HandleAsync(id, actor, db, audit, clock, ct, purpose);
}
