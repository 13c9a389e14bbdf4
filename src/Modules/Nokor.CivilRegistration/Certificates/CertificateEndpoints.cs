using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Certificates;

internal static class CertificateEndpoints
{
    /// <summary>The rate-limit policy of the public verification API (the host defines it: requests per minute per client address).</summary>
    public const string PublicRateLimit = "public-verification";

    /// <summary>The problem type of a certificate locked after too many wrong check codes.</summary>
    public const string TooManyAttempts = Problems.TypeBase + "too-many-attempts";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/registrations/{id:guid}/certificates", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> (
                Guid id, HttpContext http, CertificateService service, IAntiforgery antiforgery, CancellationToken ct) =>
            {
                if (await http.IsForgedBrowserFormAsync(antiforgery))
                {
                    return Problems.Invalid("form", "The form expired: open the page again and print again.");
                }

                var outcome = await service.PrintAsync(id, http.Actor(), ct);
                if (!outcome.IsOk)
                {
                    return Fail(outcome.Kind, outcome.Errors, outcome.Message);
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

        group.MapGet("/registrations/{id:guid}/certificates/{certificateId:guid}.pdf", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> (
                Guid id, Guid certificateId, HttpContext http, CertificateService service, CancellationToken ct) =>
            {
                var outcome = await service.DownloadAsync(id, certificateId, http.Actor(), ct);
                if (!outcome.IsOk)
                {
                    return Fail(outcome.Kind, outcome.Errors, outcome.Message);
                }

                http.Response.Headers.ContentDisposition = "inline";
                return TypedResults.File(outcome.Value.Pdf, "application/pdf");
            })
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("DownloadCertificate")
            .WithSummary("The PDF of a certificate already printed (recorded as a download, not a new print)");

        group.MapGet("/registrations/{id:guid}/rejection.pdf", async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> (
                Guid id, HttpContext http, CertificateService service, CancellationToken ct) =>
            {
                var outcome = await service.RejectionAsync(id, http.Actor(), ct);
                if (!outcome.IsOk)
                {
                    return Fail(outcome.Kind, outcome.Errors, outcome.Message);
                }

                http.Response.Headers.ContentDisposition = "inline";
                return TypedResults.File(outcome.Value!, "application/pdf");
            })
            .RequireAuthorization(CivilPolicies.Read)
            .WithName("RejectionDecision")
            .WithSummary("The printed decision of a rejected application, with its legal reasons");
    }

    /// <summary>The public verification API: no login, only what the certificate prints.</summary>
    public static void MapPublic(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/public/certificates").WithTags("Certificate verification").AllowAnonymous()
            .RequireRateLimiting(PublicRateLimit);
        group.MapGet("/verify", async (string? token, CertificateService service, CancellationToken ct) =>
                TypedResults.Ok(await service.CheckTokenAsync(token, ct)))
            .WithName("VerifyCertificateToken")
            .WithSummary("Check a certificate's QR payload: genuine, and current or superseded")
            .WithDescription("The token is the QR code's content (or the whole scanned URL). Answers 200 with genuine=false and the reason when it is not genuine.");
        group.MapGet("/{*serial}", async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> (
                string serial, string? code, HttpContext http, CertificateService service, CancellationToken ct) =>
            {
                var outcome = await service.CheckSerialAsync(serial, code, ct);
                if (outcome.RetryAfter is { } wait)
                {
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return TypedResults.Problem(new ProblemDetails
                    {
                        Type = TooManyAttempts,
                        Title = "Too many attempts.",
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = "Too many wrong check codes were given for this certificate: try again later, or scan its QR code.",
                        Extensions = { ["field"] = "code" },
                    });
                }

                return TypedResults.Ok(outcome.Check!);
            })
            .WithName("VerifyCertificateNumber")
            .WithSummary("Check a certificate by the number printed on it (B120101-2026-000042/1), or a registration number (its latest certificate)")
            .WithDescription(
                "Without code only genuine, state (Current or Superseded), serial and reason are answered, so that guessing numbers reveals no one's data. " +
                "With code (the 10-character check code printed beside the QR code, e.g. 7KQ2M-X9D4P) the printed fields are answered too; a wrong code " +
                "answers as a number never issued. After 5 wrong codes within an hour every code for that registration answers 429 with Retry-After until the hour ends.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static Results<FileContentHttpResult, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>> Fail(
        OutcomeKind kind, IDictionary<string, string[]> errors, string? message) => kind switch
    {
        OutcomeKind.Invalid => Problems.Invalid(errors),
        OutcomeKind.NotFound => TypedResults.NotFound(new ProblemDetails { Type = Problems.NotFound, Title = "Not found.", Status = 404, Detail = message }),
        _ => TypedResults.Conflict(new ProblemDetails { Type = Problems.Conflict, Title = "Conflict.", Status = 409, Detail = message }),
    };
}
