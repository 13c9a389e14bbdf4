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
