using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Annexes;

/// <summary>A scanned annex of a dossier, shown inline.</summary>
internal static class GetAnnex
{
    /// <summary>
    /// An annex and its bytes, audited with the caller's stated purpose (X-Purpose), or the record
    /// page's purpose when the browser follows a link and states none.
    /// </summary>
    public static async Task<Outcome<(AnnexEntity Annex, byte[] Content)>> HandleAsync(
        Guid registrationId, Guid annexId, string? purposeText, Actor actor, CivilDbContext db, RegistrationRecords registrations, IBlobStore blobs,
        IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.PurposeOr(purposeText, RegistrationPurpose.PagePurpose, errors);
        if (purpose is null)
        {
            return Outcome<(AnnexEntity, byte[])>.Invalid(errors);
        }

        var r = await registrations.FindAsync(registrationId, actor, track: false, ct);
        var annex = r is null ? null : await db.Annexes.AsNoTracking().FirstOrDefaultAsync(a => a.Id == annexId && a.RegistrationId == r.Id, ct);
        var content = annex is null ? null : await blobs.GetAsync(annex.Sha256, ct);
        if (annex is null || content is null)
        {
            return Outcome<(AnnexEntity, byte[])>.NotFound("No such annex in your area.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.annex.read", "registration", r!.Id.ToString(), purpose,
            AuditDetails.Of(new { annex = annex.Id })), ct);
        return Outcome<(AnnexEntity, byte[])>.Ok((annex, content));
    }
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/registrations/{id:guid}/annexes/{annexId:guid}", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>>> (
                Guid id, Guid annexId, HttpContext http, CivilDbContext db, RegistrationRecords registrations, IBlobStore blobs, IAuditLog audit, CancellationToken ct) =>
            {
                var outcome = await HandleAsync(id, annexId, http.StatedPurpose(), http.Actor(), db, registrations, blobs, audit, ct);
                if (outcome.Kind == OutcomeKind.Invalid)
                {
                    return Problems.Invalid(outcome.Errors);
                }

                if (!outcome.IsOk)
                {
                    return TypedResults.NotFound(new ProblemDetails { Type = Problems.NotFound, Title = "Not found.", Status = 404, Detail = outcome.Message });
                }

                var (annex, content) = outcome.Value;
                // Inline, so the scan shows in the browser; the type was sniffed on upload.
                http.Response.Headers.ContentDisposition = "inline";
                http.Response.Headers["X-Content-Type-Options"] = "nosniff";
                return TypedResults.File(content, annex.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{annex.Sha256}\""));
            })
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("GetAnnex")
            .WithSummary("A scanned annex, shown inline")
            .WithDescription("The purpose stated in the X-Purpose header is recorded in the audit log; a browser following a link states none and is recorded as the record page.");
}
