using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Hosting;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Annexes;

internal static class AnnexEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/registrations/{id:guid}/annexes", async Task<Results<Ok<AnnexView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, RedirectHttpResult>> (
                Guid id, HttpContext http, AnnexService service, IAntiforgery antiforgery, CancellationToken ct) =>
            {
                var max = http.RequestServices.GetRequiredService<IOptions<CivilRegistrationOptions>>().Value.MaxAnnexBytes;
                return await FileUploads.HandleAsync(http, antiforgery, max,
                    upload => service.AddAsync(id, upload.FileName, upload.Content, upload.Form["description"], http.Actor(), ct),
                    "annexError", "annexes", ct);
            })
            .RequireAuthorization(CivilPolicies.Work)
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("AddAnnex")
            .WithSummary("Upload a scanned annex (PDF, PNG or JPEG) to the dossier")
            .WithDescription("Multipart form with the field \"file\" and optionally \"description\". The type is recognised from the content; the file is stored under its SHA-256.");

        group.MapGet("/registrations/{id:guid}/annexes/{annexId:guid}", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>>> (
                Guid id, Guid annexId, HttpContext http, AnnexService service, CancellationToken ct) =>
            {
                var outcome = await service.GetAsync(id, annexId, http.StatedPurpose(), http.Actor(), ct);
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
}
