using Nokor.Platform.Audit;
using Nokor.Platform.Chains;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;
using Nokor.Verification.Contracts;
using Nokor.Verification.Data;

namespace Nokor.Verification.Ledger;

/// <summary>The door to the query ledger for the pages and the CLI: each method delegates to its use case.</summary>
internal sealed class VerificationLedger(VerificationDbContext db, IAuditLog audit, LedgerVerifier verifier, LedgerCheckpointer checkpointer) : IVerificationLedger
{
    public Task<Outcome<IReadOnlyList<PersonAccess>>> ReadPersonAccessAsync(string? kidc, int max, Actor actor, string? purpose, CancellationToken ct) =>
        ReadPersonAccess.HandleAsync(kidc, max, actor, purpose, db, audit, ct);

    public Task<LedgerCheck> VerifyAsync(ChainHead? witness, IProgress<long>? progress, CancellationToken ct) =>
        verifier.VerifyAsync(witness, progress, ct);

    public Task<StoredCheckpoint?> SignHeadAsync(CancellationToken ct) => checkpointer.CreateAsync(ct);
}
