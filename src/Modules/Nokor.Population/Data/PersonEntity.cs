using Nokor.Population.Contracts;

namespace Nokor.Population.Data;

/// <summary>
/// The current state of one person in the Population Registry (the minimal data set of NSPI 6.3
/// and glossary 1). Biometric data is never stored here: it stays in the ID card and passport
/// systems (NSPI 6.3).
/// </summary>
internal sealed class PersonEntity
{
    public Guid Id { get; set; }
    public required string Kidc { get; set; }
    public int Version { get; set; }

    public required string SurnameKm { get; set; }
    public required string GivenNameKm { get; set; }
    public required string SurnameLatin { get; set; }
    public required string GivenNameLatin { get; set; }

    /// <summary>Khmer full name in canonical form without spaces, for search.</summary>
    public required string NameKmKey { get; set; }
    /// <summary>Phonetic key of the Latin full name, tolerant of spelling variants, for search.</summary>
    public required string NameLatinKey { get; set; }

    public Sex Sex { get; set; }
    public int BirthYear { get; set; }
    public int? BirthMonth { get; set; }
    public int? BirthDay { get; set; }

    /// <summary>Gazetteer village or commune code of the place of birth in Cambodia.</summary>
    public string? BirthPlaceCode { get; set; }
    /// <summary>ISO 3166-1 alpha-2 country of birth when born abroad.</summary>
    public string? BirthCountry { get; set; }

    /// <summary>ISO 3166-1 alpha-2 nationality.</summary>
    public required string Nationality { get; set; }
    public CitizenshipStatus CitizenshipStatus { get; set; }
    public MaritalStatus MaritalStatus { get; set; }

    public string? FatherKidc { get; set; }
    public string? MotherKidc { get; set; }
    /// <summary>Father's name in Khmer when his KIDC is not known.</summary>
    public string? FatherNameKm { get; set; }
    public string? MotherNameKm { get; set; }

    /// <summary>Declared residence: the gazetteer village code. It also decides jurisdiction.</summary>
    public required string ResidenceVillageCode { get; set; }
    public string? ResidenceAddress { get; set; }

    public LifeStatus LifeStatus { get; set; }
    public DateOnly? DeathDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<PersonDocumentEntity> Documents { get; set; } = [];
}

internal sealed class PersonDocumentEntity
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public DocumentType Type { get; set; }
    public required string Number { get; set; }
    public required string IssuingSystem { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
}

/// <summary>One version of a person record: who changed it, when, why, from which system, and the full state after.</summary>
internal sealed class PersonVersionEntity
{
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorKind { get; set; }
    public required string ActorId { get; set; }
    public required string Reason { get; set; }
    public ChangeSource Source { get; set; }
    /// <summary>Comma-separated names of the fields this version changed.</summary>
    public required string ChangedFields { get; set; }
    /// <summary>The record as it stood after this version, as JSON.</summary>
    public required string Snapshot { get; set; }
    /// <summary>
    /// The reference of the registry call that wrote this version (a family event, a correction
    /// or a death from civil registration), or <c>revert:&lt;reference&gt;</c> for a version that
    /// undid one; null for other changes. How a revert finds what a reference did.
    /// </summary>
    public string? Reference { get; set; }
}

/// <summary>
/// Every KIDC ever issued. A code is never issued twice and never reused, even when voided or
/// after the holder's death (NSPI 6.3: "cannot be reused under any circumstances").
/// </summary>
internal sealed class IssuedKidcEntity
{
    public required string Code { get; set; }
    public KidcStatus Status { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public Guid? PersonId { get; set; }
    public string? VoidReason { get; set; }
}
