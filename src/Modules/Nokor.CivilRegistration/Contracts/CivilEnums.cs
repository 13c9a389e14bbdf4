namespace Nokor.CivilRegistration.Contracts;

/// <summary>
/// The vital events this module registers: every event of the NSPI glossary (11: birth, death,
/// foetal death, marriage, adoption, legitimization, recognition of a child, annulment of marriage,
/// legal separation), divorce, and the change of name the registry follows. New values are added
/// at the end: the names are stored as text, the order is the pages' order.
/// </summary>
public enum VitalEvent
{
    Birth,
    Death,
    Marriage,
    Divorce,
    Annulment,
    LegalSeparation,
    Adoption,
    Recognition,
    Legitimization,
    FoetalDeath,
    NameChange,
}

/// <summary>What a marriage registration stands as, in the marriage register.</summary>
public enum MarriageState
{
    /// <summary>Registered and not ended.</summary>
    InForce,
    /// <summary>Ended by a registered divorce.</summary>
    Dissolved,
    /// <summary>Declared void by a registered annulment.</summary>
    Annulled,
    /// <summary>Suspended by a registered legal separation (the spouses stay married).</summary>
    Separated,
    /// <summary>Ended by the registered death of a spouse.</summary>
    EndedByDeath,
}

/// <summary>Who decided an event that needs a decision (divorce, annulment, separation, adoption, name change).</summary>
public enum DecisionAuthority
{
    Court,
    /// <summary>An administrative decision, where the law allows one (a divorce by mutual consent registered at the commune, an administrative name change).</summary>
    Administrative,
}

/// <summary>Simple adoption keeps the biological parents; full adoption replaces them (NSPI glossary 16).</summary>
public enum AdoptionKind
{
    Simple,
    Full,
}

/// <summary>The kinds of decision the courts' system sends (POST /api/civil/court-decisions).</summary>
public enum CourtDecisionKind
{
    Divorce,
    Annulment,
    LegalSeparation,
    SimpleAdoption,
    FullAdoption,
    /// <summary>A judgment establishing paternity: registered as a recognition of the child.</summary>
    Paternity,
    NameChange,
    /// <summary>A judgment ordering the correction of a registration: opens a correction request.</summary>
    RegistrationCorrection,
}

public enum CourtDecisionStatus
{
    /// <summary>Received and valid: waiting for the registrar to complete the application it opened.</summary>
    Received,
    /// <summary>The registrar entered the application from it.</summary>
    Applied,
    /// <summary>It names persons or registrations that do not exist, or contradicts the registry: kept for review, nothing applied.</summary>
    HeldForReview,
    /// <summary>A registrar dismissed it with a reason (a held decision the registry will not match); nothing applied.</summary>
    Dismissed,
}

/// <summary>Who notified the event (NSPI 5.3: "the authority that witnessed the appearance of the vital event").</summary>
public enum InformantKind
{
    HealthFacility,
    Midwife,
    VillageChief,
    Relative,
    Other,
}

public enum NotificationStatus
{
    /// <summary>Waiting for the family to come and register.</summary>
    Open,
    /// <summary>Linked to a registration application.</summary>
    Registered,
}

/// <summary>
/// Where an application is in the procedure of NSPI 6.2 Table 5: entered by an agent, verified by a
/// different staff member, then approved (registered, with a number) or rejected by a registrar.
/// </summary>
public enum RegistrationStatus
{
    Entered,
    Verified,
    Approved,
    Rejected,
}

public enum BirthType
{
    Single,
    Twin,
    Triplet,
    Higher,
}

/// <summary>Who attended the birth.</summary>
public enum BirthAttendant
{
    Doctor,
    Midwife,
    Nurse,
    TraditionalBirthAttendant,
    Relative,
    None,
    Other,
}

/// <summary>Where the event took place.</summary>
public enum EventPlaceKind
{
    HealthFacility,
    Home,
    Other,
}

/// <summary>Manner of death, as on the WHO international form of the medical certificate of cause of death.</summary>
public enum MannerOfDeath
{
    Disease,
    Accident,
    IntentionalSelfHarm,
    Assault,
    LegalIntervention,
    War,
    PendingInvestigation,
    CouldNotBeDetermined,
}

/// <summary>The WHO form's question for women: pregnancy at or shortly before death.</summary>
public enum PregnancyStatus
{
    NotPregnant,
    AtTimeOfDeath,
    Within42DaysBefore,
    From43DaysToOneYearBefore,
    Unknown,
}

public enum CorrectionStatus
{
    Pending,
    Approved,
    Rejected,
}

public enum CertificateIssue
{
    /// <summary>The first certificate of a registration version.</summary>
    Original,
    /// <summary>A reprint: a certified copy (NSPI: every print and reprint is recorded).</summary>
    CertifiedCopy,
}

/// <summary>Whether a certificate still states the registration as it stands.</summary>
public enum CertificateState
{
    Current,
    /// <summary>A correction made a newer version of the registration after this certificate was printed.</summary>
    Superseded,
}

public enum InformationRequesterKind
{
    /// <summary>The registered person themself, or a parent or guardian for a child.</summary>
    Person,
    /// <summary>An authorized institution under a signed cooperation agreement (NSPI 5.3 information services).</summary>
    Institution,
}

public enum InformationRequestStatus
{
    Received,
    Approved,
    Refused,
    Delivered,
}
