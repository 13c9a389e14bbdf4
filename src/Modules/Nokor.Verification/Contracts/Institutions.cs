namespace Nokor.Verification.Contracts;

/// <summary>What kind of institution a client is (NSPI 6.4 names banks, telecom operators and ministries).</summary>
public enum InstitutionKind
{
    Bank,
    Microfinance,
    Telecom,
    Ministry,
    PublicAgency,
    Other,
}

/// <summary>Whether an institution may query: a suspended one is refused until reinstated.</summary>
public enum InstitutionStatus
{
    Active,
    Suspended,
}

/// <summary>
/// A data distribution contract as entered: the purposes and query types it allows, the attributes
/// an attribute release may return, the monthly quota, the prices in riel and the dates (yyyy-MM-dd).
/// </summary>
public sealed record ContractInput(
    string? Reference,
    IReadOnlyList<string>? Purposes,
    IReadOnlyList<string>? QueryTypes,
    IReadOnlyList<string>? Attributes,
    long? MonthlyQuota,
    long? PriceVerify,
    long? PriceAttributes,
    long? PriceBulkRow,
    string? StartsOn,
    string? EndsOn);

/// <summary>An institution as entered: its code, names, kind, X-Road client and (required when new) its contract.</summary>
public sealed record InstitutionInput(string? Code, string? Name, string? NameKm, string? Kind, string? XRoadClient, ContractInput? Contract);

/// <summary>A contract as stored.</summary>
public sealed record ContractView(
    string Reference,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<string> QueryTypes,
    IReadOnlyList<string> Attributes,
    long MonthlyQuota,
    long PriceVerify,
    long PriceAttributes,
    long PriceBulkRow,
    DateOnly StartsOn,
    DateOnly EndsOn);

/// <summary>A credential of an institution (never its secret): whether it still works.</summary>
public sealed record CredentialView(Guid Id, string ClientId, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);

/// <summary>An institution with its contract, credentials and the queries it made this month.</summary>
public sealed record InstitutionView(
    Guid Id,
    string Code,
    string Name,
    string? NameKm,
    InstitutionKind Kind,
    string? XRoadClient,
    InstitutionStatus Status,
    int Revision,
    ContractView? Contract,
    IReadOnlyList<CredentialView> Credentials,
    long UsedThisMonth);

/// <summary>A new credential: the secret is shown once and never stored.</summary>
public sealed record IssuedCredential(Guid InstitutionId, Guid CredentialId, string ClientId, string ClientSecret, DateTimeOffset? PreviousExpiresAt);

/// <summary>One line of a monthly statement: a query type, how many, the unit price and the amount (riel).</summary>
public sealed record StatementLine(string QueryType, long Count, long UnitPrice, long Amount);

/// <summary>A monthly statement for invoicing: counts and amounts per query type, against the quota.</summary>
public sealed record Statement(
    Guid InstitutionId,
    string InstitutionCode,
    string InstitutionName,
    string ContractReference,
    string Month,
    long MonthlyQuota,
    IReadOnlyList<StatementLine> Lines,
    long TotalCount,
    long TotalAmount,
    string Currency);

/// <summary>One query about a person as the person's own view shows it ("who looked at my data").</summary>
public sealed record PersonAccess(DateTimeOffset At, string InstitutionCode, string InstitutionName, string? InstitutionNameKm, string Purpose, string QueryType);
