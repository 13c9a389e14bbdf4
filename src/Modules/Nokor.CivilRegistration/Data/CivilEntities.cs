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
    /// <summary>The current version's dossier as JSON (BirthDossier or DeathDossier).</summary>
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
