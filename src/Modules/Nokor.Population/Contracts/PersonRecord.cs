namespace Nokor.Population.Contracts;

/// <summary>
/// A person as the Population Registry returns it to staff and to authorized systems. It carries
/// the minimal data set of NSPI 6.3 (glossary 1) and never biometric data.
/// </summary>
public sealed record PersonRecord(
    string Kidc,
    int Version,
    string SurnameKm,
    string GivenNameKm,
    string SurnameLatin,
    string GivenNameLatin,
    Sex Sex,
    string BirthDate,
    PlaceOfBirth BirthPlace,
    string Nationality,
    CitizenshipStatus CitizenshipStatus,
    MaritalStatus MaritalStatus,
    ParentLink? Father,
    ParentLink? Mother,
    IReadOnlyList<ChildLink> Children,
    Residence Residence,
    IReadOnlyList<IdentityDocument> Documents,
    LifeStatus LifeStatus,
    DateOnly? DeathDate,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Spouse links, current and ended, oldest first (marital status is derived from them).</summary>
    public IReadOnlyList<SpouseLink> Spouses { get; init; } = [];
    /// <summary>Adoptive parents of a simple adoption (a full adoption's parents are <see cref="Father"/> and <see cref="Mother"/>).</summary>
    public IReadOnlyList<ParentLink> AdoptiveParents { get; init; } = [];
}

/// <summary>Place of birth: a gazetteer code in Cambodia, or an ISO 3166-1 alpha-2 country abroad.</summary>
public sealed record PlaceOfBirth(string? Code, string? Country, string? NameKm, string? NameLatin);

/// <summary>
/// A parent, by KIDC where known, otherwise by the name declared at registration. The names of a
/// parent living outside the caller's area are not shown.
/// </summary>
public sealed record ParentLink(string? Kidc, string? NameKm, string? NameLatin);

/// <summary>
/// A child, derived from the children's records that name this person as a parent. A child living
/// outside the caller's area is shown by KIDC only: names and birth date are that child's data.
/// </summary>
public sealed record ChildLink(string Kidc, string? NameKm, string? NameLatin, string? BirthDate);

/// <summary>The declared residence: a gazetteer village code and the address within the village.</summary>
public sealed record Residence(string VillageCode, string? Address, string? PlaceKm, string? PlaceLatin);

public sealed record IdentityDocument(DocumentType Type, string Number, string IssuingSystem, DateOnly? IssuedOn, DateOnly? ValidUntil);

/// <summary>One version of a person record in its history.</summary>
public sealed record PersonVersion(
    int Version,
    DateTimeOffset At,
    string ActorKind,
    string ActorId,
    ChangeSource Source,
    string Reason,
    IReadOnlyList<string> ChangedFields,
    PersonRecord? Snapshot);

/// <summary>One row of a search result: enough to tell people apart, not the whole record.</summary>
public sealed record PersonSummary(
    string Kidc,
    string SurnameKm,
    string GivenNameKm,
    string SurnameLatin,
    string GivenNameLatin,
    Sex Sex,
    string BirthDate,
    string ResidenceVillageCode,
    LifeStatus LifeStatus,
    PersonSearchMatch? Match = null);
