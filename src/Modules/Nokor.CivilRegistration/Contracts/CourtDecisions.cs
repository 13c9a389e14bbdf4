using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Contracts;

// Court decisions as a system-to-system interface (issue 17): the courts' system sends a final
// decision with its PDF (POST /api/civil/court-decisions, a system account with the role "court");
// it is checked against the Population Registry and the marriage register before anything is
// opened, and either received into the office's inbox (the registrar enters the pre-filled
// application of its event) or held for review with its problems, never half-applied.

/// <summary>
/// The court decisions inbox for the registration pages and the courts' system. Every method applies
/// the caller's jurisdiction: a decision for an office outside it is not found.
/// </summary>
public interface ICourtDecisions
{
    /// <summary>The purpose recorded for reads made by the inbox pages themselves.</summary>
    const string PagePurpose = "civil registration: court decisions inbox";

    /// <summary>The most decisions listed at once.</summary>
    const int MaxListed = 200;

    /// <summary>
    /// Receives a decision from the courts' system with its PDF. The same court and case number
    /// again answers the stored decision (<see cref="CourtDecisionReceipt.Created"/> false); a
    /// different decision under them is a conflict. A decision that names persons or registrations
    /// that do not exist, or contradicts the registry, is stored as held for review and answered
    /// with <see cref="CourtDecisionReceipt.Decision"/>'s problems (the endpoint answers 422).
    /// </summary>
    Task<Outcome<CourtDecisionReceipt>> ReceiveAsync(CourtDecisionInput input, CourtDecisionFile? pdf, Actor actor, CancellationToken ct);

    /// <summary>
    /// The decisions of the caller's area (or of <paramref name="officeCode"/> within it), oldest
    /// first; by default those waiting for a registrar (received and held), or those of
    /// <paramref name="status"/>. Audited with <paramref name="purpose"/> or the pages' purpose.
    /// </summary>
    Task<Outcome<IReadOnlyList<CourtDecisionView>>> ListAsync(Actor actor, CourtDecisionStatus? status, string? officeCode, CancellationToken ct, string? purpose = null);

    /// <summary>One decision with the pre-filled application of its event; audited with <paramref name="purpose"/> or the pages' purpose.</summary>
    Task<Outcome<CourtDecisionDetail>> GetAsync(Guid id, Actor actor, CancellationToken ct, string? purpose = null);

    /// <summary>The decision's PDF as received; audited with <paramref name="purpose"/> or the pages' purpose.</summary>
    Task<Outcome<CourtDecisionFile>> PdfAsync(Guid id, Actor actor, CancellationToken ct, string? purpose = null);

    /// <summary>
    /// A registrar checks a held decision again after the registry changed: received (and routed)
    /// when its problems are gone, held with the problems found now otherwise.
    /// </summary>
    Task<Outcome<CourtDecisionView>> RecheckAsync(Guid id, Actor actor, CancellationToken ct);

    /// <summary>A registrar dismisses a held (or received, not applied) decision, with the reason; nothing is applied.</summary>
    Task<Outcome<CourtDecisionView>> DismissAsync(Guid id, string? reason, Actor actor, CancellationToken ct);

    /// <summary>How many decisions wait in the caller's area.</summary>
    Task<CourtDecisionCounts> CountsAsync(Actor actor, CancellationToken ct);
}

/// <summary>
/// A final court decision as the courts' system sends it (the JSON part "decision" of the
/// multipart request). Exactly the part of <see cref="Kind"/> is given: <see cref="Dissolution"/>
/// for Divorce, Annulment and LegalSeparation; <see cref="Adoption"/> for SimpleAdoption and
/// FullAdoption; <see cref="Paternity"/>; <see cref="NameChange"/>; <see cref="Correction"/> for
/// RegistrationCorrection.
/// </summary>
public sealed record CourtDecisionInput
{
    /// <summary>A <see cref="CourtDecisionKind"/> name: Divorce, Annulment, LegalSeparation, SimpleAdoption, FullAdoption, Paternity, NameChange, RegistrationCorrection.</summary>
    public string? Kind { get; init; }
    /// <summary>The court's name, one of the configured courts (e.g. "Phnom Penh Municipal Court of First Instance").</summary>
    public string? Court { get; init; }
    /// <summary>The court's case number in the configured format (Cambodian courts: "&lt;n&gt;/&lt;yyyy&gt;", e.g. "1234/2026").</summary>
    public string? CaseNumber { get; init; }
    /// <summary>yyyy-MM-dd the decision was given.</summary>
    public string? DecisionDate { get; init; }
    /// <summary>yyyy-MM-dd it became final (required for a dissolution: the marriage ends from this date).</summary>
    public string? EffectiveDate { get; init; }
    public CourtDissolution? Dissolution { get; init; }
    public CourtAdoption? Adoption { get; init; }
    public CourtPaternity? Paternity { get; init; }
    public CourtNameChange? NameChange { get; init; }
    public CourtCorrection? Correction { get; init; }
}

/// <summary>A divorce, annulment or legal separation: the registered marriage it ends or suspends.</summary>
public sealed record CourtDissolution
{
    /// <summary>The marriage's registration number (M…).</summary>
    public string? MarriageNumber { get; init; }
    /// <summary>Which spouse applied: husband, wife or both (optional, for statistics).</summary>
    public string? Petitioner { get; init; }
    /// <summary>Dependent children at the date (optional, for statistics).</summary>
    public int? DependentChildren { get; init; }
}

