using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Platform.Audit;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>Every action on a registration, in order, read for a stated purpose.</summary>
internal static class GetRegistrationHistory
{
    public static async Task<Outcome<IReadOnlyList<RegistrationHistoryEntry>>> HandleAsync(
        Guid id, string? purposeText, Actor actor, RegistrationRecords records, CivilDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.Purpose(purposeText, errors);
        if (purpose is null)
        {
            return Outcome<IReadOnlyList<RegistrationHistoryEntry>>.Invalid(errors);
        }

        var r = await records.FindAsync(id, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<IReadOnlyList<RegistrationHistoryEntry>>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.registration.history", "registration", r.Id.ToString(), purpose), ct);
        // The lines of sealed versions (before a full adoption) are read only through ReadSealedVersions.
        var sealedThrough = r.SealedThroughVersion ?? 0;
        var events = await db.Events.AsNoTracking().Where(e => e.RegistrationId == id && e.Version > sealedThrough).OrderBy(e => e.Id)
            .Select(e => new RegistrationHistoryEntry(e.At, e.ActorName, e.Action, e.Version, e.Note))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<RegistrationHistoryEntry>>.Ok(events);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registrations/{id:guid}/history", async (Guid id, HttpContext http, RegistrationRecords records, CivilDbContext db, IAuditLog audit, CancellationToken ct) =>
                (await HandleAsync(id, http.StatedPurpose(), http.Actor(), records, db, audit, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("GetRegistrationHistory")
            .WithSummary("Every action on the registration, in order")
            .WithDescription("Requires the X-Purpose header, which is recorded in the audit log.");
}
