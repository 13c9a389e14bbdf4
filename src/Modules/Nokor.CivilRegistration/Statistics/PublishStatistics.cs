using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// Publication (NSPI 5.2.7 d, 6.2.2: "an accurate, complete and timely vital statistics report ...
/// in the public domain"): the statistics unit publishes a year; its protected tables for the nation
/// and the provinces are frozen as they stood, and only those reach the public page and open data.
/// Districts and communes are not published: their counts are too small to protect well.
/// </summary>
internal static class PublishStatistics
{
    /// <summary>How a publication's tables are stored (and read back by <see cref="GetPublishedStatistics"/>).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Outcome<PublishedYear>> HandleAsync(
        int year, Actor actor, CivilDbContext db, StatisticsCalculator statistics, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock,
        CancellationToken ct, IProgress<string>? progress = null)
    {
        var errors = new FieldErrors();
        var (y, _, _) = await statistics.CheckAsync(year, null, null, errors);
        if (errors.Any)
        {
            return Outcome<PublishedYear>.Invalid(errors);
        }

        var areas = new List<string> { "" };
        areas.AddRange((await gazetteer.ChildrenAsync(null, ct)).Select(u => u.Code).Order(StringComparer.Ordinal));
        var sets = new List<StatisticsSet>();
        foreach (var basis in new[] { TabulationBasis.Occurrence, TabulationBasis.Registration })
        {
            var computed = await statistics.ComputeManyAsync(y, basis, areas, ct,
                progress is null ? null : new Relay(area => progress.Report($"{area} ({basis.ToString().ToLowerInvariant()})")));
            sets.AddRange(computed.Select(StatisticsCalculator.Protect));
        }

        var now = clock.GetUtcNow();
        var published = new PublishedYear(y, now, sets);
        var entity = await db.Publications.FirstOrDefaultAsync(p => p.Year == y, ct);
        if (entity is null)
        {
            entity = new StatisticsPublicationEntity { Year = y, Tables = "", PublishedBy = actor.Id };
            db.Publications.Add(entity);
        }

        entity.Tables = JsonSerializer.Serialize(published, Json);
        entity.PublishedAt = now;
        entity.PublishedBy = actor.Id;
        await audit.AppendAsync(new AuditEvent(actor, "civil.statistics.publish", "statistics", y.ToString(System.Globalization.CultureInfo.InvariantCulture), "vital statistics publication"), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<PublishedYear>.Ok(published);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/statistics/publications/{year:int}", async (int year, HttpContext http, CivilDbContext db, StatisticsCalculator statistics,
                GazetteerService gazetteer, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(year, http.Actor(), db, statistics, gazetteer, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Publish)
            .WithName("PublishVitalStatistics")
            .WithSummary("Publish a year's protected tables (nation and provinces) for the public page and open data");

    private sealed class Relay(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
