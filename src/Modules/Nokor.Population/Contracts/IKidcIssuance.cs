namespace Nokor.Population.Contracts;

/// <summary>
/// Bulk KIDC issuance, for loads of many records at once (the synthetic population generator,
/// imports of old registers) and for measuring it (`bench/Nokor.Bench.Kidc`). A registration
/// issues one code at a time inside the registry and does not use this.
/// </summary>
public interface IKidcIssuance
{
    /// <summary>Codes checked against the issued codes per query.</summary>
    const int CheckBatch = 5_000;

    /// <summary>
    /// <paramref name="count"/> new codes of the category (NSPI 6.3), unique among themselves and
    /// among every code ever issued, voided ones included. Candidates are drawn in memory and
    /// checked against the issued codes <see cref="CheckBatch"/> at a time. Nothing is stored: the
    /// codes are free when this returns, and a load that uses them stores them as issued in the
    /// same transaction as its records (the issued codes' primary key refuses a code issued
    /// meanwhile).
    /// </summary>
    Task<IReadOnlyList<string>> IssueManyAsync(KidcCategory category, int count, CancellationToken ct);
}
