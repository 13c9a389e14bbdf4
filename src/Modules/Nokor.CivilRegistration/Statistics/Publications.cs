using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>The published tables of a year: the nation and each province, protected, by year of occurrence and of registration.</summary>
public sealed record PublishedYear(int Year, DateTimeOffset PublishedAt, IReadOnlyList<StatisticsSet> Sets)
{
    public StatisticsSet? Set(string area, TabulationBasis basis) => Sets.FirstOrDefault(s => s.AreaCode == area && s.Basis == basis);
}

/// <summary>
/// Publication (NSPI 5.2.7 d, 6.2.2: "an accurate, complete and timely vital statistics report ...
/// in the public domain"): the statistics unit publishes a year; its protected tables for the nation
/// and the provinces are frozen as they stood, and only those reach the public page and open data.
/// Districts and communes are not published: their counts are too small to protect well.
/// </summary>
internal sealed class Publications(CivilDbContext db, StatisticsService statistics, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<PublishedYear>> PublishAsync(int year, Actor actor, CancellationToken ct, IProgress<string>? progress = null)
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
            sets.AddRange(computed.Select(StatisticsService.Protect));
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

    public async Task<IReadOnlyList<(int Year, DateTimeOffset PublishedAt)>> YearsAsync(CancellationToken ct) =>
        (await db.Publications.AsNoTracking().Select(p => new { p.Year, p.PublishedAt }).ToListAsync(ct))
        .OrderByDescending(p => p.Year).Select(p => (p.Year, p.PublishedAt)).ToList();

    public async Task<PublishedYear?> GetAsync(int year, CancellationToken ct)
    {
        var json = await db.Publications.AsNoTracking().Where(p => p.Year == year).Select(p => p.Tables).FirstOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<PublishedYear>(json, Json);
    }

    private sealed class Relay(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
