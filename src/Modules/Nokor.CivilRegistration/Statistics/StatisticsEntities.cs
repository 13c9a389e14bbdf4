namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// A population estimate (the denominator of rates and coverage, NSPI 6.2.4): persons of one sex
/// and age band living in an area in a year, as loaded from the National Institute of Statistics'
/// projections (<c>nokor stats population FILE.csv</c>).
/// </summary>
internal sealed class PopulationEstimateEntity
{
    public int Year { get; set; }
    /// <summary>Gazetteer code: "" for the nation, 2 digits a province, 4 a district, 6 a commune.</summary>
    public required string AreaCode { get; set; }
    public required string Sex { get; set; }
    public int AgeFrom { get; set; }
    /// <summary>Inclusive; 150 for an open band ("85 and over").</summary>
    public int AgeTo { get; set; }
    public long Population { get; set; }
}

/// <summary>
/// The crude rates expected in an area (per 1,000 population), from surveys or projections: the
/// expected number of events is the rate times the population, the denominator of completeness.
/// The marriage and divorce rates are optional (a file of birth and death rates only leaves them
/// empty, and the completeness of marriage and divorce registration then has no denominator).
/// </summary>
internal sealed class ExpectedRateEntity
{
    public int Year { get; set; }
    public required string AreaCode { get; set; }
    public double CrudeBirthRate { get; set; }
    public double CrudeDeathRate { get; set; }
    /// <summary>Marriages expected per 1,000 population in the year.</summary>
    public double? CrudeMarriageRate { get; set; }
    /// <summary>Divorces expected per 1,000 population in the year.</summary>
    public double? CrudeDivorceRate { get; set; }
}

/// <summary>A service-level target for one step of the registration procedure (NSPI 8.4), set by an administrator.</summary>
internal sealed class ServiceTargetEntity
{
    public required string Step { get; set; }
    /// <summary>The step should take at most this many hours...</summary>
    public int MaxHours { get; set; }
    /// <summary>...for at least this share of cases, in percent.</summary>
    public int CompliancePercent { get; set; }
    public required string SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

/// <summary>
/// The published, privacy-safe tables of one year (NSPI 5.2.7 d: vital statistics on the web): a
/// snapshot taken when the statistics unit publishes, so public figures do not move under readers.
/// </summary>
internal sealed class StatisticsPublicationEntity
{
    public int Year { get; set; }
    /// <summary>The published tables as JSON (see <c>PublishedYear</c>).</summary>
    public required string Tables { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
}
