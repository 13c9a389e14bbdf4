using Nokor.Population.Contracts;

namespace Nokor.Population.Generation;

/// <summary>
/// One generated person before storage. Everything here comes from the seeded demographic draws
/// except <see cref="Id"/>, <see cref="Kidc"/> and the ID card number, which are assigned when
/// the batch is stored.
/// </summary>
internal sealed class SyntheticPerson
{
    public Guid Id { get; set; }
    public string Kidc { get; set; } = "";

    public required NameEntry Surname { get; init; }
    public required NameEntry GivenName { get; init; }
    public Sex Sex { get; init; }

    /// <summary>The true date of birth, used for the family arithmetic.</summary>
    public DateOnly BirthDate { get; init; }
    /// <summary>False when the record only knows the year or the month (old paper records).</summary>
    public bool BirthMonthKnown { get; set; } = true;
    public bool BirthDayKnown { get; set; } = true;

    public string? BirthPlaceCode { get; set; }
    public string? BirthCountry { get; set; }
    public string Nationality { get; set; } = "KH";
    public CitizenshipStatus CitizenshipStatus { get; set; } = CitizenshipStatus.CitizenByBirth;
    public MaritalStatus MaritalStatus { get; set; } = MaritalStatus.NeverMarried;

    public SyntheticPerson? Father { get; set; }
    public SyntheticPerson? Mother { get; set; }
    /// <summary>The father's Khmer name when he is not in the registry (for example after a divorce).</summary>
    public string? FatherNameKm { get; set; }

    /// <summary>
    /// Set on a wife whose husband is in the registry too: the couple's spouse links (one row for
    /// each) are written with her, after him, so that both KIDCs are known.
    /// </summary>
    public SyntheticPerson? Husband { get; set; }
    public DateOnly MarriedOn { get; set; }

    public required string ResidenceVillageCode { get; init; }
    public string? ResidenceAddress { get; init; }

    public LifeStatus LifeStatus { get; set; } = LifeStatus.Alive;
    public DateOnly? DeathDate { get; set; }

    /// <summary>Issue date of a Khmer ID card, when the person holds one.</summary>
    public DateOnly? IdCardIssuedOn { get; set; }
    public string? IdCardNumber { get; set; }

    /// <summary>Derived columns, filled in by <see cref="SyntheticRows.Prepare"/> once the KIDCs are known.</summary>
    public string NameKmKey { get; set; } = "";
    public string NameLatinKey { get; set; } = "";
    public string Snapshot { get; set; } = "";

    public bool IsForeignResident => CitizenshipStatus == CitizenshipStatus.ForeignResident;

    public int BirthYear => BirthDate.Year;
    public int? BirthMonth => BirthMonthKnown ? BirthDate.Month : null;
    public int? BirthDay => BirthMonthKnown && BirthDayKnown ? BirthDate.Day : null;

    /// <summary>yyyy-MM-dd, yyyy-MM or yyyy, as much as the record knows.</summary>
    public string BirthDateText => !BirthMonthKnown
        ? BirthDate.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : !BirthDayKnown
            ? BirthDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
            : BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
