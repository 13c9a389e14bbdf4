using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>The agent enters a death dossier, with the medical certificate of cause of death.</summary>
internal static class EnterDeath
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        DeathApplication application, Actor actor, RegistrationEntry entry, DossierValidator validator, CivilDbContext db, CancellationToken ct)
    {
        if (application.Id is { } id && await entry.ExistingAsync(id, VitalEvent.Death, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var notification = await entry.NotificationAsync(application.NotificationId, VitalEvent.Death, actor, errors, ct);
        var (dossier, facts) = await validator.DeathAsync(application.Death, actor, errors, RegistrationEntry.Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        // Another office's open application is not revealed: it gets the one "not confirmed" answer.
        var open = await db.Registrations.AsNoTracking()
            .Where(r => r.Event == VitalEvent.Death && r.SubjectKidc == facts!.SubjectKidc && r.Status != RegistrationStatus.Rejected)
            .Select(r => r.OfficeCode).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            return Outcome<RegistrationView>.Invalid("death.deceasedKidc", actor.Jurisdiction.Covers(open)
                ? "A death application for this person is already open or registered."
                : DossierValidator.NotConfirmed);
        }

        return await entry.CreateAsync(application.Id, registrationId, VitalEvent.Death, Dossiers.Write(dossier), facts!, notification, actor, ct);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/deaths", async (DeathApplication application, HttpContext http, RegistrationEntry entry, DossierValidator validator, CivilDbContext db, CancellationToken ct) =>
                (await HandleAsync(application, http.Actor(), entry, validator, db, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterDeath")
            .WithSummary("Enter a death registration application, with the medical certificate of cause of death");
}
