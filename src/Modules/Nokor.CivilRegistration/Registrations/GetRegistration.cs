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

/// <summary>A registration with its dossier, annexes, certificates and corrections, read for a stated purpose.</summary>
internal static class GetRegistration
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        Guid id, string? purposeText, Actor actor, RegistrationRecords records, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.Purpose(purposeText, errors);
        if (purpose is null)
        {
            return Outcome<RegistrationView>.Invalid(errors);
        }

        var r = await records.FindAsync(id, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<RegistrationView>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.registration.read", "registration", r.Id.ToString(), purpose), ct);
        return Outcome<RegistrationView>.Ok(await records.ViewAsync(r, ct));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registrations/{id:guid}", async (Guid id, HttpContext http, RegistrationRecords records, IAuditLog audit, CancellationToken ct) =>
                (await HandleAsync(id, http.StatedPurpose(), http.Actor(), records, audit, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("GetRegistration")
            .WithSummary("A registration with its dossier, annexes, certificates and corrections")
            .WithDescription("Requires the X-Purpose header, which is recorded in the audit log (400 naming the field purpose without it).");
}
