using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Contracts;

/// <summary>
/// The registration procedure for the hosts (the record and entry pages, the CLI), NSPI 5.3 and 6.2
/// Table 5: an agent enters the dossier, a different staff member verifies it, a registrar approves
/// or rejects it; registered records are corrected with a reason and evidence. Every method applies
/// the caller's jurisdiction: a record outside it is not found.
/// </summary>
public interface ICivilRegistrations
{
    /// <summary>The purpose recorded for reads made by the registration pages themselves.</summary>
    const string PagePurpose = "civil registration: record page";

    /// <summary>Enters a birth application (a retried one with the same client id answers with the first).</summary>
    Task<Outcome<RegistrationView>> EnterBirthAsync(BirthApplication application, Actor actor, CancellationToken ct);

    /// <summary>Enters a death application, with the medical certificate of cause of death.</summary>
    Task<Outcome<RegistrationView>> EnterDeathAsync(DeathApplication application, Actor actor, CancellationToken ct);

    /// <summary>Enters a marriage application: both spouses checked against the Civil Code's conditions and the registry.</summary>
    Task<Outcome<RegistrationView>> EnterMarriageAsync(MarriageApplication application, Actor actor, CancellationToken ct);

    /// <summary>Enters a divorce, annulment or legal separation of a registered marriage (from a court decision, or an administrative one where the law allows).</summary>
    Task<Outcome<RegistrationView>> EnterDissolutionAsync(DissolutionApplication application, Actor actor, CancellationToken ct);

    /// <summary>Enters an adoption (simple or full) from a court decision.</summary>
    Task<Outcome<RegistrationView>> EnterAdoptionAsync(AdoptionApplication application, Actor actor, CancellationToken ct);

    /// <summary>Enters a recognition of a child by a parent, or a legitimization.</summary>
    Task<Outcome<RegistrationView>> EnterRecognitionAsync(RecognitionApplication application, Actor actor, CancellationToken ct);

    /// <summary>Enters a foetal death (stillbirth): no person and no KIDC are made.</summary>
    Task<Outcome<RegistrationView>> EnterFoetalDeathAsync(FoetalDeathApplication application, Actor actor, CancellationToken ct);

    /// <summary>Enters a change of name (court or administrative decision).</summary>
    Task<Outcome<RegistrationView>> EnterNameChangeAsync(NameChangeApplication application, Actor actor, CancellationToken ct);

    /// <summary>
    /// Every registration about a person (as subject, spouse, child of a recognition, adoptee...),
    /// in the order of the events, with its role; the read is audited with <paramref name="purpose"/>.
    /// Not found when the person's registrations are all outside the caller's area and the person is not in it.
    /// </summary>
    Task<Outcome<IReadOnlyList<LifeEvent>>> LifeEventsAsync(string kidc, string? purpose, Actor actor, CancellationToken ct);

    /// <summary>A registration with its dossier, annexes, certificates and corrections; the read is audited with <paramref name="purpose"/>.</summary>
    Task<Outcome<RegistrationView>> GetAsync(Guid id, string? purpose, Actor actor, CancellationToken ct);

    /// <summary>Every action on the registration, in order; the read is audited with <paramref name="purpose"/>.</summary>
    Task<Outcome<IReadOnlyList<RegistrationHistoryEntry>>> HistoryAsync(Guid id, string? purpose, Actor actor, CancellationToken ct);

    /// <summary>
    /// What the record page needs besides the view to offer the right actions: who entered the
    /// record, who holds it, and the pending corrections with their dossiers. Null when the record
    /// is not in the caller's area. Read after <see cref="GetAsync"/>, which audits the access.
    /// </summary>
    Task<RegistrationWorkState?> WorkStateAsync(Guid id, Actor actor, CancellationToken ct);

    /// <summary>The id of the registration with this number in the caller's area, or null.</summary>
    Task<Guid?> FindByNumberAsync(string number, Actor actor, CancellationToken ct);

    /// <summary>Takes the record to work on it; nobody else can act on it until it is released or done.</summary>
    Task<Outcome<RegistrationView>> ClaimAsync(Guid id, Actor actor, CancellationToken ct);

    /// <summary>Gives the record back to the queue.</summary>
    Task<Outcome<RegistrationView>> ReleaseAsync(Guid id, Actor actor, CancellationToken ct);

    /// <summary>A registrar (supervisor) gives the record to another member of staff whose office covers it.</summary>
    Task<Outcome<RegistrationView>> AssignAsync(Guid id, string? userName, Actor actor, CancellationToken ct);

    /// <summary>Second verification of the entered data, by a different staff member (NSPI 6.2 Table 5).</summary>
    Task<Outcome<RegistrationView>> VerifyAsync(Guid id, Actor actor, CancellationToken ct);

    /// <summary>A registrar approves: the registration gets its number; a birth gets the child's KIDC, a death is recorded in the Population Registry.</summary>
    Task<Outcome<RegistrationView>> ApproveAsync(Guid id, Actor actor, CancellationToken ct);

