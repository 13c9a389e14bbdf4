using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Spreadsheets;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>The statistics door for the web pages, the command line and the benchmarks: each member calls one use case.</summary>
internal sealed class VitalStatistics(
    CivilDbContext db, StatisticsCalculator statistics, DenominatorLoader loader, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock) : IVitalStatistics
{
    public Task<Outcome<StatisticsSet>> GetAsync(int? year, string? basis, string? area, Actor actor, CancellationToken ct) =>
        GetStatistics.HandleAsync(year, basis, area, actor, statistics, audit, ct);

    public Task<Outcome<StatisticsSet>> ExportAsync(string table, int? year, string? basis, string? area, Actor actor, CancellationToken ct) =>
        ExportStatisticsTable.HandleAsync(table, year, basis, area, actor, statistics, audit, ct);

    public Task<Outcome<PublishedYear>> PublishAsync(int year, Actor actor, CancellationToken ct, IProgress<string>? progress = null) =>
        PublishStatistics.HandleAsync(year, actor, db, statistics, gazetteer, audit, clock, ct, progress);

    public Task<IReadOnlyList<(int Year, DateTimeOffset PublishedAt)>> PublishedYearsAsync(CancellationToken ct) =>
        GetPublishedYears.HandleAsync(db, ct);

    public Task<PublishedYear?> GetPublishedAsync(int year, CancellationToken ct) =>
        GetPublishedStatistics.HandleAsync(year, db, ct);

    public Task<Outcome<DenominatorsLoaded>> LoadDenominatorsAsync(string csv, CancellationToken ct) =>
        LoadDenominators.HandleAsync(csv, loader, ct);

    public Task<Outcome<ServiceReport>> ServiceReportAsync(string? period, string? date, string? area, Actor actor, CancellationToken ct) =>
        GetServiceReport.HandleAsync(period, date, area, actor, db, gazetteer, audit, clock, ct);

    public string DefaultServicePeriod(Actor actor) => GetServiceReport.DefaultPeriod(actor);

    public Task<Outcome<ServiceTarget>> SetServiceTargetAsync(string step, SetServiceTargetRequest request, Actor actor, CancellationToken ct) =>
        SetServiceTarget.HandleAsync(step, request, actor, db, audit, clock, ct);

    public IReadOnlyList<StatChartDefinition> Charts(StatisticsSet set, bool khmer, string? subtitle = null) => StatCharts.For(set, khmer, subtitle);

    public SheetTable Sheet(StatTable table, StatisticsSet set, bool khmer) => StatExport.Sheet(table, set, khmer);

    public byte[] AnnualReport(PublishedYear published) => Statistics.AnnualReport.Render(published);
}
