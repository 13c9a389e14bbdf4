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

/// <summary>The PDF of a certificate already printed, as it was printed (a download, audited, not a new print).</summary>
internal static class DownloadCertificate
{
    public static async Task<Outcome<(CertificateView Certificate, byte[] Pdf)>> HandleAsync(
        Guid registrationId, Guid certificateId, Actor actor, CivilDbContext db, RegistrationRecords registrations, CertificateRecords certificates,
        CertificateComposer composer, IAuditLog audit, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        var c = r is null ? null : await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificateId && x.RegistrationId == r.Id, ct);
        // A certificate of a sealed version (the birth before a full adoption) is read only through ReadSealedVersions.
        if (r is null || c is null || c.RegistrationVersion <= (r.SealedThroughVersion ?? 0))
        {
            return Outcome<(CertificateView, byte[])>.NotFound("No such certificate in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.certificate.download", "registration", r.Id.ToString(), "civil registration certificate",
            AuditDetails.Of(new { serial = c.Serial })), ct);
        var version = c.RegistrationVersion == r.Version ? r : await certificates.AtVersionAsync(r, c.RegistrationVersion, ct);
        var pdf = await composer.RenderAsync(version, c, ct, superseded: c.RegistrationVersion != r.Version,
            deceasedBirthDate: await certificates.DeceasedBirthDateAsync(r, actor, ct));
        return Outcome<(CertificateView, byte[])>.Ok((CertificateRecords.View(c, r.Version), pdf));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registrations/{id:guid}/certificates/{certificateId:guid}.pdf", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> (
                Guid id, Guid certificateId, HttpContext http, CivilDbContext db, RegistrationRecords registrations, CertificateRecords certificates,
                CertificateComposer composer, IAuditLog audit, CancellationToken ct) =>
            {
                var outcome = await HandleAsync(id, certificateId, http.Actor(), db, registrations, certificates, composer, audit, ct);
                if (!outcome.IsOk)
                {
                    return CertificateRecords.Fail(outcome.Kind, outcome.Errors, outcome.Message);
                }

                http.Response.Headers.ContentDisposition = "inline";
                return TypedResults.File(outcome.Value.Pdf, "application/pdf");
            })
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("DownloadCertificate")
            .WithSummary("The PDF of a certificate already printed (recorded as a download, not a new print)");
}