    /// <summary>A registrar rejects the application, recording the legal reasons (NSPI 5.3).</summary>
    Task<Outcome<RegistrationView>> RejectAsync(Guid id, string? reasons, Actor actor, CancellationToken ct);

    /// <summary>Requests a correction of a registered record, with the reason and an evidence annex.</summary>
    Task<Outcome<CorrectionView>> RequestCorrectionAsync(Guid registrationId, CorrectionRequest request, Actor actor, CancellationToken ct);

    /// <summary>A registrar other than the requester approves (a new version of the record) or refuses a correction.</summary>
    Task<Outcome<CorrectionView>> DecideCorrectionAsync(Guid registrationId, Guid correctionId, CorrectionDecision decision, Actor actor, CancellationToken ct);
}

/// <summary>The workflow facts of a registration that the record page decides its actions by.</summary>
/// <param name="EnteredById">The staff account id of who entered the application.</param>
/// <param name="AssignedToId">The staff account id of who holds the record, if anyone.</param>
/// <param name="DossierJson">The registered dossier as stored (JSON), to compare corrections with.</param>
/// <param name="PendingCorrections">Corrections waiting for a decision.</param>
/// <param name="CertifiedCopyFeeRiel">The fee of a certified copy (a reprint), from the fee table.</param>
/// <param name="MaxAnnexBytes">The largest annex accepted.</param>
public sealed record RegistrationWorkState(
    string EnteredById, string? AssignedToId, string DossierJson, IReadOnlyList<PendingCorrectionDossier> PendingCorrections,
    long CertifiedCopyFeeRiel, long MaxAnnexBytes);

/// <summary>A correction waiting for a decision, with the corrected dossier as stored (JSON).</summary>
/// <param name="Id">The correction's id.</param>
/// <param name="RequestedById">The staff account id of who requested it (who may not decide it).</param>
/// <param name="DossierJson">The corrected dossier.</param>
public sealed record PendingCorrectionDossier(Guid Id, string RequestedById, string DossierJson);

/// <summary>The open notifications of an area, for the entry pages.</summary>
public interface ICivilNotifications
{
    /// <summary>The most notifications listed at once.</summary>
    const int MaxListed = 500;

    /// <summary>Stores a notification of a birth or a death (the same id, or source system and reference, again returns the stored one).</summary>
    Task<Outcome<NotificationView>> NotifyAsync(NotificationRequest request, Actor actor, CancellationToken ct);

    /// <summary>The open notifications of the caller's area (or of <paramref name="communeCode"/> within it), oldest first; audited with <paramref name="purpose"/> or the pages' purpose.</summary>
    Task<Outcome<IReadOnlyList<NotificationView>>> OpenAsync(Actor actor, string? communeCode, CancellationToken ct, string? purpose = null);

    /// <summary>One notification of the caller's area; audited with <paramref name="purpose"/> or the pages' purpose.</summary>
    Task<Outcome<NotificationView>> GetAsync(Guid id, Actor actor, CancellationToken ct, string? purpose = null);
}

/// <summary>The work queues of a registration office, per role, for the entry pages.</summary>
public interface ICivilWorkQueues
{
    /// <summary>The most records listed of one queue.</summary>
    const int MaxListed = 200;

    /// <summary>The queue names, in the order the pages show them.</summary>
    static IReadOnlyList<string> Names { get; } = ["to-verify", "to-approve", "to-approve-senior", "ready-to-print", "corrections", "rejected", "registered"];

    /// <summary>How many records wait in each work queue of the caller's area.</summary>
    Task<QueueCounts> CountsAsync(Actor actor, CancellationToken ct);

    /// <summary>The records of one queue (null for an unknown name); the listing is audited with <paramref name="purpose"/>.</summary>
    Task<IReadOnlyList<RegistrationSummary>?> ListAsync(string name, Actor actor, CancellationToken ct, string purpose = "civil registration");
}

/// <summary>Information services (NSPI 5.3): requests for an extract of a registration, for the records pages.</summary>
public interface ICivilInformation
{
    /// <summary>The channels an extract is delivered by.</summary>
    static IReadOnlyList<string> Channels { get; } = ["counter", "post", "email", "online"];

    /// <summary>Records a request for an extract (from the person, or an institution under agreement).</summary>
    Task<Outcome<InformationRequestView>> ReceiveAsync(InformationRequestInput input, Actor actor, CancellationToken ct);

    /// <summary>Information requests of the caller's area, newest first.</summary>
    Task<IReadOnlyList<InformationRequestView>> ListAsync(Actor actor, CancellationToken ct);

    /// <summary>A registrar approves or refuses the request.</summary>
    Task<Outcome<InformationRequestView>> DecideAsync(Guid id, InformationDecision decision, Actor actor, CancellationToken ct);

    /// <summary>Delivers the extract of an approved request; the delivery and its channel are recorded.</summary>
    Task<Outcome<InformationRequestView>> DeliverAsync(Guid id, InformationDelivery delivery, Actor actor, CancellationToken ct);
}
