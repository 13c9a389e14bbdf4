namespace Nokor.CivilRegistration.Contracts;

// The application dossiers as entered at the commune registration office (NSPI 5.3 registration
// services). Fields are text on the way in so that every bad value is answered with a field error;
// after validation the stored dossier holds the normalized values (Khmer NFC and reordered, codes
// trimmed, enum names exact, dates yyyy-MM-dd).

/// <summary>A birth as declared: the child, the parents, the informant and the circumstances of birth.</summary>
public sealed record BirthDossier
{
    public ChildDetails? Child { get; init; }
    public ParentDetails? Mother { get; init; }
    /// <summary>Optional: a child may be registered without a declared father.</summary>
    public ParentDetails? Father { get; init; }
    public InformantDetails? Informant { get; init; }
    /// <summary>Added by an approved simple adoption (the parents above stay): the adoptive mother.</summary>
    public ParentDetails? AdoptiveMother { get; init; }
    /// <summary>Added by an approved simple adoption: the adoptive father.</summary>
    public ParentDetails? AdoptiveFather { get; init; }
}

public sealed record ChildDetails
{
    public string? SurnameKm { get; init; }
    public string? GivenNameKm { get; init; }
    public string? SurnameLatin { get; init; }
    public string? GivenNameLatin { get; init; }
    /// <summary>Male or Female.</summary>
    public string? Sex { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? BirthDate { get; init; }
    /// <summary>HH:mm, optional.</summary>
    public string? BirthTime { get; init; }
    /// <summary>Gazetteer village code of the place of birth.</summary>
    public string? BirthPlaceCode { get; init; }
    /// <summary>HealthFacility, Home or Other.</summary>
    public string? PlaceKind { get; init; }
    public string? FacilityName { get; init; }
    /// <summary>Doctor, Midwife, Nurse, TraditionalBirthAttendant, Relative, None or Other.</summary>
    public string? Attendant { get; init; }
    /// <summary>Single, Twin, Triplet or Higher.</summary>
    public string? BirthType { get; init; }
    /// <summary>Order of this child among the mother's live births (1 for the first).</summary>
    public int? BirthOrder { get; init; }
    public int? BirthWeightGrams { get; init; }
    /// <summary>Gazetteer village code of the child's residence (usually the mother's).</summary>
    public string? ResidenceVillageCode { get; init; }
    public string? ResidenceAddress { get; init; }
}

/// <summary>
/// A parent, by KIDC when they have one (NSPI 6.2: "recording ... KIDC (when available) of
/// parents"), and always by the names and date of birth the informant declares. With a KIDC, the
/// Population Registry confirms that the names and date of birth are those of the person with that
/// code (and that a mother is a woman alive before the birth); the dossier keeps what was typed,
/// never the registry's values.
/// </summary>
public sealed record ParentDetails
{
    public string? Kidc { get; init; }
    public string? SurnameKm { get; init; }
    public string? GivenNameKm { get; init; }
    public string? SurnameLatin { get; init; }
    public string? GivenNameLatin { get; init; }
    /// <summary>yyyy-MM-dd (yyyy-MM or yyyy when only those are known); required with a KIDC.</summary>
    public string? BirthDate { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Nationality { get; init; }
    /// <summary>Set by the office, not taken from the request: true when the registry confirmed the KIDC with these names and date of birth.</summary>
    public bool? Confirmed { get; init; }
}

public sealed record InformantDetails
{
    /// <summary>HealthFacility, Midwife, VillageChief, Relative or Other.</summary>
    public string? Kind { get; init; }
    public string? Name { get; init; }
    /// <summary>Relationship to the child or the deceased (mother, son, village chief...).</summary>
    public string? Relationship { get; init; }
    public string? Kidc { get; init; }
}

/// <summary>
/// A death as declared: the deceased by KIDC with the names, sex and date of birth the informant
/// declares (the registry confirms they are those of the person with that code, who must not be
/// recorded dead already), when and where, the informant, and the medical certificate of cause of
/// death.
/// </summary>
public sealed record DeathDossier
{
    public string? DeceasedKidc { get; init; }
    public string? DeceasedSurnameKm { get; init; }
    public string? DeceasedGivenNameKm { get; init; }
    public string? DeceasedSurnameLatin { get; init; }
    public string? DeceasedGivenNameLatin { get; init; }
    /// <summary>Male or Female.</summary>
    public string? DeceasedSex { get; init; }
    /// <summary>yyyy-MM-dd (yyyy-MM or yyyy when only those are known).</summary>
    public string? DeceasedBirthDate { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? DeathDate { get; init; }
    /// <summary>HH:mm, optional.</summary>
    public string? DeathTime { get; init; }
    /// <summary>Gazetteer village code of the place of death.</summary>
    public string? DeathPlaceCode { get; init; }
    public string? PlaceKind { get; init; }
    public string? FacilityName { get; init; }
    public InformantDetails? Informant { get; init; }
    public CauseOfDeath? Cause { get; init; }
}

/// <summary>
/// The WHO international form of medical certificate of cause of death (NSPI 6.2.4: "a medically
/// certified cause of death recorded using the international form"). Part 1 is the chain of events
/// from the immediate cause (a) back to the underlying cause (the last line filled); part 2 the
/// other significant conditions.
/// </summary>
public sealed record CauseOfDeath
{
    public CauseLine? LineA { get; init; }
    public CauseLine? LineB { get; init; }
    public CauseLine? LineC { get; init; }
    public CauseLine? LineD { get; init; }
    /// <summary>Part 2: other significant conditions contributing to death.</summary>
    public string? Contributing { get; init; }
    public string? ContributingIcd10 { get; init; }
    /// <summary>Disease, Accident, IntentionalSelfHarm, Assault, LegalIntervention, War, PendingInvestigation or CouldNotBeDetermined.</summary>
    public string? Manner { get; init; }
    /// <summary>For women aged 15-49: NotPregnant, AtTimeOfDeath, Within42DaysBefore, From43DaysToOneYearBefore or Unknown.</summary>
    public string? Pregnancy { get; init; }
    /// <summary>Did the pregnancy contribute to the death (when pregnant or recently pregnant)?</summary>
    public bool? PregnancyContributed { get; init; }
    public string? CertifierName { get; init; }
    /// <summary>Doctor, nurse, midwife, or "lay" for a verbal autopsy / informant report.</summary>
    public string? CertifierRole { get; init; }
}

/// <summary>One line of part 1: the condition, its ICD-10 code where the certifier gives it, and the interval from onset to death.</summary>
public sealed record CauseLine
{
    public string? Condition { get; init; }
    public string? Icd10 { get; init; }
    /// <summary>Free text as the certifier writes it: "2 hours", "3 days", "10 years".</summary>
    public string? Interval { get; init; }
}
