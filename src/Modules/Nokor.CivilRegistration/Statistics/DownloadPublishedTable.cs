using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nokor.CivilRegistration.Data;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>One published table (public): open data as CSV with row keys by default, or the report forms.</summary>
internal static class DownloadPublishedTable
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{year:int}/{name}", async (int year, string name, string? area, string? basis, string? format, string? lang, CivilDbContext db, CancellationToken ct) =>
                await GetPublishedStatistics.SetAsync(year, area, basis, db, ct) is { } set
                    ? StatisticsDownloads.Download(set, name, format ?? "csv", lang, data: format is null or "csv")
                    : GetPublishedStatistics.NotPublished(year, area))
            .WithName("PublishedStatisticsTable")
            .WithSummary("One published table: open data as CSV (keys, one header line) by default, or format=json|xlsx|report-csv");
}
