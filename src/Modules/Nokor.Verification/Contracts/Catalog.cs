namespace Nokor.Verification.Contracts;

/// <summary>The query types a contract may allow; each has its own price and is counted apart.</summary>
public static class QueryTypes
{
    /// <summary>Yes/no verification of claimed attributes: no data leaves the registry.</summary>
    public const string Verify = "verify";
    /// <summary>Attribute release (e-KYC): the contract's attributes, for the contract's purposes.</summary>
    public const string Attributes = "attributes";
    /// <summary>One row of a bulk yes/no verification.</summary>
    public const string Bulk = "bulk";

    /// <summary>Every query type, in the order statements and forms list them.</summary>
    public static readonly IReadOnlyList<string> All = [Verify, Attributes, Bulk];
}

/// <summary>
/// The attributes an attribute release may return, and the names a yes/no verification may claim.
/// Data minimization (NSPI 6.4, and the Personal Data Protection principles the plan cites): most
/// contracts allow none, so the client gets yes/no answers only.
/// </summary>
public static class PersonAttributes
{
    public const string SurnameKm = "surnameKm";
    public const string GivenNameKm = "givenNameKm";
    public const string SurnameLatin = "surnameLatin";
    public const string GivenNameLatin = "givenNameLatin";
    public const string Sex = "sex";
    public const string DateOfBirth = "dateOfBirth";
    public const string PlaceOfBirth = "placeOfBirth";
    public const string Nationality = "nationality";
    public const string Residence = "residence";
    public const string LifeStatus = "lifeStatus";
    public const string DateOfDeath = "dateOfDeath";

    /// <summary>Every attribute a contract may allow for release, in the order answers list them.</summary>
    public static readonly IReadOnlyList<string> Releasable =
        [SurnameKm, GivenNameKm, SurnameLatin, GivenNameLatin, Sex, DateOfBirth, PlaceOfBirth, Nationality, Residence, LifeStatus, DateOfDeath];

    /// <summary>The attributes a yes/no verification may claim.</summary>
    public static readonly IReadOnlyList<string> Claimable =
        [SurnameKm, GivenNameKm, SurnameLatin, GivenNameLatin, Sex, DateOfBirth, Nationality];
}
