using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.Population.Contracts;

/// <summary>
/// What other modules (civil registration first) may ask of the Population Registry in process
/// (NSPI 6.2.3: "send requests for KIDC generation and retrieve the generated codes, send data or
/// data updates on individuals to the PR and search for the data in the PR").
/// </summary>
/// <remarks>
/// The calls act with national scope: the calling module has already decided that its user may act
/// (a commune registers the births and deaths that happen in, or concern residents of, its area,
/// and parents or the deceased may live elsewhere). Every call is audited under the calling actor
/// with its purpose. Writes are idempotent by <c>reference</c>, so a retried approval never makes a
/// second person or a second death.
/// </remarks>
public interface IPopulationRegistry
{
    /// <summary>A person by KIDC for a civil registration act, or null when no person has that code. Audited as a read.</summary>
    Task<PersonRecord?> FindAsync(string kidc, Actor actor, string purpose, CancellationToken ct);

    /// <summary>Registers a newborn and issues their KIDC; the same reference returns the same person.</summary>
    Task<Outcome<PersonRecord>> RegisterNewbornAsync(Newborn newborn, Actor actor, string reference, CancellationToken ct);

    /// <summary>Records a death: the person becomes deceased and keeps their KIDC, which is never reused.</summary>
    Task<Outcome<PersonRecord>> RecordDeathAsync(string kidc, DateOnly deathDate, Actor actor, string reference, CancellationToken ct);

    /// <summary>Applies a correction from an approved civil registration correction (names, sex, birth date or place, parents).</summary>
    Task<Outcome<PersonRecord>> CorrectAsync(string kidc, PersonCorrection correction, Actor actor, string reference, CancellationToken ct);

    /// <summary>
    /// Confirms that the person a civil registration act names by KIDC is the person the clerk
    /// described (names and date of birth, and the sex or life status the role needs), without
    /// giving back anything the registry holds: the answer is confirmed or not, one answer for
    /// "no such KIDC", "does not match", "not of this sex" and "not alive at that date". Names match
    /// like the verification service's (exact, a Khmer encoding variant, or a Latin spelling
    /// variant); the date of birth at the precision the registry knows it. Audited as
    /// <c>person.confirm</c> under the act's purpose, whatever the answer.
    /// </summary>
    Task<PersonConfirmation> ConfirmAsync(PersonClaim claim, Actor actor, string purpose, CancellationToken ct);

    /// <summary>Several claims of one act at once (the parents of a birth), answered in order; the audit entries are committed together.</summary>
    Task<IReadOnlyList<PersonConfirmation>> ConfirmManyAsync(IReadOnlyList<PersonClaim> claims, Actor actor, string purpose, CancellationToken ct);

    /// <summary>
    /// Undoes the newborn a civil registration registered under <paramref name="reference"/> when
    /// that registration will never be approved: the KIDC is voided (kept in the issued codes, never
    /// reused), the record loses it and its parent links, and the reference stays claimed so that
    /// the child is never registered again under it. True when a child was voided now or before;
    /// false when nothing was registered under the reference. Audited as <c>person.void</c>.
    /// </summary>
    Task<bool> VoidNewbornAsync(string reference, Actor actor, string reason, CancellationToken ct);

    /// <summary>
    /// Reverts the death recorded under <paramref name="reference"/> (the person is alive again, in
    /// a new version) when that death registration will never be approved. Nothing changes when
    /// the person's death was since recorded under another reference. True when the reference's
    /// death is not (or no longer) in force; audited as <c>person.death.revert</c>.
    /// </summary>
    Task<bool> RevertDeathAsync(string reference, Actor actor, string reason, CancellationToken ct);

    // The family events (marriage, its end, adoption, recognition, name change). Each is applied
    // once per reference: the same reference again returns what the first call did. Marital
    // status is derived from these calls only; a direct edit of it is refused.

    /// <summary>
    /// Records a marriage: each spouse with a KIDC gets a spouse link (the other spouse's KIDC, or
    /// the foreign spouse's name and passport) from the date and becomes married, in a new version.
    /// Refused when a spouse is deceased on the date or already has a marriage in force.
    /// </summary>
    Task<Outcome<MarriageRecorded>> RecordMarriageAsync(MarriageLink marriage, Actor actor, string reference, CancellationToken ct);

