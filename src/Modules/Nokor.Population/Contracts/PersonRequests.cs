namespace Nokor.Population.Contracts;

/// <summary>
/// The fields of a person as a caller sends them, all as text so that every bad value is reported
/// against its field name rather than failing the whole body. On update a null field means
/// "unchanged".
/// </summary>
public record PersonFields
{
    /// <summary>Surname in Khmer script.</summary>
    public string? SurnameKm { get; init; }
    /// <summary>Given name in Khmer script.</summary>
    public string? GivenNameKm { get; init; }
    /// <summary>Surname in Latin letters.</summary>
    public string? SurnameLatin { get; init; }
    /// <summary>Given name in Latin letters.</summary>
    public string? GivenNameLatin { get; init; }
    /// <summary>Male or Female.</summary>
    public string? Sex { get; init; }
    /// <summary>yyyy-MM-dd, or yyyy-MM or yyyy for old records.</summary>
    public string? BirthDate { get; init; }
    /// <summary>Gazetteer village or commune code of the place of birth in Cambodia.</summary>
    public string? BirthPlaceCode { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country of birth when born abroad.</summary>
    public string? BirthCountry { get; init; }
    /// <summary>ISO 3166-1 alpha-2; KH when omitted at registration.</summary>
    public string? Nationality { get; init; }
    /// <summary>CitizenByBirth, Naturalized, ForeignResident, Stateless or Undetermined.</summary>
    public string? CitizenshipStatus { get; init; }
    /// <summary>
    /// NeverMarried, Married, Divorced, Widowed, Separated or Unknown. Declared only when a person is
    /// registered (someone whose marriage, divorce or widowhood predates the registry, as the
    /// family book shows it); from then on it follows the registered marriages, divorces,
    /// annulments, separations and deaths, and an update that changes it is refused on
    /// <c>maritalStatus</c> (the same value again is accepted, as an edit form sends it back).
    /// </summary>
    public string? MaritalStatus { get; init; }
    /// <summary>Father's KIDC, when he is in the registry.</summary>
    public string? FatherKidc { get; init; }
    /// <summary>Mother's KIDC, when she is in the registry.</summary>
    public string? MotherKidc { get; init; }
    /// <summary>Father's name in Khmer, when his KIDC is not known.</summary>
    public string? FatherNameKm { get; init; }
    /// <summary>Mother's name in Khmer, when her KIDC is not known.</summary>
    public string? MotherNameKm { get; init; }
    /// <summary>Gazetteer village code of the declared residence.</summary>
    public string? ResidenceVillageCode { get; init; }
    /// <summary>The address within the village of residence.</summary>
    public string? ResidenceAddress { get; init; }
}

/// <summary>A new person for the Population Registry: the fields, the source system and why.</summary>
public sealed record RegisterPersonRequest : PersonFields
{
    /// <summary>Crvs, Residence, IdCard, Passport, Nationality or ManualCorrection.</summary>
    public string? Source { get; init; }
    /// <summary>Why the person is registered; "Registration" when omitted.</summary>
    public string? Reason { get; init; }
}

/// <summary>An identity document issued by an authority, to be recorded against the person.</summary>
/// <param name="Type">A <see cref="DocumentType"/> name.</param>
/// <param name="Number">Up to 40 letters, digits, '-' or '/'.</param>
/// <param name="IssuingSystem">The system that issued it, up to 60 characters.</param>
/// <param name="IssuedOn">yyyy-MM-dd, optional.</param>
/// <param name="ValidUntil">yyyy-MM-dd, optional.</param>
public sealed record DocumentInput(string? Type, string? Number, string? IssuingSystem, string? IssuedOn, string? ValidUntil);

/// <summary>
/// A change to a person: only the fields given change. Every change states its reason and source
/// system and makes a new version (NSPI 6.3.3: the registry is fed by CRVS, residence, ID card,
/// passport and nationality systems).
/// </summary>
public sealed record UpdatePersonRequest : PersonFields
{
    /// <summary>Crvs, Residence, IdCard, Passport, Nationality or ManualCorrection.</summary>
    public string? Source { get; init; }
    /// <summary>Why the record changes (required).</summary>
    public string? Reason { get; init; }
    /// <summary>The version the caller read; the update fails with 409 if the record changed since.</summary>
    public int? ExpectedVersion { get; init; }
    /// <summary>Alive or Deceased. A deceased person keeps their KIDC for ever; it is never reused.</summary>
    public string? LifeStatus { get; init; }
    /// <summary>yyyy-MM-dd, with lifeStatus Deceased.</summary>
    public string? DeathDate { get; init; }
    /// <summary>Identity documents to record against the person.</summary>
    public IReadOnlyList<DocumentInput>? AddDocuments { get; init; }
}

/// <summary>One page of a person search: the rows found, best first, and whether more matched than were returned.</summary>
public sealed record PersonSearchResult(IReadOnlyList<PersonSummary> Items, bool More);

/// <summary>
/// A person search as a clerk asks it (GET /api/population/persons). Only <see cref="Query"/> and
/// <see cref="Purpose"/> are required.
/// </summary>
public sealed record PersonSearchRequest
{
    /// <summary>A KIDC, or a name in Khmer or Latin script in any order ("Sok Dara", "Dara Sok", "ដារ៉ា សុខ"); a year or a date written in it ranks people born closer first.</summary>
    public string? Query { get; init; }
    /// <summary>yyyy, yyyy-MM or yyyy-MM-dd: keeps people born in that year (± <see cref="YearTolerance"/>) and ranks the closer dates first.</summary>
    public string? BirthDate { get; init; }
    /// <summary>Years either side of the birth year still kept, 0 to 10 (default 0).</summary>
    public int? YearTolerance { get; init; }
    /// <summary>Male or Female.</summary>
    public string? Sex { get; init; }
    /// <summary>A gazetteer code (2, 4, 6 or 8 digits) of the residence or place of birth.</summary>
    public string? PlaceCode { get; init; }
    /// <summary>At most this many rows, 1 to 100 (default 20).</summary>
    public int? Limit { get; init; }
    /// <summary>Why the caller searches; audited.</summary>
    public string? Purpose { get; init; }
}

/// <summary>
/// Why a search row matched the name asked, so the clerk can judge it: <see cref="Kind"/> is
/// "exact", "variant" (another romanization or Khmer spelling of the same name), "other-script"
/// (a Latin query met a name recorded in Khmer, or the reverse, through romanization) or "typo"
/// (within one or two edits); <see cref="Edits"/> counts the edits of a typo match;
/// <see cref="WordOrder"/> is true when the given name was written before the family name.
/// </summary>
public sealed record PersonSearchMatch(string Kind, int Edits, bool WordOrder);
