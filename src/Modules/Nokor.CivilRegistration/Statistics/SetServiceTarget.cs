using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Audit;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Statistics;

/// <summary>
/// Sets a step's service-level target (NSPI 8.4: targets set by administrators): the step should
/// take at most maxHours for compliancePercent of cases. The change is audited with the target before and after.
/// </summary>
internal static class SetServiceTarget
{
    public static async Task<Outcome<ServiceTarget>> HandleAsync(
        string step, SetServiceTargetRequest request, Actor actor, CivilDbContext db, IAuditLog audit, TimeProvider clock, CancellationToken ct)
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
            AuditDetails.Of(new { before = before ?? "", after = $"{target.MaxHours}h/{target.CompliancePercent}%" })), ct);
        await db.SaveChangesAsync(ct);
        return Outcome<ServiceTarget>.Ok(new ServiceTarget(step, target.MaxHours, target.CompliancePercent, target.SetBy, target.SetAt));
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/statistics/service-targets/{step}", async (string step, SetServiceTargetRequest request, HttpContext http, CivilDbContext db,
                IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(step, request, http.Actor(), db, audit, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.ServiceTargets)
            .WithName("SetServiceTarget")
            .WithSummary("Set a step's target: at most maxHours for compliancePercent of cases");
}
