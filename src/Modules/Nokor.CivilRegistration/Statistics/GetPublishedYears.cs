using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Data;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>The years whose vital statistics are published, newest first (public).</summary>
internal static class GetPublishedYears
{
    public static async Task<IReadOnlyList<(int Year, DateTimeOffset PublishedAt)>> HandleAsync(CivilDbContext db, CancellationToken ct) =>
        (await db.Publications.AsNoTracking().Select(p => new { p.Year, p.PublishedAt }).ToListAsync(ct))
        .OrderByDescending(p => p.Year).Select(p => (p.Year, p.PublishedAt)).ToList();

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async (CivilDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await HandleAsync(db, ct)).Select(p => new { year = p.Year, publishedAt = p.PublishedAt })))
            .WithName("PublishedStatisticsYears")
            .WithSummary("The years whose vital statistics are published");
}
