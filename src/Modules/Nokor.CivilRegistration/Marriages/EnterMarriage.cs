using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Marriages;

/// <summary>
/// The agent enters a marriage concluded before the registrar (NSPI 6.1: the marriage registry):
/// the spouses, the date and place, the witnesses and the property regime, checked against the
/// Civil Code by <see cref="MarriageValidator"/>. Then the shared procedure: a second person
/// verifies, a registrar approves (<see cref="MarriageProcedure"/> records it in the Population
/// Registry and the marriage register), the certificate is printed.
/// </summary>
internal static class EnterMarriage
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        MarriageApplication application, Actor actor, RegistrationEntry entry, MarriageValidator validator, CancellationToken ct)
    {
        if (application.Id is { } id && await entry.ExistingAsync(id, VitalEvent.Marriage, actor, ct) is { } existing)
        {
            return existing;
        }

        var errors = new FieldErrors();
        var registrationId = application.Id ?? Guid.CreateVersion7();
        var (dossier, facts) = await validator.MarriageAsync(application.Marriage, actor, errors, RegistrationEntry.Act(registrationId), ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        return await entry.CreateAsync(application.Id, registrationId, VitalEvent.Marriage, Dossiers.Write(dossier), facts!, null, actor, ct);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/marriages", async (MarriageApplication application, HttpContext http, RegistrationEntry entry, MarriageValidator validator, CancellationToken ct) =>
                (await HandleAsync(application, http.Actor(), entry, validator, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterMarriage")
            .WithSummary("Enter a marriage registration application: the spouses (by KIDC, or a foreign spouse by passport), date, place, witnesses and property regime");
}
