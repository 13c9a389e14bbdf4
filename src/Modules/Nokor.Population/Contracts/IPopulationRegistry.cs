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

    /// <summary>Several persons at once (the parents of a birth), each read audited, the audit entries committed together.</summary>
    Task<IReadOnlyDictionary<string, PersonRecord>> FindManyAsync(IReadOnlyCollection<string> kidcs, Actor actor, string purpose, CancellationToken ct);

    /// <summary>Registers a newborn and issues their KIDC; the same reference returns the same person.</summary>
    Task<Outcome<PersonRecord>> RegisterNewbornAsync(Newborn newborn, Actor actor, string reference, CancellationToken ct);

    /// <summary>Records a death: the person becomes deceased and keeps their KIDC, which is never reused.</summary>
    Task<Outcome<PersonRecord>> RecordDeathAsync(string kidc, DateOnly deathDate, Actor actor, string reference, CancellationToken ct);

    /// <summary>Applies a correction from an approved civil registration correction (names, sex, birth date or place, parents).</summary>
    Task<Outcome<PersonRecord>> CorrectAsync(string kidc, PersonCorrection correction, Actor actor, string reference, CancellationToken ct);
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
