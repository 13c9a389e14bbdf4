using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Verification.Contracts;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;

namespace Nokor.Verification.Institutions;

/// <summary>
/// Issues a client id and secret; the secret is shown once and only its hash is stored. With
/// rotation, the institution's other active credentials expire after <see cref="RotationGrace"/>.
/// </summary>
internal static class IssueCredential
{
    /// <summary>How long a rotated credential keeps working, so the institution can deploy the new secret.</summary>
    public static readonly TimeSpan RotationGrace = TimeSpan.FromHours(24);

    public static async Task<Outcome<IssuedCredential>> HandleAsync(
        Guid institutionId, bool rotate, Actor actor, VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Institutions.AnyAsync(i => i.Id == institutionId, ct))
        {
            return Outcome<IssuedCredential>.NotFound(InstitutionForms.NotFoundMessage);
        }

        var now = time.GetUtcNow();
        DateTimeOffset? previousExpiry = null;
        if (rotate)
        {
            previousExpiry = now + RotationGrace;
            var active = await db.Credentials.Where(c => c.InstitutionId == institutionId && c.RevokedAt == null).ToListAsync(ct);
            foreach (var old in active.Where(c => c.ExpiresAt is null || c.ExpiresAt > previousExpiry))
            {
                old.ExpiresAt = previousExpiry;
            }
        }

        var secret = ClientTokens.NewSecret();
        var credential = new CredentialEntity
        {
            Id = Guid.NewGuid(),
            InstitutionId = institutionId,
            ClientId = ClientTokens.NewClientId(),
            SecretHash = ClientTokens.HashSecret(secret),
            CreatedAt = now,
            CreatedBy = actor.Id,
        };
        await audit.AppendAsync(new AuditEvent(actor, rotate ? "verification.credential.rotate" : "verification.credential.issue", "institution",
            institutionId.ToString("D"), "data distribution credentials", AuditDetails.Of(new { credential.ClientId })), ct);
        db.Credentials.Add(credential);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return Outcome<IssuedCredential>.Ok(new IssuedCredential(institutionId, credential.Id, credential.ClientId, secret, previousExpiry));
    }

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapPost("/institutions/{id:guid}/credentials", async (Guid id, bool? rotate, HttpContext http,
                VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time) =>
                (await HandleAsync(id, rotate ?? false, http.Actor(), db, audit, directory, time, http.RequestAborted)).ToHttp())
            .WithSummary("Issues a client id and secret (the secret is shown only in this answer); with rotate=true the older credentials expire in 24 hours.");
}
