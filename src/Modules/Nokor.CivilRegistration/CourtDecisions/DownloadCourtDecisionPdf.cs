using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Files;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.CourtDecisions;

/// <summary>The decision's PDF as the court sent it, for the registrar of its office; the read is audited.</summary>
internal static class DownloadCourtDecisionPdf
{
    public static async Task<Outcome<CourtDecisionFile>> HandleAsync(
        Guid id, string? purposeText, Actor actor, CivilDbContext db, IBlobStore blobs, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var purpose = RegistrationPurpose.PurposeOr(purposeText, ICourtDecisions.PagePurpose, errors);
        if (purpose is null)
        {
            return Outcome<CourtDecisionFile>.Invalid(errors);
        }

        var d = await CourtDecisionRecords.FindAsync(db, id, actor, track: false, ct);
        var content = d is null ? null : await blobs.GetAsync(d.PdfSha256, ct);
        if (d is null || content is null)
        {
            return Outcome<CourtDecisionFile>.NotFound(CourtDecisionRecords.NotFoundMessage);
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.court-decision.pdf", "court-decision", d.Id.ToString(), purpose), ct);
        return Outcome<CourtDecisionFile>.Ok(new CourtDecisionFile(CourtDecisionRecords.FileName(d), "application/pdf", content));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet(ReceiveCourtDecision.Route + "/{id:guid}/pdf", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>>> (
                Guid id, HttpContext http, CivilDbContext db, IBlobStore blobs, IAuditLog audit, CancellationToken ct) =>
            {
                var outcome = await HandleAsync(id, http.StatedPurpose(), http.Actor(), db, blobs, audit, ct);
                if (outcome.Kind == OutcomeKind.Invalid)
                {
                    return Problems.Invalid(outcome.Errors);
                }

                if (!outcome.IsOk)
                {
                    return TypedResults.NotFound(new ProblemDetails { Type = Problems.NotFound, Title = "Not found.", Status = 404, Detail = outcome.Message });
                }

                // Inline, so the decision shows in the browser; it was checked to be a PDF on reception.
                http.Response.Headers.ContentDisposition = "inline";
                http.Response.Headers["X-Content-Type-Options"] = "nosniff";
                return TypedResults.File(outcome.Value!.Content, "application/pdf");
            })
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("GetCourtDecisionPdf")
            .WithSummary("The court decision's PDF, shown inline");
}
