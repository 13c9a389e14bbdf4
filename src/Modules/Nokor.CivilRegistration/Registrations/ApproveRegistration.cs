using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nokor.CivilRegistration.Contracts;
using Nokor.CivilRegistration.Data;
using Nokor.Platform.Errors;
using Nokor.Platform.Staff;

namespace Nokor.CivilRegistration.Registrations;

/// <summary>
/// A registrar approves (NSPI 5.3, 6.2 Table 5): the registration gets its number; a birth asks the
/// Population Registry for the child's KIDC, a death is recorded there. The approval intent is
/// saved before the registry acts, so <see cref="ApprovalRecovery"/> completes or undoes an
/// interrupted approval.
/// </summary>
internal static class ApproveRegistration
{
    public static async Task<Outcome<RegistrationView>> HandleAsync(
        Guid id, Actor actor, CivilDbContext db, RegistrationRecords records, Approvals approvals, StaffDirectory staff,
        IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct)
    {
        // One tracked load for the whole approval: the save at the end is checked against the
        // revision read here, so a concurrent decision on the same record answers 409.
        var check = await records.FindAsync(id, actor, track: true, ct);
        if (check is null)
        {
            return Outcome<RegistrationView>.NotFound(RegistrationRecords.NotFoundMessage);
        }

        if (Blocked(check, actor) is { } blocked)
        {
            return blocked;
        }

        if (check.AssignedTo is not null && check.AssignedTo != actor.Id)
        {
            return Outcome<RegistrationView>.Conflict($"The record is being worked on by {check.AssignedToName}; a registrar can reassign it.");
        }

        if (check.ApprovalStartedAt is not null)
        {
            return Outcome<RegistrationView>.Conflict("The record is being approved at this moment (an interrupted approval is completed automatically): open it again.");
        }

        // The intent is durable before the registry acts: a crash after the registry's change leaves
        // a record that the recovery pass finds and completes (or undoes, once rejected). The save
        // is checked against the revision read above, so of two approvers only one gets here.
        var name = await staff.DisplayNameAsync(actor, ct);
        check.ApprovalStartedAt = clock.GetUtcNow();
        check.ApprovalStartedBy = actor.Id;
        check.ApprovalStartedByName = name;
        check.Revision++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<RegistrationView>.Conflict("The record was changed by someone else meanwhile: open it again.");
        }

        var (refused, subjectKidc) = await approvals.ApplyToRegistryAsync(check, actor, ct);
        if (refused is not null)
        {
            await approvals.ClearIntentAsync(check.Id, CancellationToken.None);
            return refused;
        }

        if (options.Value.EffectiveTestPause is > 0 and var pause)
        {
            Console.WriteLine($"nokor-test-hook: approval-paused {check.Id}");
            await Task.Delay(pause, CancellationToken.None);
        }

        return await approvals.FinishApprovalAsync(check, subjectKidc, actor, name, note: null, ct);
    }

    private static Outcome<RegistrationView>? Blocked(RegistrationEntity r, Actor actor)
    {
        if (r.Status != RegistrationStatus.Verified)
        {
            return Outcome<RegistrationView>.Conflict(r.Status == RegistrationStatus.Entered
                ? "The record must be verified by a second staff member before approval."
                : $"The record is already {r.Status.ToString().ToLowerInvariant()}.");
        }

        if (!actor.IsInRole(Roles.Registrar))
        {
            return Outcome<RegistrationView>.Invalid("approver", "Only a registrar can approve a registration.");
        }

        if (r.EnteredBy == actor.Id)
        {
            return Outcome<RegistrationView>.Invalid("approver", "The registrar approving must not be the one who entered the data.");
        }

        // Late registration needs a senior registrar's approval.
        if (r.NeedsSeniorApproval && !actor.IsInRole(Roles.SeniorRegistrar))
        {
            return Outcome<RegistrationView>.Invalid("approver", $"This registration is late ({r.DelayDays} days): a senior registrar must approve it.");
        }

        return null;
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/approve", async (Guid id, HttpContext http, CivilDbContext db, RegistrationRecords records, Approvals approvals,
                StaffDirectory staff, IOptions<CivilRegistrationOptions> options, TimeProvider clock, CancellationToken ct) =>
                (await HandleAsync(id, http.Actor(), db, records, approvals, staff, options, clock, ct)).ToHttp())
            .RequireAuthorization(CivilPolicies.Work)
            .WithName("ApproveRegistration")
            .WithSummary("A registrar approves: the registration gets its number; a birth gets the child's KIDC, a death is recorded in the Population Registry");
}
