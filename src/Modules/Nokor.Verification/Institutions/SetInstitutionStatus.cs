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

/// <summary>A status to set (Active or Suspended) and why.</summary>
internal sealed record StatusChange(string? Status, string? Reason);

/// <summary>Suspends or reinstates an institution, with the reason (audited).</summary>
internal static class SetInstitutionStatus
{
    public static async Task<Outcome<InstitutionView>> HandleAsync(
        Guid id, InstitutionStatus status, string? reason, Actor actor,
        VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var institution = await db.Institutions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
        {
            return Outcome<InstitutionView>.NotFound(InstitutionForms.NotFoundMessage);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            return Outcome<InstitutionView>.Invalid("reason", "Say why, in at most 500 characters.");
        }

        await audit.AppendAsync(new AuditEvent(actor, "verification.institution.status", "institution", id.ToString("D"),
            reason.Trim(), AuditDetails.Of(new { from = institution.Status.ToString(), to = status.ToString() })), ct);
        institution.Status = status;
        institution.Revision++;
        institution.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return await GetInstitution.HandleAsync(id, db, time, ct);
    }

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapPost("/institutions/{id:guid}/status", async (Guid id, StatusChange change, HttpContext http,
                VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time) =>
            {
                if (!Enum.TryParse<InstitutionStatus>(change.Status, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(change.Status, out _))
                {
                    return (IResult)Problems.Invalid("status", "The status is Active or Suspended.");
                }

                return (await HandleAsync(id, status, change.Reason, http.Actor(), db, audit, directory, time, http.RequestAborted)).ToHttp();
            })
            .WithSummary("Suspends or reinstates an institution, with the reason.");
}
