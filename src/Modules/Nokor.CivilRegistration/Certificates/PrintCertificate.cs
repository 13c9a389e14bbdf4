using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Numbers;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Signing;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Certificates;

/// <summary>
/// Birth and death certificates (NSPI 5.3 registration services: "issuance of the registration
/// certificate"; 6.2: printed only after double verification). Every print and reprint is recorded;
/// a reprint of a version already printed is a certified copy and carries the fee of the fee table.
/// Each certificate's QR code holds a payload signed with the platform's ECDSA key, which anyone can
/// check online on the public page or offline with the published public keys.
/// </summary>
internal static class PrintCertificate
{
    public static async Task<Outcome<(CertificateView Certificate, byte[] Pdf)>> HandleAsync(
        Guid registrationId, Actor actor, CivilDbContext db, RegistrationRecords registrations, CertificateRecords certificates, CertificateComposer composer,
        SigningKeyRing keys, StaffDirectory staff, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var r = await registrations.FindAsync(registrationId, actor, track: true, ct);
        if (r is null)
        {
            return Outcome<(CertificateView, byte[])>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        if (r.Status != RegistrationStatus.Approved)
        {
            return Outcome<(CertificateView, byte[])>.Conflict("A certificate is printed only for an approved registration.");
        }

        if (FamilyEvents.FamilyCertificates.RefusalOrNull(r.Event) is { } noCertificate)
        {
            return Outcome<(CertificateView, byte[])>.Conflict(noCertificate);
        }

        var printed = await db.Certificates.Where(c => c.RegistrationId == r.Id).Select(c => c.RegistrationVersion).ToListAsync(ct);
        var issue = printed.Contains(r.Version) ? CertificateIssue.CertifiedCopy : CertificateIssue.Original;
        var name = await staff.DisplayNameAsync(actor, ct);
        var now = clock.GetUtcNow();
        var serial = $"{r.Number}/{printed.Count + 1}";
        var payload = new CertificatePayload(CertificatePayload.Current, RegistrationNumbers.Letter(r.Event).ToString(), r.Number!, r.Version, serial,
            r.SubjectKidc, r.SubjectNameKm, r.SubjectNameLatin, r.EventDate.ToString("yyyy-MM-dd"), CertificateRecords.TruncateToSeconds(now));
        var certificate = new CertificateEntity
        {
            Id = Guid.CreateVersion7(),
            Serial = serial,
            RegistrationId = r.Id,
            RegistrationNumber = r.Number!,
            RegistrationVersion = r.Version,
            Issue = issue,
            IssuedAt = payload.IssuedAt,
            IssuedBy = actor.Id,
            IssuedByName = name,
            FeeRiel = issue == CertificateIssue.CertifiedCopy ? options.Value.Fees.CertifiedCopy : 0,
            Token = keys.Sign(payload.ToBytes()),
        };
        db.Certificates.Add(certificate);
        r.Revision++;
        registrations.AddEvent(r, actor, name, issue == CertificateIssue.Original ? "certificate.printed" : "certificate.reprinted",
            certificate.FeeRiel > 0 ? $"{serial}; fee {certificate.FeeRiel} riel" : serial);
        await audit.AppendAsync(new AuditEvent(actor, issue == CertificateIssue.Original ? "civil.certificate.print" : "civil.certificate.reprint",
            "registration", r.Id.ToString(), "civil registration certificate", AuditDetails.Of(new { serial })), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two prints of the same record at once: both took the same serial; one wins.
            db.ChangeTracker.Clear();
            return Outcome<(CertificateView, byte[])>.Conflict("Another print of this record happened at the same moment: print again.");
        }

        var pdf = await composer.RenderAsync(r, certificate, ct, deceasedBirthDate: await certificates.DeceasedBirthDateAsync(r, actor, ct));
        return Outcome<(CertificateView, byte[])>.Ok((CertificateRecords.View(certificate, r.Version), pdf));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/certificates", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> (
                Guid id, HttpContext http, CivilDbContext db, RegistrationRecords registrations, CertificateRecords certificates, CertificateComposer composer,
                SigningKeyRing keys, StaffDirectory staff, IAuditLog audit, IOptions<CivilRegistrationOptions> options, TimeProvider clock, IAntiforgery antiforgery,
                CancellationToken ct) =>
            {
                if (await http.IsForgedBrowserFormAsync(antiforgery))
                {
                    return Problems.Invalid("form", "The form expired: open the page again and print again.");
                }

                var outcome = await HandleAsync(id, http.Actor(), db, registrations, certificates, composer, keys, staff, audit, options, clock, ct);
                if (!outcome.IsOk)
                {
                    return CertificateRecords.Fail(outcome.Kind, outcome.Errors, outcome.Message);
                }

                var (certificate, pdf) = outcome.Value;
                http.Response.Headers.ContentDisposition = $"inline; filename=\"{certificate.Serial.Replace('/', '-')}.pdf\"";
                http.Response.Headers["X-Certificate-Serial"] = certificate.Serial;
                return TypedResults.File(pdf, "application/pdf");
            })
            .RequireAuthorization(CivilPolicies.Work)
            .DisableAntiforgery()
            .WithName("PrintCertificate")
            .WithSummary("Print the certificate of an approved registration (a reprint of a printed version is a certified copy with its fee)")
            .WithDescription("Records the print and answers with the PDF. The certificate's serial is in the X-Certificate-Serial header.");
}