    /// <summary>
    /// Ends (divorce, annulment) or suspends (legal separation) the marriage recorded under
    /// <see cref="MarriageEnd.MarriageReference"/>: the spouse links end with the date and the
    /// marital status follows (divorced; separated; for an annulment, what it was before the
    /// marriage). Refused when that marriage is not recorded or already ended.
    /// </summary>
    Task<Outcome<MarriageRecorded>> EndMarriageAsync(MarriageEnd end, Actor actor, string reference, CancellationToken ct);

    /// <summary>
    /// The marriage in force of a person (the reference it was recorded under and the spouse), or
    /// null. For the bigamy check of a new marriage; audited as a read under <paramref name="purpose"/>.
    /// </summary>
    Task<SpouseLink?> MarriageInForceAsync(string kidc, Actor actor, string purpose, CancellationToken ct);

    /// <summary>
    /// Whether two persons are related through the registry's parent links (biological, adoptive,
    /// and the sealed ones of a full adoption) or by marriage, closely enough for the caller's
    /// limits: the closest relationship found, or null. Answers only the relationship's kind and
    /// degree, never who the common relatives are. Audited under <paramref name="purpose"/>.
    /// </summary>
    Task<Kinship?> KinshipAsync(string kidcA, string kidcB, KinshipLimits limits, Actor actor, string purpose, CancellationToken ct);

    /// <summary>
    /// Changes a child's parents after an approved recognition, legitimization or adoption: a
    /// recognition adds the missing parent; a simple adoption adds adoptive parents and keeps the
    /// others; a full adoption makes the adoptive parents the parents and keeps the earlier ones
    /// sealed (not shown in the record, still used by the kinship check). New version of the child.
    /// Refused when a recognition names a parent the child already has.
    /// </summary>
    Task<Outcome<PersonRecord>> ChangeParentsAsync(ParentageChange change, Actor actor, string reference, CancellationToken ct);

    /// <summary>
    /// Reverts what a family event's call did under <paramref name="reference"/> (marriage, its end,
    /// parentage, name change) when its registration will never be approved. True when nothing of
    /// it is (or is any longer) in force; audited as <c>person.revert</c>.
    /// </summary>
    Task<bool> RevertAsync(string reference, Actor actor, string reason, CancellationToken ct);
}

/// <summary>A marriage as an approved marriage registration gives it to the registry.</summary>
/// <param name="HusbandKidc">Null for a foreign husband without a KIDC.</param>
/// <param name="WifeKidc">Null for a foreign wife without a KIDC.</param>
/// <param name="HusbandName">For a husband without a KIDC: the name, nationality and passport, as the link shows it.</param>
/// <param name="WifeName">For a wife without a KIDC, likewise.</param>
/// <param name="Date">The date of the marriage.</param>
/// <param name="Reason">The version's reason (the registration number).</param>
public sealed record MarriageLink(
    string? HusbandKidc,
    string? WifeKidc,
    string? HusbandName,
    string? WifeName,
    DateOnly Date,
    string Reason);

public enum MarriageEndKind
{
    Divorce,
    Annulment,
    LegalSeparation,
    /// <summary>A spouse's death (recorded by the death's approval).</summary>
    Death,
}

public sealed record MarriageEnd(string MarriageReference, MarriageEndKind Kind, DateOnly Date, string Reason);

/// <summary>The persons a marriage call changed, with their new marital status.</summary>
public sealed record MarriageRecorded(IReadOnlyList<string> Kidcs, IReadOnlyList<MaritalStatus> Statuses);

/// <summary>
/// A spouse link of a person: the spouse by KIDC (or by the name of a foreign spouse), from when,
/// until when and why it ended, and the reference of the marriage registration. A legal
/// separation suspends the marriage without ending it: <see cref="EndedBy"/> is
/// <see cref="MarriageEndKind.LegalSeparation"/> and <see cref="Until"/> the date of the
/// separation, and the marriage is still in force (no new marriage before a divorce, which may
/// follow and then shows here instead).
/// </summary>
public sealed record SpouseLink(
    string? SpouseKidc,
    string? SpouseName,
    DateOnly From,
    DateOnly? Until,
    MarriageEndKind? EndedBy,
    string MarriageReference);

