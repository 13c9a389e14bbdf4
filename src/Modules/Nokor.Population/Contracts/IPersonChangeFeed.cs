namespace Nokor.Population.Contracts;

/// <summary>
/// The Population Registry's change feed, for read stores that other modules keep of the registry
/// (the verification service's projection, NSPI 6.4 "unified data distribution system"). It is a
/// replication channel between the registry and a store with the same protection, not an access to
/// a person by a user: reads of the feed are not audited one by one, and every answer a read store
/// gives from the data is audited where it is given. Only modules may use it, in process.
/// </summary>
public interface IPersonChangeFeed
{
    /// <summary>
    /// Changes after <paramref name="position"/>, in feed order, at most <paramref name="max"/>,
    /// each with the person's current facts (which are at least as new as the change). A change
    /// whose transaction is still open when this reads may appear later with a lower position than
    /// one already read: readers apply facts by version and keep reading behind gaps for a while.
    /// </summary>
    Task<IReadOnlyList<PersonChange>> ReadAsync(long position, int max, CancellationToken ct);

    /// <summary>The position of the newest change, 0 when there is none.</summary>
    Task<long> HeadAsync(CancellationToken ct);

    /// <summary>Every person's current facts in KIDC order, after <paramref name="afterKidc"/>, at most <paramref name="max"/>: for building a read store from scratch.</summary>
    Task<IReadOnlyList<PersonFacts>> SnapshotAsync(string? afterKidc, int max, CancellationToken ct);
}

/// <summary>One committed change of a person: its feed position, when it was made, and the person's facts now.</summary>
public sealed record PersonChange(long Position, DateTimeOffset At, PersonFacts Person);

/// <summary>
/// The facts a verification read store needs: the minimal data set of NSPI 6.3 without parents,
/// documents or address lines. <see cref="PersonId"/> is stable; a person's KIDC may be replaced
/// (a voided code), never reused.
/// </summary>
public sealed record PersonFacts(
    Guid PersonId,
    string Kidc,
    int Version,
    string SurnameKm,
    string GivenNameKm,
    string SurnameLatin,
    string GivenNameLatin,
    Sex Sex,
    int BirthYear,
    int? BirthMonth,
    int? BirthDay,
    string? BirthPlaceCode,
    string? BirthCountry,
    string Nationality,
    string ResidenceVillageCode,
    LifeStatus LifeStatus,
    DateOnly? DeathDate);
