namespace Nokor.CivilRegistration.Contracts;

/// <summary>The vital events this module registers. Marriages and divorces come later (NSPI 6.2.4).</summary>
public enum VitalEvent
{
    Birth,
    Death,
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
