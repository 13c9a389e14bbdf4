using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>The agent of the registering office enters a birth dossier (NSPI 5.3, 6.2 Table 5).</summary>
internal static class EnterBirth
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        BirthApplication application, Actor actor, RegistrationEntry entry, DossierValidator validator, CancellationToken ct)
    {
        if (application.Id is { } id && await entry.ExistingAsync(id, VitalEvent.Birth, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var notification = await entry.NotificationAsync(application.NotificationId, VitalEvent.Birth, actor, errors, ct);
        var (dossier, facts) = await validator.BirthAsync(application.Birth, actor, errors, RegistrationEntry.Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        return await entry.CreateAsync(application.Id, registrationId, VitalEvent.Birth, Dossiers.Write(dossier), facts!, notification, actor, ct);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/births", async (BirthApplication application, HttpContext http, RegistrationEntry entry, DossierValidator validator, CancellationToken ct) =>
                (await HandleAsync(application, http.Actor(), entry, validator, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterBirth")
            .WithSummary("Enter a birth registration application")
            .WithDescription("The agent of the registering office enters the dossier. Give a client-generated id so that a retried request creates the application once.");
}
