using Nokor.Platform.Errors;
using Nokor.Platform.Spreadsheets;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Contracts;

/// <summary>
/// Vital statistics from the registrations (NSPI 5.2.7, 6.2.2, 8.4) for the web pages, the command
/// line and the benchmarks: the staff tables of a year and an area (exact, audited, within the
/// caller's jurisdiction), publication and the published (protected) tables, the denominators,
/// the service-level reports and targets, and the charts, sheets and annual report made from tables.
/// </summary>
public interface IVitalStatistics
{
    /// <summary>
    /// Every table of the tabulation plan, rates, completeness and timeliness for a year (this year
    /// when null), a basis (occurrence when empty) and an area ("" or "national" for the nation), in
    /// exact figures. Only for areas the actor's office covers; the read is audited because exact
    /// small-area tables are derived from personal records.
    /// </summary>
    Task<Outcome<StatisticsSet>> GetAsync(int? year, string? basis, string? area, Actor actor, CancellationToken ct);

    /// <summary>
    /// The exact tables of a year for the statistics unit's own tool (the command line, run by an
    /// operator on the server), with the read of <paramref name="table"/> audited; the year, basis
    /// and area are checked as in <see cref="GetAsync"/>.
    /// </summary>
    Task<Outcome<StatisticsSet>> ExportAsync(string table, int? year, string? basis, string? area, Actor actor, CancellationToken ct);

    /// <summary>
    /// Publishes a year (NSPI 5.2.7 d): the protected tables of the nation and the provinces, by
    /// occurrence and by registration, frozen as they stand. <paramref name="progress"/> hears each area done.
    /// </summary>
    Task<Outcome<PublishedYear>> PublishAsync(int year, Actor actor, CancellationToken ct, IProgress<string>? progress = null);

    /// <summary>The published years, newest first.</summary>
    Task<IReadOnlyList<(int Year, DateTimeOffset PublishedAt)>> PublishedYearsAsync(CancellationToken ct);

    /// <summary>A published year's protected tables, or null when the year is not published.</summary>
    Task<PublishedYear?> GetPublishedAsync(int year, CancellationToken ct);

    /// <summary>Loads population estimates or expected crude rates from CSV (see <c>nokor stats denominators</c>).</summary>
    Task<Outcome<DenominatorsLoaded>> LoadDenominatorsAsync(string csv, CancellationToken ct);

    /// <summary>The service-level report of a period ("day", "week" or "month"; the actor's default when empty) around a date (today when empty) for an area the actor covers.</summary>
    Task<Outcome<ServiceReport>> ServiceReportAsync(string? period, string? date, string? area, Actor actor, CancellationToken ct);

    /// <summary>The period a report is for when none is asked: daily for offices, weekly for the national level.</summary>
    string DefaultServicePeriod(Actor actor);

    /// <summary>Sets a step's service-level target (administrators; audited).</summary>
    Task<Outcome<ServiceTarget>> SetServiceTargetAsync(string step, SetServiceTargetRequest request, Actor actor, CancellationToken ct);

    /// <summary>The charts of a set in one language, with an optional line under each title.</summary>
    IReadOnlyList<StatChartDefinition> Charts(StatisticsSet set, bool khmer, string? subtitle = null);

    /// <summary>A table as a spreadsheet table (for CSV or XLSX), titled with the set's area, year and basis.</summary>
    SheetTable Sheet(StatTable table, StatisticsSet set, bool khmer);

    /// <summary>The annual vital statistics report (PDF, Khmer and English) of a published year.</summary>
    byte[] AnnualReport(PublishedYear published);
}
