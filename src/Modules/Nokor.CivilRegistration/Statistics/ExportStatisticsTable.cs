using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// The exact tables of a year for one table's export by the statistics unit's own tool (the command
/// line, run by an operator on the server): the query is checked like the staff one, and the read is recorded.
/// </summary>
internal static class ExportStatisticsTable
{
    public static async Task<Outcome<StatisticsSet>> HandleAsync(
        string table, int? year, string? basis, string? area, Actor actor, StatisticsCalculator statistics, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (y, b, a) = await statistics.CheckAsync(year, basis, area, errors);
        if (errors.Any)
        {
            return Outcome<StatisticsSet>.Invalid(errors);
        }

        // Exact tables come from personal records: the command line's reads are recorded too.
        await audit.AppendAsync(new AuditEvent(actor, "civil.statistics.read", "statistics",
            $"{y}/{b}/{(a.Length == 0 ? "national" : a)}", "vital statistics", AuditDetails.Of(new { table })), ct);
        return Outcome<StatisticsSet>.Ok(await statistics.ComputeAsync(y, b, a, ct));
    }
}
