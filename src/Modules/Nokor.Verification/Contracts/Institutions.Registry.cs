using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Verification.Contracts;

/// <summary>
/// What the data distribution unit does with institutions (issue 4), for the staff pages and the
/// CLI: institutions with their contracts, credentials and monthly statements. Every change is
/// audited in the platform audit log.
/// </summary>
public interface IInstitutionRegistry
{
    /// <summary>Every institution with its contract and this month's usage, by code.</summary>
    Task<IReadOnlyList<InstitutionView>> ListAsync(Actor actor, CancellationToken ct);

    /// <summary>An institution with its contract, credentials and this month's usage.</summary>
    Task<Outcome<InstitutionView>> GetAsync(Guid id, Actor actor, CancellationToken ct);

    /// <summary>Registers an institution with its contract (required).</summary>
    Task<Outcome<InstitutionView>> CreateAsync(InstitutionInput input, Actor actor, CancellationToken ct);

    /// <summary>Changes an institution's details or contract, at <paramref name="expectedRevision"/> when given (else conflict).</summary>
    Task<Outcome<InstitutionView>> UpdateAsync(Guid id, InstitutionInput input, int? expectedRevision, Actor actor, CancellationToken ct);

    /// <summary>Suspends or reinstates an institution, with the reason.</summary>
    Task<Outcome<InstitutionView>> SetStatusAsync(Guid id, InstitutionStatus status, string? reason, Actor actor, CancellationToken ct);

    /// <summary>Issues a credential (the secret is in the answer only); with <paramref name="rotate"/> the older ones expire in 24 hours.</summary>
    Task<Outcome<IssuedCredential>> IssueCredentialAsync(Guid institutionId, bool rotate, Actor actor, CancellationToken ct);

    /// <summary>Revokes a credential at once, with the reason.</summary>
    Task<Outcome<CredentialView>> RevokeCredentialAsync(Guid institutionId, Guid credentialId, string? reason, Actor actor, CancellationToken ct);

    /// <summary>The monthly statement (<paramref name="month"/> as yyyy-MM) of an institution.</summary>
    Task<Outcome<Statement>> StatementAsync(Guid institutionId, string? month, CancellationToken ct);
}

/// <summary>Where the verification store stands in the registry's change feed.</summary>
/// <param name="Ready">Whether the store was built (it answers queries).</param>
/// <param name="Position">The last change of the registry it holds.</param>
public sealed record VerificationStoreState(bool Ready, long Position);

/// <summary>The verification store, the copy of the Population Registry the queries read, for the CLI.</summary>
public interface IVerificationStore
{
    /// <summary>Where the store stands; null when it was never started.</summary>
    Task<VerificationStoreState?> StateAsync(CancellationToken ct);

    /// <summary>Copies every person from the registry into the store (it stays answerable meanwhile); returns how many.</summary>
    Task<long> RebuildAsync(IProgress<long>? progress, CancellationToken ct);
}
