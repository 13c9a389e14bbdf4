using Nokor.CivilRegistration.Contracts;

namespace Nokor.CivilRegistration.Data;

internal sealed class NotificationEntity
{
    public Guid Id { get; set; }
    public VitalEvent Event { get; set; }
    public NotificationStatus Status { get; set; }
    /// <summary>The commune of the event place: its registration office works the notification.</summary>
    public required string CommuneCode { get; set; }
    public required string EventPlaceCode { get; set; }
    public DateOnly EventDate { get; set; }
    public InformantKind InformantKind { get; set; }
    public string? SourceSystem { get; set; }
    public string? SourceReference { get; set; }
    public string? SubjectNameKm { get; set; }
    public string? SubjectNameLatin { get; set; }
    /// <summary>The normalized notification as JSON.</summary>
    public required string Details { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
    public Guid? RegistrationId { get; set; }
}

internal sealed class RegistrationEntity
{
    public Guid Id { get; set; }
    public VitalEvent Event { get; set; }
    public RegistrationStatus Status { get; set; }
    /// <summary>Given on approval; unique nationally (see <c>RegistrationNumbers</c>).</summary>
    public string? Number { get; set; }
    /// <summary>Gazetteer code of the registering office's area (a commune for a commune office).</summary>
    public required string OfficeCode { get; set; }
    public Guid? OfficeId { get; set; }
    public int Version { get; set; }
    public DateOnly EventDate { get; set; }
    public required string EventPlaceCode { get; set; }
    public string? SubjectKidc { get; set; }
    public required string SubjectNameKm { get; set; }
    public required string SubjectNameLatin { get; set; }
    public required string SubjectNameKey { get; set; }
    /// <summary>Male or Female: of the child, or of the deceased (for vital statistics).</summary>
    public string? SubjectSex { get; set; }
    /// <summary>The subject's date of birth as known (yyyy, yyyy-MM or yyyy-MM-dd): for the age at death in vital statistics.</summary>
    public string? SubjectBirthDate { get; set; }
    /// <summary>Gazetteer village code of the subject's usual residence (vital statistics tabulate by it).</summary>
    public string? SubjectResidenceCode { get; set; }
    public bool IsLate { get; set; }
    public int DelayDays { get; set; }
    public long FeeRiel { get; set; }
    public bool NeedsSeniorApproval { get; set; }
    public Guid? NotificationId { get; set; }
    /// <summary>The court decision this registration was entered from, when it came from the courts' system.</summary>
    public Guid? CourtDecisionId { get; set; }
    /// <summary>
    /// Of a birth registration after a full adoption: the versions up to this one are sealed (the
    /// biological parents, the birth names). Only a senior registrar reads them, each read audited
    /// with its purpose (<c>FamilyEvents.ReadSealedVersions</c>); every other view, history and
    /// certificate of the record shows the later versions only. Null when nothing is sealed.
    /// </summary>
    public int? SealedThroughVersion { get; set; }
    /// <summary>The current version's dossier as JSON (BirthDossier, DeathDossier, MarriageDossier...).</summary>
    public required string Dossier { get; set; }
    public required string EnteredBy { get; set; }
    public required string EnteredByName { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
    public string? VerifiedBy { get; set; }
    public string? VerifiedByName { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectionReasons { get; set; }
    public string? AssignedTo { get; set; }
    public string? AssignedToName { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    /// <summary>Optimistic concurrency: every change increments it.</summary>
    public int Revision { get; set; }
    /// <summary>
    /// The approval intent: saved before the Population Registry is asked (for the child's KIDC or
    /// to record the death) and cleared in the save that approves, or once the registry's change is
    /// undone after a rejection. A value older than a few minutes means the approval was interrupted
    /// (a crash): <c>ApprovalRecovery</c> completes it, or undoes the registry's change.
    /// </summary>
    public DateTimeOffset? ApprovalStartedAt { get; set; }
    public string? ApprovalStartedBy { get; set; }
    public string? ApprovalStartedByName { get; set; }
}

/// <summary>A version of the registration's dossier; corrections add versions and never change old ones.</summary>
internal sealed class RegistrationVersionEntity
{
    public long Id { get; set; }
    public Guid RegistrationId { get; set; }
    public int Version { get; set; }
    public required string Dossier { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public required string Reason { get; set; }
    public Guid? CorrectionId { get; set; }
}

/// <summary>The record's history: every action on it, in order.</summary>
internal sealed class RegistrationEventEntity
{
    public long Id { get; set; }
    public Guid RegistrationId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public int Version { get; set; }
    public string? Note { get; set; }
}

internal sealed class AnnexEntity
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string FileName { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public required string AddedBy { get; set; }
}

internal sealed class CertificateEntity
{
    public Guid Id { get; set; }
    /// <summary>Registration number / sequence of prints, e.g. B120101-2026-000042/2.</summary>
    public required string Serial { get; set; }
    public Guid RegistrationId { get; set; }
    public required string RegistrationNumber { get; set; }
    public int RegistrationVersion { get; set; }
    public CertificateIssue Issue { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
    public required string IssuedByName { get; set; }
    public long FeeRiel { get; set; }
    /// <summary>The signed token printed in the QR code.</summary>
    public required string Token { get; set; }
}

internal sealed class CorrectionEntity
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public int BaseVersion { get; set; }
    public CorrectionStatus Status { get; set; }
    /// <summary>The whole corrected dossier as JSON.</summary>
    public required string Dossier { get; set; }
    public required string Reason { get; set; }
    public Guid? EvidenceAnnexId { get; set; }
    public required string RequestedBy { get; set; }
    public required string RequestedByName { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public int? ResultingVersion { get; set; }
}

internal sealed class InformationRequestEntity
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public required string RegistrationNumber { get; set; }
    public required string OfficeCode { get; set; }
    public InformationRequesterKind RequesterKind { get; set; }
    public required string RequesterName { get; set; }
    public string? RequesterKidc { get; set; }
    /// <summary>For institutions: the cooperation agreement that allows the request.</summary>
    public string? Agreement { get; set; }
    public required string Purpose { get; set; }
    public InformationRequestStatus Status { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Decision { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? DeliveryChannel { get; set; }
}

/// <summary>
/// The next registration sequence of one office for one event and year. Each office owns its rows,
/// so numbering never waits on a national counter and two offices never collide.
/// </summary>
internal sealed class NumberCounterEntity
{
    public required string OfficeCode { get; set; }
    public VitalEvent Event { get; set; }
    public int Year { get; set; }
    public long Next { get; set; }
}

/// <summary>
/// The marriage register (NSPI 6.1: the marriage registry beside the birth and death registries):
/// one row per approved marriage registration, with its state. A divorce, annulment or separation
/// changes the state and says which registration did it; the marriage registration itself is never
/// changed and its history lines tell the story.
/// </summary>
internal sealed class MarriageEntity
{
    /// <summary>The marriage registration's id.</summary>
    public Guid RegistrationId { get; set; }
    public required string Number { get; set; }
    public required string OfficeCode { get; set; }
    public DateOnly MarriageDate { get; set; }
    /// <summary>The husband's KIDC, or null for a foreign spouse without one.</summary>
    public string? HusbandKidc { get; set; }
    public string? WifeKidc { get; set; }
    /// <summary>Names as registered (Khmer, or Latin for a foreign spouse).</summary>
    public required string HusbandName { get; set; }
    public required string WifeName { get; set; }
    public MarriageState State { get; set; }
    /// <summary>The date the marriage ended or was suspended (the decision's effective date, or the death).</summary>
    public DateOnly? EndedOn { get; set; }
    /// <summary>The registration (divorce, annulment, separation, death) that ended or suspended it.</summary>
    public Guid? EndedByRegistrationId { get; set; }
    public string? EndedByNumber { get; set; }
    /// <summary>Optimistic concurrency: two dissolutions of one marriage never both apply.</summary>
    public int Revision { get; set; }
}

/// <summary>
/// A final court decision sent by the courts' system (<c>POST /api/civil/court-decisions</c>):
/// idempotent by court and case number; it opens the matching application in the office's queue,
/// or is held for review when it names persons or registrations that do not exist or contradicts
/// the registry.
/// </summary>
internal sealed class CourtDecisionEntity
{
    public Guid Id { get; set; }
    public required string Court { get; set; }
    public required string CaseNumber { get; set; }
    public CourtDecisionKind Kind { get; set; }
    public CourtDecisionStatus Status { get; set; }
    /// <summary>The commune office whose queue the application goes to.</summary>
    public required string OfficeCode { get; set; }
    public DateOnly DecisionDate { get; set; }
    public DateOnly? EffectiveDate { get; set; }
    /// <summary>The decision as received, normalized, as JSON.</summary>
    public required string Details { get; set; }
    /// <summary>SHA-256 of the decision's PDF in the blob store.</summary>
    public required string PdfSha256 { get; set; }
    public long PdfSize { get; set; }
    /// <summary>One line for the inbox: the marriage's number and spouses, or the persons' names as the registry holds them.</summary>
    public required string Summary { get; set; }
    /// <summary>Why it is held for review (field: problem), when it is.</summary>
    public string? Problems { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string ReceivedBy { get; set; }
    /// <summary>The registration entered from it.</summary>
    public Guid? RegistrationId { get; set; }
    /// <summary>Why a registrar dismissed it, who and when (status Dismissed).</summary>
    public string? DismissalReason { get; set; }
    public string? DismissedBy { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
    /// <summary>Optimistic concurrency: a decision is applied, re-checked or dismissed once.</summary>
    public int Revision { get; set; }
}
