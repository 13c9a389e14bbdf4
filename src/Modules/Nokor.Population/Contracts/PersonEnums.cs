namespace Nokor.Population.Contracts;

/// <summary>Sex as recorded at birth registration (CRVS).</summary>
public enum Sex
{
    Male,
    Female,
}

/// <summary>How the person holds Cambodian citizenship (NSPI glossary: citizen, stateless; 6.3.5 nationality).</summary>
public enum CitizenshipStatus
{
    /// <summary>Cambodian by birth.</summary>
    CitizenByBirth,
    /// <summary>Cambodian by naturalization through the Nationality Management System.</summary>
    Naturalized,
    /// <summary>A foreigner living and working in Cambodia for a prolonged period (NSPI 6.3.2).</summary>
    ForeignResident,
    /// <summary>Recognised by no state (NSPI glossary 13).</summary>
    Stateless,
    /// <summary>Not yet determined, for example an old record under review.</summary>
    Undetermined,
}

public enum MaritalStatus
{
    NeverMarried,
    Married,
    Divorced,
    Widowed,
    Separated,
    Unknown,
}

public enum LifeStatus
{
    Alive,
    Deceased,
}

/// <summary>
/// The system a change came from. The Population Registry is the hub that the source systems
/// feed (NSPI 6.3.3); every version names its source.
/// </summary>
public enum ChangeSource
{
    Crvs,
    Residence,
    IdCard,
    Passport,
    Nationality,
    ManualCorrection,
}

/// <summary>Identity documents issued by the authorities and recorded against the person (NSPI glossary 1).</summary>
public enum DocumentType
{
    KhmerIdCard,
    Passport,
    BirthCertificate,
    ResidenceBook,
    FamilyBook,
    NationalityCertificate,
    ResidencePermit,
}
