using Nokor.Platform.Chains;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Verification.Contracts;

/// <summary>
/// The outcome of checking the query ledger's chain: <paramref name="FirstBroken"/> is the record
/// sequence of the first break, <paramref name="Fault"/> its kind when a checkpoint rule failed.
/// </summary>
public sealed record LedgerCheck(bool Intact, long Records, long? FirstBroken, string? Problem, CheckpointFault? Fault = null);

/// <summary>
/// The query ledger (<c>vrf_query_records</c>) for the pages and the CLI: a person's own view of
/// who queried them, and the proofs that the ledger was not rewritten (its hash chain, its chained
/// signed checkpoints and witnesses).
/// </summary>
public interface IVerificationLedger
{
    /// <summary>The chain name in the ledger's checkpoints and witness files.</summary>
    const string ChainName = "verification";

    /// <summary>
    /// "Who looked at my data", newest first (at most <paramref name="max"/>, 1 to 1000). The reading is
    /// itself an access to the person's data: it is audited with <paramref name="purpose"/> (default
    /// "who looked at my data") before anything is read, and a person outside the actor's area is not
    /// found, exactly as a KIDC nobody holds.
    /// </summary>
    Task<Outcome<IReadOnlyList<PersonAccess>>> ReadPersonAccessAsync(string? kidc, int max, Actor actor, string? purpose, CancellationToken ct);

    /// <summary>
    /// Walks the ledger in sequence order and names the first record whose chain does not hold, then
    /// applies the checkpoint rules (one chained, signed checkpoint closing every period that had
    /// records) and, when given, checks that <paramref name="witness"/> is still in the history.
    /// </summary>
    Task<LedgerCheck> VerifyAsync(ChainHead? witness, IProgress<long>? progress, CancellationToken ct);

    /// <summary>Signs a checkpoint of the ledger's head (or returns the one that exists); null while the ledger is empty.</summary>
    Task<StoredCheckpoint?> SignHeadAsync(CancellationToken ct);
}
