using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Marriages;

/// <summary>
/// The agent enters a divorce, an annulment or a legal separation of a registered marriage, from a
/// court's decision (typed from the paper, or completing one the courts' system sent) or, for a
/// divorce, an administrative decision where the law allows one (<see cref="MarriageRules.AdministrativeDivorce"/>).
/// Checked by <see cref="DissolutionValidator"/>; approved through the shared procedure with
/// <see cref="DissolutionProcedure"/>.
/// </summary>
internal static class EnterDissolution
{
    public static readonly VitalEvent[] Events = [VitalEvent.Divorce, VitalEvent.Annulment, VitalEvent.LegalSeparation];

    public static async Task<Outcome<RegistrationView>> HandleAsync(
        DissolutionApplication application, Actor actor, RegistrationEntry entry, DissolutionValidator validator, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var e = Event(application.Event, errors);
        if (e is null)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        if (application.Id is { } id && await entry.ExistingAsync(id, e.Value, actor, ct) is { } existing)
        {
            return existing;
        }

        var registrationId = application.Id ?? Guid.CreateVersion7();
        var decision = await entry.CourtDecisionAsync(application.CourtDecisionId, e.Value, actor, errors, ct);
        var (dossier, facts) = await validator.DissolutionAsync(e.Value, application.Dissolution, decision, actor, errors, ct);
        if (errors.Any)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        return await entry.CreateAsync(application.Id, registrationId, e.Value, Dossiers.Write(dossier), facts!, null, actor, ct, decision);
    }

    private static VitalEvent? Event(string? text, FieldErrors errors)
    {
        var name = text?.Trim();
        var e = Events.Cast<VitalEvent?>().FirstOrDefault(x => string.Equals(x.ToString(), name, StringComparison.OrdinalIgnoreCase));
        if (e is null)
        {
            errors.Add("event", "Say what is registered: Divorce, Annulment or LegalSeparation.");
        }

        return e;
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/dissolutions", async (DissolutionApplication application, HttpContext http, RegistrationEntry entry, DissolutionValidator validator, CancellationToken ct) =>
                (await HandleAsync(application, http.Actor(), entry, validator, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("EnterDissolution")
            .WithSummary("Enter a divorce, annulment or legal separation of a registered marriage, from a court decision (or an administrative divorce where the law allows it)");
}
