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

/// <summary>Why a credential is revoked.</summary>
internal sealed record RevokeRequest(string? Reason);

/// <summary>Revokes a credential at once, with the reason (audited).</summary>
internal static class RevokeCredential
{
    public static async Task<Outcome<CredentialView>> HandleAsync(
        Guid institutionId, Guid credentialId, string? reason, Actor actor,
        VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == credentialId && c.InstitutionId == institutionId, ct);
        if (credential is null)
        {
            return Outcome<CredentialView>.NotFound("No such credential for this institution.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return Outcome<CredentialView>.Invalid("reason", "Say why, in at most 500 characters.");
        }

        if (credential.RevokedAt is not null)
        {
            return Outcome<CredentialView>.Conflict("The credential is revoked already.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "verification.credential.revoke", "institution", institutionId.ToString("D"),
            reason.Trim(), AuditDetails.Of(new { credential.ClientId })), ct);
        credential.RevokedAt = time.GetUtcNow();
        credential.RevokedBy = actor.Id;
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return Outcome<CredentialView>.Ok(InstitutionViews.ToView(credential, time.GetUtcNow()));
    }

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapPost("/institutions/{id:guid}/credentials/{credentialId:guid}/revoke",
                async (Guid id, Guid credentialId, RevokeRequest request, HttpContext http,
                    VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time) =>
                    (await HandleAsync(id, credentialId, request.Reason, http.Actor(), db, audit, directory, time, http.RequestAborted)).ToHttp())
            .WithSummary("Revokes a credential at once, with the reason.");
}
