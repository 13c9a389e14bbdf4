using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>The printed decision of a rejection, with its legal reasons (NSPI 5.3: "The decision is printed").</summary>
internal static class RejectionDecision
{
    public static async Task<Outcome<byte[]>> HandleAsync(
        Guid registrationId, Actor actor, RegistrationRecords registrations, CertificateComposer composer, IAuditLog audit, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        if (r is null)
        {
            return Outcome<byte[]>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        if (r.Status != RegistrationStatus.Rejected)
        {
            return Outcome<byte[]>.Conflict("Only a rejected application has a rejection decision.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.rejection.print", "registration", r.Id.ToString(), "civil registration decision"), ct);
        return Outcome<byte[]>.Ok(await composer.RenderRejectionAsync(r, ct));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registrations/{id:guid}/rejection.pdf", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> (
                Guid id, HttpContext http, RegistrationRecords registrations, CertificateComposer composer, IAuditLog audit, CancellationToken ct) =>
            {
                var outcome = await HandleAsync(id, http.Actor(), registrations, composer, audit, ct);
                if (!outcome.IsOk)
                {
                    return CertificateRecords.Fail(outcome.Kind, outcome.Errors, outcome.Message);
                }

                http.Response.Headers.ContentDisposition = "inline";
                return TypedResults.File(outcome.Value!, "application/pdf");
            })
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("RejectionDecision")
            .WithSummary("The printed decision of a rejected application, with its legal reasons");
}