/// <summary>How far the kinship check looks (Civil Code of Cambodia art. 950-952: configurable).</summary>
/// <param name="MaxCollateralDegree">Collateral relatives by blood up to this degree are found (siblings 2, uncle and niece 3, first cousins 4).</param>
/// <param name="MaxLinealDegree">Lineal relatives (ancestors, descendants) up to this many generations.</param>
public sealed record KinshipLimits(int MaxCollateralDegree = 3, int MaxLinealDegree = 6)
{
    /// <summary>Whether lineal relatives by marriage (a former spouse's parent or child) are looked for.</summary>
    public bool Affinity { get; init; } = true;
    /// <summary>Whether adoptive links count as parent links.</summary>
    public bool Adoptive { get; init; } = true;
}

public enum KinshipKind
{
    /// <summary>One is an ancestor of the other.</summary>
    Lineal,
    /// <summary>They share an ancestor (siblings, uncle and niece, cousins).</summary>
    Collateral,
    /// <summary>One is a lineal relative of the other's spouse or former spouse.</summary>
    LinealByAffinity,
    /// <summary>Adoptive parent and adoptee (or the adoptee and the adoptive parent's spouse or descendant).</summary>
    Adoptive,
}

/// <summary>
/// The closest relationship found, by kind and degree (civil-law counting: one degree per
/// generation up and down), with a neutral description that names no one ("siblings (2nd degree)").
/// </summary>
public sealed record Kinship(KinshipKind Kind, int Degree, string Description)
{
    /// <summary>The description in Khmer, shown first to a clerk ("បងប្អូនបង្កើត (ថ្នាក់ទី ២)").</summary>
    public string DescriptionKm { get; init; } = "";
}

public enum ParentageKind
{
    Recognition,
    Legitimization,
    SimpleAdoption,
    FullAdoption,
}

/// <summary>A change of a child's parents (by KIDC, or by the name declared when a parent has none).</summary>
public sealed record ParentageChange(
    string ChildKidc,
    ParentageKind Kind,
    string? MotherKidc,
    string? FatherKidc,
    DateOnly Date,
    string Reason)
{
    /// <summary>For a full adoption: the names the child takes (null keeps them).</summary>
    public string? NewSurnameKm { get; init; }
    public string? NewGivenNameKm { get; init; }
    public string? NewSurnameLatin { get; init; }
    public string? NewGivenNameLatin { get; init; }
}

/// <summary>
/// A person as a civil registration act describes them: the KIDC and what the clerk typed. Latin
/// names are compared only when given; <see cref="Sex"/> only when the role needs it (a mother is
/// a woman); <see cref="AliveOn"/> asks that no death before that date be recorded (a mother at
/// her child's birth); <see cref="Living"/> that no death be recorded at all (the deceased of a
/// new death registration).
/// </summary>
public sealed record PersonClaim(
    string Kidc,
    string SurnameKm,
    string GivenNameKm,
    string? SurnameLatin,
    string? GivenNameLatin,
    string BirthDate,
    Sex? Sex = null)
{
    public DateOnly? AliveOn { get; init; }
    public bool Living { get; init; }
}

/// <summary>
/// The registry's answer to a <see cref="PersonClaim"/>. When confirmed, and only then, it also
/// tells the calling module whether the person's residence lies in the caller's area (what a read of
/// the person would tell the same caller) and, for the module's statistics, the residence village
/// code; neither is for showing to the clerk.
/// </summary>
public sealed record PersonConfirmation(bool Confirmed, bool ResidesInCallerArea = false, string? ResidenceVillageCode = null)
{
    public static readonly PersonConfirmation No = new(false);
}

/// <summary>A child as a registered birth gives it to the Population Registry.</summary>
public sealed record Newborn(
    string SurnameKm,
    string GivenNameKm,
    string SurnameLatin,
    string GivenNameLatin,
    Sex Sex,
    DateOnly BirthDate,
    string BirthPlaceCode,
    string ResidenceVillageCode,
    string? ResidenceAddress,
    string? MotherKidc,
    string? MotherNameKm,
    string? FatherKidc,
    string? FatherNameKm,
    string Reason);

/// <summary>The fields of a person that an approved civil registration correction may change; null leaves a field alone.</summary>
public sealed record PersonCorrection(
    string? SurnameKm,
    string? GivenNameKm,
    string? SurnameLatin,
    string? GivenNameLatin,
    Sex? Sex,
    DateOnly? BirthDate,
    string? BirthPlaceCode,
    string? MotherKidc,
    string? FatherKidc,
    string Reason)
{
    /// <summary>A corrected date of death (the person stays deceased).</summary>
    public DateOnly? DeathDate { get; init; }
}
