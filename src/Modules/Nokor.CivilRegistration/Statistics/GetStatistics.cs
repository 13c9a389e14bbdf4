using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Contracts;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// The staff tables (NSPI 5.2.7, 6.2.2): every table of the tabulation plan, rates, completeness
/// and timeliness for a year, by year of occurrence or of registration, for the nation, a province,
/// a district or a commune (by place of usual residence), in exact figures, for areas the caller's
/// office covers.
/// </summary>
internal static class GetStatistics
{
    public static async Task<Outcome<StatisticsSet>> HandleAsync(
        int? year, string? basis, string? area, Actor actor, StatisticsCalculator statistics, IAuditLog audit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (y, b, a) = await statistics.CheckAsync(year, basis, area, errors);
        if (errors.Any)
        {
            return Outcome<StatisticsSet>.Invalid(errors);
        }

        if (!actor.Jurisdiction.IsNational && !(a.Length > 0 && actor.Jurisdiction.Covers(a)))
        {
            return Outcome<StatisticsSet>.Invalid("area", $"Your office sees statistics for its own area ({actor.Jurisdiction.AreaCode}) and the areas inside it.");
        }

        // Exact small-area tables are derived from personal records: reading them is recorded.
        await audit.AppendAsync(new AuditEvent(actor, "civil.statistics.read", "statistics", $"{y}/{b}/{(a.Length == 0 ? "national" : a)}", "vital statistics"), ct);
        return Outcome<StatisticsSet>.Ok(await statistics.ComputeAsync(y, b, a, ct));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/statistics", async (string? year, string? basis, string? area, HttpContext http, StatisticsCalculator statistics, IAuditLog audit, CancellationToken ct) =>
                StatisticsDownloads.Year(year, out var y) is { } bad ? bad : (await HandleAsync(y, basis, area, http.Actor(), statistics, audit, ct)).ToHttp().Result)
            .RequireAuthorization(CivilPolicies.Statistics)
            .WithName("VitalStatistics")
            .WithSummary("Every table of the tabulation plan, rates, completeness and timeliness for a year and an area (exact figures)");
}
