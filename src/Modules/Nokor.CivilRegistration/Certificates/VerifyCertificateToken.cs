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

/// <summary>The public check of a QR payload: genuine (signed by a platform key and recorded), and current or superseded.</summary>
internal static class VerifyCertificateToken
{
    public static async Task<CertificateCheck> HandleAsync(string? token, CivilDbContext db, CertificateRecords certificates, SigningKeyRing keys, CancellationToken ct)
    {
        var text = CertificatePayload.TokenFromScan(token);
        if (!keys.TryVerify(text, out var bytes, out var error))
        {
            return CertificateRecords.NotGenuine(error);
        }

        var payload = CertificatePayload.TryRead(bytes);
        if (payload is null)
        {
            return CertificateRecords.NotGenuine("The signed payload is not a Nokor certificate.");
        }

        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Serial == payload.Serial, ct);
        if (c is null || c.Token != text)
        {
            return CertificateRecords.NotGenuine("No certificate with this serial was issued with this code.");
        }

        await certificates.AuditPublicCheckAsync(c, "qr", ct);
        return await certificates.CheckAsync(c, ct);
    }

    /// <summary>Mapped on the public verification group (no login, rate-limited).</summary>
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/verify", async (string? token, CivilDbContext db, CertificateRecords certificates, SigningKeyRing keys, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(token, db, certificates, keys, ct)))
            .WithName("VerifyCertificateToken")
            .WithSummary("Check a certificate's QR payload: genuine, and current or superseded")
            .WithDescription("The token is the QR code's content (or the whole scanned URL). Answers 200 with genuine=false and the reason when it is not genuine.");
}
