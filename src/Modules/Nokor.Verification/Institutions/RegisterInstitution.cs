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
/// Registers an institution with its contract (issue 4): an institution may query only under a
/// contract. The change goes to the platform audit log with the contract.
/// </summary>
internal static class RegisterInstitution
{
    public static async Task<Outcome<InstitutionView>> HandleAsync(
        InstitutionInput input, Actor actor, VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = input.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 32 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("code", "A code of 1 to 32 letters, digits, '-' or '_' is required.");
        }
        else if (await db.Institutions.AnyAsync(i => i.Code == code, ct))
        {
            errors.Add("code", $"An institution with the code {code} exists already.");
        }

        var institution = new InstitutionEntity { Id = Guid.NewGuid(), Code = code ?? "", Name = "" };
        InstitutionForms.ApplyDetails(input, institution, errors);
        var contract = new ContractEntity { Id = Guid.NewGuid(), InstitutionId = institution.Id, Reference = "", Purposes = "", QueryTypes = "", Attributes = "" };
        if (input.Contract is null)
        {
            errors.Add("contract", "The contract is required: an institution may query only under a contract.");
        }
        else
        {
            InstitutionForms.ApplyContract(input.Contract, contract, errors, "contract.");
        }

        if (errors.Any)
        {
            return Outcome<InstitutionView>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        institution.CreatedAt = institution.UpdatedAt = contract.UpdatedAt = now;
        institution.Status = InstitutionStatus.Active;
        institution.Revision = 1;
        institution.Contract = contract;
        await audit.AppendAsync(new AuditEvent(actor, "verification.institution.create", "institution", institution.Id.ToString("D"),
            "data distribution contract", AuditDetails.Of(new { institution.Code, contract = InstitutionForms.Describe(contract) })), ct);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return Outcome<InstitutionView>.Ok(InstitutionViews.ToView(institution, [], 0, now));
    }

    public static void Map(RouteGroupBuilder staff) =>
        staff.MapPost("/institutions", async (InstitutionInput input, HttpContext http, VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time) =>
                (await HandleAsync(input, http.Actor(), db, audit, directory, time, http.RequestAborted)).ToHttp())
            .WithSummary("Registers an institution with its contract.");
}
