using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.CivilRegistration.Registrations;
using Nokor.Platform.Audit;
using Nokor.Platform.Dates;
using Nokor.Platform.Errors;
using Nokor.Platform.Gazetteer;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// Service-level monitoring (NSPI 8.4): a report that shows each office's actual performance
/// against the targets per step (<see cref="SetServiceTarget"/>), the offices that miss them first.
/// </summary>
internal static class GetServiceReport
{
    /// <summary>The period around a date: the day, its week (Monday to Sunday) or its month, in Cambodia.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(string period, DateOnly date) => period switch
    {
        "day" => (date, date),
        "week" => (date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), date.AddDays(-(((int)date.DayOfWeek + 6) % 7) + 6)),
        _ => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
    };

    public static async Task<Outcome<ServiceReport>> HandleAsync(
        string? period, string? date, string? area, Actor actor, CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var p = period is null or "" ? DefaultPeriod(actor) : period;
        if (p is not ("day" or "week" or "month"))
        {
            errors.Add("period", "The period is day, week or month.");
        }

        var today = CambodiaTime.DateOf(clock.GetUtcNow());
        var on = today;
        if (date is { Length: > 0 } && !DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out on))
        {
            errors.Add("date", "The date is written yyyy-MM-dd.");
        }
        else if (on > today)
        {
            errors.Add("date", "The date is in the future.");
        }

        var a = area?.Trim() is { Length: > 0 } given ? given : actor.Jurisdiction.AreaCode ?? "";
        if (a.Length > 0 && !await gazetteer.ExistsAsync(a, AdminLevel.Province, AdminLevel.District, AdminLevel.Commune))
        {
            errors.Add("area", "The area is a province, district or commune code of the gazetteer.");
        }
        else if (!actor.Jurisdiction.IsNational && !(a.Length > 0 && actor.Jurisdiction.Covers(a)))
        {
            errors.Add("area", "Your office sees the reports of its own area and the offices inside it.");
        }

        if (errors.Any)
        {
            return Outcome<ServiceReport>.Invalid(errors);
        }

        await audit.AppendAsync(new AuditEvent(actor, "civil.service-report.read", "service-report", $"{p}/{on:yyyy-MM-dd}/{(a.Length == 0 ? "national" : a)}", "service-level monitoring"), ct);
        return Outcome<ServiceReport>.Ok(await ComputeAsync(p, on, a, db, gazetteer, ct));
    }

    /// <summary>Commune offices get their daily report, district and province supervisors daily too, the national level weekly.</summary>
    public static string DefaultPeriod(Actor actor) => actor.Jurisdiction.IsNational ? "week" : "day";

    public static async Task<ServiceReport> ComputeAsync(string period, DateOnly on, string area, CivilDbContext db, GazetteerService gazetteer, CancellationToken ct)
    {
        var (from, to) = PeriodOf(period, on);
        // PostgreSQL takes instants in UTC only.
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), CambodiaTime.Offset).ToUniversalTime();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), CambodiaTime.Offset).ToUniversalTime();
        var targets = await GetServiceTargets.HandleAsync(db, ct);
        var query = db.VitalFacts.AsNoTracking().Where(f => f.EnteredAt < end &&
            (f.VerifiedAt == null || f.VerifiedAt >= start || f.DecidedAt == null || f.DecidedAt >= start ||
             (f.Status == RegistrationStatus.Approved && (f.FirstCertificateAt == null || f.FirstCertificateAt >= start))));
        if (area.Length > 0)
        {
            query = query.Where(f => f.OfficeCode.StartsWith(area));
        }

        var facts = await query.Select(f => new Timing(f.OfficeCode, f.Status, f.EnteredAt, f.VerifiedAt, f.DecidedAt, f.FirstCertificateAt)).ToListAsync(ct);
        var corrections = await (from c in db.Corrections.AsNoTracking()
                                 join r in db.Registrations.AsNoTracking() on c.RegistrationId equals r.Id
                                 where c.RequestedAt >= start && c.RequestedAt < end && (area.Length == 0 || r.OfficeCode.StartsWith(area))
                                 select r.OfficeCode).ToListAsync(ct);
        var correctionCounts = corrections.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var offices = facts.Select(f => f.OfficeCode).Concat(correctionCounts.Keys).Distinct().Order(StringComparer.Ordinal).ToList();

        ServiceOfficeLine Line(string code, string km, string en, IEnumerable<Timing> own, int corrected)
        {
            var list = own.ToList();
            var steps = new List<ServiceStepLine>();
            foreach (var t in targets)
            {
                var done = new List<double>();
                var overdue = 0;
                foreach (var f in list)
                {
                    var (begin, finish) = t.Step switch
                    {
                        ServiceSteps.Verification => ((DateTimeOffset?)f.EnteredAt, f.VerifiedAt),
                        ServiceSteps.Decision => (f.VerifiedAt, f.DecidedAt),
                        _ => (f.Status == RegistrationStatus.Approved ? f.DecidedAt : null, f.FirstCertificateAt),
                    };
                    if (begin is null)
                    {
                        continue;
                    }

                    if (finish is { } fin && fin >= start && fin < end)
                    {
                        done.Add((fin - begin.Value).TotalHours);
                    }
                    else if ((finish is null || finish >= end) && (end - begin.Value).TotalHours > t.MaxHours)
                    {
                        overdue++;
                    }
                }

                done.Sort();
                double? median = done.Count == 0 ? null : Math.Round(done.Count % 2 == 1 ? done[done.Count / 2] : (done[(done.Count / 2) - 1] + done[done.Count / 2]) / 2, 1);
                double? within = done.Count == 0 ? null : Math.Round(100.0 * done.Count(h => h <= t.MaxHours) / done.Count, 1);
                // Cases still waiting past the target count against the office as misses.
                var judged = done.Count + overdue;
                bool? met = judged == 0 ? null : 100.0 * done.Count(h => h <= t.MaxHours) / judged >= t.CompliancePercent;
                steps.Add(new ServiceStepLine(t.Step, done.Count, median, within, overdue, met));
            }

            var decided = list.Count(f => f.DecidedAt >= start && f.DecidedAt < end);
            var rejected = list.Count(f => f.Status == RegistrationStatus.Rejected && f.DecidedAt >= start && f.DecidedAt < end);
            return new ServiceOfficeLine(code, km, en, steps, decided, rejected, corrected, steps.Any(s => s.Met == false));
        }

        var lines = new List<ServiceOfficeLine>();
        foreach (var code in offices)
        {
            var unit = await gazetteer.GetAsync(code, ct);
            lines.Add(Line(code, unit?.NameKm ?? code, unit?.NameLatin ?? code, facts.Where(f => f.OfficeCode == code), correctionCounts.GetValueOrDefault(code)));
        }

        var overall = Line(area, "សរុប", "All offices", facts, corrections.Count);
        return new ServiceReport(period, from, to, area, targets,
            lines.OrderByDescending(l => l.MissesTargets).ThenBy(l => l.OfficeCode, StringComparer.Ordinal).ToList(), overall);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/statistics/service-report", async (string? period, string? date, string? area, HttpContext http, CivilDbContext db,
                GazetteerService gazetteer, IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(period, date, area, http.Actor(), db, gazetteer, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.ServiceReports)
            .WithName("ServiceLevelReport")
            .WithSummary("Service levels per office for a day, week or month against the targets; the offices that miss them first");

    private sealed record Timing(string OfficeCode, RegistrationStatus Status, DateTimeOffset EnteredAt, DateTimeOffset? VerifiedAt, DateTimeOffset? DecidedAt, DateTimeOffset? FirstCertificateAt);
}
