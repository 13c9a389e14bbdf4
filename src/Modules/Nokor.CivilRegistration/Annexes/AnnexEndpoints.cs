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
                if (await http.IsForgedBrowserFormAsync(antiforgery))
                {
                    return Problems.Invalid("file", "The form expired: open the page again and resend the file.");
                }

                if (!http.Request.HasFormContentType)
                {
                    return Problems.Invalid("file", "Send the file as multipart/form-data in the field \"file\".");
                }

                var form = await http.Request.ReadFormAsync(ct);
                var file = form.Files.GetFile("file");
                if (file is null)
                {
                    return Problems.Invalid("file", "Send the file as multipart/form-data in the field \"file\".");
                }

                var max = http.RequestServices.GetRequiredService<IOptions<CivilRegistrationOptions>>().Value.MaxAnnexBytes;
                if (file.Length > max)
                {
                    return Problems.Invalid("file", $"The file is larger than {max / (1024 * 1024)} MB.");
                }

                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                var outcome = await service.AddAsync(id, file.FileName, buffer.ToArray(), form["description"], http.Actor(), ct);
                var back = form["returnUrl"].ToString();
                if (http.IsFromBrowser() && back.StartsWith('/') && !back.StartsWith("//", StringComparison.Ordinal))
                {
                    if (outcome.IsOk)
                    {
                        return TypedResults.Redirect(back);
                    }

                    // A person at the record page gets the page back with the reason, not JSON.
                    var reason = outcome.Errors.SelectMany(e => e.Value).FirstOrDefault() ?? outcome.Message ?? "";
                    var page = back.Split('?', '#')[0];
                    return TypedResults.Redirect($"{page}?annexError={Uri.EscapeDataString(reason)}#annexes");
                }

                return outcome.ToHttp().Result switch
                {
                    Ok<AnnexView> ok => ok,
                    ValidationProblem v => v,
                    NotFound<ProblemDetails> n => n,
                    Conflict<ProblemDetails> c => c,
                    _ => throw new InvalidOperationException("Unexpected outcome."),
                };
            })
            .RequireAuthorization(CivilPolicies.Work)
            .DisableAntiforgery()
            .WithMetadata(new BodySizeLimit(16 * 1024 * 1024))
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("AddAnnex")
            .WithSummary("Upload a scanned annex (PDF, PNG or JPEG) to the dossier")
            .WithDescription("Multipart form with the field \"file\" and optionally \"description\". The type is recognised from the content; the file is stored under its SHA-256.");

        group.MapGet("/registrations/{id:guid}/annexes/{annexId:guid}", async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> (
                Guid id, Guid annexId, HttpContext http, AnnexService service, CancellationToken ct) =>
            {
                var outcome = await service.GetAsync(id, annexId, http.Actor(), ct);
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
            .WithSummary("A scanned annex, shown inline");
    }
}