/// <summary>A simple or full adoption: the adoptee and the adoptive parents by KIDC (at least one parent), and the names the adoptee takes.</summary>
public sealed record CourtAdoption
{
    public string? AdopteeKidc { get; init; }
    public string? AdoptiveFatherKidc { get; init; }
    public string? AdoptiveMotherKidc { get; init; }
    public string? NewSurnameKm { get; init; }
    public string? NewGivenNameKm { get; init; }
    public string? NewSurnameLatin { get; init; }
    public string? NewGivenNameLatin { get; init; }
}

/// <summary>A judgment establishing paternity: registered as the recognition of the child by the father.</summary>
public sealed record CourtPaternity
{
    public string? ChildKidc { get; init; }
    public string? FatherKidc { get; init; }
}

/// <summary>A change of name ordered by the court.</summary>
public sealed record CourtNameChange
{
    public string? PersonKidc { get; init; }
    public string? NewSurnameKm { get; init; }
    public string? NewGivenNameKm { get; init; }
    public string? NewSurnameLatin { get; init; }
    public string? NewGivenNameLatin { get; init; }
    public string? Reason { get; init; }
}

/// <summary>A judgment ordering the correction of a registration.</summary>
public sealed record CourtCorrection
{
    /// <summary>The registration's number (B…, D…, M…).</summary>
    public string? RegistrationNumber { get; init; }
    /// <summary>What is corrected, as the judgment words it (e.g. "the child's date of birth is 2019-03-04").</summary>
    public string? Corrected { get; init; }
}

/// <summary>A decision's PDF: its file name, and its bytes (at most the configured size).</summary>
public sealed record CourtDecisionFile(string FileName, string ContentType, byte[] Content);

/// <summary>The answer to the courts' system.</summary>
/// <param name="Decision">The stored decision (the first one when the same decision was sent again).</param>
/// <param name="Created">True when this request stored it, false when it was already stored.</param>
public sealed record CourtDecisionReceipt(CourtDecisionView Decision, bool Created);

/// <summary>Why a decision is held: the field of the decision (its JSON path, e.g. "paternity.fatherKidc") and the problem, in Khmer and in English.</summary>
/// <param name="Field">The decision's field.</param>
/// <param name="MessageKm">The problem in Khmer, for the inbox page.</param>
/// <param name="Message">The problem in English, as the ProblemDetails answered to the courts' system says it.</param>
public sealed record CourtDecisionProblem(string Field, string MessageKm, string Message);

/// <summary>A stored decision, as the inbox lists it.</summary>
/// <param name="Id">The decision's id.</param>
/// <param name="Kind">What it decides.</param>
/// <param name="Status">Received, Applied, HeldForReview or Dismissed.</param>
/// <param name="Court">The court.</param>
/// <param name="CaseNumber">The court's case number.</param>
/// <param name="DecisionDate">yyyy-MM-dd.</param>
/// <param name="EffectiveDate">yyyy-MM-dd, when given.</param>
/// <param name="OfficeCode">The commune office whose inbox it is in.</param>
/// <param name="Summary">One line: who and what (e.g. "Divorce of marriage M-… (SOK Dara and CHAN Sophea)").</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="AgeDays">Days it has waited.</param>
/// <param name="PdfSize">The PDF's size in bytes.</param>
/// <param name="PdfSha256">The PDF's SHA-256 (its address in the blob store).</param>
/// <param name="Problems">Why it is held (empty otherwise).</param>
/// <param name="RegistrationId">The registration entered from it, once applied.</param>
/// <param name="DismissalReason">Why a registrar dismissed it, when dismissed.</param>
/// <param name="Details">The decision as received, normalized.</param>
public sealed record CourtDecisionView(
    Guid Id,
    CourtDecisionKind Kind,
    CourtDecisionStatus Status,
    string Court,
    string CaseNumber,
    string DecisionDate,
    string? EffectiveDate,
    string OfficeCode,
    string Summary,
    DateTimeOffset ReceivedAt,
    int AgeDays,
    long PdfSize,
    string PdfSha256,
    IReadOnlyList<CourtDecisionProblem> Problems,
    Guid? RegistrationId,
    string? DismissalReason,
    CourtDecisionInput Details);

/// <summary>
/// One decision with what the registrar enters from it: the application of its event pre-filled
/// (its <c>CourtDecisionId</c> set), to complete and send to the entry endpoint of the event; or,
/// for a correction judgment, the registration to correct.
/// </summary>
/// <param name="Decision">The decision.</param>
/// <param name="Event">The event it opens (null for a correction judgment).</param>
/// <param name="Dissolution">For a divorce, annulment or legal separation.</param>
/// <param name="Adoption">For a simple or full adoption.</param>
/// <param name="Recognition">For a paternity judgment (ParentRole Father).</param>
/// <param name="NameChange">For a change of name.</param>
/// <param name="CorrectionRegistrationId">For a correction judgment: the registration to correct, when it is in the caller's area.</param>
public sealed record CourtDecisionDetail(
    CourtDecisionView Decision,
    VitalEvent? Event,
    DissolutionApplication? Dissolution,
    AdoptionApplication? Adoption,
    RecognitionApplication? Recognition,
    NameChangeApplication? NameChange,
    Guid? CorrectionRegistrationId);

/// <summary>Decisions waiting in an area: received (an application to enter) and held for review.</summary>
public sealed record CourtDecisionCounts(int Received, int HeldForReview);
