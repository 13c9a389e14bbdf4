using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.Platform.Audit;
using Nokor.Platform.Staff;

using Nokor.CivilRegistration.Contracts;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>One staff table (exact figures, same checks and audit as <see cref="GetStatistics"/>) as JSON, CSV or XLSX, in Khmer or English.</summary>
internal static class DownloadStatisticsTable
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/statistics/tables/{name}", async (string name, string? year, string? basis, string? area, string? format, string? lang,
                HttpContext http, StatisticsCalculator statistics, IAuditLog audit, CancellationToken ct) =>
            {
                if (StatisticsDownloads.Year(year, out var y) is { } bad)
                {
                    return bad;
                }

                var outcome = await GetStatistics.HandleAsync(y, basis, area, http.Actor(), statistics, audit, ct);
                return outcome.IsOk ? StatisticsDownloads.Download(outcome.Value!, name, format, lang) : outcome.ToHttp().Result;
            })
            .RequireAuthorization(CivilPolicies.Statistics)
            .WithName("VitalStatisticsTable")
            .WithSummary("One table as JSON, CSV or XLSX (format=json|csv|xlsx, lang=km|en)");
}
