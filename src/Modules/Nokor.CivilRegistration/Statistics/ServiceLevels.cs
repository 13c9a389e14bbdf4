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

/// <summary>The steps of the procedure that have a service-level target (NSPI 8.4).</summary>
public static class ServiceSteps
{
    /// <summary>From the application entered to its verification by a second member of staff.</summary>
    public const string Verification = "verification";
    /// <summary>From verification to the registrar's decision (approval or rejection).</summary>
    public const string Decision = "decision";
    /// <summary>From approval to the first certificate printed.</summary>
    public const string Certificate = "certificate";

    public static readonly string[] All = [Verification, Decision, Certificate];

    public static StatLabel Label(string step) => step switch
    {
        Verification => new(step, "ពីពាក្យស្នើដល់ការផ្ទៀងផ្ទាត់", "Application to verification"),
        Decision => new(step, "ពីការផ្ទៀងផ្ទាត់ដល់សេចក្ដីសម្រេច", "Verification to decision"),
        _ => new(step, "ពីការអនុម័តដល់សំបុត្រ", "Approval to certificate"),
    };
}

/// <summary>A target as it applies: the step should take at most MaxHours for CompliancePercent of cases.</summary>
public sealed record ServiceTarget(string Step, int MaxHours, int CompliancePercent, string? SetBy, DateTimeOffset? SetAt);

public sealed record SetServiceTargetRequest(int? MaxHours, int? CompliancePercent);

/// <summary>One step at one office over the period.</summary>
public sealed record ServiceStepLine(string Step, int Completed, double? MedianHours, double? WithinTargetPercent, int Overdue, bool? Met);

/// <summary>One office's line: each step against its target, rejections and corrections, and the action the report asks for.</summary>
public sealed record ServiceOfficeLine(
    string OfficeCode, string NameKm, string NameEn, IReadOnlyList<ServiceStepLine> Steps, int Decided, int Rejections, int Corrections, bool MissesTargets)
{
    /// <summary>NSPI 8.4: a report "clearly indicates action": acknowledgment, or a request for managerial action.</summary>
    public string Action => MissesTargets ? "managerial-action" : Steps.All(s => s.Completed == 0) && Decided == 0 ? "no-activity" : "acknowledged";
}

/// <summary>A service-level report for a day, a week or a month, for the offices inside an area.</summary>
public sealed record ServiceReport(
    string Period, DateOnly From, DateOnly To, string AreaCode, IReadOnlyList<ServiceTarget> Targets,
    IReadOnlyList<ServiceOfficeLine> Offices, ServiceOfficeLine Overall)
{
    /// <summary>The audience NSPI 8.4 gives each period: staff and supervisors daily, upper management weekly, supervisory bodies monthly.</summary>
    public string Audience => Period switch { "day" => "staff-and-supervisors", "week" => "upper-management", _ => "supervisory-bodies" };
}

/// <summary>
/// Service-level monitoring (NSPI 8.4): targets per step set by administrators, and reports that
/// show each office's actual performance against them, the offices that miss them first.
/// </summary>
internal sealed class ServiceLevels(CivilDbContext db, GazetteerService gazetteer, IAuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, (int Hours, int Percent)> Defaults = new Dictionary<string, (int, int)>
    {
        [ServiceSteps.Verification] = (24, 90), [ServiceSteps.Decision] = (48, 90), [ServiceSteps.Certificate] = (24, 90),
    };

    public async Task<IReadOnlyList<ServiceTarget>> TargetsAsync(CancellationToken ct)
    {
        var set = await db.ServiceTargets.AsNoTracking().ToDictionaryAsync(t => t.Step, ct);
        return ServiceSteps.All.Select(s => set.TryGetValue(s, out var t)
            ? new ServiceTarget(s, t.MaxHours, t.CompliancePercent, t.SetBy, t.SetAt)
            : new ServiceTarget(s, Defaults[s].Hours, Defaults[s].Percent, null, null)).ToList();
    }

    public async Task<Outcome<ServiceTarget>> SetTargetAsync(string step, SetServiceTargetRequest request, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!ServiceSteps.All.Contains(step))
        {
            return Outcome<ServiceTarget>.NotFound($"No such step; the steps are {string.Join(", ", ServiceSteps.All)}.");
        }

        if (request.MaxHours is not (>= 1 and <= 24 * 365))
        {
            errors.Add("maxHours", "The target is a number of hours from 1 to 8760.");
        }

        if (request.CompliancePercent is not (>= 1 and <= 100))
        {
            errors.Add("compliancePercent", "The share of cases that must meet the target is a percentage from 1 to 100.");
        }

        if (errors.Any)
        {
            return Outcome<ServiceTarget>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var target = await db.ServiceTargets.FirstOrDefaultAsync(t => t.Step == step, ct);
        var before = target is null ? null : $"{target.MaxHours}h/{target.CompliancePercent}%";
        if (target is null)
        {
            target = new ServiceTargetEntity { Step = step, SetBy = actor.Id };
            db.ServiceTargets.Add(target);
        }

        target.MaxHours = request.MaxHours!.Value;
        target.CompliancePercent = request.CompliancePercent!.Value;
        target.SetBy = actor.Id;
        target.SetAt = now;
        await audit.AppendAsync(new AuditEvent(actor, "civil.service-target.set", "service-target", step, "service-level monitoring",
            $"{{\"before\":\"{before}\",\"after\":\"{target.MaxHours}h/{target.CompliancePercent}%\"}}"), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ServiceTarget>.Ok(new ServiceTarget(step, target.MaxHours, target.CompliancePercent, target.SetBy, target.SetAt));
    }

    /// <summary>The period around a date: the day, its week (Monday to Sunday) or its month, in Cambodia.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(string period, DateOnly date) => period switch
    {
        "day" => (date, date),
        "week" => (date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), date.AddDays(-(((int)date.DayOfWeek + 6) % 7) + 6)),
        _ => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
    };

    public async Task<Outcome<ServiceReport>> ReportAsync(string? period, string? date, string? area, Actor actor, CancellationToken ct)
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
        return Outcome<ServiceReport>.Ok(await ComputeAsync(p, on, a, ct));
    }

    /// <summary>Commune offices get their daily report, district and province supervisors daily too, the national level weekly.</summary>
    public static string DefaultPeriod(Actor actor) => actor.Jurisdiction.IsNational ? "week" : "day";

    public async Task<ServiceReport> ComputeAsync(string period, DateOnly on, string area, CancellationToken ct)
    {
        var (from, to) = PeriodOf(period, on);
        // PostgreSQL takes instants in UTC only.
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), CambodiaTime.Offset).ToUniversalTime();
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), CambodiaTime.Offset).ToUniversalTime();
        var targets = await TargetsAsync(ct);
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

    private sealed record Timing(string OfficeCode, RegistrationStatus Status, DateTimeOffset EnteredAt, DateTimeOffset? VerifiedAt, DateTimeOffset? DecidedAt, DateTimeOffset? FirstCertificateAt);
}
