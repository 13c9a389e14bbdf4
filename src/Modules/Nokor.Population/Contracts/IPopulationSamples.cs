namespace Nokor.Population.Contracts;

/// <summary>
/// Samples of the registry for synthetic workloads (demo data, benchmarks, `nokor civil generate`):
/// real couples and living persons to register births and deaths for. Never used by a user-facing
/// procedure; reading through it is not a person read and is not audited per person.
/// </summary>
public interface IPopulationSamples
{
    /// <summary>Up to <paramref name="count"/> distinct living mothers of childbearing age (18-45) with the father of one of their children, at random.</summary>
    Task<IReadOnlyList<SampleCouple>> CouplesAsync(int count, CancellationToken ct);

    /// <summary>Up to <paramref name="count"/> living persons aged at least <paramref name="minAge"/>, at random.</summary>
    Task<IReadOnlyList<SamplePerson>> LivingAsync(int count, int minAge, CancellationToken ct);

    /// <summary>A given name from the registry's name lists (Khmer and its romanization).</summary>
    (string Km, string Latin) GivenName(Sex sex, Random random);
}

/// <summary>
/// A sampled person as an informant would describe them to a registration office: KIDC, names and
/// date of birth (yyyy, yyyy-MM or yyyy-MM-dd, as the registry knows it).
/// </summary>
public sealed record SampleIdentity(string Kidc, string SurnameKm, string GivenNameKm, string SurnameLatin, string GivenNameLatin, string BirthDate);

public sealed record SampleCouple(SampleIdentity Mother, SampleIdentity Father, string ResidenceVillageCode, string? ResidenceAddress)
{
    public string MotherKidc => Mother.Kidc;
    public string FatherKidc => Father.Kidc;
    public string FatherSurnameKm => Father.SurnameKm;
    public string FatherSurnameLatin => Father.SurnameLatin;
}

public sealed record SamplePerson(SampleIdentity Identity, Sex Sex, int BirthYear, string ResidenceVillageCode)
{
    public string Kidc => Identity.Kidc;
}
