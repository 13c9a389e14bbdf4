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
/// Changes an institution's details or contract, at the revision the caller read. Audited with the
/// contract before and after.
/// </summary>
internal static class UpdateInstitution
{
    public static async Task<Outcome<InstitutionView>> HandleAsync(
        Guid id, InstitutionInput input, int? expectedRevision, Actor actor,
        VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var institution = await db.Institutions.Include(i => i.Contract).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution?.Contract is null)
        {
            return Outcome<InstitutionView>.NotFound(InstitutionForms.NotFoundMessage);
        }

        if (expectedRevision is { } expected && expected != institution.Revision)
        {
            return Outcome<InstitutionView>.Conflict($"The institution is at revision {institution.Revision}, not {expected}: read it again.");
        }

        var before = InstitutionForms.Describe(institution.Contract);
        var errors = new FieldErrors();
        InstitutionForms.ApplyDetails(input, institution, errors);
        if (input.Contract is not null)
        {
            InstitutionForms.ApplyContract(input.Contract, institution.Contract, errors, "contract.");
        }

        if (errors.Any)
        {
            return Outcome<InstitutionView>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        institution.UpdatedAt = institution.Contract.UpdatedAt = now;
        institution.Revision++;
        await audit.AppendAsync(new AuditEvent(actor, "verification.institution.update", "institution", institution.Id.ToString("D"),
            "data distribution contract", AuditDetails.Of(new { before, after = InstitutionForms.Describe(institution.Contract), institution.Name, institution.XRoadClient })), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<InstitutionView>.Conflict("Someone else changed the institution at the same time: read it again.");
        }

        directory.Invalidate();
        return await GetInstitution.HandleAsync(id, db, time, ct);
    }

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapPut("/institutions/{id:guid}", async (Guid id, InstitutionInput input, int? revision, HttpContext http,
                VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time) =>
                (await HandleAsync(id, input, revision, http.Actor(), db, audit, directory, time, http.RequestAborted)).ToHttp())
            .WithSummary("Changes an institution's details or contract (audited with before and after).");
}
