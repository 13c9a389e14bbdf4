using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Errors;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>A published year's protected tables, as frozen by <see cref="PublishStatistics"/> (public).</summary>
internal static class GetPublishedStatistics
{
    public static async Task<PublishedYear?> HandleAsync(int year, CivilDbContext db, CancellationToken ct)
    {
        var json = await db.Publications.AsNoTracking().Where(p => p.Year == year).Select(p => p.Tables).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<PublishedYear>(json, PublishStatistics.Json);
    }

    /// <summary>The published set of the nation ("") or a province, by occurrence unless the basis says registration.</summary>
    public static async Task<StatisticsSet?> SetAsync(int year, string? area, string? basis, CivilDbContext db, CancellationToken ct)
    {
        var b = basis is { Length: > 0 } && Enum.TryParse<TabulationBasis>(basis, true, out var parsed) ? parsed : TabulationBasis.Occurrence;
        return (await HandleAsync(year, db, ct))?.Set(area?.Trim() ?? "", b);
    }

    public static IResult NotPublished(int year, string? area) => TypedResults.NotFound(new ProblemDetails
    {
        Type = Problems.NotFound, Title = "Not published.", Status = StatusCodes.Status404NotFound,
        Detail = $"No published vital statistics for {year}{(string.IsNullOrEmpty(area) ? "" : $" and area {area}")} (the nation and provinces are published).",
    });

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{year:int}", async (int year, string? area, string? basis, CivilDbContext db, CancellationToken ct) =>
                await SetAsync(year, area, basis, db, ct) is { } set ? Results.Ok(set) : NotPublished(year, area))
            .WithName("PublishedStatistics")
            .WithSummary("A published year's protected tables for the nation or a province (area=CODE), by occurrence or registration");
}
