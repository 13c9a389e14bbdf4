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

/// <summary>
/// The public check of a typed certificate serial (B120101-2026-000042/1), or of a registration
/// number (then its latest certificate, or with a code the certificate the code belongs to).
/// Serials follow a pattern anyone can guess, so without proof of holding the certificate the
/// answer is only whether it is genuine and current or superseded: that a number was issued is
/// no one's personal data (registrations are counted in public statistics) and is what a person
/// checking a paper needs first. The printed fields are shown only with the check code printed
/// on the certificate (<see cref="CertificateCheckCodes"/>) or its QR code
/// (<see cref="VerifyCertificateToken"/>). A wrong code answers exactly as a number never issued, and
/// after <see cref="CertificateCheckAttempts.Limit"/> wrong codes the registration answers
/// "too many attempts" for an hour (<see cref="CertificateSerialCheck.RetryAfter"/>), whatever the code.
/// </summary>
internal static class VerifyCertificateNumber
{
    public static async Task<CertificateSerialCheck> HandleAsync(
        string? serialOrNumber, string? checkCode, CivilDbContext db, CertificateRecords certificates, CertificateCheckCodes codes, CertificateCheckAttempts attempts,
        CancellationToken ct)
    {
        var text = serialOrNumber?.Trim().ToUpperInvariant() ?? "";
        if (text.Length is 0 or > 40)
        {
            return new(CertificateRecords.NotGenuine("Type the certificate number printed under the QR code."));
        }

        if (string.IsNullOrWhiteSpace(checkCode))
        {
            var latest = await certificates.FindAsync(text, ct);
            if (latest is null)
            {
                return new(CertificateRecords.NotGenuine("No certificate with this number was issued."));
            }

            var check = await certificates.CheckAsync(latest, ct);
            return new(new CertificateCheck(true, check.State,
                (check.Reason is null ? "" : check.Reason + " ") + "Give the check code printed beside the QR code, or scan the QR code, to see the certificate's details.",
                null, null, null, check.Serial, null, null, null, null, null));
        }

        var code = CertificateCheckCodes.Normalize(checkCode);
        if (code is null)
        {
            // Says nothing about the number: the same for every number.
            return new(CertificateRecords.NotGenuine($"The check code is the {CertificateCheckCodes.Length} letters and digits printed beside the QR code, e.g. 7KQ2M-X9D4P."));
        }

        var number = text.Split('/')[0];
        if (!attempts.TryBegin(number, out var wait))
        {
            return new(null, wait);
        }

        var candidates = text.Contains('/')
            ? await db.Certificates.AsNoTracking().Where(x => x.Serial == text).ToListAsync(ct)
            : await db.Certificates.AsNoTracking().Where(x => x.RegistrationNumber == text).ToListAsync(ct);
        var match = candidates.FirstOrDefault(c => codes.Matches(c.Serial, c.RegistrationVersion, code));
        if (match is null)
        {
            return new(CertificateRecords.NotGenuine("No certificate with this number and check code was issued."));
        }

        attempts.Succeeded(number);
        await certificates.AuditPublicCheckAsync(match, "check code", ct);
        return new(await certificates.CheckAsync(match, ct));
    }

    /// <summary>Mapped on the public verification group (no login, rate-limited).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{*serial}", async Task<Results<Ok<CertificateCheck>, ProblemHttpResult>> (
                string serial, string? code, HttpContext http, CivilDbContext db, CertificateRecords certificates, CertificateCheckCodes codes,
                CertificateCheckAttempts attempts, CancellationToken ct) =>
            {
                var outcome = await HandleAsync(serial, code, db, certificates, codes, attempts, ct);
                if (outcome.RetryAfter is { } wait)
                {
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return TypedResults.Problem(new ProblemDetails
                    {
                        Type = CertificateRecords.TooManyAttempts,
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
