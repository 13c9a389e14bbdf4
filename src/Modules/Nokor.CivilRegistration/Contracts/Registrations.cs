using System.Text.Json.Serialization;

namespace Nokor.CivilRegistration.Contracts;

/// <summary>An application to register a birth, entered by an agent of the registering office.</summary>
public sealed record BirthApplication
{
    /// <summary>Client-generated id (a tablet retrying sends the same id): the application is created once.</summary>
    public Guid? Id { get; init; }
    public Guid? NotificationId { get; init; }
    public BirthDossier? Birth { get; init; }
}

/// <summary>An application to register a death.</summary>
public sealed record DeathApplication
{
    public Guid? Id { get; init; }
    public Guid? NotificationId { get; init; }
    public DeathDossier? Death { get; init; }
}

/// <summary>A registration as staff see it: status, who did what, the dossier, annexes, certificates and corrections.</summary>
public sealed record RegistrationView(
    Guid Id,
    VitalEvent Event,
    RegistrationStatus Status,
    string? Number,
    string OfficeCode,
    int Version,
    string EventDate,
    string EventPlaceCode,
    string? SubjectKidc,
    string SubjectNameKm,
    string SubjectNameLatin,
    bool IsLate,
    int DelayDays,
    long FeeRiel,
    bool NeedsSeniorApproval,
    Guid? NotificationId,
    string EnteredBy,
    DateTimeOffset EnteredAt,
    string? VerifiedBy,
    DateTimeOffset? VerifiedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? RejectionReasons,
    string? AssignedTo,
    BirthDossier? Birth,
    DeathDossier? Death,
    IReadOnlyList<AnnexView> Annexes,
    IReadOnlyList<CertificateView> Certificates,
    IReadOnlyList<CorrectionView> Corrections)
{
    // The dossiers of the other events: one is set, the one of Event.
    public MarriageDossier? Marriage { get; init; }
    /// <summary>Of a divorce, an annulment or a legal separation.</summary>
    public DissolutionDossier? Dissolution { get; init; }
    public AdoptionDossier? Adoption { get; init; }
    /// <summary>Of a recognition or a legitimization.</summary>
    public RecognitionDossier? Recognition { get; init; }
    public FoetalDeathDossier? FoetalDeath { get; init; }
    public NameChangeDossier? NameChange { get; init; }

    /// <summary>
    /// Of a birth registration after a full adoption: the versions up to this one are sealed and not
    /// shown here (nor their certificates, corrections and history); a senior registrar reads them
    /// at <c>GET /api/civil/registrations/{id}/sealed-versions</c>, audited with the purpose.
    /// </summary>
    public int? SealedThroughVersion { get; init; }
}

/// <summary>
/// One vital event in a person's life as the person page lists it: the registration, what the
/// person is in it (subject, husband, wife, child, adoptee, parent), and a one-line summary.
/// </summary>
public sealed record LifeEvent(
    Guid RegistrationId,
    VitalEvent Event,
    RegistrationStatus Status,
    string? Number,
    string EventDate,
    string Role,
    string Summary);

/// <summary>A short line of a work queue.</summary>
public sealed record RegistrationSummary(
    Guid Id,
    VitalEvent Event,
    RegistrationStatus Status,
    string? Number,
    string OfficeCode,
    string SubjectNameKm,
    string SubjectNameLatin,
    string EventDate,
    bool IsLate,
    bool NeedsSeniorApproval,
    string? AssignedTo,
    DateTimeOffset EnteredAt);

/// <summary>A scanned annex of the dossier, stored content-addressed by its SHA-256.</summary>
public sealed record AnnexView(Guid Id, string FileName, string ContentType, long Size, string Sha256, string? Description, DateTimeOffset AddedAt, string AddedBy);

/// <summary>One printed certificate (original or certified copy).</summary>
public sealed record CertificateView(
    Guid Id,
    string Serial,
    int RegistrationVersion,
    CertificateIssue Issue,
    CertificateState State,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    long FeeRiel);

/// <summary>A correction request: the changed dossier, its reason and evidence, and the decision.</summary>
public sealed record CorrectionView(
    Guid Id,
    int BaseVersion,
    CorrectionStatus Status,
    string Reason,
    Guid? EvidenceAnnexId,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    int? ResultingVersion);

/// <summary>One entry of a registration's history.</summary>
public sealed record RegistrationHistoryEntry(DateTimeOffset At, string Actor, string Action, int Version, string? Note);

/// <summary>Counts of the work queues for the caller's office and role.</summary>
public sealed record QueueCounts(int Notifications, int ToVerify, int ToApprove, int ToApproveSenior, int ReadyToPrint, int Corrections, int InformationRequests)
{
    /// <summary>Court decisions waiting in the area: received (an application to enter) and held for review.</summary>
    public int CourtDecisions { get; init; }

    /// <summary>The verification and approval queues per event, in the order of <see cref="VitalEvent"/>; events with nothing waiting are left out.</summary>
    public IReadOnlyList<EventQueueCount> PerEvent { get; init; } = [];
}

/// <summary>How many records of one event wait in the verification and approval queues of an area.</summary>
/// <param name="Event">The event.</param>
/// <param name="ToVerify">Entered, waiting for the second verification.</param>
/// <param name="ToApprove">Verified, waiting for a registrar (senior approvals included).</param>
public sealed record EventQueueCount(VitalEvent Event, int ToVerify, int ToApprove);

/// <summary>
/// What the public verification page and API show of a certificate (NSPI 5.3 information services;
/// no login). Without proof of holding the certificate only <c>genuine</c>, <c>state</c>,
/// <c>serial</c> and <c>reason</c> are given; with its QR code or the check code printed on it, the
/// fields printed on it too, as they were printed. Absent fields are left out of the JSON.
/// </summary>
public sealed record CertificateCheck(
    bool Genuine,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CertificateState? State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VitalEvent? Event,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RegistrationNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RegistrationVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Serial,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kidc,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NameKm,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NameLatin,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EventDate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? IssuedAt)
{
    /// <summary>Whether the printed fields are shown (the caller proved holding the certificate).</summary>
    [JsonIgnore]
    public bool ShowsDetails => RegistrationNumber is not null;
}
