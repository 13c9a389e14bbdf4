using Nokor.Verification.Contracts;

namespace Nokor.Verification.Data;

/// <summary>An authorized institution that may query the verification service under its contract.</summary>
internal sealed class InstitutionEntity
{
    public Guid Id { get; set; }
    /// <summary>A short stable code shown on statements, e.g. <c>ACLEDA</c>.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? NameKm { get; set; }
    public InstitutionKind Kind { get; set; }
    /// <summary>The CamDX (X-Road) subsystem the institution calls from, when it calls through CamDX.</summary>
    public string? XRoadClient { get; set; }
    public InstitutionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Revision { get; set; }
    public ContractEntity? Contract { get; set; }
}

/// <summary>
/// The data-sharing contract of an institution (NSPI 6.4: data is distributed "under agreements"
/// and "only the necessary data"): purposes, query types, the attributes it may receive, a monthly
/// quota, prices and its period. Lists are stored as comma-separated codes.
/// </summary>
internal sealed class ContractEntity
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public required string Reference { get; set; }
    public required string Purposes { get; set; }
    public required string QueryTypes { get; set; }
    public required string Attributes { get; set; }
    public long MonthlyQuota { get; set; }
    /// <summary>Prices in riel per query: yes/no verification, attribute release, one bulk row.</summary>
    public long PriceVerify { get; set; }
    public long PriceAttributes { get; set; }
    public long PriceBulkRow { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// API credentials: a client id and the SHA-256 of its secret. Secrets are 256 random bits, so a
/// fast hash is enough (a slow password hash protects guessable secrets, not random ones) and the
/// token exchange stays cheap. A rotated credential keeps working until <see cref="ExpiresAt"/>.
/// </summary>
internal sealed class CredentialEntity
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public required string ClientId { get; set; }
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}

/// <summary>
/// The verification read store: one row per person, projected from the Population Registry's
/// change feed. It holds only what verification answers need, with the name keys precomputed.
/// </summary>
internal sealed class PersonFactsEntity
{
    public Guid PersonId { get; set; }
    public required string Kidc { get; set; }
    public int Version { get; set; }
    public required string SurnameKm { get; set; }
    public required string GivenNameKm { get; set; }
    public required string SurnameLatin { get; set; }
    public required string GivenNameLatin { get; set; }
    public required string SurnameKmKey { get; set; }
    public required string GivenNameKmKey { get; set; }
    public required string SurnameLatinKey { get; set; }
    public required string GivenNameLatinKey { get; set; }
    /// <summary><c>M</c> or <c>F</c>.</summary>
    public required string Sex { get; set; }
    public int BirthYear { get; set; }
    public int? BirthMonth { get; set; }
    public int? BirthDay { get; set; }
    public string? BirthPlaceCode { get; set; }
    public string? BirthCountry { get; set; }
    public required string Nationality { get; set; }
    public required string ResidenceVillageCode { get; set; }
    public bool Alive { get; set; }
    public DateOnly? DeathDate { get; set; }
    /// <summary>Unix milliseconds when the registry committed the change this row reflects.</summary>
    public long SourceAtMs { get; set; }
    /// <summary>Unix milliseconds when the projection wrote this row (the lag is this minus <see cref="SourceAtMs"/>).</summary>
    public long ProjectedAtMs { get; set; }
}

/// <summary>Where the projection stands in the registry's change feed.</summary>
internal sealed class ProjectionStateEntity
{
    public required string Name { get; set; }
    public long Position { get; set; }
    /// <summary>True once the initial snapshot has been copied; until then the store answers nothing.</summary>
    public bool Ready { get; set; }
    public long UpdatedAtMs { get; set; }
}

/// <summary>
/// One query of an institution, append-only and hash-chained (<see cref="Ledger.LedgerHash"/>):
/// the traceability record NSPI 6.4 asks for, written before the answer is sent.
/// </summary>
internal sealed class QueryRecordEntity
{
    public long Sequence { get; set; }
    /// <summary>Unix microseconds (UTC).</summary>
    public long AtUs { get; set; }
    public required string RequestId { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid? CredentialId { get; set; }
    public string? UserId { get; set; }
    public required string Purpose { get; set; }
    public required string QueryType { get; set; }
    public required string Kidc { get; set; }
    public required string Result { get; set; }
    public string? Detail { get; set; }
    public string? XRoadClient { get; set; }
    public Guid? BulkJobId { get; set; }
    public long Price { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>
/// A signed, chained checkpoint of the query ledger (<see cref="Nokor.Platform.Chains.ChainCheckpoints"/>,
/// chain name <c>verification</c>): the writer makes one for the last record of every
/// <c>Verification:CheckpointMinutes</c> period, the host one of the head every period.
/// </summary>
internal sealed class LedgerCheckpointEntity
{
    public long Number { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
    /// <summary>When it was signed, Unix microseconds (UTC).</summary>
    public long AtUs { get; set; }
    public required string Previous { get; set; }
    public required string Token { get; set; }
}

/// <summary>Queries and amounts per institution, month (yyyyMM, Cambodia time) and query type, kept with the ledger.</summary>
internal sealed class UsageEntity
{
    public Guid InstitutionId { get; set; }
    public int Month { get; set; }
    public required string QueryType { get; set; }
    public long Count { get; set; }
    public long Amount { get; set; }
}


/// <summary>A bulk verification: a CSV processed in the background, each row audited and accounted as one query.</summary>
internal sealed class BulkJobEntity
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public Guid CredentialId { get; set; }
    public required string Purpose { get; set; }
    public string? UserId { get; set; }
    public string? XRoadClient { get; set; }
    public required string RequestId { get; set; }
    public BulkJobStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int MatchedRows { get; set; }
    public required string InputBlob { get; set; }
    public string? ResultBlob { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
