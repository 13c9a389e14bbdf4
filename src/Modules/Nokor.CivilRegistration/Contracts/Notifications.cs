namespace Nokor.CivilRegistration.Contracts;

/// <summary>
/// A notification of a birth or a death by the authority that witnessed it (NSPI 5.3 notification
/// services): a health facility, a midwife, a village chief. It waits until the family registers.
/// </summary>
public sealed record NotificationRequest
{
    /// <summary>Client-generated id: sending the same notification twice stores it once.</summary>
    public Guid? Id { get; init; }
    /// <summary>Birth, Death or FoetalDeath (a stillbirth: the mother's fields, the sex, weight, plurality, gestation and the cause in <see cref="Cause"/> line a).</summary>
    public string? Event { get; init; }
    public string? InformantKind { get; init; }
    public string? InformantName { get; init; }
    public string? FacilityName { get; init; }
    /// <summary>The notifying system (a hospital information system), for references from FHIR.</summary>
    public string? SourceSystem { get; init; }
    /// <summary>The notifying system's own identifier of the event; unique per source system.</summary>
    public string? SourceReference { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? EventDate { get; init; }
    public string? EventTime { get; init; }
    /// <summary>Gazetteer village code where the event happened; its commune's office sees the notification.</summary>
    public string? EventPlaceCode { get; init; }

    public string? ChildSex { get; init; }
    public int? BirthWeightGrams { get; init; }
    public string? BirthType { get; init; }
    /// <summary>Of a foetal death: the completed weeks of gestation.</summary>
    public int? GestationWeeks { get; init; }
    public string? MotherKidc { get; init; }
    public string? MotherNameKm { get; init; }
    public string? MotherNameLatin { get; init; }
    public string? MotherBirthDate { get; init; }

    public string? DeceasedKidc { get; init; }
    public string? DeceasedNameKm { get; init; }
    public string? DeceasedNameLatin { get; init; }
    public string? DeceasedSex { get; init; }
    public string? DeceasedBirthDate { get; init; }
    public CauseOfDeath? Cause { get; init; }
}

/// <summary>A stored notification with its age, as the commune's list shows it.</summary>
public sealed record NotificationView(
    Guid Id,
    VitalEvent Event,
    NotificationStatus Status,
    string CommuneCode,
    string EventPlaceCode,
    string EventDate,
    InformantKind InformantKind,
    string? InformantName,
    string? FacilityName,
    string? SourceSystem,
    string? SourceReference,
    string? SubjectNameKm,
    string? SubjectNameLatin,
    DateTimeOffset ReceivedAt,
    int AgeDays,
    Guid? RegistrationId,
    NotificationRequest Details);
