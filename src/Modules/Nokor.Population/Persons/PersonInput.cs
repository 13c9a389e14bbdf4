namespace Nokor.Population.Persons;

/// <summary>
/// The fields of a person as a caller sends them, all as text so that every bad value is reported
/// against its field name rather than failing the whole body. On update a null field means
/// "unchanged".
/// </summary>
public record PersonFields
{
    public string? SurnameKm { get; init; }
    public string? GivenNameKm { get; init; }
    public string? SurnameLatin { get; init; }
    public string? GivenNameLatin { get; init; }
    /// <summary>Male or Female.</summary>
    public string? Sex { get; init; }
    /// <summary>yyyy-MM-dd, or yyyy-MM or yyyy for old records.</summary>
    public string? BirthDate { get; init; }
    /// <summary>Gazetteer village or commune code of the place of birth in Cambodia.</summary>
    public string? BirthPlaceCode { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country of birth when born abroad.</summary>
    public string? BirthCountry { get; init; }
    /// <summary>ISO 3166-1 alpha-2; KH when omitted at registration.</summary>
    public string? Nationality { get; init; }
    /// <summary>CitizenByBirth, Naturalized, ForeignResident, Stateless or Undetermined.</summary>
    public string? CitizenshipStatus { get; init; }
    /// <summary>NeverMarried, Married, Divorced, Widowed, Separated or Unknown.</summary>
    public string? MaritalStatus { get; init; }
    public string? FatherKidc { get; init; }
    public string? MotherKidc { get; init; }
    /// <summary>Father's name in Khmer, when his KIDC is not known.</summary>
    public string? FatherNameKm { get; init; }
    public string? MotherNameKm { get; init; }
    /// <summary>Gazetteer village code of the declared residence.</summary>
    public string? ResidenceVillageCode { get; init; }
    public string? ResidenceAddress { get; init; }
}
