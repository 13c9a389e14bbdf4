using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Verification.Contracts;
using Nokor.Verification.Credentials;
using Nokor.Verification.Data;
using Nokor.Verification.Ledger;

namespace Nokor.Verification.Institutions;

/// <summary>The door for the staff pages and the CLI: each method is the use case of the same name.</summary>
internal sealed class InstitutionRegistry(VerificationDbContext db, IAuditLog audit, ClientDirectory directory, TimeProvider time) : IInstitutionRegistry
{
    public Task<IReadOnlyList<InstitutionView>> ListAsync(Actor actor, CancellationToken ct) =>
        ListInstitutions.HandleAsync(db, time, ct);

    public Task<Outcome<InstitutionView>> GetAsync(Guid id, Actor actor, CancellationToken ct) =>
        GetInstitution.HandleAsync(id, db, time, ct);

    public Task<Outcome<InstitutionView>> CreateAsync(InstitutionInput input, Actor actor, CancellationToken ct) =>
        RegisterInstitution.HandleAsync(input, actor, db, audit, directory, time, ct);

    public Task<Outcome<InstitutionView>> UpdateAsync(Guid id, InstitutionInput input, int? expectedRevision, Actor actor, CancellationToken ct) =>
        UpdateInstitution.HandleAsync(id, input, expectedRevision, actor, db, audit, directory, time, ct);

    public Task<Outcome<InstitutionView>> SetStatusAsync(Guid id, InstitutionStatus status, string? reason, Actor actor, CancellationToken ct) =>
        SetInstitutionStatus.HandleAsync(id, status, reason, actor, db, audit, directory, time, ct);

    public Task<Outcome<IssuedCredential>> IssueCredentialAsync(Guid institutionId, bool rotate, Actor actor, CancellationToken ct) =>
        IssueCredential.HandleAsync(institutionId, rotate, actor, db, audit, directory, time, ct);

    public Task<Outcome<CredentialView>> RevokeCredentialAsync(Guid institutionId, Guid credentialId, string? reason, Actor actor, CancellationToken ct) =>
        RevokeCredential.HandleAsync(institutionId, credentialId, reason, actor, db, audit, directory, time, ct);

    public Task<Outcome<Statement>> StatementAsync(Guid institutionId, string? month, CancellationToken ct) =>
        GetStatement.HandleAsync(institutionId, month, db, ct);
}
